import type { Executor } from '../db/database.js';
import { visitor } from '../permissions/actor.js';
import type { ResourceRegistry } from '../resources.js';
import type { OpenDataSource, OpenDataTable } from './types.js';
import { authorKind, fieldsOf, iso } from './rows.js';

/**
 * Keys of audit data that name or point at a person: dropped from the archive whatever their value.
 * (A count under such a key, e.g. `ballots: 12`, is kept.)
 */
const PERSONAL_KEYS = /^(user_?ids?|holder_?(id|before|after)|actor_?id|author_?ids?|voter.*|e_?mail|display_?name|phone|first_?name|last_?name|accounts|receipts?.*)$/i;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+/g;
/** Resource types whose ids are people (or their sessions): the audit row keeps the type, not the id. */
const PERSONAL_RESOURCE_TYPES = new Set(['user', 'session', 'census', 'census_batch']);

/** The people the audit data must not point at: every account's id and e-mail. */
export interface PersonIndex {
  ids: Set<string>;
  emails: Set<string>;
}

export async function personIndex(db: Executor): Promise<PersonIndex> {
  const users = await db.selectFrom('users').select(['id', 'email']).execute();
  return { ids: new Set(users.map((u) => u.id.toLowerCase())), emails: new Set(users.map((u) => u.email.toLowerCase())) };
}

function pointsAtPerson(text: string, people: PersonIndex): boolean {
  for (const m of text.match(UUID) ?? []) if (people.ids.has(m.toLowerCase())) return true;
  for (const m of text.match(EMAIL) ?? []) if (people.emails.has(m.toLowerCase())) return true;
  return false;
}

/**
 * A public audit row's data without anything personal: keys that name people are dropped, and any
 * string holding an account's id or e-mail becomes `[redacted]`, at every depth.
 */
export function stripPersonal(value: unknown, people: PersonIndex): unknown {
  if (typeof value === 'string') return pointsAtPerson(value, people) ? '[redacted]' : value;
  if (Array.isArray(value)) return value.map((v) => stripPersonal(v, people));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (PERSONAL_KEYS.test(k) && typeof v !== 'number') continue;
      out[k] = stripPersonal(v, people);
    }
    return out;
  }
  return value;
}

const auditLog: OpenDataTable = {
  name: 'audit_log',
  description: {
    en: 'One public row of the hash-chained audit log: an accepted action, by role, post and organization, never by person.',
    zh: '哈希链审计日志中的一条公开记录：一项已生效的操作，只记录角色、职位和组织，不记录个人。',
  },
  fields: fieldsOf({
    seq: ['integer', 'Position in the chain (rows that are not public are left out, so numbers have gaps).'],
    at: ['datetime', 'When the action was recorded.'],
    actor_role: ['string', 'The role the actor acted in: resident, registered, representative, official, administrator, moderator, system.'],
    organization_id: ['string', 'The organization on whose behalf the action was done (see organizations).'],
    organization_name: ['string', 'That organization\'s name, or the name of the post\'s department.'],
    post_id: ['string', 'The post (official title) in whose name an official acted (see posts).'],
    post_title: ['string', 'That post\'s title.'],
    action: ['string', 'What was done, e.g. proposal.answered.'],
    resource_type: ['string', 'The kind of record acted on.'],
    resource_id: ['string', 'The record acted on (empty when it is a person\'s account).'],
    data: ['json', 'What changed, with anything pointing at a person removed.'],
    prev_hash: ['string', 'The hash of the previous row in the full chain.'],
    hash: ['string', 'This row\'s SHA-256 over the previous hash and its full content (which includes fields not published here).'],
  }),
  async rows(db) {
    const people = await personIndex(db);
    const rows = await db
      .selectFrom('audit_log as a')
      .leftJoin('posts as p', 'p.id', 'a.post_id')
      .leftJoin('organizations as o', 'o.id', 'a.organization_id')
      .leftJoin('organizations as po', 'po.id', 'p.organization_id')
      .select(['a.seq', 'a.at', 'a.actor_role', 'a.organization_id', 'a.post_id', 'a.action', 'a.resource_type', 'a.resource_id', 'a.data', 'a.prev_hash', 'a.hash', 'p.title as post_title', 'o.name as org_name', 'po.name as post_org_name'])
      .where('a.public', '=', true)
      .orderBy('a.seq')
      .execute();
    return rows.map((r) => ({
      seq: Number(r.seq),
      at: iso(r.at),
      actor_role: r.actor_role,
      organization_id: r.organization_id ?? null,
      organization_name: r.org_name ?? r.post_org_name ?? null,
      post_id: r.post_id,
      post_title: r.post_title ?? null,
      action: r.action,
      resource_type: r.resource_type,
      resource_id:
        r.resource_id === null || PERSONAL_RESOURCE_TYPES.has(r.resource_type) || pointsAtPerson(r.resource_id, people) ? null : r.resource_id,
      data: stripPersonal(r.data, people),
      prev_hash: r.prev_hash,
      hash: r.hash,
    }));
  },
};

