/**
 * Test fixtures of the opinions module (used by its tests and the authorization matrix): a process
 * whose phase opens voting and writing now, a conversation with seed statements, many participants
 * at once, and a small Polis openData export.
 */
import { randomBytes } from 'node:crypto';
import type { TestPlatform } from '../../../test/helpers/platform.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import type { Deps } from '../../core/deps.js';
import { orFail } from '../../core/errors.js';
import { systemActor, type Actor, type UserActor } from '../../core/permissions/actor.js';
import { createProcess, publishProcess } from '../processes/index.js';
import { createConversation, type ConversationSettingsInput } from './operations/create-conversation.js';
import { writeStatement } from './operations/write-statement.js';

export const DAY = 86_400_000;
const hex = () => randomBytes(3).toString('hex');

/** Where the process stands now: taking votes and statements, not yet, or finished. */
export type OpinionsStage = 'open' | 'upcoming' | 'closed';

/** A published process of the department with the opinions component; its phase opens `actions` now (or not, by `stage`). */
export async function opinionsProcess(
  p: TestPlatform,
  options: { departmentId: string; stage?: OpinionsStage; actions?: string[]; actor?: Actor; title?: string },
): Promise<{ id: string; slug: string }> {
  const now = p.clock.now().getTime();
  const start = { open: -1, upcoming: 5, closed: -40 }[options.stage ?? 'open'];
  const actor = options.actor ?? systemActor('opinions-test');
  const created = orFail(
    await createProcess(p.deps, actor, {
      title: options.title ?? `How should we share the streets ${hex()}`,
      summary: 'Residents say what they think, and see where they agree.',
      departmentId: options.departmentId,
      legalBasis: 'Participation Ordinance art. 8',
      components: ['opinions'],
      supportThreshold: 5,
      answerWorkingDays: 10,
      phases: [
        { title: 'Conversation', startsAt: new Date(now + start * DAY), endsAt: new Date(now + (start + 30) * DAY), actions: { opinions: options.actions ?? ['vote', 'write', 'comment'] } },
        { title: 'Report', startsAt: new Date(now + (start + 30) * DAY), endsAt: new Date(now + (start + 60) * DAY), actions: {} },
      ],
    }),
  );
  orFail(await publishProcess(p.deps, actor, { id: created.id }));
  return created;
}

/** The platform's deps with the clock stopped at `at`. */
export function depsAt(p: TestPlatform, at: Date): Deps {
  return { db: p.deps.db, clock: { now: () => new Date(at) }, live: p.deps.live };
}

export const SEED_STATEMENTS = [
  'Cars should stay out of the old town on weekends.',
  'Shops need parking in front of them.',
  'Every school needs a protected bike lane.',
  'A 30 km/h limit near homes makes streets safer.',
  'Delivery vans need loading zones on shopping streets.',
  'Pavements should be wide enough for wheelchairs.',
  'More benches and shade would help older residents.',
  'Removing parking to plant trees is a good trade.',
];

export interface OpenConversation {
  processId: string;
  processSlug: string;
  conversationId: string;
  /** The seed statements, by number. */
  statements: { id: string; number: number }[];
}

/** A conversation with `seeds` seed statements (default eight) in a process open now, opened by `official`. */
export async function openConversation(
  p: TestPlatform,
  options: { departmentId: string; official: Actor; settings?: Partial<ConversationSettingsInput>; seeds?: string[]; stage?: OpinionsStage; processId?: string; processSlug?: string },
): Promise<OpenConversation> {
  const process = options.processId && options.processSlug ? { id: options.processId, slug: options.processSlug } : await opinionsProcess(p, { departmentId: options.departmentId, stage: options.stage });
  const seeds = options.seeds ?? SEED_STATEMENTS;
  const { id } = orFail(
    await createConversation(p.deps, options.official, {
      processId: process.id,
      topic: `How should we share the streets? ${hex()}`,
      ...options.settings,
      seeds: seeds.map((body) => ({ body })),
    }),
  );
  const statements = await p.deps.db.selectFrom('opinion_statements').select(['id', 'tid']).where('conversation_id', '=', id).orderBy('tid').execute();
  return { processId: process.id, processSlug: process.slug, conversationId: id, statements: statements.map((s) => ({ id: s.id, number: s.tid })) };
}

