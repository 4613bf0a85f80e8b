import { randomBytes } from 'node:crypto';
import type { Executor } from '../../core/db/database.js';

/** Working days each open stage of a named complaint has, and of an anonymous report. */
export interface StageDeadlines {
  /** received → the preliminary review is opened. */
  intake: number;
  /** preliminary review → accepted or dismissed. */
  review: number;
  /** accepted → the investigation starts. */
  start: number;
  /** investigating → concluded. */
  investigation: number;
  /** An anonymous report: received → acknowledged and under review. */
  reportReview: number;
  /** An anonymous report: under review → concluded. */
  reportConclusion: number;
}

/** The module's installation-wide settings (administrators change them). */
export interface SupervisionSettings {
  /** The body that handles departments without their own route (null: the single supervisory body, if there is one). */
  defaultBodyId: string | null;
  defaultHigherBodyId: string | null;
  deadlines: StageDeadlines;
  /** Days a concluded anonymous report is kept before it is deleted. */
  retentionDays: number;
  /** Public statistics show no count below this (as "<n"), so nobody can be singled out. */
  minCellCount: number;
}

export const DEFAULT_SETTINGS: SupervisionSettings = {
  defaultBodyId: null,
  defaultHigherBodyId: null,
  deadlines: { intake: 5, review: 10, start: 5, investigation: 60, reportReview: 10, reportConclusion: 60 },
  retentionDays: 180,
  minCellCount: 3,
};

const SETTINGS_KEY = 'supervision';
const SALT_KEY = 'supervision.receipt_salt';

export async function loadSupervisionSettings(db: Executor): Promise<SupervisionSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', SETTINGS_KEY).executeTakeFirst();
  const saved = (row?.value ?? {}) as Partial<SupervisionSettings>;
  return { ...DEFAULT_SETTINGS, ...saved, deadlines: { ...DEFAULT_SETTINGS.deadlines, ...(saved.deadlines ?? {}) } };
}

export async function saveSupervisionSettings(db: Executor, settings: SupervisionSettings): Promise<void> {
  const value = JSON.stringify(settings);
  await db.insertInto('settings').values({ key: SETTINGS_KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

/**
 * The installation's salt for deriving receipt secrets (random, made on first use). It is not a
 * secret: argon2id, not the salt, is what makes guessing receipts from a dump expensive.
 */
export async function receiptSalt(db: Executor): Promise<Buffer> {
  const fresh = randomBytes(16).toString('base64');
  await db.insertInto('settings').values({ key: SALT_KEY, value: JSON.stringify(fresh) }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', SALT_KEY).executeTakeFirstOrThrow();
  return Buffer.from(String(row.value), 'base64');
}

/** The verified supervisory bodies of the government, by name. */
export async function supervisoryBodies(db: Executor) {
  return db
    .selectFrom('organizations')
    .select(['id', 'slug', 'name', 'name_zh'])
    .where('sector', '=', 'government')
    .where('is_supervisory', '=', true)
    .where('status', '=', 'verified')
    .orderBy('name')
    .execute();
}

/** Departments a complaint or report may be about: every verified government organization. */
export async function governmentUnits(db: Executor) {
  return db
    .selectFrom('organizations')
    .select(['id', 'slug', 'name', 'name_zh', 'is_supervisory'])
    .where('sector', '=', 'government')
    .where('status', '=', 'verified')
    .orderBy('name')
    .execute();
}

/** The departments in a configured conflict with `departmentId`. */
export async function conflictingDepartments(db: Executor, departmentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('supervision_conflicts')
    .select(['department_a', 'department_b'])
    .where((eb) => eb.or([eb('department_a', '=', departmentId), eb('department_b', '=', departmentId)]))
    .execute();
  return rows.map((r) => (r.department_a === departmentId ? r.department_b : r.department_a));
}

export interface Routing {
  bodyId: string;
  higherBodyId: string | null;
}

/**
 * Which supervisory body handles a department, and the higher one for escalation: the department's
 * own route, else the installation's default, else the single supervisory body. A body never
 * handles complaints about itself or a department it is in conflict with: those go up to the higher
 * body. Null when no body can take it (the administrator must configure one).
 */
export async function routingFor(db: Executor, departmentId: string | null): Promise<Routing | null> {
  const [route, settings, bodies] = await Promise.all([
    departmentId ? db.selectFrom('supervision_routes').select(['body_id', 'higher_body_id']).where('department_id', '=', departmentId).executeTakeFirst() : undefined,
    loadSupervisionSettings(db),
    supervisoryBodies(db),
  ]);
  const valid = new Set(bodies.map((b) => b.id));
  let bodyId = route?.body_id ?? settings.defaultBodyId ?? (bodies.length === 1 ? bodies[0]!.id : null);
  let higherBodyId = route ? route.higher_body_id : settings.defaultHigherBodyId;
  if (!bodyId || !valid.has(bodyId)) return null;
  if (higherBodyId && !valid.has(higherBodyId)) higherBodyId = null;
  if (departmentId) {
    const excluded = new Set([departmentId, ...(await conflictingDepartments(db, departmentId))]);
    if (excluded.has(bodyId)) {
      if (!higherBodyId || excluded.has(higherBodyId)) return null;
      bodyId = higherBodyId;
      higherBodyId = null;
    } else if (higherBodyId && excluded.has(higherBodyId)) {
      higherBodyId = null;
    }
  }
  return { bodyId, higherBodyId: higherBodyId === bodyId ? null : higherBodyId };
}

/** The people who hold a post in a body (its handlers, before the conflict rule is applied). */
export async function postHoldersOf(db: Executor, bodyId: string): Promise<string[]> {
  const rows = await db.selectFrom('posts').select('holder_user_id').where('organization_id', '=', bodyId).where('holder_user_id', 'is not', null).execute();
  return [...new Set(rows.map((r) => r.holder_user_id!))];
}

/** The organizations (posts held and memberships) of each of these users, by user id. */
export async function organizationsOfUsers(db: Executor, userIds: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>(userIds.map((id) => [id, new Set<string>()]));
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('posts')
    .select(['holder_user_id as user_id', 'organization_id'])
    .where('holder_user_id', 'in', userIds)
    .union(db.selectFrom('organization_members').select(['user_id', 'organization_id']).where('user_id', 'in', userIds))
    .execute();
  for (const r of rows) out.get(r.user_id!)?.add(r.organization_id);
  return out;
}

/**
 * The handlers of a body for a case about `departmentId`: its post holders who are neither in the
 * accused department nor in one in conflict with it, nor in `alsoExcluded` (the complainant).
 */
export async function eligibleHandlers(db: Executor, bodyId: string, departmentId: string | null, alsoExcluded: string[] = []): Promise<string[]> {
  const holders = (await postHoldersOf(db, bodyId)).filter((id) => !alsoExcluded.includes(id));
  if (!departmentId) return holders;
  const excluded = new Set([departmentId, ...(await conflictingDepartments(db, departmentId))]);
  const orgs = await organizationsOfUsers(db, holders);
  const blocked = await db.selectFrom('users').select('id').where('id', 'in', holders.length ? holders : ['00000000-0000-0000-0000-000000000000']).where('blocked_at', 'is not', null).execute();
  const blockedIds = new Set(blocked.map((b) => b.id));
  return holders.filter((id) => !blockedIds.has(id) && ![...(orgs.get(id) ?? [])].some((org) => excluded.has(org)));
}
