import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { follow } from '../../../core/notifications/notify.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { clauseOpenFor } from './consultation.js';

/**
 * Proposes alternative wording for a clause of the current version, with the reason, while
 * amending is open; as oneself or on behalf of a verified organization one represents.
 */
export async function proposeAlternative(
  { db, clock }: Deps,
  actor: Actor,
  input: { regulationId: string; clauseId: string; text: string; reason: string; organizationId?: string | null },
): Promise<Result<{ id: string }, 'not_found' | 'consultation_closed' | 'clause_not_current' | 'organization_not_verified' | 'not_authenticated'>> {
  if (actor.kind !== 'user') return fail('not_authenticated');
  const now = clock.now();
  return transact(db, async (trx) => {
    const clause = await clauseOpenFor(trx, input, 'amend', now);
    if (!clause.ok) return clause;
    if (input.organizationId) {
      const org = await trx.selectFrom('organizations').select('status').where('id', '=', input.organizationId).executeTakeFirst();
      if (!org) return fail('not_found', { fields: [{ path: 'organizationId', code: 'not_found' }] });
      if (org.status !== 'verified') return fail('organization_not_verified', { fields: [{ path: 'organizationId', code: 'organization_not_verified' }] });
    }
    const row = await trx
      .insertInto('regulation_alternatives')
      .values({
        regulation_id: clause.value.regulationId,
        clause_id: clause.value.clauseId,
        version_number: clause.value.currentVersion,
        author_id: actor.id,
        organization_id: input.organizationId ?? null,
        body: input.text.trim(),
        reason: input.reason.trim(),
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await follow(trx, actor.id, 'regulation', clause.value.regulationId, now);
    await writeAudit(
      trx,
      actor,
      {
        action: 'regulation.alternative_proposed',
        resourceType: 'regulation_alternative',
        resourceId: row.id,
        organizationId: input.organizationId ?? null,
        data: { regulationId: clause.value.regulationId, clauseId: clause.value.clauseId, version: clause.value.currentVersion },
        public: Boolean(input.organizationId),
      },
      now,
    );
    return ok({ id: row.id });
  });
}
