import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type FieldError, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import type { DeclineGround } from '../tables.js';
import { findDepartment, officialPostIn } from './question-input.js';

export interface DepartmentSettingsInput {
  departmentId: string;
  answerWorkingDays: number;
  legalBasis: string;
  legalBasisZh?: string | null;
  transferRestartsClock: boolean;
  declineGrounds: { code: string; label: string; labelZh?: string | null; legalReference: string }[];
}

/**
 * Saves a department's rules for questions: its answer period in working days, the legal basis
 * shown with every deadline, whether a transfer to it restarts the clock, and the legal grounds it
 * may decline on. Applies to questions asked (or transferred in) from now on; deadlines already set
 * stay. Public in the audit log, since residents rely on these rules.
 */
export async function updateDepartmentSettings(
  { db, clock }: Deps,
  actor: UserActor,
  input: DepartmentSettingsInput,
): Promise<Result<null, 'not_found' | 'validation_failed'>> {
  const now = clock.now();
  const fields: FieldError[] = [];
  const seen = new Set<string>();
  for (const [i, g] of input.declineGrounds.entries()) {
    if (seen.has(g.code)) fields.push({ path: `declineGrounds.${i}.code`, code: 'duplicate_decline_ground' });
    seen.add(g.code);
  }
  if (fields.length > 0) return fail('validation_failed', { fields });
  const grounds: DeclineGround[] = input.declineGrounds.map((g) => ({
    code: g.code,
    label: g.label.trim(),
    label_zh: g.labelZh?.trim() || null,
    legal_reference: g.legalReference.trim(),
  }));
  return transact(db, async (trx) => {
    const department = await findDepartment(trx, input.departmentId);
    if (!department) return fail('not_found');
    const values = {
      answer_working_days: input.answerWorkingDays,
      legal_basis: input.legalBasis.trim(),
      legal_basis_zh: input.legalBasisZh?.trim() || null,
      transfer_restarts_clock: input.transferRestartsClock,
      decline_grounds: JSON.stringify(grounds),
      updated_at: now,
      updated_by: actor.id,
    };
    await trx
      .insertInto('question_department_settings')
      .values({ department_id: department.id, ...values })
      .onConflict((oc) => oc.column('department_id').doUpdateSet(values))
      .execute();
    await writeAudit(
      trx,
      actor,
      {
        action: 'questions.settings_updated',
        resourceType: 'organization',
        resourceId: department.id,
        postId: officialPostIn(actor, department.id),
        data: {
          answerWorkingDays: input.answerWorkingDays,
          legalBasis: values.legal_basis,
          transferRestartsClock: input.transferRestartsClock,
          declineGrounds: grounds.map((g) => g.code),
        },
        public: true,
      },
      now,
    );
    return ok(null);
  });
}
