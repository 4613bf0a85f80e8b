import { sql } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import type { ConsultationSummary } from '../tables.js';

/**
 * The results of a consultation so far: stance comments written while it was open (not deleted or
 * hidden, replies not counted) and the residents' approval ratings (1-5) with their distribution.
 */
export async function consultationSummary(db: Executor, c: { id: string; consultationOpensAt: Date; consultationEndsAt: Date }): Promise<ConsultationSummary> {
  const [comments, approvals] = await Promise.all([
    db
      .selectFrom('comments')
      .select(['stance', sql<number>`count(*)::int`.as('n')])
      .where('resource_type', '=', 'commitment')
      .where('resource_id', '=', c.id)
      .where('parent_id', 'is', null)
      .where('deleted_at', 'is', null)
      .where('hidden_at', 'is', null)
      .where('created_at', '>=', c.consultationOpensAt)
      .where('created_at', '<', c.consultationEndsAt)
      .groupBy('stance')
      .execute(),
    db
      .selectFrom('commitment_approvals')
      .select(['approval', sql<number>`count(*)::int`.as('n')])
      .where('commitment_id', '=', c.id)
      .groupBy('approval')
      .execute(),
  ]);
  const byStance = new Map(comments.map((r) => [r.stance, Number(r.n)]));
  const distribution = [1, 2, 3, 4, 5].map((s) => Number(approvals.find((a) => Number(a.approval) === s)?.n ?? 0));
  const count = distribution.reduce((a, b) => a + b, 0);
  const sum = distribution.reduce((a, n, i) => a + n * (i + 1), 0);
  return {
    opensAt: c.consultationOpensAt.toISOString(),
    endsAt: c.consultationEndsAt.toISOString(),
    comments: {
      total: comments.reduce((a, r) => a + Number(r.n), 0),
      inFavour: byStance.get('in_favour') ?? 0,
      against: byStance.get('against') ?? 0,
      neutral: byStance.get('neutral') ?? 0,
    },
    approvals: { count, average: count > 0 ? sum / count : null, distribution },
  };
}
