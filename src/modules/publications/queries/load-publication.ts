import type { Selectable } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import type { Actor } from '../../../core/permissions/actor.js';
import type { ResourceRegistry } from '../../../core/resources.js';
import type { PublicationRef } from '../policy.js';
import type { PublicationsTable } from '../tables.js';

export type PublicationRow = Omit<Selectable<PublicationsTable>, 'tsv'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const publicationColumns = [
  'id', 'department_id', 'area_id', 'category', 'title', 'summary', 'document_date', 'valid_from', 'valid_until', 'status', 'created_by',
  'created_at', 'updated_at', 'published_at', 'corrected_at', 'withdrawn_at', 'withdrawal_reason',
] as const;

export function refOf(row: Pick<PublicationRow, 'status' | 'department_id'>): PublicationRef {
  return { status: row.status, departmentId: row.department_id };
}

/** One publication and the reference the policy decides on; visibility is the caller's check (`publication.read`). */
export async function loadPublication(db: Executor, id: string): Promise<{ row: PublicationRow; ref: PublicationRef } | null> {
  if (!UUID.test(id)) return null;
  const row = await db.selectFrom('publications').select(publicationColumns).where('id', '=', id).executeTakeFirst();
  return row ? { row, ref: refOf(row) } : null;
}

export interface PublicationLinkView {
  type: string;
  id: string;
  title: string;
  path: string;
}

/**
 * The records a publication concerns, described now by their modules' adapters as the reader sees
 * them; links to what the reader may not see (or what no longer exists) are left out.
 */
export async function describeLinks(db: Executor, resources: ResourceRegistry, publicationId: string, actor: Actor, now: Date): Promise<PublicationLinkView[]> {
  const rows = await db.selectFrom('publication_links').select(['target_type', 'target_id']).where('publication_id', '=', publicationId).orderBy('position').execute();
  const described = await Promise.all(
    rows.map(async (r) => {
      const info = await resources.get(r.target_type)?.describe(db, r.target_id, actor, now);
      return info ? { type: r.target_type, id: r.target_id, title: info.title, path: info.path } : null;
    }),
  );
  return described.filter((d): d is PublicationLinkView => d !== null);
}

/** The public history: published, corrections with their notes, the withdrawal with its reason. */
export async function publicationEvents(db: Executor, publicationId: string) {
  const rows = await db.selectFrom('publication_events').select(['kind', 'note', 'at']).where('publication_id', '=', publicationId).orderBy('at').orderBy('id').execute();
  return rows.map((r) => ({ kind: r.kind, note: r.note, at: r.at.toISOString() }));
}
