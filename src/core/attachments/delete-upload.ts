import type { Deps } from '../deps.js';
import { fail, ok, type Result } from '../errors.js';
import type { UserActor } from '../permissions/actor.js';

/** Deletes one of the actor's uploads that is not attached to anything yet. */
export async function deleteUpload(deps: Deps, actor: UserActor, input: { id: string }): Promise<Result<void, 'not_found' | 'attachment_attached'>> {
  const row = await deps.db.selectFrom('attachments').select(['uploaded_by', 'owner_id']).where('id', '=', input.id).executeTakeFirst();
  if (!row || row.uploaded_by !== actor.id) return fail('not_found');
  const deleted = await deps.db.deleteFrom('attachments').where('id', '=', input.id).where('owner_id', 'is', null).executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) return fail('attachment_attached');
  return ok(undefined);
}
