import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { notifyFollowers } from '../../../core/notifications/notify.js';
import { decisionRefusal } from '../rules.js';
import { commitmentPath, loadCommitment } from '../queries/load-commitment.js';
import { consultationSummary } from '../queries/consultation.js';
import { officialPostIn } from './commitment-input.js';

export interface DecideInput {
  id: string;
  decision: 'adopt' | 'drop';
  text: string;
  textZh?: string | null;
  /** What the department took from the consultation; required when there was one. */
  consultationResponse?: string | null;
}

/**
 * The department adopts or drops a proposed program. After a consultation the decision must answer
 * it: the consultation's results (stance comments, approval ratings) are frozen with the decision
 * and published side by side with it, and the department must say what it took from them. A
 * dropped program is cancelled with the decision as its reason. Followers are told.
 */
export async function decideCommitment(
  { db, clock }: Deps,
  actor: UserActor,
  input: DecideInput,
): Promise<Result<{ status: 'adopted' | 'cancelled' }, 'not_found' | 'decision_not_allowed' | 'consultation_open' | 'validation_failed'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadCommitment(trx, input.id, { forUpdate: true });
    if (!record) return fail('not_found');
    const { row } = record;
    const refusal = decisionRefusal({ status: row.status, consultationEndsAt: row.consultation_ends_at }, now);
    if (refusal) return fail(refusal);
    const consulted = row.consultation_opens_at !== null && row.consultation_ends_at !== null;
    const response = input.consultationResponse?.trim() || null;
    if (consulted && (!response || response.length < 10)) return fail('validation_failed', { fields: [{ path: 'consultationResponse', code: 'consultation_response_required' }] });
    const summary = consulted ? await consultationSummary(trx, { id: row.id, consultationOpensAt: row.consultation_opens_at!, consultationEndsAt: row.consultation_ends_at! }) : null;
    const status = input.decision === 'adopt' ? 'adopted' : 'cancelled';
    const postId = officialPostIn(actor, row.department_id, row.post_id);
    const text = input.text.trim();
    await trx
      .updateTable('commitments')
      .set({
        status,
        decided_at: now,
        decision: text,
        decision_zh: input.textZh?.trim() || null,
        consultation_response: consulted ? response : null,
        decision_post_id: postId,
        consultation_summary: summary ? JSON.stringify(summary) : null,
        cancelled_at: status === 'cancelled' ? now : null,
        cancel_reason: status === 'cancelled' ? text : null,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute();
    await notifyFollowers(
      trx,
      { kind: status === 'adopted' ? 'commitment.adopted' : 'commitment.dropped', resourceType: 'commitment', resourceId: row.id, title: row.title, path: commitmentPath(row.id), data: { titleZh: row.title_zh } },
      now,
      actor.id,
    );
    await writeAudit(
      trx,
      actor,
      {
        action: status === 'adopted' ? 'commitment.adopted' : 'commitment.dropped',
        resourceType: 'commitment',
        resourceId: row.id,
        postId,
        data: { from: row.status, decision: text, consultationResponse: consulted ? response : null, consultation: summary },
        public: true,
      },
      now,
    );
    return ok({ status });
  });
}
