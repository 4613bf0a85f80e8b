import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { postIn, versionFields, writeDraftClauses, type DraftInput } from './draft-texts.js';

/**
 * Saves the draft of the next version (creating it when there is none): its title, introduction,
 * change note and clauses. Clauses carried over keep their identity, so what people said about a
 * clause stays with it in the new version.
 */
export async function saveDraft(
  { db, clock }: Deps,
  actor: Actor,
  input: DraftInput & { regulationId: string },
): Promise<Result<{ number: number }, 'not_found' | 'validation_failed'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const regulation = await trx.selectFrom('regulations').select(['id', 'status', 'department_id']).where('id', '=', input.regulationId).forUpdate().executeTakeFirst();
    if (!regulation) return fail('not_found');
    const fields = versionFields(input);
    let draft = await trx.selectFrom('regulation_versions').select(['id', 'number']).where('regulation_id', '=', regulation.id).where('status', '=', 'draft').executeTakeFirst();
    if (draft) {
      await trx.updateTable('regulation_versions').set({ ...fields, updated_at: now }).where('id', '=', draft.id).execute();
    } else {
      const { last } = await trx
        .selectFrom('regulation_versions')
        .select((eb) => eb.fn.max('number').as('last'))
        .where('regulation_id', '=', regulation.id)
        .executeTakeFirstOrThrow();
      draft = await trx
        .insertInto('regulation_versions')
        .values({ regulation_id: regulation.id, number: Number(last ?? 0) + 1, ...fields, created_at: now, updated_at: now })
        .returning(['id', 'number'])
        .executeTakeFirstOrThrow();
    }
    const problems = await writeDraftClauses(trx, regulation.id, draft.id, input.clauses, now);
    if (problems.length > 0) return fail('validation_failed', { fields: problems });
    if (regulation.status === 'draft') {
      await trx.updateTable('regulations').set({ title: fields.title, title_zh: fields.title_zh }).where('id', '=', regulation.id).execute();
    }
    await writeAudit(
      trx,
      actor,
      {
        action: 'regulation.draft_saved',
        resourceType: 'regulation',
        resourceId: regulation.id,
        postId: postIn(actor, regulation.department_id),
        data: { version: draft.number, clauses: input.clauses.length },
        public: false,
      },
      now,
    );
    return ok({ number: draft.number });
  });
}
