import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { loadProcess } from '../../processes/index.js';
import { postIn, versionFields, writeDraftClauses, type DraftInput } from './draft-texts.js';

/**
 * Starts a draft regulation in a process, with its first version as a draft: only the department
 * sees it until that version is published.
 */
export async function createRegulation(
  { db, clock }: Deps,
  actor: Actor,
  input: DraftInput & { processId: string },
): Promise<Result<{ id: string }, 'not_found' | 'validation_failed' | 'not_authenticated'>> {
  if (actor.kind !== 'user') return fail('not_authenticated');
  const now = clock.now();
  return transact(db, async (trx) => {
    const context = await loadProcess(trx, { id: input.processId }, now);
    if (!context || !context.process.components.includes('regulations')) return fail('not_found');
    const fields = versionFields(input);
    const regulation = await trx
      .insertInto('regulations')
      .values({ process_id: input.processId, department_id: context.process.department_id, title: fields.title, title_zh: fields.title_zh, current_version: null, created_by: actor.id, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const version = await trx
      .insertInto('regulation_versions')
      .values({ regulation_id: regulation.id, number: 1, ...fields, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const problems = await writeDraftClauses(trx, regulation.id, version.id, input.clauses, now);
    if (problems.length > 0) return fail('validation_failed', { fields: problems });
    await writeAudit(
      trx,
      actor,
      {
        action: 'regulation.created',
        resourceType: 'regulation',
        resourceId: regulation.id,
        postId: postIn(actor, context.process.department_id),
        data: { title: fields.title, processId: input.processId, clauses: input.clauses.length },
        public: false,
      },
      now,
    );
    return ok({ id: regulation.id });
  });
}
