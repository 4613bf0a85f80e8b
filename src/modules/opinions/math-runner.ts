/**
 * Keeping each conversation's opinion map up to date, incrementally and warm-started, without ever
 * losing a vote and without two processes computing the same conversation at once.
 *
 * - Every change the math must see (a vote, a statement, a moderation decision) marks the
 *   conversation dirty in its own transaction (`markMathDirty`, only when not already marked, so a
 *   burst of votes does not queue on the conversation row), after taking the conversation's *claim*
 *   lock in shared mode (`holdMathClaim`: votes never wait for each other).
 * - A computation first *claims* the changes: under the claim lock in exclusive mode (it waits for
 *   the vote transactions in flight to commit) it moves the dirty mark to `math_pending_since`. Any
 *   vote that commits later marks the conversation dirty again, so nothing slips between the claim
 *   and the read. The pending mark is cleared only when the new result is saved: a crash in between
 *   leaves it for the periodic job.
 * - It then reads every current vote and statement and hands the math only what differs from the
 *   saved state's vote matrix and moderation (`update`, warm-started from the previous tick), saves
 *   the new state, result and priorities, and after commit publishes the result to open pages.
 * - One process computes a conversation at a time: a session advisory lock (`pg_try_advisory_lock`)
 *   across processes, and a map of running computations within this one.
 * - After a vote commits, `requestRecompute` arms a 300 ms timer per conversation; requests while it
 *   is armed are coalesced, so a burst of votes costs one computation per 300 ms. The periodic job
 *   (`opinionsMathJob`) picks up whatever is still marked: after a crash, from another process, or
 *   when a computation failed.
 */
import { sql } from 'kysely';
import type { Db, Executor, Tx } from '../../core/db/database.js';
import type { Deps } from '../../core/deps.js';
import type { JobDefinition } from '../../core/jobs/scheduler.js';
import { createMathState, deserializeMathState, serializeMathState, update, type CommentRecord, type MathResult, type MathState, type VoteRecord } from './math/index.js';
import { moderatedValue } from './rules.js';
import { publicMath } from './queries/results.js';

/** How long a burst of votes is collected before the map is recomputed. */
export const DEBOUNCE_MS = 300;
/** At most this many extra ticks of unchanged votes to let the smoothed number of groups settle (Polis's buffer is 4). */
const SETTLING_TICKS = 6;
/** How soon to try again when another computation of the same conversation is running. */
const BUSY_RETRY_MS = DEBOUNCE_MS;

/** Namespaces of the two-key advisory locks (the first key); the second is a hash of the conversation. */
export const LOCKS = { claim: 0x4f504e01, compute: 0x4f504e02, participant: 0x4f504e03 } as const;

