import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { setAttachments } from '../../../core/attachments/attachments.js';
import { MAX_QUESTION_ATTACHMENTS } from '../rules.js';
import { checkQuestionTargets, insertQuestion } from './question-input.js';

export interface AskQuestionInput {
  departmentId: string;
  /** A named official post in that department (optional). */
  postId?: string | null;
  /** Asking on behalf of this organization (the actor represents it). */
  organizationId?: string | null;
  title: string;
  body: string;
  areaId?: string | null;
  category?: string | null;
  /** Uploaded files to attach, in order. */
  attachmentIds?: string[];
}

/**
 * Asks a department (or a named post in it) a public question. It is published at once, with its
 * answer due after the department's working days; the asker follows it and the department's
 * officials are told. Who may ask for an organization is the route's check.
 */
export async function askQuestion(
  { db, clock }: Deps,
  actor: UserActor,
  input: AskQuestionInput,
): Promise<Result<{ id: string; dueAt: Date }, 'validation_failed'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const fields = await checkQuestionTargets(trx, input);
    if (fields.length > 0) return fail('validation_failed', { fields });
    const organizationId = input.organizationId ?? null;
    const created = await insertQuestion(
      trx,
      actor,
      {
        parentId: null,
        departmentId: input.departmentId,
        postId: input.postId ?? null,
        organizationId,
        title: input.title.trim(),
        body: input.body.trim(),
        areaId: input.areaId ?? null,
        category: input.category?.trim() || null,
      },
      now,
    );
    const attached = await setAttachments(trx, actor, { ownerType: 'question', ownerId: created.id, ids: input.attachmentIds ?? [], max: MAX_QUESTION_ATTACHMENTS, now });
    if (!attached.ok) return fail('validation_failed', { fields: [{ path: 'attachmentIds', code: attached.code, params: attached.params }] });
    await writeAudit(
      trx,
      actor,
      {
        action: 'question.asked',
        resourceType: 'question',
        resourceId: created.id,
        organizationId,
        data: {
          title: input.title.trim(),
          departmentId: input.departmentId,
          postId: input.postId ?? null,
          workingDays: created.workingDays,
          dueAt: created.dueAt.toISOString(),
          attachments: attached.value.length,
        },
        public: true,
      },
      now,
    );
    return ok({ id: created.id, dueAt: created.dueAt });
  });
}
