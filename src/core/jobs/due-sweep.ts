/**
 * What every deadline sweep shares (late answers to proposals and questions, late fixes of reports,
 * late hearing reports, late replies to information requests): find what is due, then flag each item
 * in its own transaction after locking and re-reading it, so an item answered in the meantime is
 * left alone and a second run flags nothing twice; and tell the people who follow the item and the
 * officials of the department that must act.
 */
import type { Deps } from '../deps.js';
import type { Executor, Tx } from '../db/database.js';
import { transact } from '../db/transact.js';
import { ok } from '../errors.js';
import { notify, type NotificationInput } from '../notifications/notify.js';
import type { JobDefinition } from './scheduler.js';

/** At most this many items are flagged per run; the next run takes the rest. */
const BATCH = 500;

export interface DueSweep {
  /** The ids of the items due at `now`, oldest deadline first, at most `limit`. */
  findDue(db: Executor, now: Date, limit: number): Promise<string[]>;
  /** Locks and re-reads one item and flags it when it is still due; returns whether it did. */
  flag(trx: Tx, id: string, now: Date): Promise<boolean>;
}

/** Runs a sweep at the clock's time; returns how many items it flagged. */
export async function sweepDue({ db, clock }: Deps, sweep: DueSweep): Promise<number> {
  const now = clock.now();
  let flagged = 0;
  for (const id of await sweep.findDue(db, now, BATCH)) {
    const result = await transact(db, async (trx) => ok(await sweep.flag(trx, id, now)));
    if (result.ok && result.value) flagged++;
  }
  return flagged;
}

/** A periodic job running a sweep (every ten minutes unless said otherwise). */
export function dueSweepJob(name: string, sweep: DueSweep, everyMs = 10 * 60_000): JobDefinition {
  return {
    name,
    everyMs,
    async run(deps) {
      await sweepDue(deps, sweep);
    },
  };
}

/** Notifies the followers of a resource and the officials holding posts in a department (and `also`: the author, say), each once. */
export async function notifyFollowersAndOfficials(trx: Tx, departmentId: string | null, input: NotificationInput, now: Date, also: string[] = []): Promise<void> {
  const [followers, officials] = await Promise.all([
    trx.selectFrom('follows').select('user_id').where('resource_type', '=', input.resourceType).where('resource_id', '=', input.resourceId).execute(),
    departmentId
      ? trx.selectFrom('posts').select('holder_user_id').where('organization_id', '=', departmentId).where('holder_user_id', 'is not', null).execute()
      : Promise.resolve([]),
  ]);
  await notify(trx, [...also, ...followers.map((f) => f.user_id), ...officials.map((o) => o.holder_user_id!)], input, now);
}
