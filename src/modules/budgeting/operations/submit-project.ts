import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { follow } from '../../../core/notifications/notify.js';
import { searchVector } from '../../../core/search/text-search.js';
import { loadProcess } from '../../processes/index.js';
import { MAX_PROJECT_ATTACHMENTS, submitRefusal } from '../rules.js';
import { setAttachments } from '../../../core/attachments/attachments.js';
import { nextProjectCode, projectFieldProblems, type ProjectFieldsInput } from './project-input.js';

export interface SubmitProjectInput extends ProjectFieldsInput {
  budgetId: string;
  /** Submitting on behalf of this organization (the actor represents it). */
  organizationId?: string | null;
}

/**
 * A resident (or an organization's representative) submits a project while the process takes
 * projects. It waits for the technical review; the proposer follows it.
 * Who may submit (verified resident of the area, representative) is the route's check.
 */
export async function submitProject(
  { db, clock }: Deps,
  actor: UserActor,
  input: SubmitProjectInput,
): Promise<Result<{ id: string; code: string }, 'not_found' | 'budget_imported' | 'project_submission_closed' | 'organization_not_verified' | 'validation_failed'>> {
  const now = clock.now();
  const budget = await db.selectFrom('budgets').select(['id', 'process_id', 'area_id', 'imported_from']).where('id', '=', input.budgetId).executeTakeFirst();
  if (!budget) return fail('not_found');
  if (budget.imported_from !== null) return fail('budget_imported');
  const context = await loadProcess(db, { id: budget.process_id }, now);
  if (!context) return fail('not_found');
  const refusal = submitRefusal(context.isOpen('budgeting', 'propose').open);
  if (refusal) return fail(refusal);
  const organizationId = input.organizationId ?? null;
  const problems = await projectFieldProblems(db, input, budget.area_id);
  if (problems.length > 0) return fail('validation_failed', { fields: problems });
  return transact(db, async (trx) => {
    if (organizationId) {
      const org = await trx.selectFrom('organizations').select('status').where('id', '=', organizationId).executeTakeFirst();
      if (!org) return fail('not_found', { fields: [{ path: 'organizationId', code: 'not_found' }] });
      if (org.status !== 'verified') return fail('organization_not_verified', { fields: [{ path: 'organizationId', code: 'organization_not_verified' }] });
    }
    await trx.selectFrom('budgets').select('id').where('id', '=', budget.id).forUpdate().executeTakeFirstOrThrow();
    const code = await nextProjectCode(trx, budget.id);
    const title = input.title.trim();
    const description = input.description.trim();
    const row = await trx
      .insertInto('budget_projects')
      .values({
        budget_id: budget.id,
        code,
        title,
        title_zh: input.titleZh?.trim() || null,
        description,
        cost: input.cost,
        area_id: input.areaId ?? null,
        category: input.category?.trim() || null,
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        address: input.address?.trim() || null,
        proposer_user_id: actor.id,
        proposer_organization_id: organizationId,
        state: 'submitted',
        implementation_status: 'not_started',
        created_at: now,
        updated_at: now,
        tsv: searchVector(`${title} ${input.titleZh ?? ''}`, description) as never,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const attached = await setAttachments(trx, actor, { ownerType: 'budget_project', ownerId: row.id, ids: input.attachmentIds ?? [], max: MAX_PROJECT_ATTACHMENTS, now });
    if (!attached.ok) return fail('validation_failed', { fields: [{ path: 'attachmentIds', code: attached.code, params: attached.params }] });
    await follow(trx, actor.id, 'budget_project', row.id, now);
    await writeAudit(
      trx,
      actor,
      {
        action: 'budget_project.submitted',
        resourceType: 'budget_project',
        resourceId: row.id,
        organizationId,
        data: { budgetId: budget.id, code, title, cost: input.cost },
        public: true,
      },
      now,
    );
    return ok({ id: row.id, code });
  });
}
