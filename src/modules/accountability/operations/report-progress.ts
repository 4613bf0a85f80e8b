import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { notifyFollowers } from '../../../core/notifications/notify.js';
import { setAttachments } from '../../../core/attachments/attachments.js';
import { MAX_COMMITMENT_DOCUMENTS, progressRefusal } from '../rules.js';
import { commitmentPath, loadCommitment } from '../queries/load-commitment.js';
import { officialPostIn } from './commitment-input.js';

export interface ProgressInput {
  id: string;
  /** 0-100; 100 with `complete`. */
  progress: number;
  /** Money spent to date (a running total, never lower than before). */
  spent: number;
  /** The indicator's value now, when measured. */
  benefitCurrent?: number | null;
  note: string;
  noteZh?: string | null;
  /** Marks the work completed (progress becomes 100; the "after completion" rating round opens). */
  complete?: boolean;
  /** The commitment's documents after this update (existing ones to keep and new uploads), in order. */
  attachmentIds?: string[];
}

/**
 * The department reports progress in public: the percentage done, the money spent to date, the
 * indicator's value, a note and documents. The first report of an adopted commitment starts it
 * (the "after start" rating round opens); `complete` completes it. Each report is kept, written to
 * the audit log with the post that signed it, and followers are told.
 */
export async function reportProgress(
  { db, clock }: Deps,
  actor: UserActor,
  input: ProgressInput,
): Promise<Result<{ status: string }, 'not_found' | 'progress_not_allowed' | 'commitment_closed' | 'validation_failed'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadCommitment(trx, input.id, { forUpdate: true });
    if (!record) return fail('not_found');
    const { row } = record;
    const refusal = progressRefusal(row.status);
    if (refusal) return fail(refusal);
    if (input.spent < Number(row.spent)) return fail('validation_failed', { fields: [{ path: 'spent', code: 'spent_decreased' }] });
    const progress = input.complete ? 100 : input.progress;
    const status = input.complete ? 'completed' : 'in_progress';
    const postId = officialPostIn(actor, row.department_id, row.post_id);
    let documents: number | null = null;
    if (input.attachmentIds) {
      const attached = await setAttachments(trx, actor, { ownerType: 'commitment', ownerId: row.id, ids: input.attachmentIds, max: MAX_COMMITMENT_DOCUMENTS, now, kinds: ['image', 'document', 'spreadsheet', 'text'] });
      if (!attached.ok) return fail('validation_failed', { fields: [{ path: 'attachmentIds', code: attached.code, params: attached.params }] });
      documents = attached.value.length;
    }
    const benefitCurrent = input.benefitCurrent === undefined ? row.benefit_current : input.benefitCurrent;
    await trx
      .updateTable('commitments')
      .set({
        progress,
        spent: input.spent,
        benefit_current: benefitCurrent,
        status,
        started_at: row.started_at ?? now,
        completed_at: status === 'completed' ? now : null,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute();
    await trx
      .insertInto('commitment_updates')
      .values({ commitment_id: row.id, progress, spent: input.spent, benefit_current: benefitCurrent, note: input.note.trim(), note_zh: input.noteZh?.trim() || null, post_id: postId, created_by: actor.id, created_at: now })
      .execute();
    const kind = status === 'completed' ? 'commitment.completed' : 'commitment.progress';
    await notifyFollowers(trx, { kind, resourceType: 'commitment', resourceId: row.id, title: row.title, path: commitmentPath(row.id), data: { progress, titleZh: row.title_zh } }, now, actor.id);
    const data = {
      from: row.status,
      status,
      progress,
      spent: input.spent,
      plannedBudget: Number(row.planned_budget),
      benefitCurrent: benefitCurrent === null ? null : Number(benefitCurrent),
      note: input.note.trim(),
      documents,
    };
    if (row.status === 'adopted') await writeAudit(trx, actor, { action: 'commitment.started', resourceType: 'commitment', resourceId: row.id, postId, data: { from: row.status }, public: true }, now);
    await writeAudit(trx, actor, { action: status === 'completed' ? 'commitment.completed' : 'commitment.progress_reported', resourceType: 'commitment', resourceId: row.id, postId, data, public: true }, now);
    return ok({ status });
  });
}
