import type { Executor } from '../../../core/db/database.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { hasRole } from '../../../core/permissions/policy.js';
import type { SubmissionKind } from '../tables.js';

export interface RankedSubmission {
  id: string;
  kind: SubmissionKind;
  body: string;
  authorId: string;
  displayName: string;
  organization: { id: string; slug: string; name: string; nameZh: string | null } | null;
  cosignsCount: number;
  cosignedByMe: boolean;
  hidden: boolean;
  createdAt: Date;
  /** Questions only: 1 = most co-signed (ties: the earlier one first). */
  rank: number | null;
  onAgenda: boolean;
}

/**
 * A hearing's written questions and opinions, most co-signed first (ties: the earliest first).
 * The first `agendaQuestions` visible questions go on the agenda. Hidden ones (moderation) are
 * left out, except for their author and moderators, and never ranked.
 */
export async function listSubmissions(
  db: Executor,
  actor: Actor,
  options: { hearingId: string; agendaQuestions: number; kind?: SubmissionKind },
): Promise<RankedSubmission[]> {
  let query = db
    .selectFrom('hearing_submissions as s')
    .innerJoin('users as u', 'u.id', 's.author_id')
    .leftJoin('organizations as o', 'o.id', 's.organization_id')
    .select(['s.id', 's.kind', 's.body', 's.author_id', 's.cosigns_count', 's.created_at', 's.hidden_at', 'u.display_name', 'o.id as org_id', 'o.slug as org_slug', 'o.name as org_name', 'o.name_zh as org_name_zh'])
    .where('s.hearing_id', '=', options.hearingId);
  if (options.kind) query = query.where('s.kind', '=', options.kind);
  const rows = await query.orderBy('s.cosigns_count', 'desc').orderBy('s.created_at').orderBy('s.id').execute();
  const mine =
    actor.kind === 'user' && rows.length > 0
      ? new Set(
          (await db.selectFrom('hearing_cosigns').select('submission_id').where('user_id', '=', actor.id).where('submission_id', 'in', rows.map((r) => r.id)).execute()).map(
            (c) => c.submission_id,
          ),
        )
      : new Set<string>();
  const seesHidden = hasRole(actor, 'moderator') || hasRole(actor, 'administrator');
  let rank = 0;
  const out: RankedSubmission[] = [];
  for (const r of rows) {
    const hidden = r.hidden_at !== null;
    if (hidden && !seesHidden && !(actor.kind === 'user' && actor.id === r.author_id)) continue;
    const questionRank = r.kind === 'question' && !hidden ? ++rank : null;
    out.push({
      id: r.id,
      kind: r.kind,
      body: r.body,
      authorId: r.author_id,
      displayName: r.display_name,
      organization: r.org_id ? { id: r.org_id, slug: r.org_slug!, name: r.org_name!, nameZh: r.org_name_zh } : null,
      cosignsCount: r.cosigns_count,
      cosignedByMe: mine.has(r.id),
      hidden,
      createdAt: r.created_at,
      rank: questionRank,
      onAgenda: questionRank !== null && questionRank <= options.agendaQuestions,
    });
  }
  return out;
}
