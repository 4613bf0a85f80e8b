import type { Db } from './db/database.js';
import type { Clock } from './clock.js';
import type { LiveHub } from './live/hub.js';
import type { AttachmentStore } from './attachments/store.js';
import type { ModuleManifest } from './module.js';

/** What every operation needs: the database and the clock. Passed explicitly, never global. */
export interface Deps {
  db: Db;
  clock: Clock;
  /** Live updates to open pages (server-sent events), published after commit; absent in scripts that serve no pages. */
  live?: LiveHub;
  /** Where attachments' bytes are kept; the database when absent. */
  files?: AttachmentStore;
  /**
   * The platform's modules, for the parts that compose all of them (the open-data archive, the
   * department scorecards); set by the server, the scheduler and the test platform.
   */
  modules?: readonly ModuleManifest[];
}
