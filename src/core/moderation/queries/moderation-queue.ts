import { sql, type ExpressionBuilder } from 'kysely';
import type { Executor, Tables } from '../../db/database.js';
import type { UserActor } from '../../permissions/actor.js';
import type { ResourceRegistry } from '../../resources.js';
import { canModerate } from '../policy.js';
import { reportReasons, type ModerationDecision, type ReportReason } from '../tables.js';

export type QueueStatus = 'pending' | 'hidden' | 'restored' | 'all';

export interface QueueItem {
  resourceType: string;
  resourceId: string;
  /** From the resource's adapter; null when the resource is gone. */
  title: string | null;
  path: string | null;
  state: 'visible' | 'hidden';
  openReports: number;
  totalReports: number;
  lastReportedAt: string | null;
  hiddenAt: string | null;
  hiddenAutomatically: boolean;
  /** Reports by reason: the open ones while there are any, else all of them. */
  reasons: Record<ReportReason, number>;
  /** What reporters wrote, newest first (at most 10), without who they are. */
  details: { reason: ReportReason; details: string; at: string }[];
  decision: { decision: ModerationDecision; reason: string; decidedAt: string; decidedBy: string | null } | null;
  authors: { id: string; displayName: string; blocked: boolean; staff: boolean }[];
  abilities: { hide: boolean; restore: boolean; blockAuthor: boolean };
}

/**
 * The moderators' queue: reported and moderated content by status (`pending`: reports wait for a
 * decision, hidden or not; `hidden`; `restored`: shown again after review; `all`), newest reports
 * first, with the reasons and details of the reports (never the reporters), the content's title and
 * path from its adapter, its authors, and what the moderator may decide.
 */
export async function listModerationQueue(
  db: Executor,
  resources: ResourceRegistry,
  actor: UserActor,
  now: Date,
  input: { status: QueueStatus; resourceType?: string; limit: number; offset: number },
): Promise<{ items: QueueItem[]; total: number }> {
  let query = db.selectFrom('moderation_items as m');
  if (input.status === 'pending') query = query.where('m.open_reports', '>', 0);
  if (input.status === 'hidden') query = query.where('m.state', '=', 'hidden');
  if (input.status === 'restored') query = query.where('m.state', '=', 'visible').where('m.decision', '=', 'restore');
  if (input.resourceType) query = query.where('m.resource_type', '=', input.resourceType);
  const [rows, total] = await Promise.all([
    query
      .leftJoin('users as d', 'd.id', 'm.decided_by')
      .selectAll('m')
      .select('d.display_name as decided_by_name')
      .orderBy(sql`coalesce(m.last_reported_at, m.decided_at)`, 'desc')
      .orderBy('m.resource_type')
      .orderBy('m.resource_id')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  if (rows.length === 0) return { items: [], total: total.n };

  const keys = (eb: ExpressionBuilder<Tables, 'reports'>) =>
    eb.or(rows.map((r) => eb.and([eb('resource_type', '=', r.resource_type), eb('resource_id', '=', r.resource_id)])));
  const [reasonRows, detailRows] = await Promise.all([
    db
      .selectFrom('reports')
      .select([
        'resource_type', 'resource_id', 'reason',
        sql<number>`count(*)::int`.as('all'),
        sql<number>`(count(*) filter (where resolved_at is null))::int`.as('open'),
      ])
      .where(keys)
      .groupBy(['resource_type', 'resource_id', 'reason'])
      .execute(),
    db
      .selectFrom('reports')
      .select(['resource_type', 'resource_id', 'reason', 'details', 'created_at'])
      .where(keys)
      .where('details', 'is not', null)
      .orderBy('created_at', 'desc')
      .limit(rows.length * 10)
      .execute(),
  ]);

  const items: QueueItem[] = [];
  for (const row of rows) {
    const same = (r: { resource_type: string; resource_id: string }) => r.resource_type === row.resource_type && r.resource_id === row.resource_id;
    const reasons = Object.fromEntries(reportReasons.map((reason) => [reason, 0])) as Record<ReportReason, number>;
    for (const r of reasonRows.filter(same)) reasons[r.reason] = row.open_reports > 0 ? r.open : r.all;
    const info = await resources.get(row.resource_type)?.describe(db, row.resource_id, actor, now);
    const authorRows = info && info.authorIds.length > 0
      ? await db
          .selectFrom('users as u')
          .select((eb) => [
            'u.id', 'u.display_name', 'u.blocked_at',
            eb.exists(eb.selectFrom('user_roles as r').select('r.role').whereRef('r.user_id', '=', 'u.id').where('r.role', 'in', ['administrator', 'moderator'])).as('staff'),
          ])
          .where('u.id', 'in', info.authorIds)
          .execute()
      : [];
    const authors = authorRows.map((a) => ({ id: a.id, displayName: a.display_name, blocked: a.blocked_at !== null, staff: Boolean(a.staff) }));
    const blockable = authors.some((a) => !a.blocked && a.id !== actor.id);
    items.push({
      resourceType: row.resource_type,
      resourceId: row.resource_id,
      title: info?.title ?? null,
      path: info?.path ?? null,
      state: row.state,
      openReports: row.open_reports,
      totalReports: row.total_reports,
      lastReportedAt: row.last_reported_at?.toISOString() ?? null,
      hiddenAt: row.hidden_at?.toISOString() ?? null,
      hiddenAutomatically: row.hidden_automatically,
      reasons,
      details: detailRows.filter(same).slice(0, 10).map((d) => ({ reason: d.reason, details: d.details!, at: d.created_at.toISOString() })),
      decision: row.decision
        ? { decision: row.decision, reason: row.decision_reason ?? '', decidedAt: row.decided_at!.toISOString(), decidedBy: row.decided_by_name }
        : null,
      authors,
      abilities: {
        hide: info !== null && info !== undefined && (row.state === 'visible' || row.open_reports > 0),
        restore: info !== null && info !== undefined && (row.state === 'hidden' || row.open_reports > 0),
        blockAuthor: blockable && canModerate(actor, 'moderation.blockAuthor', { authorIsStaff: authors.some((a) => a.staff) }).allow,
      },
    });
  }
  return { items, total: total.n };
}
