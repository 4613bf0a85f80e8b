import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { notifyFollowers } from '../../../core/notifications/notify.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { compareClauses, summarizeComparison } from '../text-diff.js';
import { clauseTexts } from '../queries/clause-texts.js';
import { postIn } from './draft-texts.js';

/**
 * Publishes the draft as the new current version, signed by the official's post in the department.
 * The first publication makes the regulation public; every publication is in the public audit log
 * with how many clauses were added, changed and removed, and followers are told.
 */
export async function publishVersion(
  { db, clock }: Deps,
  actor: Actor,
  input: { regulationId: string },
): Promise<Result<{ number: number }, 'not_found' | 'no_draft_version' | 'not_an_official'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const regulation = await trx
      .selectFrom('regulations as r')
      .innerJoin('processes as p', 'p.id', 'r.process_id')
      .select(['r.id', 'r.department_id', 'r.current_version', 'r.published_at', 'p.slug'])
      .where('r.id', '=', input.regulationId)
      .forUpdate('r')
      .executeTakeFirst();
    if (!regulation) return fail('not_found');
    const postId = postIn(actor, regulation.department_id);
    if (!postId || actor.kind !== 'user') return fail('not_an_official');
    const draft = await trx
      .selectFrom('regulation_versions')
      .select(['id', 'number', 'title', 'title_zh'])
      .where('regulation_id', '=', regulation.id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (!draft) return fail('no_draft_version');
    const previous = regulation.current_version
      ? await trx.selectFrom('regulation_versions').select('id').where('regulation_id', '=', regulation.id).where('number', '=', regulation.current_version).executeTakeFirst()
      : undefined;
    const changes = summarizeComparison(compareClauses(previous ? await clauseTexts(trx, previous.id) : [], await clauseTexts(trx, draft.id)));

    await trx
      .updateTable('regulation_versions')
      .set({ status: 'published', published_at: now, published_by: actor.id, post_id: postId, updated_at: now })
      .where('id', '=', draft.id)
      .execute();
    await trx
      .updateTable('regulations')
      .set({ status: 'published', current_version: draft.number, title: draft.title, title_zh: draft.title_zh, published_at: regulation.published_at ?? now })
      .where('id', '=', regulation.id)
      .execute();
    await notifyFollowers(
      trx,
      {
        kind: 'regulation.version_published',
        resourceType: 'regulation',
        resourceId: regulation.id,
        title: draft.title,
        path: `/processes/${regulation.slug}/regulations/${regulation.id}`,
        data: { number: draft.number, titleZh: draft.title_zh },
      },
      now,
      actor.id,
    );
    await writeAudit(
      trx,
      actor,
      {
        action: 'regulation.version_published',
        resourceType: 'regulation',
        resourceId: regulation.id,
        postId,
        data: { title: draft.title, titleZh: draft.title_zh, version: draft.number, ...changes },
        public: true,
      },
      now,
    );
    return ok({ number: draft.number });
  });
}
