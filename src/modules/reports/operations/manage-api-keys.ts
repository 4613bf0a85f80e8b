import { randomBytes } from 'node:crypto';
import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { hashApiKey } from '../queries/api-keys.js';

/**
 * Administrators issue an Open311 API key for an organization's app or a labelled client. The key
 * is returned this once; only its SHA-256 and its first characters are stored.
 */
export async function createApiKey(
  { db, clock }: Deps,
  actor: Actor,
  input: { label: string; organizationId?: string | null },
): Promise<Result<{ id: string; secret: string }, 'validation_failed'>> {
  const now = clock.now();
  const secret = `c311_${randomBytes(24).toString('base64url')}`;
  return transact(db, async (trx) => {
    const organizationId = input.organizationId ?? null;
    if (organizationId && !(await trx.selectFrom('organizations').select('id').where('id', '=', organizationId).executeTakeFirst())) {
      return fail('validation_failed', { fields: [{ path: 'organizationId', code: 'not_found' }] });
    }
    const row = await trx
      .insertInto('open311_api_keys')
      .values({ label: input.label.trim(), organization_id: organizationId, key_hash: hashApiKey(secret), key_prefix: secret.slice(0, 10), created_by: actor.kind === 'user' ? actor.id : null, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(
      trx,
      actor,
      { action: 'open311_key.created', resourceType: 'open311_key', resourceId: row.id, organizationId, data: { label: input.label.trim(), keyPrefix: secret.slice(0, 10) }, public: false },
      now,
    );
    return ok({ id: row.id, secret });
  });
}

/** Revokes a key at once: posts with it are refused from now on. Revoking twice changes nothing. */
export async function revokeApiKey({ db, clock }: Deps, actor: Actor, input: { id: string }): Promise<Result<null, 'not_found'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const key = await trx.selectFrom('open311_api_keys').select(['id', 'label', 'organization_id', 'revoked_at']).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!key) return fail('not_found');
    if (key.revoked_at) return ok(null);
    await trx.updateTable('open311_api_keys').set({ revoked_at: now }).where('id', '=', key.id).execute();
    await writeAudit(
      trx,
      actor,
      { action: 'open311_key.revoked', resourceType: 'open311_key', resourceId: key.id, organizationId: key.organization_id, data: { label: key.label }, public: false },
      now,
    );
    return ok(null);
  });
}
