import type { ModuleManifest } from '../../core/module.js';
import { reportsTables } from './migrations/0001-reports.js';
import { reportsErrorStatus, reportsMessages } from './messages.js';
import { reportRoutes } from './routes.js';
import { open311Routes } from './open311/routes.js';
import { canReport } from './policy.js';
import { loadReport, reportPath, reportTitle } from './queries/load-report.js';
import { overdueReportsJob } from './operations/flag-overdue-reports.js';
import { seedReportsDemo } from './seed-demo.js';

import { reportsOpenData } from './opendata.js';
import { reportsDepartmentMetrics } from './scorecard.js';
import './tables.js';

export type { ReportState } from './tables.js';
export { flagOverdueReports } from './operations/flag-overdue-reports.js';
/** For other modules' demo content and test fixtures. */
export { createReport } from './operations/create-report.js';
export { createCategory } from './operations/save-category.js';

/**
 * Reports of local problems: residents (and Open311 clients with an API key) report a problem at a
 * place; a routing table sends it by category and area to a department, which must fix it within
 * working days; officials acknowledge, work on, fix or transfer it; the reporter confirms or
 * reopens; each department's record is public. Open311 GeoReport v2 at /open311/v2.
 */
export const reportsManifest: ModuleManifest = {
  name: 'reports',
  openData: reportsOpenData,
  departmentMetrics: reportsDepartmentMetrics,
  migrations: [reportsTables],
  errorStatus: reportsErrorStatus,
  messages: reportsMessages,
  routes(app, ctx) {
    reportRoutes(app, ctx);
    open311Routes(app, ctx);
  },
  jobs: [overdueReportsJob],
  seedDemo: seedReportsDemo,
  resources: {
    problem_report: {
      async describe(db, id, actor) {
        const record = await loadReport(db, id);
        if (!record || !canReport(actor, 'report.read', record.ref).allow) return null;
        const { row } = record;
        const visible = row.hidden_at === null;
        return {
          title: reportTitle(row, record.category.name),
          path: reportPath(row.id),
          authorIds: row.author_id ? [row.author_id] : [],
          public: visible,
          areaId: row.area_id,
          commenting: { open: visible, stance: false, until: null },
        };
      },
      async setHidden(trx, id, hiddenAt) {
        await trx.updateTable('problem_reports').set({ hidden_at: hiddenAt }).where('id', '=', id).execute();
      },
    },
  },
};
