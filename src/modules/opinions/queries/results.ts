import { sql } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import type { MathResult } from '../math/index.js';
import { isVisible } from '../rules.js';
import type { MathView, Me } from '../schemas.js';
import type { ModerationMode, StatementStatus } from '../tables.js';
import { findPid } from './load-conversation.js';

/** Above this many placed participants the map shows base clusters (weighted points) instead of people. */
export const MAX_MAP_POINTS = 3000;
/** How many statements the group-informed consensus list shows. */
const GROUP_AWARE_TOP = 5;

export interface StatementForMap {
  id: string;
  tid: number;
  body: string;
  body_zh: string | null;
  status: StatementStatus;
  is_seed: boolean;
  is_meta: boolean;
}

type Tally = { agree: number; disagree: number; pass: number };

/** The group letter: A, B, ... Z, then AA, AB, ... */
export function groupLabel(index: number): string {
  let n = index;
  let label = '';
  do {
    label = String.fromCharCode(65 + (n % 26)) + label;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return label;
}

/**
 * The public view of a math result: groups with their representative statements, the placed
 * participants (by pseudonymous number only), the statements shown now with their votes overall
 * and per group, consensus and group-informed consensus. Statements participants cannot see
 * (rejected, or waiting under pre-moderation) are left out. Pure.
 */
export function presentMath(
  result: MathResult,
  info: { tick: number; computedAt: Date; moderation: ModerationMode },
  statements: readonly StatementForMap[],
  totals: ReadonlyMap<number, Tally>,
): MathView {
  const shown = statements.filter((s) => isVisible(s.status, info.moderation));
  const shownTids = new Set(shown.map((s) => String(s.tid)));
  const groups = [...result.groups].sort((a, b) => a.id - b.id);
  const groupIndexOf = new Map<string, number>();
  groups.forEach((g, i) => g.members.forEach((m) => groupIndexOf.set(m, i)));
  const baseGroup = new Map<number, number>();
  groups.forEach((g, i) => g.baseClusters.forEach((b) => baseGroup.set(b, i)));

  const points =
    result.clustered.length <= MAX_MAP_POINTS
      ? result.clustered.map((pid) => {
          const [x, y] = result.projections[pid] ?? [0, 0];
          return { pid: Number(pid), x, y, group: groupIndexOf.get(pid) ?? null, weight: 1 };
        })
      : result.baseClusters.map((b) => ({ pid: null, x: b.center[0], y: b.center[1], group: baseGroup.get(b.id) ?? null, weight: b.members.length }));

  const column = new Map(result.comments.map((id, j) => [id, j]));
  const [xs, ys] = result.pca.commentProjection;
  const placed = result.pca.comps.length >= 2;
  const groupTally = (groupId: number, tid: string): Tally => {
    const t = result.groupVotes[String(groupId)]?.votes[tid];
    return t ? { agree: t.A, disagree: t.D, pass: t.S - t.A - t.D } : { agree: 0, disagree: 0, pass: 0 };
  };

  const groupAware = shown
    .filter((s) => !s.is_meta && Object.hasOwn(result.groupAwareConsensus, String(s.tid)))
    .map((s) => ({ number: s.tid, value: result.groupAwareConsensus[String(s.tid)]! }))
    .sort((a, b) => b.value - a.value || a.number - b.number)
    .slice(0, groups.length > 0 ? GROUP_AWARE_TOP : 0);

  return {
    tick: info.tick,
    computedAt: info.computedAt.toISOString(),
    participants: result.n,
    clustered: result.clustered.length,
    groups: groups.map((g, i) => ({
      id: g.id,
      label: groupLabel(i),
      memberCount: g.members.length,
      center: [g.center[0], g.center[1]] as [number, number],
      representative: (result.repness[String(g.id)] ?? [])
        .filter((r) => shownTids.has(r.comment))
        .map((r) => ({ number: Number(r.comment), repfulFor: r.repfulFor, probability: r.pSuccess, repness: r.repness })),
    })),
    points,
    statements: shown.map((s) => {
      const tid = String(s.tid);
      const j = column.get(tid);
      return {
        number: s.tid,
        id: s.id,
        body: s.body,
        bodyZh: s.body_zh,
        isSeed: s.is_seed,
        isMeta: s.is_meta,
        votes: totals.get(s.tid) ?? { agree: 0, disagree: 0, pass: 0 },
        groupVotes: groups.map((g) => groupTally(g.id, tid)),
        position: placed && j !== undefined && xs && ys ? ([xs[j]!, ys[j]!] as [number, number]) : null,
        groupConsensus: Object.hasOwn(result.groupAwareConsensus, tid) ? result.groupAwareConsensus[tid]! : null,
      };
    }),
    consensus: {
      agree: result.consensus.agree.filter((c) => shownTids.has(c.comment)).map((c) => ({ number: Number(c.comment), probability: c.pSuccess })),
      disagree: result.consensus.disagree.filter((c) => shownTids.has(c.comment)).map((c) => ({ number: Number(c.comment), probability: c.pSuccess })),
    },
    groupAware,
  };
}

/** Votes per statement over everyone, now. */
export async function statementTallies(db: Executor, conversationId: string): Promise<Map<number, Tally>> {
  const rows = await db
    .selectFrom('opinion_votes')
    .select(['tid', 'vote', sql<number>`count(*)::int`.as('n')])
    .where('conversation_id', '=', conversationId)
    .groupBy(['tid', 'vote'])
    .execute();
  const out = new Map<number, Tally>();
  for (const r of rows) {
    let t = out.get(r.tid);
    if (!t) out.set(r.tid, (t = { agree: 0, disagree: 0, pass: 0 }));
    if (r.vote > 0) t.agree += r.n;
    else if (r.vote < 0) t.disagree += r.n;
    else t.pass += r.n;
  }
  return out;
}

/** The conversation's last computed map as everyone may see it, with the raw result; null before the first computation. */
export async function loadMath(db: Executor, conversationId: string): Promise<{ view: MathView; result: MathResult } | null> {
  const conv = await db
    .selectFrom('opinion_conversations')
    .select(['math_result', 'math_tick', 'math_computed_at', 'moderation'])
    .where('id', '=', conversationId)
    .executeTakeFirst();
  if (!conv || conv.math_result === null || conv.math_computed_at === null) return null;
  const [statements, totals] = await Promise.all([
    db
      .selectFrom('opinion_statements')
      .select(['id', 'tid', 'body', 'body_zh', 'status', 'is_seed', 'is_meta'])
      .where('conversation_id', '=', conversationId)
      .orderBy('tid')
      .execute(),
    statementTallies(db, conversationId),
  ]);
  const result = conv.math_result as MathResult;
  return { view: presentMath(result, { tick: conv.math_tick, computedAt: conv.math_computed_at, moderation: conv.moderation }, statements, totals), result };
}

/** The conversation's last computed map, as everyone may see it; null before the first computation. */
export async function publicMath(db: Executor, conversationId: string): Promise<MathView | null> {
  return (await loadMath(db, conversationId))?.view ?? null;
}

/** The caller's own number, votes and place on the last map: shown to them only. */
export async function myPlace(db: Executor, conversationId: string, userId: string, result: MathResult | null): Promise<Me | null> {
  const pid = await findPid(db, conversationId, userId);
  if (pid === null) return null;
  const votes = await db
    .selectFrom('opinion_votes')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('conversation_id', '=', conversationId)
    .where('pid', '=', pid)
    .executeTakeFirstOrThrow();
  const key = String(pid);
  const placed = result !== null && result.clustered.includes(key) ? result.projections[key] : undefined;
  const groups = result ? [...result.groups].sort((a, b) => a.id - b.id) : [];
  const group = placed ? groups.findIndex((g) => g.members.includes(key)) : -1;
  return { pid, votes: votes.n, position: placed ? [placed[0], placed[1]] : null, group: group >= 0 ? group : null };
}
