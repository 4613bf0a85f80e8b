import type { ModuleManifest } from '../../core/module.js';
import { processesTables } from './migrations/0001-processes.js';
import { processesErrorStatus, processesMessages } from './messages.js';
import { processRoutes } from './routes.js';
import { loadProcess } from './queries/load-process.js';
import { canProcess } from './policy.js';
import { seedProcessesDemo } from './demo.js';

import { processesOpenData } from './opendata.js';
import './tables.js';

export type { ProcessContext, PhaseView } from './queries/load-process.js';
export type { ComponentName, PhaseActions } from './tables.js';
/**
 * The public surface of the processes module for the components inside a process (proposals,
 * debates, regulations, ...): load a process with its current phase and ask whether an action is
 * open now (`context.isOpen('proposals', 'support')` → `{ open, until }`).
 */
export { loadProcess, canProcess };
/** For other modules' demo content and test fixtures: processes are created and published like an official would. */
export { createProcess } from './operations/create-process.js';
export { publishProcess } from './operations/publish-process.js';

export const processesManifest: ModuleManifest = {
  name: 'processes',
  openData: processesOpenData,
  migrations: [processesTables],
  errorStatus: processesErrorStatus,
  messages: processesMessages,
  routes: processRoutes,
  seedDemo: seedProcessesDemo,
  resources: {
    process: {
      async describe(db, id, actor, now) {
        if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
        const context = await loadProcess(db, { id }, now);
        if (!context) return null;
        const ref = { departmentId: context.process.department_id, status: context.process.status };
        if (!canProcess(actor, 'process.read', ref).allow) return null;
        return {
          title: context.process.title,
          path: `/processes/${context.process.slug}`,
          authorIds: [],
          public: context.process.status === 'published',
          areaId: context.process.area_id,
          commenting: { open: false, stance: false, until: null },
        };
      },
    },
  },
};
