import { randomBytes } from 'node:crypto';
import type { Executor } from './db/database.js';

/** Lower-case ASCII words joined by hyphens; empty for names with no Latin letters (e.g. Chinese). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}

/** A slug not yet used in `organizations`: from the name, else a short random one. */
export async function freeOrganizationSlug(db: Executor, name: string): Promise<string> {
  const base = slugify(name) || `org-${randomBytes(3).toString('hex')}`;
  for (let n = 1; n < 50; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const taken = await db.selectFrom('organizations').select('id').where('slug', '=', candidate).executeTakeFirst();
    if (!taken) return candidate;
  }
  return `${base}-${randomBytes(3).toString('hex')}`;
}
