import type { Tx } from '../../../core/db/database.js';
import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { publishRefusal } from '../rules.js';
import { notifyDepartmentFollowers } from './publication-input.js';
import { officialPostIn } from '../../../core/organizations/departments.js';

/**
 * Puts a draft in the register now: stamps its publication date, records the public event and the
 * public audit row, and tells the department's followers. The caller has locked the row.
 */
export async function markPublished(
  trx: Tx,
  actor: UserActor,
  publication: { id: string; title: string; departmentId: string; category: string; attachments: number },
  now: Date,
): Promise<void> {
  await trx.updateTable('publications').set({ status: 'published', published_at: now, updated_at: now }).where('id', '=', publication.id).execute();
  await trx.insertInto('publication_events').values({ publication_id: publication.id, kind: 'published', note: null, at: now }).execute();
  await notifyDepartmentFollowers(trx, actor, publication, now);
  await writeAudit(
    trx,
    actor,
    {
      action: 'publication.published',
      resourceType: 'publication',
      resourceId: publication.id,
      postId: officialPostIn(actor, publication.departmentId),
      organizationId: publication.departmentId,
      data: { title: publication.title, category: publication.category, attachments: publication.attachments },
      public: true,
    },
    now,
  );
}

/** Locks a publication for a change. */
export async function lockPublication(trx: Tx, id: string) {
  return trx
    .selectFrom('publications')
    .select(['id', 'status', 'title', 'summary', 'department_id', 'category', 'area_id', 'document_date', 'valid_from', 'valid_until'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Publishes a draft (officials of its department, administrators: the route's check). */
export async function publishPublication({ db, clock }: Deps, actor: UserActor, input: { id: string }): Promise<Result<null, 'not_found' | 'publication_not_draft'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const row = await lockPublication(trx, input.id);
    if (!row) return fail('not_found');
    const refusal = publishRefusal(row.status);
    if (refusal) return fail(refusal);
    const attachments = await trx.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_type', '=', 'publication').where('owner_id', '=', row.id).executeTakeFirstOrThrow();
    await markPublished(trx, actor, { id: row.id, title: row.title, departmentId: row.department_id, category: row.category, attachments: Number(attachments.n) }, now);
    return ok(null);
  });
}
