import type { Deps } from '../../../core/deps.js';
import { fail, type Result } from '../../../core/errors.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { legalGrounds, saveDepartmentSettings, type LegalGroundInput } from '../../../core/organizations/department-settings.js';

export interface DepartmentSettingsInput {
  departmentId: string;
  answerWorkingDays: number;
  legalBasis: string;
  legalBasisZh?: string | null;
  transferRestartsClock: boolean;
  declineGrounds: LegalGroundInput[];
}

/**
 * Saves a department's rules for questions: its answer period in working days, the legal basis
 * shown with every deadline, whether a transfer to it restarts the clock, and the legal grounds it
 * may decline on. Applies to questions asked (or transferred in) from now on; deadlines already set
 * stay. Public in the audit log, since residents rely on these rules.
 */
export async function updateDepartmentSettings(
  deps: Deps,
  actor: UserActor,
  input: DepartmentSettingsInput,
): Promise<Result<null, 'not_found' | 'validation_failed'>> {
  const { grounds, fields } = legalGrounds(input.declineGrounds, 'declineGrounds', 'duplicate_decline_ground');
  if (fields.length > 0) return fail('validation_failed', { fields });
  const legalBasis = input.legalBasis.trim();
  return saveDepartmentSettings(deps, actor, {
    departmentId: input.departmentId,
    table: 'question_department_settings',
    values: {
      answer_working_days: input.answerWorkingDays,
      legal_basis: legalBasis,
      legal_basis_zh: input.legalBasisZh?.trim() || null,
      transfer_restarts_clock: input.transferRestartsClock,
      decline_grounds: JSON.stringify(grounds),
    },
    action: 'questions.settings_updated',
    auditData: () => ({
      answerWorkingDays: input.answerWorkingDays,
      legalBasis,
      transferRestartsClock: input.transferRestartsClock,
      declineGrounds: grounds.map((g) => g.code),
    }),
  });
}
