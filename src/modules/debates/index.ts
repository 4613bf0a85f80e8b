import type { ModuleManifest } from '../../core/module.js';
import type { ResourceAdapter } from '../../core/resources.js';
import { canProcess, loadProcess } from '../processes/index.js';
import { debatesTables } from './migrations/0001-debates.js';
import { debatesErrorStatus, debatesMessages } from './messages.js';
import { debateRoutes } from './routes.js';
import { canDebate } from './policy.js';
import { seedDebatesDemo } from './demo.js';

import { debatesOpenData } from './opendata.js';
import './tables.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export { canDebate };
export type { DebateStatus } from './tables.js';

/** A debate as a resource: comments with a stance while it is open, moderation hides it, people follow it. */
const debateResource: ResourceAdapter = {
  async describe(db, id, actor, now) {
    if (!UUID.test(id)) return null;
    const debate = await db
      .selectFrom('debates')
      .select(['id', 'process_id', 'title', 'status', 'author_id', 'hidden_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!debate) return null;
    const context = await loadProcess(db, { id: debate.process_id }, now);
    if (!context) return null;
    const ref = { departmentId: context.process.department_id, status: context.process.status };
    if (!canProcess(actor, 'process.read', ref).allow) return null;
    const hidden = debate.hidden_at !== null;
    if (!canDebate(actor, 'debate.read', { authorId: debate.author_id, hidden }).allow) return null;
    const phase = context.isOpen('debates', 'comment');
    const open = phase.open && debate.status === 'open' && !hidden;
    return {
      title: debate.title,
      path: `/processes/${context.process.slug}/debates/${debate.id}`,
      authorIds: [debate.author_id],
      public: context.process.status === 'published' && !hidden,
      areaId: context.process.area_id,
      commenting: { open, stance: true, until: open ? phase.until : null },
    };
  },
  async setHidden(trx, id, hiddenAt) {
    if (!UUID.test(id)) return;
    await trx.updateTable('debates').set({ hidden_at: hiddenAt }).where('id', '=', id).execute();
  },
};

/**
 * Debates: open discussion threads inside a participatory process (component `debates`, actions
 * `create` and `comment`), commented with a stance through the core's comments and closed by the
 * process's department with a conclusion.
 */
export const debatesManifest: ModuleManifest = {
  name: 'debates',
  openData: debatesOpenData,
  migrations: [debatesTables],
  errorStatus: debatesErrorStatus,
  messages: debatesMessages,
  routes: debateRoutes,
  resources: { debate: debateResource },
  seedDemo: (deps) => seedDebatesDemo(deps, { debate: debateResource }),
};
