import type { ModuleManifest } from '../../core/module.js';
import { supervisionTables } from './migrations/0001-supervision.js';
import { supervisionErrorStatus, supervisionMessages } from './messages.js';
import { supervisionRoutes } from './routes.js';
import { canSupervision } from './policy.js';
import { complaintPath, loadComplaint } from './queries/load-complaint.js';
import { supervisionDeadlinesJob } from './operations/sweep-deadlines.js';
import { reportNoticeJob, reportRetentionJob } from './operations/report-jobs.js';
import { seedSupervisionDemo } from './seed-demo.js';
import { supervisionDepartmentMetrics } from './scorecard.js';

import './tables.js';

/** For issue 9's scorecards: a department's concluded complaints and how many were substantiated. */
export { substantiatedComplaints, type DepartmentSupervisionRecord } from './queries/statistics.js';
export type { ComplaintCategory, ComplaintState, ComplaintOutcome } from './tables.js';

/**
 * Democratic supervision: named complaints and anonymous reports of misconduct, routed to the
 * supervisory body of the department concerned and never to the department itself (a policy rule
 * keeps its people, and those of departments in a configured conflict, off the case). Named
 * complaints move through working-day stages and escalate to the higher body when a deadline is
 * missed. Anonymous reports (GlobaLeaks' model) are encrypted per report, reachable only with a
 * 16-digit receipt, and keep no address, browser or time finer than the day. Public statistics are
 * aggregate, with small counts suppressed.
 */
export const supervisionManifest: ModuleManifest = {
  name: 'supervision',
  departmentMetrics: supervisionDepartmentMetrics,
  migrations: [supervisionTables],
  errorStatus: supervisionErrorStatus,
  messages: supervisionMessages,
  routes: supervisionRoutes,
  jobs: [supervisionDeadlinesJob, reportNoticeJob, reportRetentionJob],
  seedDemo: seedSupervisionDemo,
  resources: {
    supervision_complaint: {
      async describe(db, id, actor) {
        const record = await loadComplaint(db, id);
        if (!record || !canSupervision(actor, 'complaint.read', record.ref).allow) return null;
        return { title: `Complaint no. ${record.row.number}`, path: complaintPath(id), authorIds: [record.row.complainant_id], public: false, areaId: null, commenting: { open: false, stance: false, until: null } };
      },
    },
    supervision_event: {
      async describe(db, id, actor) {
        const event = await db.selectFrom('supervision_complaint_events').select(['complaint_id', 'kind']).where('id', '=', id).executeTakeFirst();
        if (!event) return null;
        const record = await loadComplaint(db, event.complaint_id);
        if (!record || !canSupervision(actor, event.kind === 'note' ? 'complaint.handle' : 'complaint.read', record.ref).allow) return null;
        return { title: `Complaint no. ${record.row.number}`, path: complaintPath(record.row.id), authorIds: [], public: false, areaId: null, commenting: { open: false, stance: false, until: null } };
      },
    },
  },
};
