import type { ModuleManifest } from '../../core/module.js';
import type { Executor } from '../../core/db/database.js';
import type { Actor } from '../../core/permissions/actor.js';
import { hasRole } from '../../core/permissions/policy.js';
import { loadProcess } from '../processes/index.js';
import { hearingsTables } from './migrations/0001-hearings.js';
import { hearingsErrorStatus, hearingsMessages } from './messages.js';
import { hearingRoutes } from './routes.js';
import { hearingPath, loadHearing } from './queries/load-hearing.js';
import { overdueReportsJob } from './operations/flag-overdue-reports.js';
import { seedHearingsDemo } from './seed-demo.js';

import { hearingsOpenData } from './opendata.js';
import { hearingsDepartmentMetrics } from './scorecard.js';
import './tables.js';

export { flagOverdueReports } from './operations/flag-overdue-reports.js';
/** The pure draw, for anyone who wants to check a hearing's draw from code. */
export { drawSortition, drawHearing, hearingDrawSeed } from './sortition.js';

/**
 * Whether comments on a hearing are open: inside a process while its phase opens
 * `hearings.comment`; a standalone hearing from its announcement until the response report.
 */
async function commentingOf(db: Executor, row: { status: string; process_id: string | null; report_published_at: Date | null }, now: Date) {
  if (row.status === 'cancelled') return { open: false, until: null };
  if (row.process_id) {
    const context = await loadProcess(db, { id: row.process_id }, now);
    return context ? context.isOpen('hearings', 'comment') : { open: false, until: null };
  }
  return { open: row.report_published_at === null, until: null };
}

async function describeHearing(db: Executor, id: string, actor: Actor, now: Date) {
  void actor; // Hearings are public.
  const record = await loadHearing(db, id);
  if (!record) return null;
  const { row } = record;
  return {
    title: row.title,
    path: hearingPath(row.id),
    authorIds: [],
    public: true,
    areaId: row.area_id,
    commenting: { ...(await commentingOf(db, row, now)), stance: true },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * People's hearings: a department announces a hearing with its panel, agenda and documents;
 * residents and organizations apply to attend or to speak with their position; oversubscribed
 * places are drawn by a published, re-runnable lot (./sortition.ts, `civitas hearings draw`);
 * registered people send written questions that others co-sign onto the agenda; after the hearing
 * the department publishes the minutes with the panel's answers and, within working days, its
 * response report, or the report turns overdue in public.
 */
export const hearingsManifest: ModuleManifest = {
  name: 'hearings',
  openData: hearingsOpenData,
  departmentMetrics: hearingsDepartmentMetrics,
  migrations: [hearingsTables],
  errorStatus: hearingsErrorStatus,
  messages: hearingsMessages,
  routes: hearingRoutes,
  jobs: [overdueReportsJob],
  seedDemo: seedHearingsDemo,
  resources: {
    hearing: { describe: describeHearing },
    // The minutes' files: readable by whoever may read the hearing, not commented on separately.
    hearing_minutes: {
      async describe(db, id, actor, now) {
        const info = await describeHearing(db, id, actor, now);
        return info ? { ...info, commenting: { open: false, stance: false, until: null } } : null;
      },
    },
    // Written questions and opinions can be reported and hidden by moderators.
    hearing_submission: {
      async describe(db, id, actor) {
        if (!UUID.test(id)) return null;
        const row = await db.selectFrom('hearing_submissions').select(['id', 'hearing_id', 'author_id', 'body', 'hidden_at']).where('id', '=', id).executeTakeFirst();
        if (!row) return null;
        const mayReadHidden = hasRole(actor, 'moderator') || hasRole(actor, 'administrator') || (actor.kind === 'user' && actor.id === row.author_id);
        if (row.hidden_at && !mayReadHidden) return null;
        const hearing = await db.selectFrom('hearings').select('area_id').where('id', '=', row.hearing_id).executeTakeFirst();
        const flat = row.body.replace(/\s+/g, ' ').trim();
        return {
          title: flat.length > 120 ? `${flat.slice(0, 119)}…` : flat,
          path: `${hearingPath(row.hearing_id)}#submission-${row.id}`,
          authorIds: [row.author_id],
          public: row.hidden_at === null,
          areaId: hearing?.area_id ?? null,
          commenting: { open: false, stance: false, until: null },
        };
      },
      async setHidden(trx, id, hiddenAt) {
        if (!UUID.test(id)) return;
        await trx.updateTable('hearing_submissions').set({ hidden_at: hiddenAt }).where('id', '=', id).execute();
      },
    },
  },
};
