import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type FieldError, type Result } from '../../../core/errors.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { setAttachments } from '../../../core/attachments/attachments.js';
import { MAX_REPORT_PHOTOS } from '../rules.js';
import { fileReport, type FiledReport } from './file-report.js';

export interface CreateReportInput {
  categoryId: string;
  description: string;
  areaId?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  address?: string | null;
  /** The reporter's own uploads (photos) to attach, in order. */
  attachmentIds?: string[];
  showName?: boolean;
}

/**
 * A resident reports a problem at a place: a kind of problem from the routing table, a description,
 * where it is (an address, coordinates, or both) and photos. It goes at once to the department the
 * routing table names for that kind of problem in that area, with a deadline to fix it.
 */
export async function createReport(
  { db, clock }: Deps,
  actor: UserActor,
  input: CreateReportInput,
): Promise<Result<FiledReport, 'validation_failed' | 'location_required'>> {
  const now = clock.now();
  const latitude = input.latitude ?? null;
  const longitude = input.longitude ?? null;
  const address = input.address?.trim() || null;
  const fields: FieldError[] = [];
  if ((latitude === null) !== (longitude === null)) fields.push({ path: latitude === null ? 'latitude' : 'longitude', code: 'validation.required' });
  if (fields.length > 0) return fail('validation_failed', { fields });
  if (latitude === null && !address) return fail('location_required', { fields: [{ path: 'address', code: 'location_required' }] });
  return transact(db, async (trx) => {
    const category = await trx
      .selectFrom('problem_categories')
      .select(['id', 'code', 'name', 'name_zh', 'department_id', 'working_days'])
      .where('id', '=', input.categoryId)
      .where('active', '=', true)
      .executeTakeFirst();
    if (!category) return fail('validation_failed', { fields: [{ path: 'categoryId', code: 'category_unavailable' }] });
    const areaId = input.areaId ?? null;
    if (areaId && !(await trx.selectFrom('areas').select('id').where('id', '=', areaId).executeTakeFirst())) {
      return fail('validation_failed', { fields: [{ path: 'areaId', code: 'not_found' }] });
    }
    const filed = await fileReport(trx, actor, now, {
      category,
      areaId,
      description: input.description.trim(),
      latitude,
      longitude,
      address,
      authorId: actor.id,
      showName: input.showName ?? false,
      source: 'web',
      apiKeyId: null,
      mediaUrl: null,
      organizationId: null,
    });
    const attached = await setAttachments(trx, actor, { ownerType: 'problem_report', ownerId: filed.id, ids: input.attachmentIds ?? [], max: MAX_REPORT_PHOTOS, now });
    if (!attached.ok) return fail('validation_failed', { fields: [{ path: 'attachmentIds', code: attached.code, params: attached.params }] });
    return ok(filed);
  });
}
