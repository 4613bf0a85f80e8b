import type { Selectable } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import type { ProposalRef } from '../policy.js';
import type { ProposalsTable } from '../tables.js';

export type ProposalRow = Omit<Selectable<ProposalsTable>, 'tsv'>;

/** A proposal row with its co-authors, and the reference the policy decides on. */
export interface ProposalRecord {
  row: ProposalRow;
  coauthorIds: string[];
  coalitionIds: string[];
  ref: ProposalRef;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const columns = [
  'id', 'process_id', 'author_id', 'organization_id', 'title', 'body', 'area_id', 'category', 'latitude', 'longitude', 'address',
  'state', 'supports_count', 'created_at', 'updated_at', 'published_at', 'qualified_at', 'answer_due_at', 'evaluating_at',
  'answered_at', 'answer', 'answer_post_id', 'answered_by', 'withdrawn_at', 'overdue_at', 'hidden_at',
] as const;

/**
 * One proposal with its co-authors (people and coalition organizations); `departmentId` is the
 * process's responsible department. Visibility is the caller's check (`proposal.read`).
 * With `forUpdate`, the proposal row stays locked until the caller's transaction ends.
 */
export async function loadProposal(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<ProposalRecord | null> {
  if (!UUID.test(id)) return null;
  let query = db
    .selectFrom('proposals')
    .innerJoin('processes', 'processes.id', 'proposals.process_id')
    .select(columns.map((c) => `proposals.${c}` as const))
    .select('processes.department_id')
    .where('proposals.id', '=', id);
  if (options.forUpdate) query = query.forUpdate('proposals');
  const found = await query.executeTakeFirst();
  if (!found) return null;
  const { department_id: departmentId, ...row } = found;
  const coauthors = await db.selectFrom('proposal_coauthors').select(['user_id', 'organization_id']).where('proposal_id', '=', id).orderBy('added_at').execute();
  const coauthorIds = coauthors.flatMap((c) => (c.user_id ? [c.user_id] : []));
  const coalitionIds = coauthors.flatMap((c) => (c.organization_id ? [c.organization_id] : []));
  return {
    row,
    coauthorIds,
    coalitionIds,
    ref: {
      state: row.state,
      authorId: row.author_id,
      organizationId: row.organization_id,
      coauthorIds,
      hidden: row.hidden_at !== null,
      departmentId,
    },
  };
}

/** The web path of a proposal. */
export function proposalPath(processSlug: string, proposalId: string): string {
  return `/processes/${processSlug}/proposals/${proposalId}`;
}