const areas: OpenDataTable = {
  name: 'areas',
  description: { en: 'One area of the municipality: the city, a district or a neighbourhood.', zh: '本市的一个区域：市、区或社区。' },
  fields: fieldsOf({
    id: ['string', 'Identifier.'],
    parent_id: ['string', 'The area it lies in.'],
    kind: ['string', 'city, district or neighbourhood.'],
    slug: ['string', 'Short name used in web addresses.'],
    name: ['string', 'Name in English.'],
    name_zh: ['string', 'Name in Chinese.'],
  }),
  async rows(db) {
    const rows = await db.selectFrom('areas').select(['id', 'parent_id', 'kind', 'slug', 'name', 'name_zh']).orderBy('slug').execute();
    return rows.map((r) => ({ ...r }));
  },
};

/**
 * Government bodies and verified organizations. An organization's e-mail and web site are its
 * public contact details (given in its public profile), so they are published; people are not.
 */
const organizations: OpenDataTable = {
  name: 'organizations',
  description: {
    en: 'One government body or verified enterprise or social organization, with its public contact details.',
    zh: '一个政府机构，或经过核实的企业或社会组织，含其公开联系方式。',
  },
  fields: fieldsOf({
    id: ['string', 'Identifier.'],
    slug: ['string', 'Short name used in web addresses.'],
    sector: ['string', 'government, market (enterprises) or society (social organizations).'],
    kind: ['string', 'The kind of organization, e.g. department, ngo, company.'],
    parent_id: ['string', 'The body it belongs to (government bodies).'],
    name: ['string', 'Name in English.'],
    name_zh: ['string', 'Name in Chinese.'],
    description: ['string', 'What it does, as it describes itself.'],
    area_id: ['string', 'The area it works in.'],
    website: ['string', 'Its public web site.'],
    email: ['string', 'Its public contact e-mail address (the organization\'s, not a person\'s).'],
    is_supervisory: ['boolean', 'Whether it supervises other bodies (reviews appeals).'],
    verified_at: ['datetime', 'When an administrator verified it (empty for government bodies).'],
  }),
  async rows(db) {
    const rows = await db
      .selectFrom('organizations')
      .select(['id', 'slug', 'sector', 'kind', 'parent_id', 'name', 'name_zh', 'description', 'area_id', 'website', 'email', 'is_supervisory', 'decided_at', 'status'])
      .where((eb) => eb.or([eb('sector', '=', 'government'), eb('status', '=', 'verified')]))
      .orderBy('sector')
      .orderBy('slug')
      .execute();
    return rows.map(({ decided_at, status: _status, ...r }) => ({ ...r, verified_at: r.sector === 'government' ? null : iso(decided_at) }));
  },
};

const posts: OpenDataTable = {
  name: 'posts',
  description: {
    en: 'One post (an official title) in a government body; who holds it is in the Popolo file at /api/v1/popolo.',
    zh: '政府机构中的一个职位（官方职务）；任职者见 /api/v1/popolo 的 Popolo 数据。',
  },
  fields: fieldsOf({
    id: ['string', 'Identifier.'],
    organization_id: ['string', 'The government body (see organizations).'],
    department: ['string', 'That body\'s name.'],
    title: ['string', 'The title in English.'],
    title_zh: ['string', 'The title in Chinese.'],
    held: ['boolean', 'Whether someone holds the post now.'],
  }),
  async rows(db) {
    const rows = await db
      .selectFrom('posts as p')
      .innerJoin('organizations as o', 'o.id', 'p.organization_id')
      .select(['p.id', 'p.organization_id', 'o.name as department', 'p.title', 'p.title_zh', 'p.holder_user_id'])
      .where('o.sector', '=', 'government')
      .orderBy('o.slug')
      .orderBy('p.title')
      .orderBy('p.id')
      .execute();
    return rows.map(({ holder_user_id, ...r }) => ({ ...r, held: holder_user_id !== null }));
  },
};

