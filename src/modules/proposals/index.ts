import type { ModuleManifest } from '../../core/module.js';
import { canProcess, loadProcess } from '../processes/index.js';
import { proposalsTables } from './migrations/0001-proposals.js';
import { proposalsErrorStatus, proposalsMessages } from './messages.js';
import { proposalRoutes } from './routes.js';
import { canProposal } from './policy.js';
import { loadProposal, proposalPath } from './queries/load-proposal.js';
import { overdueAnswersJob } from './operations/flag-overdue-answers.js';
import { seedProposalsDemo } from './seed-demo.js';

import { proposalsOpenData } from './opendata.js';
import { proposalsDepartmentMetrics } from './scorecard.js';
import './tables.js';

export type { ProposalState } from './tables.js';
export { flagOverdueAnswers } from './operations/flag-overdue-answers.js';
/** A proposal as it is now (e.g. to promote an accepted one to a budget project); visibility is the caller's check. */
export { loadProposal };
export type { ProposalRecord } from './queries/load-proposal.js';
/** For other modules' demo content and test fixtures. */
export { createProposal } from './operations/create-proposal.js';
export { answerProposal } from './operations/answer-proposal.js';

/**
 * Proposals inside participatory processes: residents and organizations propose, verified residents
 * support, a threshold qualifies a proposal for an official answer due within working days, and the
 * responsible department answers in the name of a post, in public.
 */
export const proposalsManifest: ModuleManifest = {
  name: 'proposals',
  openData: proposalsOpenData,
  departmentMetrics: proposalsDepartmentMetrics,
  migrations: [proposalsTables],
  errorStatus: proposalsErrorStatus,
  messages: proposalsMessages,
  routes: proposalRoutes,
  jobs: [overdueAnswersJob],
  seedDemo: seedProposalsDemo,
  resources: {
    proposal: {
      async describe(db, id, actor, now) {
        const record = await loadProposal(db, id);
        if (!record || !canProposal(actor, 'proposal.read', record.ref).allow) return null;
        const context = await loadProcess(db, { id: record.row.process_id }, now);
        if (!context) return null;
        if (!canProcess(actor, 'process.read', { departmentId: context.process.department_id, status: context.process.status }).allow) return null;
        const { row } = record;
        const comment = context.isOpen('proposals', 'comment');
        const open = comment.open && row.state !== 'draft' && row.state !== 'withdrawn' && row.hidden_at === null;
        return {
          title: row.title,
          path: proposalPath(context.process.slug, row.id),
          authorIds: [row.author_id, ...record.coauthorIds],
          public: row.state !== 'draft' && row.hidden_at === null && context.process.status === 'published',
          areaId: row.area_id ?? context.process.area_id,
          commenting: { open, stance: true, until: open ? comment.until : null },
        };
      },
      async setHidden(trx, id, hiddenAt) {
        await trx.updateTable('proposals').set({ hidden_at: hiddenAt }).where('id', '=', id).execute();
      },
    },
  },
};
