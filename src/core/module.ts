import type { Migration } from './db/migrate.js';
import type { MessageBundle } from './i18n/locale.js';
import type { App, AppContext } from './http/context.js';
import type { Deps } from './deps.js';
import type { ResourceAdapter } from './resources.js';
import type { JobDefinition } from './jobs/scheduler.js';
import type { OpenDataSource } from './opendata/types.js';
import type { DepartmentMetricsSource } from './scorecards/types.js';

/**
 * What a participatory module declares about itself, in one place: its tables, its error codes
 * with their HTTP status, its messages in both languages, its routes and its demo content.
 * `src/server/modules.ts` lists the manifests; nothing is discovered by reflection.
 */
export interface ModuleManifest {
  name: string;
  migrations: Migration[];
  errorStatus: Record<string, number>;
  messages: MessageBundle;
  routes(app: App, ctx: AppContext): void;
  /** The module's content types, for comments, moderation, follows and notifications. */
  resources?: Record<string, ResourceAdapter>;
  /** Periodic jobs (deadline sweeps, deliveries); each must be idempotent. */
  jobs?: JobDefinition[];
  /** The module's public records for the open-data archive (see `opendata/types.ts`). */
  openData?: OpenDataSource;
  /** The module's figures for each department's public scorecard (see `scorecards/types.ts`). */
  departmentMetrics?: DepartmentMetricsSource;
  /** Adds this module's part of the demo municipality (runs once, after the core's demo). */
  seedDemo?(deps: Deps): Promise<void>;
}

/**
 * The modules of the running platform (from `src/server/modules.ts`, given to every `Deps` the
 * server, the scheduler and the tests make), for the parts that compose them all.
 */
export function platformModules(deps: Pick<Deps, 'modules'>): readonly ModuleManifest[] {
  if (!deps.modules) throw new Error('these dependencies carry no module list (build them with the platform\'s modules)');
  return deps.modules;
}