/** Many people at once, inserted directly (verified residents unless `verified: false`). */
export async function manyPeople(p: TestPlatform, count: number, options: { verified?: boolean } = {}): Promise<UserActor[]> {
  const tag = randomBytes(4).toString('hex');
  const now = p.clock.now();
  const verified = options.verified !== false;
  const out: UserActor[] = [];
  for (let start = 0; start < count; start += 500) {
    const rows = Array.from({ length: Math.min(500, count - start) }, (_, i) => ({
      email: `participant.${tag}.${start + i}@example.test`,
      display_name: `Participant ${start + i}`,
      password_hash: 'not-a-password',
      locale: 'en',
      verified_at: verified ? now : null,
    }));
    const inserted = await p.deps.db.insertInto('users').values(rows).returning(['id', 'display_name']).execute();
    for (const u of inserted) out.push({ kind: 'user', id: u.id, displayName: u.display_name, roles: [], verified, areaId: null, blocked: false, memberships: [], posts: [] });
  }
  return out;
}

/** A tiny Polis openData export (three comments, four participants, one re-vote, one comment moderated out). */
export const SMALL_OPENDATA = {
  comments: [
    'timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body',
    '1700000000000,Tue Nov 14 22:13:20 UTC 2023,0,0,3,1,1,More trees on Station Road',
    '1700000001000,Tue Nov 14 22:13:21 UTC 2023,1,1,1,2,1,"Fewer cars, more buses"',
    '1700000002000,Tue Nov 14 22:13:22 UTC 2023,2,2,0,0,-1,Off topic',
  ].join('\n'),
  votes: [
    'timestamp,datetime,comment-id,voter-id,vote',
    '1700000010000,x,0,0,1',
    '1700000011000,x,0,1,1',
    '1700000012000,x,0,2,1',
    '1700000013000,x,0,3,-1',
    '1700000014000,x,1,0,-1',
    '1700000015000,x,1,1,1',
    '1700000016000,x,1,2,-1',
    '1700000017000,x,1,2,0',
    '1700000018000,x,2,3,1',
  ].join('\n'),
};

/**
 * The conversations the authorization matrix calls its routes on, made on first use: one open to
 * verified residents, one open to any registered person, one where only staff add statements.
 */
export function opinionsMatrixFixtures(p: TestPlatform, options: { departmentId: string; official: { id: string }; resident: { id: string } }) {
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, make: () => Promise<T>): Promise<T> => {
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key) as Promise<T>;
  };
  const official = async () => (await loadUserActor(p.deps.db, options.official.id))!;
  const process = () => once('process', () => opinionsProcess(p, { departmentId: options.departmentId }));
  const conversation = (key: 'verified' | 'registered' | 'staffOnly') =>
    once(key, async () => {
      const proc = await process();
      const settings: Partial<ConversationSettingsInput> =
        key === 'verified' ? { participation: 'verified' } : key === 'registered' ? { participation: 'registered' } : { participation: 'registered', residentsWrite: false };
      return openConversation(p, { departmentId: options.departmentId, official: await official(), settings, processId: proc.id, processSlug: proc.slug });
    });
  return {
    process,
    conversation,
    /** A statement of the shared resident waiting for moderation, in the verified-residents conversation. */
    waitingStatement: async () => {
      const c = await conversation('verified');
      const resident = (await loadUserActor(p.deps.db, options.resident.id))!;
      const written = orFail(await writeStatement(p.deps, resident, { conversationId: c.conversationId, body: `A statement to moderate ${hex()}` }));
      return { conversationId: c.conversationId, statementId: written.id };
    },
    importBody: () => ({ topic: `Imported conversation ${hex()}`, files: SMALL_OPENDATA }),
  };
}
