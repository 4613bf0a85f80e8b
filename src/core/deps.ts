import type { Db } from './db/database.js';
import type { Clock } from './clock.js';

/** What every operation needs: the database and the clock. Passed explicitly, never global. */
export interface Deps {
  db: Db;
  clock: Clock;
}
