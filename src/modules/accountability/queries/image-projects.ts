import { sql } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import { assessImageProjects, loadImageFormula, type ImageAssessment, type ImageCandidate, type ImageFormula } from '../image-project.js';

/** Every commitment as the image-project formula sees it: kind, area level, spending and benefit ratings. */
export async function imageCandidates(db: Executor): Promise<ImageCandidate[]> {
  const rows = await db
    .selectFrom('commitments as c')
    .leftJoin('areas as a', 'a.id', 'c.area_id')
    .select([
      'c.id', 'c.kind', 'c.status', 'c.spent', 'c.planned_budget', 'a.kind as area_kind',
      (eb) => eb.selectFrom('commitment_ratings as r').select(sql<number>`count(*)::int`.as('n')).whereRef('r.commitment_id', '=', 'c.id').as('ratings'),
      (eb) => eb.selectFrom('commitment_ratings as r').select(sql<string | null>`avg(r.benefit)`.as('b')).whereRef('r.commitment_id', '=', 'c.id').as('benefit'),
    ])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    areaLevel: r.area_kind ?? 'none',
    cancelled: r.status === 'cancelled',
    spent: Number(r.spent),
    plannedBudget: Number(r.planned_budget),
    benefitAverage: r.benefit === null || r.benefit === undefined ? null : Number(r.benefit),
    ratings: Number(r.ratings ?? 0),
  }));
}

/** The formula in force and every commitment's assessment under it. */
export async function imageAssessments(db: Executor): Promise<{ formula: ImageFormula; assessments: Map<string, ImageAssessment> }> {
  const [formula, candidates] = await Promise.all([loadImageFormula(db), imageCandidates(db)]);
  return { formula, assessments: assessImageProjects(candidates, formula) };
}
