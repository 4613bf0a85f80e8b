import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { notifyFollowers } from '../../../core/notifications/notify.js';
import { reportRefusal } from '../rules.js';
import { hearingPath, loadHearing } from '../queries/load-hearing.js';
import type { ReportDecision } from '../tables.js';
import { postIn } from './hearing-input.js';
import { checkSubmissionRefs } from './record-minutes.js';

export interface ReportItemInput {
  submissionId?: string | null;
  opinion: string;
  opinionZh?: string | null;
  decision: ReportDecision;
  response: string;
  responseZh?: string | null;
  /** A process or proposal URL, or a free reference. */
  reference?: string | null;
}

export interface ReportInput {
  hearingId: string;
  summary: string;
  summaryZh?: string | null;
  items: ReportItemInput[];
}

const blank = (text: string | null | undefined) => text?.trim() || null;

/**
 * Publishes the government's response to a hearing: for each main opinion, what it will do and
 * why, optionally pointing to the process, proposal or document that carries it out. Once per
 * hearing, signed by the official's post; the audit log records whether it came in time.
 */
export async function publishReport(
  { db, clock }: Deps,
  actor: UserActor,
  input: ReportInput,
): Promise<Result<null, 'not_found' | 'validation_failed' | 'hearing_cancelled' | 'hearing_not_held_yet' | 'report_already_published'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadHearing(trx, input.hearingId, { forUpdate: true });
    if (!record) return fail('not_found');
    const refusal = reportRefusal(record.timing, now);
    if (refusal) return fail(refusal);
    const { row } = record;
    const problems = await checkSubmissionRefs(trx, row.id, input.items, 'items');
    if (problems.length > 0) return fail('validation_failed', { fields: problems });
    const postId = postIn(actor, row.department_id);
    await trx
      .updateTable('hearings')
      .set({ report_summary: input.summary.trim(), report_summary_zh: blank(input.summaryZh), report_published_at: now, report_post_id: postId, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    await trx
      .insertInto('hearing_report_items')
      .values(
        input.items.map((item, position) => ({
          hearing_id: row.id,
          position,
          submission_id: item.submissionId ?? null,
          opinion: item.opinion.trim(),
          opinion_zh: blank(item.opinionZh),
          decision: item.decision,
          response: item.response.trim(),
          response_zh: blank(item.responseZh),
          reference: blank(item.reference),
        })),
      )
      .execute();
    await notifyFollowers(
      trx,
      { kind: 'hearing.report', resourceType: 'hearing', resourceId: row.id, title: row.title, path: hearingPath(row.id), data: { titleZh: row.title_zh } },
      now,
      actor.id,
    );
    const late = now.getTime() >= row.report_due_at.getTime();
    await writeAudit(
      trx,
      actor,
      {
        action: 'hearing.report_published',
        resourceType: 'hearing',
        resourceId: row.id,
        postId,
        data: { items: input.items.length, decisions: input.items.map((i) => i.decision), dueAt: row.report_due_at.toISOString(), late },
        public: true,
      },
      now,
    );
    return ok(null);
  });
}
