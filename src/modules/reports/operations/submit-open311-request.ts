import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { systemActor } from '../../../core/permissions/actor.js';
import { fileReport, type FiledReport } from './file-report.js';
import type { Open311Key } from '../queries/api-keys.js';

export interface Open311RequestInput {
  serviceCode: string;
  latitude: number | null;
  longitude: number | null;
  addressString: string | null;
  description: string;
  /** The area slug from the `attribute[area]` of the service definition. */
  areaSlug: string | null;
  mediaUrl: string | null;
  /** Personal data: stored apart, for the responsible department only; never in public answers, the audit log or logs. */
  contact: { email: string | null; firstName: string | null; lastName: string | null; phone: string | null; deviceId: string | null; accountId: string | null };
}

/**
 * A service request posted by an Open311 client with an API key: filed like a resident's report,
 * in the name of the key (its organization or label) as a system actor, with the requester's
 * contact details kept privately beside it.
 */
export async function submitOpen311Request(
  { db, clock }: Deps,
  key: Open311Key,
  input: Open311RequestInput,
): Promise<Result<FiledReport & { categoryName: string; workingDays: number; departmentName: string; departmentNameZh: string | null }, 'open311_service_not_found' | 'open311_invalid_attribute'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const category = await trx
      .selectFrom('problem_categories')
      .select(['id', 'code', 'name', 'name_zh', 'department_id', 'working_days'])
      .where('code', '=', input.serviceCode)
      .where('active', '=', true)
      .executeTakeFirst();
    if (!category) return fail('open311_service_not_found');
    let areaId: string | null = null;
    if (input.areaSlug) {
      const area = await trx.selectFrom('areas').select('id').where('slug', '=', input.areaSlug).executeTakeFirst();
      if (!area) return fail('open311_invalid_attribute', { params: { code: 'area' } });
      areaId = area.id;
    }
    const actor = systemActor(`open311:${key.label}`);
    const filed = await fileReport(trx, actor, now, {
      category,
      areaId,
      description: input.description,
      latitude: input.latitude,
      longitude: input.longitude,
      address: input.addressString,
      authorId: null,
      showName: false,
      source: 'open311',
      apiKeyId: key.id,
      mediaUrl: input.mediaUrl,
      organizationId: key.organizationId,
    });
    const c = input.contact;
    if (Object.values(c).some((v) => v !== null)) {
      await trx
        .insertInto('problem_report_contacts')
        .values({ report_id: filed.id, email: c.email, first_name: c.firstName, last_name: c.lastName, phone: c.phone, device_id: c.deviceId, account_id: c.accountId })
        .execute();
    }
    await trx.updateTable('open311_api_keys').set({ last_used_at: now }).where('id', '=', key.id).execute();
    const department = await trx.selectFrom('organizations').select(['name', 'name_zh']).where('id', '=', filed.departmentId).executeTakeFirstOrThrow();
    return ok({ ...filed, categoryName: category.name, workingDays: category.working_days, departmentName: department.name, departmentNameZh: department.name_zh });
  });
}