/** A 32-bit hash (FNV-1a) of a text, as a signed integer: the second key of an advisory lock. */
export function lockKey(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** The live-update topic of a conversation. */
export function opinionsTopic(conversationId: string): string {
  return `opinions:${conversationId}`;
}

/**
 * Takes the conversation's claim lock in shared mode for the caller's transaction: call it first in
 * every transaction that changes what the math reads, before `markMathDirty`.
 */
export async function holdMathClaim(trx: Tx, conversationId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock_shared(${LOCKS.claim}::int4, ${lockKey(conversationId)}::int4)`.execute(trx);
}

/** Marks the conversation's map out of date, unless it already is (then the row is not even locked). */
export async function markMathDirty(trx: Tx, conversationId: string, now: Date): Promise<void> {
  await trx.updateTable('opinion_conversations').set({ math_dirty_since: now }).where('id', '=', conversationId).where('math_dirty_since', 'is', null).execute();
}

// ---------------------------------------------------------------------------------------------
// Computing

export type RecomputeOutcome = 'computed' | 'clean' | 'busy' | 'missing';

/** The states this process computed last, so the next tick does not parse the saved one again. */
const recentStates = new Map<string, { tick: number; state: MathState }>();
const RECENT_STATES = 32;
/** Conversations being computed by this process now. */
const computing = new Map<string, Promise<RecomputeOutcome>>();

function remember(conversationId: string, tick: number, state: MathState): void {
  recentStates.delete(conversationId);
  recentStates.set(conversationId, { tick, state });
  while (recentStates.size > RECENT_STATES) recentStates.delete(recentStates.keys().next().value!);
}

/** Forgets the states kept in memory, as a restart does (tests check that a restart continues warm). */
export function forgetCachedMathStates(): void {
  recentStates.clear();
}

/** What changed since the state: votes that differ from its matrix, statements whose moderation differs. */
export function changesSince(
  state: MathState,
  votes: readonly { pid: number; tid: number; vote: number }[],
  statements: readonly { tid: number; status: 'pending' | 'accepted' | 'rejected'; is_meta: boolean }[],
): { votes: VoteRecord[]; comments: CommentRecord[] } {
  const { rowOf, colOf, cells, stride } = state.matrix;
  const changedVotes: VoteRecord[] = [];
  for (const v of votes) {
    const participant = String(v.pid);
    const comment = String(v.tid);
    const r = rowOf.get(participant);
    const c = colOf.get(comment);
    if (r === undefined || c === undefined || cells[r * stride + c] !== v.vote) {
      changedVotes.push({ participant, comment, vote: v.vote as -1 | 0 | 1, time: 0 });
    }
  }
  const changedComments: CommentRecord[] = [];
  for (const s of statements) {
    const id = String(s.tid);
    const moderated = moderatedValue(s.status);
    const before = state.comments.get(id);
    if (!before || before.moderated !== moderated || before.isMeta !== s.is_meta) changedComments.push({ id, moderated, isMeta: s.is_meta });
  }
  return { votes: changedVotes, comments: changedComments };
}

interface Claimed {
  pending: boolean;
}

/** Moves the dirty mark to pending under the exclusive claim lock; null when the conversation is gone. */
async function claim(db: Db, conversationId: string): Promise<Claimed | null> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LOCKS.claim}::int4, ${lockKey(conversationId)}::int4)`.execute(trx);
    const row = await trx
      .selectFrom('opinion_conversations')
      .select(['math_dirty_since', 'math_pending_since'])
      .where('id', '=', conversationId)
      .executeTakeFirst();
    if (!row) return null;
    if (row.math_dirty_since === null) return { pending: row.math_pending_since !== null };
    await trx
      .updateTable('opinion_conversations')
      .set({ math_pending_since: row.math_pending_since ?? row.math_dirty_since, math_dirty_since: null })
      .where('id', '=', conversationId)
      .execute();
    return { pending: true };
  });
}

/** One tick: read, diff, update, save; returns the result when one was computed. */
async function computeOnce(db: Db, deps: Deps, conversationId: string, force: boolean): Promise<MathResult | null> {
  const row = await db
    .selectFrom('opinion_conversations')
    .select(['math_tick', 'math_state', sql<boolean>`math_result is not null`.as('has_result')])
    .where('id', '=', conversationId)
    .executeTakeFirst();
  if (!row) return null;
  const cached = recentStates.get(conversationId);
  let state: MathState;
  if (cached && cached.tick === row.math_tick) state = cached.state;
  else if (row.math_state) {
    try {
      state = deserializeMathState(row.math_state);
    } catch {
      state = createMathState(); // an unreadable state: start again from the votes
    }
  } else state = createMathState();
  const [votes, statements] = await Promise.all([
    db.selectFrom('opinion_votes').select(['pid', 'tid', 'vote']).where('conversation_id', '=', conversationId).execute(),
    db.selectFrom('opinion_statements').select(['tid', 'status', 'is_meta']).where('conversation_id', '=', conversationId).execute(),
  ]);
  const changes = changesSince(state, votes, statements);
  if (changes.votes.length === 0 && changes.comments.length === 0 && row.has_result && !force) {
    await db.updateTable('opinion_conversations').set({ math_pending_since: null }).where('id', '=', conversationId).execute();
    return null;
  }
  const started = performance.now();
  const next = update(state, changes);
  const text = serializeMathState(next.state);
  const millis = Math.round(performance.now() - started);
  await db
    .updateTable('opinion_conversations')
    .set({
      math_tick: next.state.tick,
      math_state: text,
      math_result: JSON.stringify(next.result),
      math_priorities: JSON.stringify(next.result.commentPriorities),
      math_computed_at: deps.clock.now(),
      math_millis: millis,
      math_pending_since: null,
    })
    .where('id', '=', conversationId)
    .execute();
  remember(conversationId, next.state.tick, next.state);
  return next.result;
}

/**
 * Brings a conversation's map up to date if it is marked (or always, with `force`): claims the
 * changes, computes one tick warm-started from the saved state, saves and publishes it. Votes that
 * arrive meanwhile have armed the next (debounced) computation, or the periodic job finds their
 * mark. 'busy' when another computation of it runs (here or in another process).
 */
