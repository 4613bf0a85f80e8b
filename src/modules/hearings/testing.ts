/**
 * Test fixtures of the hearings module (used by its tests and the authorization matrix): a valid
 * announcement, hearings announced through the operation at chosen moments, and many verified
 * residents with sessions at once.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { TestPlatform } from '../../../test/helpers/platform.js';
import type { TestUser } from '../../../test/helpers/factories.js';
import { createSession, SESSION_COOKIE } from '../../core/identity/sessions.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import { systemActor, type UserActor } from '../../core/permissions/actor.js';
import { orFail } from '../../core/errors.js';
import { createPost } from '../../core/organizations/manage-posts.js';
import { announceHearing, type AnnounceHearingInput } from './operations/announce-hearing.js';
import { registerForHearing } from './operations/register-for-hearing.js';
import { submitQuestion } from './operations/submit-question.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A valid announcement (as the API takes it) relative to the clock: registration open from an hour
 * ago for `closesInDays`, the hearing `startsInDays` ahead for three hours, 3 seats and 2 speaking slots.
 */
export function hearingBody(p: TestPlatform, departmentId: string, overrides: Record<string, unknown> = {}, timing: { opensInDays?: number; closesInDays?: number; startsInDays?: number } = {}) {
  const now = p.clock.now().getTime();
  const opens = now + (timing.opensInDays ?? -1 / 24) * DAY;
  const closes = now + (timing.closesInDays ?? 5) * DAY;
  const starts = now + (timing.startsInDays ?? 7) * DAY;
  return {
    departmentId,
    title: 'Hearing on the Lakeshore Road pedestrian zone',
    titleZh: '湖滨路步行区听证会',
    description: 'Should Lakeshore Road between the ferry pier and the market close to cars at weekends?',
    legalBasis: 'Administrative Licensing Law art. 46; City Hearing Rules art. 7',
    legalReference: 'https://example.org/hearing-rules#7',
    startsAt: new Date(starts).toISOString(),
    endsAt: new Date(starts + 3 * HOUR).toISOString(),
    location: 'City Hall, Room 301',
    onlineUrl: 'https://example.org/live/hearing',
    agenda: [{ title: 'The plan, presented by the department', titleZh: '部门介绍方案' }, { title: 'Speakers and questions' }],
    seats: 3,
    speakingSlots: 2,
    registrationOpensAt: new Date(opens).toISOString(),
    registrationClosesAt: new Date(closes).toISOString(),
    drawPublicSource: 'The Welfare Lottery numbers drawn the evening registration closes',
    ...overrides,
  };
}

/** Announces a hearing through the operation as the department's official (any overrides of `hearingBody`). */
export async function announceAs(p: TestPlatform, official: TestUser, departmentId: string, overrides: Record<string, unknown> = {}, timing: Parameters<typeof hearingBody>[3] = {}): Promise<string> {
  const actor = (await loadUserActor(p.deps.db, official.id))!;
  const body = hearingBody(p, departmentId, overrides, timing);
  const input = {
    ...body,
    startsAt: new Date(body.startsAt),
    endsAt: new Date(body.endsAt),
    registrationOpensAt: new Date(body.registrationOpensAt),
    registrationClosesAt: new Date(body.registrationClosesAt),
  } as AnnounceHearingInput;
  return orFail(await announceHearing(p.deps, actor, input)).id;
}

export interface Resident extends TestUser {
  actor: UserActor;
}

/** Verified residents of an area, inserted at once, each with a session for API calls. */
export async function residents(p: TestPlatform, count: number, areaId: string | null = null): Promise<Resident[]> {
  const tag = randomBytes(4).toString('hex');
  const now = p.clock.now();
  const rows = await p.deps.db
    .insertInto('users')
    .values(
      Array.from({ length: count }, (_, i) => ({
        email: `hearing.${tag}.${i}@example.test`,
        display_name: `Resident ${tag} ${i}`,
        password_hash: 'not-a-password',
        locale: 'en',
        verified_at: now,
        area_id: areaId,
      })),
    )
    .returning(['id', 'email', 'display_name'])
    .execute();
  const out: Resident[] = [];
  for (const u of rows) {
    const session = await createSession(p.deps.db, u.id, now, 24 * 365 * 5);
    out.push({
      id: u.id,
      email: u.email,
      password: '',
      cookie: `${SESSION_COOKIE}=${session.token}`,
      csrf: session.csrfToken,
      actor: { kind: 'user', id: u.id, displayName: u.display_name, roles: [], verified: true, areaId, blocked: false, memberships: [], posts: [] },
    });
  }
  return out;
}

