import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type FieldError, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { saveSupervisionSettings, supervisoryBodies, type StageDeadlines } from '../settings.js';

export interface ConfigureInput {
  defaultBodyId: string | null;
  defaultHigherBodyId: string | null;
  deadlines: StageDeadlines;
  retentionDays: number;
  minCellCount: number;
  /** Departments with their own body (and higher body); departments left out use the defaults. */
  routes: { departmentId: string; bodyId: string; higherBodyId: string | null }[];
}

/**
 * The administrator sets how supervision works: which supervisory body handles which department
 * and where a case goes when a deadline is missed, the working days of each stage, how long
 * concluded anonymous reports are kept, and the smallest count the statistics publish. The routing
 * is public (everyone may know who supervises whom), so the audit row is public.
 */
export async function configureSupervision({ db, clock }: Deps, actor: UserActor, input: ConfigureInput): Promise<Result<null, 'validation_failed'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const bodies = new Set((await supervisoryBodies(trx)).map((b) => b.id));
    const departments = new Set((await trx.selectFrom('organizations').select('id').where('sector', '=', 'government').execute()).map((d) => d.id));
    const fields: FieldError[] = [];
    if (input.defaultBodyId && !bodies.has(input.defaultBodyId)) fields.push({ path: 'defaultBodyId', code: 'supervision_body_unknown' });
    if (input.defaultHigherBodyId && !bodies.has(input.defaultHigherBodyId)) fields.push({ path: 'defaultHigherBodyId', code: 'supervision_body_unknown' });
    if (input.defaultHigherBodyId && input.defaultHigherBodyId === input.defaultBodyId) fields.push({ path: 'defaultHigherBodyId', code: 'supervision_higher_same' });
    const seen = new Set<string>();
    for (const [i, r] of input.routes.entries()) {
      if (!departments.has(r.departmentId) || seen.has(r.departmentId)) fields.push({ path: `routes.${i}.departmentId`, code: 'supervision_department_unknown' });
      seen.add(r.departmentId);
      if (!bodies.has(r.bodyId)) fields.push({ path: `routes.${i}.bodyId`, code: 'supervision_body_unknown' });
      if (r.higherBodyId && !bodies.has(r.higherBodyId)) fields.push({ path: `routes.${i}.higherBodyId`, code: 'supervision_body_unknown' });
      if (r.higherBodyId && r.higherBodyId === r.bodyId) fields.push({ path: `routes.${i}.higherBodyId`, code: 'supervision_higher_same' });
    }
    if (fields.length > 0) return fail('validation_failed', { fields });
    await saveSupervisionSettings(trx, {
      defaultBodyId: input.defaultBodyId,
      defaultHigherBodyId: input.defaultHigherBodyId,
      deadlines: input.deadlines,
      retentionDays: input.retentionDays,
      minCellCount: input.minCellCount,
    });
    await trx.deleteFrom('supervision_routes').execute();
    if (input.routes.length > 0) {
      await trx.insertInto('supervision_routes').values(input.routes.map((r) => ({ department_id: r.departmentId, body_id: r.bodyId, higher_body_id: r.higherBodyId, updated_at: now }))).execute();
    }
    await writeAudit(
      trx,
      actor,
      { action: 'supervision.settings_updated', resourceType: 'supervision_settings', resourceId: null, data: { ...input }, public: true },
      now,
    );
    return ok(null);
  });
}

/** The administrator records that two departments are in a conflict (their people are kept off each other's cases). */
export async function addConflict({ db, clock }: Deps, actor: UserActor, input: { departmentA: string; departmentB: string; reason: string }): Promise<Result<null, 'validation_failed'>> {
  const now = clock.now();
  if (input.departmentA === input.departmentB) return fail('validation_failed', { fields: [{ path: 'departmentB', code: 'supervision_conflict_same' }] });
  const [a, b] = [input.departmentA, input.departmentB].sort() as [string, string];
  return transact(db, async (trx) => {
    const found = await trx.selectFrom('organizations').select('id').where('id', 'in', [a, b]).where('sector', '=', 'government').execute();
    if (found.length !== 2) return fail('validation_failed', { fields: [{ path: found.some((f) => f.id === input.departmentA) ? 'departmentB' : 'departmentA', code: 'supervision_department_unknown' }] });
    await trx
      .insertInto('supervision_conflicts')
      .values({ department_a: a, department_b: b, reason: input.reason.trim(), created_at: now, created_by: actor.id })
      .onConflict((oc) => oc.columns(['department_a', 'department_b']).doUpdateSet({ reason: input.reason.trim() }))
      .execute();
    await writeAudit(trx, actor, { action: 'supervision.conflict_added', resourceType: 'supervision_settings', data: { departmentA: a, departmentB: b }, public: true }, now);
    return ok(null);
  });
}

export async function removeConflict({ db, clock }: Deps, actor: UserActor, input: { departmentA: string; departmentB: string }): Promise<Result<null, 'not_found'>> {
  const now = clock.now();
  const [a, b] = [input.departmentA, input.departmentB].sort() as [string, string];
  return transact(db, async (trx) => {
    const removed = await trx.deleteFrom('supervision_conflicts').where('department_a', '=', a).where('department_b', '=', b).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return fail('not_found');
    await writeAudit(trx, actor, { action: 'supervision.conflict_removed', resourceType: 'supervision_settings', data: { departmentA: a, departmentB: b }, public: true }, now);
    return ok(null);
  });
}
