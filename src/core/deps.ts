import type { Db } from './db/database.js';
import type { Clock } from './clock.js';
import type { LiveHub } from './live/hub.js';

/** What every operation needs: the database and the clock. Passed explicitly, never global. */
export interface Deps {
  db: Db;
  clock: Clock;
  /** Live updates to open pages (server-sent events), published after commit; absent in scripts that serve no pages. */
  live?: LiveHub;
}
