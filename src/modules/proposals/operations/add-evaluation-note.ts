import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { officialPostIn } from './proposal-input.js';

/** An official of the responsible department writes a private note on a proposal under evaluation. */
export async function addEvaluationNote(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; body: string },
): Promise<Result<{ id: string }, 'not_found'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const row = await trx
      .selectFrom('proposals')
      .innerJoin('processes', 'processes.id', 'proposals.process_id')
      .select(['proposals.id', 'processes.department_id'])
      .where('proposals.id', '=', input.id)
      .executeTakeFirst();
    if (!row) return fail('not_found');
    const postId = officialPostIn(actor, row.department_id);
    const note = await trx
      .insertInto('proposal_notes')
      .values({ proposal_id: row.id, author_id: actor.id, post_id: postId, body: input.body.trim(), created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'proposal.note_added', resourceType: 'proposal', resourceId: row.id, postId, data: { noteId: note.id }, public: false }, now);
    return ok({ id: note.id });
  });
}
