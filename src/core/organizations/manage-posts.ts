import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import type { Tx } from '../db/database.js';
import { transact } from '../db/transact.js';
import { fail, ok, type Result } from '../errors.js';
import { writeAudit } from '../audit/audit-log.js';
import type { Actor } from '../permissions/actor.js';

async function userIdByEmail(trx: Tx, email: string): Promise<string | null> {
  const user = await trx.selectFrom('users').select('id').where(sql<string>`lower(email)`, '=', email.trim().toLowerCase()).executeTakeFirst();
  return user?.id ?? null;
}

/** Creates a post (an official title) in a government body, optionally with its holder. */
export async function createPost(
  { db, clock }: Deps,
  actor: Actor,
  input: { organizationId: string; title: string; titleZh?: string | null; holderEmail?: string | null },
): Promise<Result<{ id: string }, 'not_found'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    let holder: string | null = null;
    if (input.holderEmail) {
      holder = await userIdByEmail(trx, input.holderEmail);
      if (!holder) return fail('not_found', { fields: [{ path: 'holderEmail', code: 'user_not_found' }] });
    }
    const post = await trx
      .insertInto('posts')
      .values({ organization_id: input.organizationId, title: input.title.trim(), title_zh: input.titleZh?.trim() || null, holder_user_id: holder, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(
      trx,
      actor,
      { action: 'post.created', resourceType: 'post', resourceId: post.id, organizationId: input.organizationId, data: { title: input.title, holderId: holder }, public: true },
      now,
    );
    return ok({ id: post.id });
  });
}

/** Renames a post or changes (or clears) its holder. */
export async function updatePost(
  { db, clock }: Deps,
  actor: Actor,
  input: { id: string; title?: string; titleZh?: string | null; holderEmail?: string | null },
): Promise<Result<null, 'not_found'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const post = await trx.selectFrom('posts').select(['id', 'organization_id', 'holder_user_id']).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!post) return fail('not_found');
    const changes: { title?: string; title_zh?: string | null; holder_user_id?: string | null } = {};
    if (input.title !== undefined) changes.title = input.title.trim();
    if (input.titleZh !== undefined) changes.title_zh = input.titleZh?.trim() || null;
    if (input.holderEmail !== undefined) {
      if (input.holderEmail === null || input.holderEmail === '') changes.holder_user_id = null;
      else {
        const holder = await userIdByEmail(trx, input.holderEmail);
        if (!holder) return fail('not_found', { fields: [{ path: 'holderEmail', code: 'user_not_found' }] });
        changes.holder_user_id = holder;
      }
    }
    if (Object.keys(changes).length > 0) await trx.updateTable('posts').set(changes).where('id', '=', input.id).execute();
    await writeAudit(
      trx,
      actor,
      {
        action: 'post.updated',
        resourceType: 'post',
        resourceId: input.id,
        organizationId: post.organization_id,
        data: { fields: Object.keys(changes).sort(), ...(changes.holder_user_id !== undefined ? { holderBefore: post.holder_user_id, holderAfter: changes.holder_user_id } : {}) },
        public: true,
      },
      now,
    );
    return ok(null);
  });
}
