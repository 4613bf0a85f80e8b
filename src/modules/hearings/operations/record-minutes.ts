import type { Deps } from '../../../core/deps.js';
import type { Tx } from '../../../core/db/database.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type FieldError, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { notifyFollowers } from '../../../core/notifications/notify.js';
import { setAttachments } from '../../../core/attachments/attachments.js';
import { MAX_MINUTES_ATTACHMENTS, minutesRefusal } from '../rules.js';
import { hearingPath, loadHearing } from '../queries/load-hearing.js';
import { postIn } from './hearing-input.js';

export interface AnswerInput {
  submissionId?: string | null;
  question: string;
  questionZh?: string | null;
  askedBy?: string | null;
  answer: string;
  answerZh?: string | null;
}

export interface MinutesInput {
  hearingId: string;
  minutes: string;
  minutesZh?: string | null;
  attachmentIds?: string[];
  answers: AnswerInput[];
}

const blank = (text: string | null | undefined) => text?.trim() || null;

/** Field errors for references to written submissions that are not this hearing's (`<prefix>.<i>.submissionId`). */
export async function checkSubmissionRefs(trx: Tx, hearingId: string, items: { submissionId?: string | null }[], prefix: string): Promise<FieldError[]> {
  const ids = [...new Set(items.flatMap((item) => (item.submissionId ? [item.submissionId] : [])))];
  const found = ids.length
    ? new Set((await trx.selectFrom('hearing_submissions').select('id').where('hearing_id', '=', hearingId).where('id', 'in', ids).execute()).map((r) => r.id))
    : new Set<string>();
  return items.flatMap((item, i) => (item.submissionId && !found.has(item.submissionId) ? [{ path: `${prefix}.${i}.submissionId`, code: 'hearing_submission_not_found' }] : []));
}

/**
 * Records the minutes of a hearing (text and files) and the questions asked with the panel's
 * answers, signed by the official's post, once the hearing has started. Recording again corrects
 * them (the answers are replaced); the public audit log keeps each version's moment.
 */
export async function recordMinutes(
  { db, clock }: Deps,
  actor: UserActor,
  input: MinutesInput,
): Promise<Result<null, 'not_found' | 'validation_failed' | 'hearing_cancelled' | 'hearing_not_held_yet'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadHearing(trx, input.hearingId, { forUpdate: true });
    if (!record) return fail('not_found');
    const refusal = minutesRefusal(record.timing, now);
    if (refusal) return fail(refusal);
    const { row } = record;
    const problems = await checkSubmissionRefs(trx, row.id, input.answers, 'answers');
    if (problems.length > 0) return fail('validation_failed', { fields: problems });
    const postId = postIn(actor, row.department_id);
    const first = row.minutes_recorded_at === null;
    await trx
      .updateTable('hearings')
      .set({ minutes: input.minutes.trim(), minutes_zh: blank(input.minutesZh), minutes_recorded_at: now, minutes_post_id: postId, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    if (input.attachmentIds !== undefined) {
      const attached = await setAttachments(trx, actor, { ownerType: 'hearing_minutes', ownerId: row.id, ids: input.attachmentIds, max: MAX_MINUTES_ATTACHMENTS, now });
      if (!attached.ok) return fail('validation_failed', { fields: [{ path: 'attachmentIds', code: attached.code, params: attached.params }] });
    }
    await trx.deleteFrom('hearing_answers').where('hearing_id', '=', row.id).execute();
    if (input.answers.length > 0) {
      await trx
        .insertInto('hearing_answers')
        .values(
          input.answers.map((a, position) => ({
            hearing_id: row.id,
            position,
            submission_id: a.submissionId ?? null,
            question: a.question.trim(),
            question_zh: blank(a.questionZh),
            asked_by: blank(a.askedBy),
            answer: a.answer.trim(),
            answer_zh: blank(a.answerZh),
          })),
        )
        .execute();
    }
    if (first) {
      await notifyFollowers(
        trx,
        { kind: 'hearing.minutes', resourceType: 'hearing', resourceId: row.id, title: row.title, path: hearingPath(row.id), data: { titleZh: row.title_zh } },
        now,
        actor.id,
      );
    }
    await writeAudit(
      trx,
      actor,
      { action: first ? 'hearing.minutes_recorded' : 'hearing.minutes_corrected', resourceType: 'hearing', resourceId: row.id, postId, data: { answers: input.answers.length }, public: true },
      now,
    );
    return ok(null);
  });
}
