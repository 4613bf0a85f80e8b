import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type FieldError, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { notifyFollowers } from '../../../core/notifications/notify.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { loadProcess } from '../../processes/index.js';
import type { ReportDecision } from '../tables.js';
import { clausesAwaitingResponse } from '../queries/clauses-awaiting-response.js';
import { postIn } from './draft-texts.js';

export interface ReportItemInput {
  clauseId: string;
  decision: ReportDecision;
  reasoning: string;
  reasoningZh?: string | null;
  change?: string | null;
  changeZh?: string | null;
}

export interface ReportInput {
  regulationId: string;
  /** The published version the consultation was about. */
  versionNumber: number;
  summary: string;
  summaryZh?: string | null;
  items: ReportItemInput[];
}

const blankToNull = (text: string | null | undefined) => text?.trim() || null;

/**
 * Publishes the department's response to a consultation, clause by clause, signed by the
 * official's post: once the consultation has ended, one report per consulted version, with an
 * answer for every clause that received comments or alternative wording since the last report.
 */
export async function publishReport(
  { db, clock }: Deps,
  actor: Actor,
  input: ReportInput,
): Promise<Result<{ id: string }, 'not_found' | 'not_an_official' | 'consultation_open' | 'report_exists' | 'report_incomplete' | 'validation_failed'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const regulation = await trx
      .selectFrom('regulations')
      .select(['id', 'process_id', 'department_id', 'status', 'title', 'title_zh'])
      .where('id', '=', input.regulationId)
      .forUpdate()
      .executeTakeFirst();
    if (!regulation || regulation.status !== 'published') return fail('not_found');
    const postId = postIn(actor, regulation.department_id);
    if (!postId || actor.kind !== 'user') return fail('not_an_official');
    const version = await trx
      .selectFrom('regulation_versions')
      .select(['id', 'number'])
      .where('regulation_id', '=', regulation.id)
      .where('number', '=', input.versionNumber)
      .where('status', '=', 'published')
      .executeTakeFirst();
    if (!version) return fail('not_found', { fields: [{ path: 'versionNumber', code: 'version_not_found' }] });
    const context = await loadProcess(trx, { id: regulation.process_id }, now);
    if (!context) return fail('not_found');
    if ((['comment', 'support', 'amend'] as const).some((action) => context.isOpen('regulations', action).open)) return fail('consultation_open');
    const existing = await trx.selectFrom('regulation_reports').select('id').where('regulation_id', '=', regulation.id).where('version_id', '=', version.id).executeTakeFirst();
    if (existing) return fail('report_exists');

    // Clauses of any published version: the ones people could see and respond to.
    const published = await trx
      .selectFrom('regulation_clause_texts as t')
      .innerJoin('regulation_versions as v', 'v.id', 't.version_id')
      .select('t.clause_id')
      .where('v.regulation_id', '=', regulation.id)
      .where('v.status', '=', 'published')
      .execute();
    const known = new Set(published.map((c) => c.clause_id));
    const problems: FieldError[] = [];
    const answered = new Set<string>();
    input.items.forEach((item, i) => {
      if (!known.has(item.clauseId)) problems.push({ path: `items.${i}.clauseId`, code: 'clause_not_found' });
      else if (answered.has(item.clauseId)) problems.push({ path: `items.${i}.clauseId`, code: 'duplicate_clause' });
      answered.add(item.clauseId);
    });
    if (problems.length > 0) return fail('validation_failed', { fields: problems });
    const missing = (await clausesAwaitingResponse(trx, regulation.id)).filter((id) => !answered.has(id));
    if (missing.length > 0) return fail('report_incomplete', { fields: missing.map((id) => ({ path: `clauses.${id}`, code: 'report_item_required' })) });

    const report = await trx
      .insertInto('regulation_reports')
      .values({ regulation_id: regulation.id, version_id: version.id, summary: input.summary.trim(), summary_zh: blankToNull(input.summaryZh), post_id: postId, published_by: actor.id, published_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.items.length > 0) {
      await trx
        .insertInto('regulation_report_items')
        .values(
          input.items.map((item) => ({
            report_id: report.id,
            clause_id: item.clauseId,
            decision: item.decision,
            reasoning: item.reasoning.trim(),
            reasoning_zh: blankToNull(item.reasoningZh),
            change: blankToNull(item.change),
            change_zh: blankToNull(item.changeZh),
          })),
        )
        .execute();
    }
    await notifyFollowers(
      trx,
      {
        kind: 'regulation.report_published',
        resourceType: 'regulation',
        resourceId: regulation.id,
        title: regulation.title,
        path: `/processes/${context.process.slug}/regulations/${regulation.id}`,
        data: { number: version.number, titleZh: regulation.title_zh },
      },
      now,
      actor.id,
    );
    const tally = (decision: ReportDecision) => input.items.filter((i) => i.decision === decision).length;
    await writeAudit(
      trx,
      actor,
      {
        action: 'regulation.report_published',
        resourceType: 'regulation',
        resourceId: regulation.id,
        postId,
        data: { title: regulation.title, version: version.number, clauses: input.items.length, accepted: tally('accepted'), partlyAccepted: tally('partly_accepted'), notAccepted: tally('not_accepted') },
        public: true,
      },
      now,
    );
    return ok({ id: report.id });
  });
}