const holidays: OpenDataTable = {
  name: 'calendar_days',
  description: {
    en: 'One exception in the working-day calendar: a public holiday or a make-up working day (deadlines count working days).',
    zh: '工作日历中的一个例外日期：法定节假日或调休上班日（期限按工作日计算）。',
  },
  fields: fieldsOf({
    date: ['date', 'The date (local to the installation\'s time zone).'],
    kind: ['string', 'holiday or working_day (a weekend day worked to make up for a holiday).'],
    name: ['string', 'Name in English.'],
    name_zh: ['string', 'Name in Chinese.'],
  }),
  async rows(db) {
    const rows = await db.selectFrom('calendar_days').select(['date', 'kind', 'name', 'name_zh']).orderBy('date').execute();
    return rows.map((r) => ({ ...r }));
  },
};

/**
 * Comments on public records, as visitors see them: not deleted, not hidden, on a record a visitor
 * may read. The author appears only as a kind, or as the organization or post they wrote for.
 */
function comments(resources: ResourceRegistry, now: Date): OpenDataTable {
  return {
    name: 'comments',
    description: {
      en: 'One public comment on a record (a proposal, a debate, a clause...); the author is shown only as an organization or a post.',
      zh: '对某条记录（建议、讨论、条款等）的一条公开评论；作者只以组织或职位显示。',
    },
    fields: fieldsOf({
      id: ['string', 'Identifier.'],
      resource_type: ['string', 'The kind of record commented on, e.g. proposal.'],
      resource_id: ['string', 'The record commented on.'],
      anchor: ['string', 'A part of the record, e.g. a clause of a draft regulation.'],
      parent_id: ['string', 'The comment it replies to.'],
      author_kind: ['string', 'person, organization or official.'],
      organization_name: ['string', 'The organization the author wrote for.'],
      post_title: ['string', 'The post an official wrote in.'],
      stance: ['string', 'in_favour, against or neutral, where the record asks for one.'],
      body: ['string', 'The text.'],
      upvotes: ['integer', 'Up votes.'],
      downvotes: ['integer', 'Down votes.'],
      created_at: ['datetime', 'When it was written.'],
      edited_at: ['datetime', 'When it was last edited.'],
    }),
    async rows(db) {
      const rows = await db
        .selectFrom('comments as c')
        .leftJoin('organizations as o', 'o.id', 'c.organization_id')
        .leftJoin('posts as p', 'p.id', 'c.post_id')
        .select(['c.id', 'c.resource_type', 'c.resource_id', 'c.anchor', 'c.parent_id', 'c.organization_id', 'c.post_id', 'o.name as org_name', 'p.title as post_title', 'c.stance', 'c.body', 'c.upvotes', 'c.downvotes', 'c.created_at', 'c.edited_at'])
        .where('c.deleted_at', 'is', null)
        .where('c.hidden_at', 'is', null)
        .orderBy('c.seq')
        .execute();
      const visible = new Map<string, boolean>();
      for (const r of rows) {
        const key = `${r.resource_type}/${r.resource_id}`;
        if (visible.has(key)) continue;
        const adapter = resources.get(r.resource_type);
        const info = adapter ? await adapter.describe(db, r.resource_id, visitor, now) : null;
        visible.set(key, Boolean(info?.public));
      }
      return rows
        .filter((r) => visible.get(`${r.resource_type}/${r.resource_id}`))
        .map((r) => ({
          id: r.id,
          resource_type: r.resource_type,
          resource_id: r.resource_id,
          anchor: r.anchor,
          parent_id: r.parent_id,
          author_kind: authorKind(r),
          organization_name: r.org_name ?? null,
          post_title: r.post_title ?? null,
          stance: r.stance,
          body: r.body,
          upvotes: r.upvotes,
          downvotes: r.downvotes,
          created_at: iso(r.created_at),
          edited_at: iso(r.edited_at),
        }));
    },
  };
}

/** The core's own public records: areas, organizations, posts, the calendar, comments and the audit log. */
export function coreOpenData(resources: ResourceRegistry, now: Date): OpenDataSource {
  return { tables: [areas, organizations, posts, holidays, comments(resources, now), auditLog] };
}