/** Registers each resident through the operation (speakers first, `speak` of them). */
export async function registerAll(p: TestPlatform, hearingId: string, people: Resident[], speak = 0): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, person] of people.entries()) {
    const result = await registerForHearing(p.deps, person.actor, {
      hearingId,
      kind: i < speak ? 'speak' : 'attend',
      position: (['for', 'against', 'neutral'] as const)[i % 3]!,
      statement: `Statement number ${i} about the plan.`,
    });
    assert.ok(result.ok, JSON.stringify(result));
    ids.push(result.value.id);
  }
  return ids;
}

/** Gives an existing user a post in a department (e.g. the matrix's shared official in a new department). */
export async function givePost(p: TestPlatform, departmentId: string, email: string, title = 'Hearing Officer'): Promise<string> {
  return orFail(await createPost(p.deps, systemActor('test'), { organizationId: departmentId, title, holderEmail: email })).id;
}

/**
 * Hearings of a department for the authorization matrix (made on first use, or new for every call
 * where a call changes them): open for registration, with registration closed (ready for the
 * draw), and held yesterday (ready for minutes and the report). The official holds a post in the
 * department; `register` signs an account up through the operation, as the API would for a resident.
 * The shared written question is by a resident of its own, so no role of the matrix is its author.
 */
export function hearingsMatrixFixtures(p: TestPlatform, options: { departmentId: string; official: { id: string } }) {
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, make: () => Promise<T>): Promise<T> => {
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key) as Promise<T>;
  };
  /** Announces at a moment `shiftDays` from now, so a hearing can already have been held. */
  const announce = async (timing: { opensInDays: number; closesInDays: number; startsInDays: number }, shiftDays = 0) => {
    const official = (await loadUserActor(p.deps.db, options.official.id))!;
    const now = p.clock.now().getTime() + shiftDays * DAY;
    const clock = { now: () => new Date(now) };
    const body = hearingBody({ ...p, clock } as unknown as TestPlatform, options.departmentId, { title: `Matrix hearing ${randomBytes(2).toString('hex')}` }, timing);
    const input = { ...body, startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt), registrationOpensAt: new Date(body.registrationOpensAt), registrationClosesAt: new Date(body.registrationClosesAt) } as AnnounceHearingInput;
    return orFail(await announceHearing({ db: p.deps.db, clock }, official, input)).id;
  };
  const open = () => announce({ opensInDays: -1, closesInDays: 10, startsInDays: 12 });
  const register = async (hearingId: string, user: { id: string }) => {
    const actor = (await loadUserActor(p.deps.db, user.id))!;
    orFail(await registerForHearing(p.deps, actor, { hearingId, kind: 'attend', position: 'neutral', statement: 'Registered by the matrix.' }));
  };
  return {
    /** A hearing taking registrations (shared). */
    open: () => once('open', open),
    /** A new hearing taking registrations (for calls that change or cancel it). */
    fresh: open,
    /** A new hearing whose registration closed an hour ago, not drawn yet. */
    closed: () => announce({ opensInDays: -2, closesInDays: -1 / 24, startsInDays: 2 }),
    /** A hearing held yesterday (shared), and a new one for the one-time report. */
    held: () => once('held', () => announce({ opensInDays: 0, closesInDays: 1, startsInDays: 2 }, -3)),
    freshHeld: () => announce({ opensInDays: 0, closesInDays: 1, startsInDays: 2 }, -3),
    register,
    /** A written question in the shared open hearing, by a resident registered for it. */
    submission: () =>
      once('submission', async () => {
        const hearingId = await once('open', open);
        const [author] = await residents(p, 1);
        await register(hearingId, author!);
        const { id } = orFail(await submitQuestion(p.deps, author!.actor, { hearingId, kind: 'question', body: 'A question written for the matrix?' }));
        return { hearingId, submissionId: id };
      }),
  };
}
