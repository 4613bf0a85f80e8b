import type { OpenDataSource } from '../../core/opendata/types.js';
import { fieldsOf, iso } from '../../core/opendata/rows.js';
import type { Executor } from '../../core/db/database.js';

/** Published regulations in published processes. */
function publicRegulations(db: Executor) {
  return db
    .selectFrom('regulations as r')
    .innerJoin('processes as pr', 'pr.id', 'r.process_id')
    .where('pr.status', '=', 'published')
    .where('r.status', '=', 'published');
}

/** Counts per key from a grouped query. */
function countsBy<T extends { n: string | number | bigint }>(rows: T[], key: (r: T) => string): Map<string, number> {
  return new Map(rows.map((r) => [key(r), Number(r.n)]));
}

/**
 * Draft regulations put to consultation: their published versions, each clause's text with the
 * counts of support, opposition, comments and alternative wordings, and the department's response
 * report clause by clause. Unpublished drafts and who said what are never exported.
 */
export const regulationsOpenData: OpenDataSource = {
  tables: [
    {
      name: 'regulations',
      description: { en: 'One draft regulation put to public consultation.', zh: '一项公开征求意见的规章草案。' },
      fields: fieldsOf({
        id: ['string', 'Identifier.'],
        process_id: ['string', 'The process (see processes).'],
        department_id: ['string', 'The drafting department (see organizations).'],
        department: ['string', 'That department\'s name.'],
        title: ['string', 'Title in English.'],
        title_zh: ['string', 'Title in Chinese.'],
        current_version: ['integer', 'The number of the latest published version.'],
        published_at: ['datetime', 'When it was first published.'],
      }),
      async rows(db) {
        const rows = await publicRegulations(db)
          .innerJoin('organizations as o', 'o.id', 'r.department_id')
          .select(['r.id', 'r.process_id', 'r.department_id', 'o.name as department', 'r.title', 'r.title_zh', 'r.current_version', 'r.published_at'])
          .orderBy('r.published_at')
          .orderBy('r.id')
          .execute();
        return rows.map((r) => ({ ...r, published_at: iso(r.published_at) }));
      },
    },
    {
      name: 'regulation_versions',
      description: { en: 'One published version of a draft regulation.', zh: '规章草案的一个已发布版本。' },
      fields: fieldsOf({
        id: ['string', 'Identifier.'],
        regulation_id: ['string', 'The regulation (see regulations).'],
        number: ['integer', 'Version number, from 1.'],
        title: ['string', 'Title in English.'],
        title_zh: ['string', 'Title in Chinese.'],
        introduction: ['string', 'Introduction in English.'],
        introduction_zh: ['string', 'Introduction in Chinese.'],
        change_note: ['string', 'What changed from the previous version, in English.'],
        change_note_zh: ['string', 'What changed from the previous version, in Chinese.'],
        post_title: ['string', 'The post in whose name it was published.'],
        published_at: ['datetime', 'When it was published.'],
      }),
      async rows(db) {
        const rows = await publicRegulations(db)
          .innerJoin('regulation_versions as v', 'v.regulation_id', 'r.id')
          .leftJoin('posts as po', 'po.id', 'v.post_id')
          .select(['v.id', 'v.regulation_id', 'v.number', 'v.title', 'v.title_zh', 'v.introduction', 'v.introduction_zh', 'v.change_note', 'v.change_note_zh', 'po.title as post_title', 'v.published_at'])
          .where('v.status', '=', 'published')
          .orderBy('r.published_at')
          .orderBy('v.regulation_id')
          .orderBy('v.number')
          .execute();
        return rows.map((r) => ({ ...r, post_title: r.post_title ?? null, published_at: iso(r.published_at) }));
      },
    },
    {
      name: 'regulation_clauses',
      description: {
        en: 'One clause of a published version, with how many people supported or opposed it and how many comments and alternative wordings it got.',
        zh: '已发布版本中的一个条款，含支持和反对人数以及评论和替代表述的数量。',
      },
      fields: fieldsOf({
        regulation_id: ['string', 'The regulation (see regulations).'],
        version_number: ['integer', 'The version (see regulation_versions).'],
        clause_id: ['string', 'The clause; the same id across versions.'],
        position: ['integer', 'Order in the version.'],
        label: ['string', 'Label (e.g. Article 3) in English.'],
        label_zh: ['string', 'Label in Chinese.'],
        body: ['string', 'Text in English.'],
        body_zh: ['string', 'Text in Chinese.'],
        supports: ['integer', 'People supporting the clause (over all versions).'],
        opposes: ['integer', 'People opposing the clause (over all versions).'],
        comments: ['integer', 'Visible comments on the clause.'],
        alternatives: ['integer', 'Visible alternative wordings proposed for the clause.'],
      }),
      async rows(db) {
        const [rows, comments, alternatives] = await Promise.all([
          publicRegulations(db)
            .innerJoin('regulation_versions as v', 'v.regulation_id', 'r.id')
            .innerJoin('regulation_clause_texts as t', 't.version_id', 'v.id')
            .innerJoin('regulation_clauses as c', 'c.id', 't.clause_id')
            .select(['r.id as regulation_id', 'v.number as version_number', 't.clause_id', 't.position', 't.label', 't.label_zh', 't.body', 't.body_zh', 'c.supports', 'c.opposes'])
            .where('v.status', '=', 'published')
            .orderBy('r.published_at')
            .orderBy('r.id')
            .orderBy('v.number')
            .orderBy('t.position')
            .execute(),
          db
            .selectFrom('comments')
            .select(['resource_id', 'anchor', (eb) => eb.fn.countAll<string>().as('n')])
            .where('resource_type', '=', 'regulation')
            .where('deleted_at', 'is', null)
            .where('hidden_at', 'is', null)
            .groupBy(['resource_id', 'anchor'])
            .execute(),
          db
            .selectFrom('regulation_alternatives')
            .select(['clause_id', (eb) => eb.fn.countAll<string>().as('n')])
            .where('hidden_at', 'is', null)
            .groupBy('clause_id')
            .execute(),
        ]);
        const commentsOf = countsBy(comments, (c) => `${c.resource_id}/${c.anchor ?? ''}`);
        const alternativesOf = countsBy(alternatives, (a) => a.clause_id);
        return rows.map((r) => ({
          ...r,
          comments: commentsOf.get(`${r.regulation_id}/${r.clause_id}`) ?? 0,
          alternatives: alternativesOf.get(r.clause_id) ?? 0,
        }));
      },
    },
    {
      name: 'regulation_responses',
      description: {
        en: 'The department\'s published response to the consultation, clause by clause: accepted, partly accepted or not, and why.',
        zh: '部门逐条公布的征求意见采纳情况：采纳、部分采纳或不采纳及理由。',
      },
      fields: fieldsOf({
        regulation_id: ['string', 'The regulation (see regulations).'],
        version_number: ['integer', 'The version consulted on.'],
        clause_id: ['string', 'The clause (see regulation_clauses).'],
        decision: ['string', 'accepted, partly_accepted or not_accepted.'],
        reasoning: ['string', 'Why, in English.'],
        reasoning_zh: ['string', 'Why, in Chinese.'],
        change: ['string', 'The change made, in English.'],
        change_zh: ['string', 'The change made, in Chinese.'],
        summary: ['string', 'The report\'s summary, in English.'],
        post_title: ['string', 'The post in whose name the report was published.'],
        published_at: ['datetime', 'When the report was published.'],
      }),
      async rows(db) {
        const rows = await publicRegulations(db)
          .innerJoin('regulation_reports as rr', 'rr.regulation_id', 'r.id')
          .innerJoin('regulation_versions as v', 'v.id', 'rr.version_id')
          .innerJoin('regulation_report_items as i', 'i.report_id', 'rr.id')
          .leftJoin('regulation_clause_texts as t', (join) => join.onRef('t.version_id', '=', 'rr.version_id').onRef('t.clause_id', '=', 'i.clause_id'))
          .leftJoin('posts as po', 'po.id', 'rr.post_id')
          .select(['r.id as regulation_id', 'v.number as version_number', 'i.clause_id', 'i.decision', 'i.reasoning', 'i.reasoning_zh', 'i.change', 'i.change_zh', 'rr.summary', 'po.title as post_title', 'rr.published_at', 't.position'])
          .orderBy('rr.published_at')
          .orderBy('r.id')
          .orderBy('t.position')
          .orderBy('i.clause_id')
          .execute();
        return rows.map(({ position: _position, ...r }) => ({ ...r, post_title: r.post_title ?? null, published_at: iso(r.published_at) }));
      },
    },
  ],
};
