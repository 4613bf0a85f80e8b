import type { Executor, Tx } from './db/database.js';
import type { Actor } from './permissions/actor.js';

/**
 * What the core's shared services (comments, moderation, follows, notifications) need to know
 * about a module's content, without importing the module: each module describes its resource
 * types with an adapter in its manifest, and the server joins them into one registry.
 */
export interface ResourceInfo {
  /** Shown in notifications, moderation queues and search results. */
  title: string;
  /** The web path of the resource, e.g. `/processes/p-1/proposals/abc`. */
  path: string;
  /** Accounts that wrote it (told about comments, moderation decisions). */
  authorIds: string[];
  /** Readable by everyone (false for drafts and hidden content). */
  public: boolean;
  areaId: string | null;
  /** Whether the actor may comment now, and whether comments take a stance (favour/against/neutral). */
  commenting: { open: boolean; stance: boolean; until: Date | null };
}

export interface ResourceAdapter {
  /** Describes one resource as the actor sees it at `now`; null when it does not exist or is not visible to them. */
  describe(db: Executor, id: string, actor: Actor, now: Date): Promise<ResourceInfo | null>;
  /** Hides (a date) or restores (null) the resource for moderation; absent when it cannot be hidden. */
  setHidden?(trx: Tx, id: string, hiddenAt: Date | null): Promise<void>;
}

/** Every resource type of every module, by name (`proposal`, `debate`, `comment`, ...). */
export type ResourceRegistry = ReadonlyMap<string, ResourceAdapter>;
