import type { Deps } from '../../../core/deps.js';
import type { Executor } from '../../../core/db/database.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { follow } from '../../../core/notifications/notify.js';
import { loadProcess } from '../../processes/index.js';
import { registrationRefusal } from '../rules.js';
import { loadHearing, type HearingRow } from '../queries/load-hearing.js';
import type { Position, RegistrationKind, RegistrationStatus } from '../tables.js';

export interface RegisterInput {
  hearingId: string;
  kind: RegistrationKind;
  position: Position;
  statement: string;
  /** Apply on behalf of this organization (the actor represents it). */
  organizationId?: string | null;
}

/** For a hearing inside a process: whether the process's current phase opens registration (null: standalone). */
export async function processRegistrationOpen(db: Executor, row: Pick<HearingRow, 'process_id'>, now: Date): Promise<boolean | null> {
  if (!row.process_id) return null;
  const context = await loadProcess(db, { id: row.process_id }, now);
  return context ? context.isOpen('hearings', 'register').open : false;
}

/**
 * Applies to attend or to speak, with one's position and a short statement, while registration is
 * open; applying again changes the application (or renews a withdrawn one). One application per
 * person, and one per organization. Applications are not first come, first served: if more people
 * apply than there are places, places are drawn by lot after registration closes.
 * Who may apply (verified residents; representatives for their organization) is the route's check.
 */
export async function registerForHearing(
  { db, clock }: Deps,
  actor: UserActor,
  input: RegisterInput,
): Promise<
  Result<
    { id: string; status: RegistrationStatus; created: boolean },
    'not_found' | 'validation_failed' | 'hearing_cancelled' | 'registration_not_open_yet' | 'registration_closed' | 'organization_not_verified' | 'organization_already_registered'
  >
> {
  const now = clock.now();
  const organizationId = input.organizationId ?? null;
  return transact(db, async (trx) => {
    const record = await loadHearing(trx, input.hearingId, { forUpdate: true });
    if (!record) return fail('not_found');
    const { row } = record;
    const refusal = registrationRefusal(record.timing, now, await processRegistrationOpen(trx, row, now));
    if (refusal) return fail(refusal);
    if (input.kind === 'speak' && row.speaking_slots === 0) return fail('validation_failed', { fields: [{ path: 'kind', code: 'no_speaking_slots' }] });
    let areaId = actor.areaId;
    if (organizationId) {
      const org = await trx.selectFrom('organizations').select(['status', 'area_id']).where('id', '=', organizationId).executeTakeFirst();
      if (!org) return fail('not_found', { fields: [{ path: 'organizationId', code: 'not_found' }] });
      if (org.status !== 'verified') return fail('organization_not_verified', { fields: [{ path: 'organizationId', code: 'organization_not_verified' }] });
      const taken = await trx
        .selectFrom('hearing_registrations')
        .select('id')
        .where('hearing_id', '=', row.id)
        .where('organization_id', '=', organizationId)
        .where('status', '!=', 'withdrawn')
        .where('user_id', '!=', actor.id)
        .executeTakeFirst();
      if (taken) return fail('organization_already_registered');
      areaId = org.area_id;
    }
    const values = {
      kind: input.kind,
      position: input.position,
      statement: input.statement.trim(),
      organization_id: organizationId,
      area_id: areaId,
      status: 'applied' as const,
      assisted_by: actor.assistedBy?.id ?? null,
      updated_at: now,
      withdrawn_at: null,
    };
    const existing = await trx.selectFrom('hearing_registrations').select(['id', 'status']).where('hearing_id', '=', row.id).where('user_id', '=', actor.id).executeTakeFirst();
    let id: string;
    if (existing) {
      await trx.updateTable('hearing_registrations').set(values).where('id', '=', existing.id).execute();
      id = existing.id;
    } else {
      id = (
        await trx
          .insertInto('hearing_registrations')
          .values({ ...values, hearing_id: row.id, user_id: actor.id, created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    await follow(trx, actor.id, 'hearing', row.id, now);
    await writeAudit(
      trx,
      actor,
      {
        action: existing && existing.status !== 'withdrawn' ? 'hearing.registration_changed' : 'hearing.registered',
        resourceType: 'hearing',
        resourceId: row.id,
        organizationId,
        data: { registrationId: id, kind: input.kind, position: input.position },
        public: false,
      },
      now,
    );
    return ok({ id, status: 'applied' as const, created: !existing });
  });
}
