import type { Deps } from '../deps.js';
import type { ResourceRegistry } from '../resources.js';

/** What comment and moderation operations need: the database, the clock and every module's resource adapters. */
export interface ResourceDeps extends Deps {
  resources: ResourceRegistry;
}
