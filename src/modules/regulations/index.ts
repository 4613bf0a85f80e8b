import type { ModuleManifest } from '../../core/module.js';
import type { ResourceAdapter } from '../../core/resources.js';
import { hasRole } from '../../core/permissions/policy.js';
import { canProcess, loadProcess } from '../processes/index.js';
import { regulationsTables } from './migrations/0001-regulations.js';
import { regulationsErrorStatus, regulationsMessages } from './messages.js';
import { regulationRoutes } from './routes.js';
import { canRegulation } from './policy.js';
import { seedRegulationsDemo } from './demo.js';

import { regulationsOpenData } from './opendata.js';
import './tables.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export { canRegulation };
export { diffText, compareClauses } from './text-diff.js';
export type { DiffPart, ClauseComparison, ClauseText } from './text-diff.js';

/** Comments on a regulation take the clause id as their anchor (none: the regulation as a whole). */
const regulationResource: ResourceAdapter = {
  async describe(db, id, actor, now) {
    if (!UUID.test(id)) return null;
    const regulation = await db.selectFrom('regulations').select(['id', 'process_id', 'department_id', 'status', 'title']).where('id', '=', id).executeTakeFirst();
    if (!regulation) return null;
    const context = await loadProcess(db, { id: regulation.process_id }, now);
    if (!context) return null;
    if (!canProcess(actor, 'process.read', { departmentId: context.process.department_id, status: context.process.status }).allow) return null;
    const published = regulation.status === 'published';
    if (!canRegulation(actor, 'regulation.read', { departmentId: regulation.department_id, published }).allow) return null;
    const phase = context.isOpen('regulations', 'comment');
    const open = published && phase.open;
    return {
      title: regulation.title,
      path: `/processes/${context.process.slug}/regulations/${regulation.id}`,
      authorIds: [],
      public: published && context.process.status === 'published',
      areaId: context.process.area_id,
      commenting: { open, stance: true, until: open ? phase.until : null },
    };
  },
};

/** Alternative wording people propose: moderated like any user content, commented on nowhere. */
const alternativeResource: ResourceAdapter = {
  async describe(db, id, actor, now) {
    if (!UUID.test(id)) return null;
    const alternative = await db
      .selectFrom('regulation_alternatives as a')
      .innerJoin('regulations as r', 'r.id', 'a.regulation_id')
      .select(['a.id', 'a.clause_id', 'a.author_id', 'a.hidden_at', 'r.id as regulation_id', 'r.title', 'r.process_id', 'r.status'])
      .where('a.id', '=', id)
      .executeTakeFirst();
    if (!alternative) return null;
    const context = await loadProcess(db, { id: alternative.process_id }, now);
    if (!context) return null;
    if (!canProcess(actor, 'process.read', { departmentId: context.process.department_id, status: context.process.status }).allow) return null;
    const hidden = alternative.hidden_at !== null;
    const staff = hasRole(actor, 'moderator') || hasRole(actor, 'administrator');
    if (hidden && !staff && !(actor.kind === 'user' && actor.id === alternative.author_id)) return null;
    return {
      title: alternative.title,
      path: `/processes/${context.process.slug}/regulations/${alternative.regulation_id}#clause-${alternative.clause_id}`,
      authorIds: [alternative.author_id],
      public: !hidden && alternative.status === 'published',
      areaId: context.process.area_id,
      commenting: { open: false, stance: false, until: null },
    };
  },
  async setHidden(trx, id, hiddenAt) {
    if (!UUID.test(id)) return;
    await trx.updateTable('regulation_alternatives').set({ hidden_at: hiddenAt }).where('id', '=', id).execute();
  },
};

/**
 * Draft regulations (component `regulations`, actions `comment`, `support`, `amend`): a department
 * publishes a draft split into clauses, in versions; people comment on a clause (core comments with
 * the clause id as anchor), support or oppose it and propose alternative wording; the department
 * answers clause by clause in a response report; versions are compared clause by clause.
 */
export const regulationsManifest: ModuleManifest = {
  name: 'regulations',
  openData: regulationsOpenData,
  migrations: [regulationsTables],
  errorStatus: regulationsErrorStatus,
  messages: regulationsMessages,
  routes: regulationRoutes,
  resources: { regulation: regulationResource, regulation_alternative: alternativeResource },
  seedDemo: (deps) => seedRegulationsDemo(deps, { regulation: regulationResource }),
};
