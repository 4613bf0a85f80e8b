import type { Deps } from '../../../core/deps.js';
import type { FieldError, Result } from '../../../core/errors.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { findDepartment } from '../../../core/organizations/departments.js';
import { legalGrounds, saveDepartmentSettings, type LegalGroundInput } from '../../../core/organizations/department-settings.js';

export interface RequestSettingsInput {
  departmentId: string;
  responseWorkingDays: number;
  extensionWorkingDays: number;
  reviewWorkingDays: number;
  veryOverdueWorkingDays?: number | null;
  supervisorDepartmentId?: string | null;
  legalBasis: string;
  legalBasisZh?: string | null;
  refusalGrounds: LegalGroundInput[];
}

/**
 * Saves a department's rules for information requests: the response period, the one extension,
 * the internal review period, when a request counts as very overdue, the supervising department and
 * the legal grounds to refuse. Applies to requests from now on (deadlines set stay). Public.
 */
export async function updateRequestSettings(
  deps: Deps,
  actor: UserActor,
  input: RequestSettingsInput,
): Promise<Result<null, 'not_found' | 'validation_failed'>> {
  const { grounds, fields } = legalGrounds(input.refusalGrounds, 'refusalGrounds', 'duplicate_refusal_ground');
  const veryOverdueWorkingDays = input.veryOverdueWorkingDays ?? null;
  const supervisorDepartmentId = input.supervisorDepartmentId ?? null;
  return saveDepartmentSettings(deps, actor, {
    departmentId: input.departmentId,
    table: 'information_request_settings',
    values: {
      response_working_days: input.responseWorkingDays,
      extension_working_days: input.extensionWorkingDays,
      review_working_days: input.reviewWorkingDays,
      very_overdue_working_days: veryOverdueWorkingDays,
      supervisor_department_id: supervisorDepartmentId,
      legal_basis: input.legalBasis.trim(),
      legal_basis_zh: input.legalBasisZh?.trim() || null,
      refusal_grounds: JSON.stringify(grounds),
    },
    check: async (trx): Promise<FieldError[]> => {
      if (input.supervisorDepartmentId && !(await findDepartment(trx, input.supervisorDepartmentId))) fields.push({ path: 'supervisorDepartmentId', code: 'supervisor_not_found' });
      return fields;
    },
    action: 'requests.settings_updated',
    auditData: (department) => ({
      name: department.name, nameZh: department.name_zh, slug: department.slug,
      responseWorkingDays: input.responseWorkingDays, extensionWorkingDays: input.extensionWorkingDays, reviewWorkingDays: input.reviewWorkingDays,
      veryOverdueWorkingDays, supervisorDepartmentId, refusalGrounds: grounds.map((g) => g.code),
    }),
  });
}
