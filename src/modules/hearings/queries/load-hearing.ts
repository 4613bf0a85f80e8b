import type { Selectable } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import type { HearingRef } from '../policy.js';
import type { HearingTiming } from '../rules.js';
import type { HearingsTable } from '../tables.js';

export type HearingRow = Selectable<HearingsTable>;

/** A hearing row, with the reference the policy decides on and the dates the rules decide on. */
export interface HearingRecord {
  row: HearingRow;
  ref: HearingRef;
  timing: HearingTiming;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function timingOf(row: Pick<HearingRow, 'status' | 'starts_at' | 'ends_at' | 'registration_opens_at' | 'registration_closes_at' | 'drawn_at' | 'report_published_at'>): HearingTiming {
  return {
    status: row.status,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    registrationOpensAt: row.registration_opens_at,
    registrationClosesAt: row.registration_closes_at,
    drawnAt: row.drawn_at,
    reportPublishedAt: row.report_published_at,
  };
}

export function recordOf(row: HearingRow): HearingRecord {
  return { row, ref: { departmentId: row.department_id, status: row.status }, timing: timingOf(row) };
}

/**
 * One hearing. Every hearing is public once announced, so there is no visibility check beyond
 * existence. With `forUpdate`, the row stays locked until the caller's transaction ends (every
 * registration, the draw and withdrawals of one hearing then run one after another).
 */
export async function loadHearing(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<HearingRecord | null> {
  if (!UUID.test(id)) return null;
  let query = db.selectFrom('hearings').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? recordOf(row) : null;
}

/** The web path of a hearing. */
export function hearingPath(id: string): string {
  return `/hearings/${id}`;
}
