import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { searchVector } from '../../../core/search/text-search.js';
import { loadProcess } from '../../processes/index.js';
import { parseDecimal, tryParsePabulib, type PabulibFile } from '../counting/pabulib.js';
import { newReceiptCode, receiptHash, voterKeys } from '../secrecy.js';
import type { BallotType, StoredSelection } from '../tables.js';
import { officialPostIn, settingsColumns, settingsProblems, type BudgetSettingsInput } from './budget-input.js';

/** Pabulib marks a withdrawn project with this cost. */
const WITHDRAWN_COST = 999_999_999;
const CHUNK = 1000;

export interface ImportPabulibInput {
  processId: string;
  /** The .pb text. */
  text: string;
  /** Defaults to the file's description. */
  title?: string;
  titleZh?: string | null;
  areaId?: string | null;
  /** Defaults to the first rule offered for the file's ballot type. */
  rule?: string | null;
}

function metaNumber(meta: Record<string, string>, key: string): number | null {
  const value = meta[key];
  if (value === undefined || value === 'None') return null;
  return parseDecimal(value);
}

/** The budget settings a Pabulib file implies: approval (or knapsack when it caps the cost), or cumulative. */
export function settingsFromFile(file: PabulibFile, input: Pick<ImportPabulibInput, 'title' | 'titleZh' | 'areaId' | 'rule'>): BudgetSettingsInput {
  const meta = file.meta;
  const maxSumCost = metaNumber(meta, 'max_sum_cost');
  const ballotType: BallotType = file.voteType === 'cumulative' ? 'cumulative' : maxSumCost !== null && file.budget > 0 ? 'knapsack' : 'approval';
  const minLength = metaNumber(meta, 'min_length');
  const maxLength = metaNumber(meta, 'max_length');
  const described = [meta.description, meta.unit, meta.instance].find((v) => v && v !== 'None');
  // ISO 4217 "XXX" means "no currency": what a Pabulib file without a valid currency code is stored as.
  const currency = meta.currency && /^[A-Za-z]{3}$/.test(meta.currency) ? meta.currency.toUpperCase() : 'XXX';
  return {
    title: (input.title ?? described ?? 'Imported budget').slice(0, 200),
    titleZh: input.titleZh ?? null,
    description: [meta.description, meta.comment].filter((v) => v && v !== 'None').join('\n\n').slice(0, 10_000),
    areaId: input.areaId,
    amount: file.budget,
    currency,
    ballotType,
    minProjects: minLength !== null && Number.isInteger(minLength) && minLength >= 0 ? minLength : null,
    maxProjects: maxLength !== null && Number.isInteger(maxLength) && maxLength >= 1 ? maxLength : null,
    maxShare: ballotType === 'knapsack' ? Math.min(1, Math.max(0.0001, maxSumCost! / file.budget)) : null,
    pointsTotal: ballotType === 'cumulative' ? Math.max(1, Math.round(metaNumber(meta, 'max_sum_points') ?? maxPointsUsed(file))) : null,
    pointsPerProjectMax: ballotType === 'cumulative' ? (metaNumber(meta, 'max_points') ?? null) : null,
    rule: input.rule ?? null,
  };
}

function maxPointsUsed(file: PabulibFile): number {
  return Math.max(1, ...file.ballots.map((b) => (b.points ?? []).reduce((a, n) => a + n, 0)));
}

/**
 * Creates a budget from a Pabulib file, for an exercise or a replay of a past election: its settings
 * from META, its projects (found feasible by the file; withdrawn ones marked so) and its ballots
 * under keys derived from the file's voter ids, so they are as secret as any other. No one votes in
 * an imported budget; it is counted when its process's voting closes, or when officials ask.
 */
