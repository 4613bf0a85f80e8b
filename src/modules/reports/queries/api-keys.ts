import { createHash } from 'node:crypto';
import type { Executor } from '../../../core/db/database.js';

/** An API key that may post service requests. */
export interface Open311Key {
  id: string;
  label: string;
  organizationId: string | null;
}

/** The stored form of a key: its SHA-256 in hex. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The key behind a presented `api_key`, if it exists and is not revoked. */
export async function findApiKey(db: Executor, presented: string | null | undefined): Promise<Open311Key | null> {
  if (!presented || presented.length > 200) return null;
  const row = await db
    .selectFrom('open311_api_keys')
    .select(['id', 'label', 'organization_id'])
    .where('key_hash', '=', hashApiKey(presented))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? { id: row.id, label: row.label, organizationId: row.organization_id } : null;
}
