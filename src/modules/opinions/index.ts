import type { ModuleManifest } from '../../core/module.js';
import { canProcess, loadProcess } from '../processes/index.js';
import { opinionsTables } from './migrations/0001-opinions.js';
import { opinionsErrorStatus, opinionsMessages } from './messages.js';
import { opinionsRoutes } from './routes.js';
import { loadConversation } from './queries/load-conversation.js';
import { opinionsMathJob } from './math-runner.js';
import { seedOpinionsDemo } from './seed-demo.js';

import { opinionsOpenData } from './opendata.js';
import './tables.js';

export type { ModerationMode, Participation, StatementStatus } from './tables.js';
export { recomputeConversation, settleOpinionMath } from './math-runner.js';

/** The web path of a conversation's page. */
export function conversationPath(processSlug: string, conversationId: string): string {
  return `/processes/${processSlug}/conversations/${conversationId}`;
}

/**
 * Opinion maps (Polis-style conversations) inside processes: the department opens a conversation
 * with seed statements; participants vote agree / disagree / pass on one statement at a time and add
 * their own; moderators accept or reject statements; the map (groups of people who vote alike, what
 * sets each group apart, what everyone agrees on) is recomputed after votes by the Polis math in
 * ./math, incrementally and warm-started, and pushed live to open pages. Results are public, who
 * voted what is not: participants appear only as per-conversation numbers. Polis openData files can
 * be imported and exported.
 */
export const opinionsManifest: ModuleManifest = {
  name: 'opinions',
  openData: opinionsOpenData,
  migrations: [opinionsTables],
  errorStatus: opinionsErrorStatus,
  messages: opinionsMessages,
  routes: opinionsRoutes,
  jobs: [opinionsMathJob],
  seedDemo: seedOpinionsDemo,
  resources: {
    conversation: {
      async describe(db, id, actor, now) {
        const record = await loadConversation(db, id);
        if (!record) return null;
        const context = await loadProcess(db, { id: record.row.process_id }, now);
        if (!context) return null;
        if (!canProcess(actor, 'process.read', { departmentId: context.process.department_id, status: context.process.status }).allow) return null;
        const comment = context.isOpen('opinions', 'comment');
        return {
          title: record.row.topic,
          path: conversationPath(context.process.slug, record.row.id),
          authorIds: [],
          public: context.process.status === 'published',
          areaId: context.process.area_id,
          commenting: { open: comment.open, stance: false, until: comment.until },
        };
      },
    },
  },
};
