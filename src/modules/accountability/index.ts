import type { ModuleManifest } from '../../core/module.js';
import { accountabilityTables } from './migrations/0001-accountability.js';
import { accountabilityErrorStatus, accountabilityMessages } from './messages.js';
import { accountabilityRoutes } from './routes.js';
import { commitmentPath, loadCommitment } from './queries/load-commitment.js';
import { consultationOpen, isClosed } from './rules.js';
import { commitmentsFromBudgetsJob } from './operations/commitments-from-budgets.js';
import { accountabilityOpenData } from './opendata.js';
import { accountabilityDepartmentMetrics } from './scorecard.js';
import { seedAccountabilityDemo } from './seed-demo.js';
import './tables.js';

export type { CommitmentKind, CommitmentStatus, RatingRound } from './tables.js';
/** Winning budget projects as commitments (the job runs it; tests and scripts may call it directly). */
export { commitmentsFromBudgetResults } from './operations/commitments-from-budgets.js';
/** For other modules' demo content and test fixtures. */
export { createCommitment } from './operations/create-commitment.js';

/**
 * Accountability and citizen evaluation: departments register commitments and innovation programs
 * (from proposals, budget projects, hearings' response reports, draft regulations) with a measurable
 * benefit, consult residents before adopting a program, report milestones, progress, spending and
 * documents on a public timeline; verified residents of the area rate what is delivered (after the
 * start, and again after completion); a documented formula flags "image projects"; and public
 * scorecards put every module's figures for each department side by side.
 */
export const accountabilityManifest: ModuleManifest = {
  name: 'accountability',
  migrations: [accountabilityTables],
  errorStatus: accountabilityErrorStatus,
  messages: accountabilityMessages,
  routes: accountabilityRoutes,
  jobs: [commitmentsFromBudgetsJob],
  openData: accountabilityOpenData,
  departmentMetrics: accountabilityDepartmentMetrics,
  seedDemo: seedAccountabilityDemo,
  resources: {
    commitment: {
      async describe(db, id, _actor, now) {
        const record = await loadCommitment(db, id);
        if (!record) return null;
        const { row } = record;
        // Stances count during the consultation; afterwards residents keep discussing, without stance.
        const consulting = consultationOpen({ status: row.status, consultationOpensAt: row.consultation_opens_at, consultationEndsAt: row.consultation_ends_at }, now);
        const open = consulting || !isClosed(row.status) || row.status === 'completed';
        return {
          title: row.title,
          path: commitmentPath(row.id),
          authorIds: row.created_by ? [row.created_by] : [],
          public: true,
          areaId: row.area_id,
          commenting: { open: open && row.status !== 'cancelled', stance: consulting, until: consulting ? row.consultation_ends_at : null },
        };
      },
    },
  },
};
