import { createHash } from 'node:crypto';
import type { Executor } from '../db/database.js';

/**
 * The government and verified organizations as Popolo JSON (http://www.popoloproject.com/specs/):
 * organizations, the people who hold public posts (officials, by their public name), the posts,
 * who holds which (memberships) and the areas. Residents never appear: a person is listed only
 * while they hold a post.
 */
export interface PopoloDocument {
  meta: { generated_at: string; source: string; spec: string };
  organizations: PopoloOrganization[];
  persons: { id: string; name: string }[];
  posts: { id: string; label: string; other_label: string[]; role: string; organization_id: string; area_id: string | null }[];
  memberships: { id: string; person_id: string; organization_id: string; post_id: string; role: string; start_date?: string }[];
  areas: { id: string; name: string; other_names: PopoloName[]; identifier: string; classification: string; parent_id: string | null }[];
}

interface PopoloName {
  name: string;
  note: string;
}

export interface PopoloOrganization {
  id: string;
  name: string;
  other_names: PopoloName[];
  identifiers: { scheme: string; identifier: string }[];
  classification: string;
  parent_id: string | null;
  area_id: string | null;
  contact_details: { type: string; value: string }[];
  links: { url: string; note: string }[];
}

/** A stable id for an official that is not their account id (which the archive never shows). */
export function popoloPersonId(userId: string): string {
  return `person-${createHash('sha256').update(`civitas/popolo/person\n${userId}`).digest('hex').slice(0, 20)}`;
}

const zhName = (name: string | null): PopoloName[] => (name ? [{ name, note: 'zh-CN' }] : []);

/**
 * When the current holder took each post: the latest audit row (post created or updated) that made
 * them the holder. Unknown when the log does not say.
 */
async function holderSince(db: Executor, posts: { id: string; holder: string }[]): Promise<Map<string, string>> {
  const since = new Map<string, string>();
  if (posts.length === 0) return since;
  const holderOf = new Map(posts.map((p) => [p.id, p.holder]));
  const rows = await db
    .selectFrom('audit_log')
    .select(['resource_id', 'action', 'at', 'data'])
    .where('resource_type', '=', 'post')
    .where('action', 'in', ['post.created', 'post.updated'])
    .where('resource_id', 'in', [...holderOf.keys()])
    .orderBy('seq')
    .execute();
  for (const r of rows) {
    const holder = holderOf.get(r.resource_id!);
    const data = r.data as Record<string, unknown>;
    const became =
      (r.action === 'post.created' && data['holderId'] === holder) ||
      (r.action === 'post.updated' && data['holderAfter'] === holder && data['holderBefore'] !== holder);
    if (became) since.set(r.resource_id!, r.at.toISOString().slice(0, 10));
  }
  return since;
}

export async function popoloDocument(db: Executor, now: Date): Promise<PopoloDocument> {
  const [orgs, posts, areas] = await Promise.all([
    db
      .selectFrom('organizations')
      .select(['id', 'slug', 'sector', 'kind', 'parent_id', 'name', 'name_zh', 'area_id', 'website', 'email'])
      .where((eb) => eb.or([eb('sector', '=', 'government'), eb('status', '=', 'verified')]))
      .orderBy('sector')
      .orderBy('slug')
      .execute(),
    db
      .selectFrom('posts as p')
      .innerJoin('organizations as o', 'o.id', 'p.organization_id')
      .leftJoin('users as u', 'u.id', 'p.holder_user_id')
      .select(['p.id', 'p.organization_id', 'p.title', 'p.title_zh', 'p.holder_user_id', 'u.display_name', 'o.area_id'])
      .where('o.sector', '=', 'government')
      .orderBy('o.slug')
      .orderBy('p.title')
      .orderBy('p.id')
      .execute(),
    db.selectFrom('areas').select(['id', 'slug', 'kind', 'parent_id', 'name', 'name_zh']).orderBy('slug').execute(),
  ]);
  const listed = new Set(orgs.map((o) => o.id));
  const held = posts.filter((p) => p.holder_user_id !== null && p.display_name !== null);
  const since = await holderSince(db, held.map((p) => ({ id: p.id, holder: p.holder_user_id! })));
  const persons = new Map<string, { id: string; name: string }>();
  for (const p of held) {
    const id = popoloPersonId(p.holder_user_id!);
    if (!persons.has(id)) persons.set(id, { id, name: p.display_name! });
  }
  return {
    meta: { generated_at: now.toISOString(), source: 'Civitas', spec: 'http://www.popoloproject.com/specs/' },
    organizations: orgs.map((o) => ({
      id: o.id,
      name: o.name,
      other_names: zhName(o.name_zh),
      identifiers: [{ scheme: 'civitas-slug', identifier: o.slug }],
      classification: `${o.sector}/${o.kind}`,
      parent_id: o.parent_id && listed.has(o.parent_id) ? o.parent_id : null,
      area_id: o.area_id,
      contact_details: o.email ? [{ type: 'email', value: o.email }] : [],
      links: o.website ? [{ url: o.website, note: 'website' }] : [],
    })),
    persons: [...persons.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    posts: posts.map((p) => ({
      id: p.id,
      label: p.title,
      other_label: p.title_zh ? [p.title_zh] : [],
      role: p.title,
      organization_id: p.organization_id,
      area_id: p.area_id,
    })),
    memberships: held.map((p) => ({
      id: `membership-${p.id}`,
      person_id: popoloPersonId(p.holder_user_id!),
      organization_id: p.organization_id,
      post_id: p.id,
      role: p.title,
      ...(since.has(p.id) ? { start_date: since.get(p.id)! } : {}),
    })),
    areas: areas.map((a) => ({
      id: a.id,
      name: a.name,
      other_names: zhName(a.name_zh),
      identifier: a.slug,
      classification: a.kind,
      parent_id: a.parent_id,
    })),
  };
}
