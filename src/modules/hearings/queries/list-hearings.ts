import { sql } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import type { HearingRow } from './load-hearing.js';

export interface ListOptions {
  when: 'upcoming' | 'past' | 'all';
  departmentId?: string;
  /** Hearings concerning an area: those in it, under it, over it (its district, its city) or city-wide (no area). */
  areaIds?: string[];
  processId?: string;
  reportOverdue?: boolean;
  limit: number;
  offset: number;
}

/**
 * Hearings, newest concerns first: upcoming ones (not yet ended) soonest first, past ones latest
 * first. An overdue report is read from the due date, so the list is right before the sweep runs.
 */
export async function listHearings(db: Executor, now: Date, options: ListOptions): Promise<{ rows: HearingRow[]; total: number }> {
  let query = db.selectFrom('hearings');
  if (options.when === 'upcoming') query = query.where('ends_at', '>', now);
  if (options.when === 'past') query = query.where('ends_at', '<=', now);
  if (options.departmentId) query = query.where('department_id', '=', options.departmentId);
  if (options.processId) query = query.where('process_id', '=', options.processId);
  const areaIds = options.areaIds;
  if (areaIds) query = query.where((eb) => eb.or([eb('area_id', 'is', null), ...(areaIds.length ? [eb('area_id', 'in', areaIds)] : [])]));
  if (options.reportOverdue) {
    query = query.where('status', '=', 'announced').where('report_published_at', 'is', null).where('report_due_at', '<=', now);
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('starts_at', options.when === 'upcoming' ? 'asc' : 'desc')
      .orderBy('id')
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}
