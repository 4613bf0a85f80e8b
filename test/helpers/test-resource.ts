/**
 * A test-only resource type, `test_item`, for exercising comments and moderation before a module
 * provides real content: items live in memory, and each test sets whether an item is public,
 * open for comments, asks for a stance, and who wrote it.
 */
import { randomUUID } from 'node:crypto';
import type { ModuleManifest } from '../../src/core/module.js';
import type { ResourceAdapter } from '../../src/core/resources.js';
import { isModerator } from '../../src/core/moderation/policy.js';

export interface TestItem {
  id: string;
  title: string;
  authorIds: string[];
  /** Visible to everyone (else only to its authors). */
  public: boolean;
  open: boolean;
  stance: boolean;
  hiddenAt: Date | null;
}

export function createTestResource() {
  const items = new Map<string, TestItem>();
  const adapter: ResourceAdapter = {
    async describe(_db, id, actor) {
      const item = items.get(id);
      if (!item) return null;
      const author = actor.kind === 'user' && item.authorIds.includes(actor.id);
      if (!item.public && !author) return null;
      if (item.hiddenAt && !author && !isModerator(actor)) return null;
      return {
        title: item.title,
        path: `/test-items/${item.id}`,
        authorIds: item.authorIds,
        public: item.public && !item.hiddenAt,
        areaId: null,
        commenting: { open: item.open, stance: item.stance, until: null },
      };
    },
    async setHidden(_trx, id, hiddenAt) {
      const item = items.get(id);
      if (item) item.hiddenAt = hiddenAt;
    },
  };
  const module: ModuleManifest = {
    name: 'test_resource',
    migrations: [],
    errorStatus: {},
    messages: { en: {}, 'zh-CN': {} },
    routes() {},
    resources: { test_item: adapter },
  };
  /** Adds an item: public, open for comments without stance unless told otherwise. */
  function add(overrides: Partial<TestItem> = {}): TestItem {
    const item: TestItem = { id: randomUUID(), title: 'Test item', authorIds: [], public: true, open: true, stance: false, hiddenAt: null, ...overrides };
    items.set(item.id, item);
    return item;
  }
  return { module, items, add };
}