export async function recomputeConversation(deps: Deps, conversationId: string, options: { force?: boolean } = {}): Promise<RecomputeOutcome> {
  if (computing.has(conversationId)) return 'busy';
  const run = deps.db.connection().execute(async (conn) => {
    const key = lockKey(conversationId);
    const got = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${LOCKS.compute}::int4, ${key}::int4) as ok`.execute(conn);
    if (!got.rows[0]?.ok) return 'busy' as const;
    try {
      const claimed = await claim(conn, conversationId);
      if (!claimed) return 'missing' as const;
      if (!claimed.pending && options.force !== true) return 'clean' as const;
      let result = await computeOnce(conn, deps, conversationId, options.force === true);
      if (!result) return 'clean' as const;
      await publish(conn, deps, conversationId);
      // Polis smooths the number of groups: a new best k is taken only after it was best on several
      // ticks in a row. Once votes stop, the same votes are ticked again until the smoothed k is the
      // best one, so the published map is the one the current votes give. New votes meanwhile end
      // this: they armed their own (debounced) computation.
      for (let extra = 0; extra < SETTLING_TICKS && result.k.chosen !== result.k.best; extra++) {
        const again = await claim(conn, conversationId);
        if (!again || again.pending) break;
        const next = await computeOnce(conn, deps, conversationId, true);
        if (!next) break;
        result = next;
        await publish(conn, deps, conversationId);
      }
      return 'computed' as const;
    } finally {
      await sql`select pg_advisory_unlock(${LOCKS.compute}::int4, ${key}::int4)`.execute(conn);
    }
  });
  computing.set(conversationId, run);
  try {
    return await run;
  } finally {
    computing.delete(conversationId);
  }
}

/** Sends the new map to the pages following the conversation (after commit; only if someone listens). */
async function publish(db: Executor, deps: Deps, conversationId: string): Promise<void> {
  const live = deps.live;
  const topic = opinionsTopic(conversationId);
  if (!live || live.listeners(topic) === 0) return;
  const math = await publicMath(db, conversationId);
  live.publish(topic, 'math', math);
}

// ---------------------------------------------------------------------------------------------
// Debouncing in this process

const armed = new Map<string, { timer: NodeJS.Timeout; deps: Deps }>();
const inFlight = new Set<Promise<void>>();
let lastError: unknown = null;

/** The last error a scheduled computation hit (the periodic job retries it); for diagnostics and tests. */
export function lastRecomputeError(): unknown {
  return lastError;
}

function fire(conversationId: string, deps: Deps): void {
  armed.delete(conversationId);
  const run = recomputeConversation(deps, conversationId)
    .then((outcome) => {
      if (outcome === 'busy') requestRecompute(deps, conversationId, BUSY_RETRY_MS);
    })
    .catch((error: unknown) => {
      // The conversation stays marked; the periodic job tries again.
      lastError = error;
    })
    .finally(() => inFlight.delete(run));
  inFlight.add(run);
}

/**
 * Asks for the conversation's map to be recomputed soon (call after the change committed). Requests
 * while one is armed are coalesced into it.
 */
export function requestRecompute(deps: Deps, conversationId: string, delayMs = DEBOUNCE_MS): void {
  if (armed.has(conversationId)) return;
  const timer = setTimeout(() => fire(conversationId, deps), delayMs);
  timer.unref();
  armed.set(conversationId, { timer, deps });
}

/**
 * Runs every armed computation now and waits until none is left running or armed: for tests, the
 * demo seed and orderly shutdown.
 */
export async function settleOpinionMath(): Promise<void> {
  for (let i = 0; i < 1000 && (armed.size > 0 || inFlight.size > 0 || computing.size > 0); i++) {
    for (const [id, { timer, deps }] of [...armed]) {
      clearTimeout(timer);
      fire(id, deps);
    }
    if (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    else if (computing.size > 0) await Promise.allSettled([...computing.values()]);
  }
}

// ---------------------------------------------------------------------------------------------
// The periodic job

/** Conversations whose map is out of date: marked dirty, or claimed by a computation that never saved. */
export async function conversationsDue(db: Executor, limit = 50): Promise<string[]> {
  const rows = await db
    .selectFrom('opinion_conversations')
    .select('id')
    .where((eb) => eb.or([eb('math_dirty_since', 'is not', null), eb('math_pending_since', 'is not', null)]))
    .orderBy(sql`coalesce(math_pending_since, math_dirty_since)`)
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Every few seconds: recompute what is still marked (votes from another process, a computation
 * that failed or died). Skips conversations being computed elsewhere; they are picked up next time.
 */
export const opinionsMathJob: JobDefinition = {
  name: 'opinions.math',
  everyMs: 5_000,
  async run(deps) {
    for (const id of await conversationsDue(deps.db)) await recomputeConversation(deps, id);
  },
};