export async function importPabulib(
  { db, clock }: Deps,
  actor: Actor,
  input: ImportPabulibInput,
): Promise<Result<{ id: string; projects: number; ballots: number; warnings: string[] }, 'not_found' | 'budget_not_in_process' | 'pabulib_file_invalid' | 'pabulib_vote_type_unsupported' | 'validation_failed'>> {
  const now = clock.now();
  const context = await loadProcess(db, { id: input.processId }, now);
  if (!context) return fail('not_found');
  if (!context.process.components.includes('budgeting')) return fail('budget_not_in_process');
  const parsed = tryParsePabulib(input.text);
  if (!parsed.ok) {
    const line = Number(parsed.params?.line ?? 0);
    const reason = String(parsed.params?.reason ?? '');
    return fail('pabulib_file_invalid', { params: { problem: line > 0 ? `line ${line}: ${reason}` : reason } });
  }
  const file = parsed.value;
  if (file.voteType !== 'approval' && file.voteType !== 'cumulative') return fail('pabulib_vote_type_unsupported', { params: { voteType: file.voteType } });
  if (!(file.budget > 0)) return fail('pabulib_file_invalid', { params: { problem: 'the budget is 0' } });
  const voters = new Set<string>();
  for (const b of file.ballots) {
    if (voters.has(b.voterId)) return fail('pabulib_file_invalid', { params: { problem: `voter ${b.voterId} appears twice` } });
    voters.add(b.voterId);
  }
  const settings = settingsFromFile(file, input);
  const problems = await settingsProblems(db, settings, context.process.area_id);
  if (problems.length > 0) return fail('validation_failed', { fields: problems });
  const areaId = settings.areaId === undefined ? context.process.area_id : settings.areaId;
  const importedFrom = [file.meta.country, file.meta.unit, file.meta.subunit, file.meta.instance].filter((v) => v && v !== 'None').join(' · ') || 'Pabulib';
  return transact(db, async (trx) => {
    const columns = settingsColumns(settings, areaId ?? null);
    const budget = await trx
      .insertInto('budgets')
      .values({ ...columns, process_id: context.process.id, status: 'open', imported_from: importedFrom, created_by: actor.kind === 'user' ? actor.id : null, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const idOf = new Map<string, string>();
    for (let start = 0; start < file.projects.length; start += CHUNK) {
      const rows = file.projects.slice(start, start + CHUNK).map((p) => {
        const title = (p.name ?? `Project ${p.id}`).slice(0, 300);
        const description = p.description ?? '';
        const withdrawn = p.cost >= WITHDRAWN_COST;
        return {
          budget_id: budget.id,
          code: p.id,
          title,
          title_zh: null,
          description,
          cost: withdrawn ? 0 : p.cost,
          category: p.category?.length ? p.category.join(', ').slice(0, 60) : null,
          latitude: p.latitude !== undefined && p.longitude !== undefined ? p.latitude : null,
          longitude: p.latitude !== undefined && p.longitude !== undefined ? p.longitude : null,
          state: withdrawn ? ('withdrawn' as const) : ('feasible' as const),
          review_reason: withdrawn ? null : 'Imported from a Pabulib file.',
          reviewed_at: withdrawn ? null : now,
          implementation_status: 'not_started' as const,
          withdrawn_at: withdrawn ? now : null,
          created_at: now,
          updated_at: now,
          tsv: searchVector(title, description) as never,
        };
      });
      const inserted = await trx.insertInto('budget_projects').values(rows).returning(['id', 'code']).execute();
      for (const r of inserted) idOf.set(r.code, r.id);
    }
    const keys = await voterKeys(trx, budget.id);
    const cumulative = file.voteType === 'cumulative';
    for (let start = 0; start < file.ballots.length; start += CHUNK) {
      const rows = file.ballots.slice(start, start + CHUNK).map((b) => {
        const selections: StoredSelection[] = b.projects
          .map((code, i) => (cumulative ? { p: idOf.get(code)!, n: b.points?.[i] ?? 0 } : { p: idOf.get(code)! }))
          .sort((x, y) => (x.p < y.p ? -1 : x.p > y.p ? 1 : 0));
        return { budget_id: budget.id, voter_key: keys.forImported(b.voterId), receipt_hash: receiptHash(newReceiptCode()), selections: JSON.stringify(selections) };
      });
      if (rows.length > 0) await trx.insertInto('budget_ballots').values(rows).execute();
    }
    await writeAudit(
      trx,
      actor,
      {
        action: 'budget.imported',
        resourceType: 'budget',
        resourceId: budget.id,
        postId: officialPostIn(actor, context.process.department_id),
        data: { processId: context.process.id, source: importedFrom, projects: file.projects.length, ballots: file.ballots.length, voteType: file.voteType, rule: columns.rule },
        public: true,
      },
      now,
    );
    return ok({ id: budget.id, projects: file.projects.length, ballots: file.ballots.length, warnings: file.warnings });
  });
}
