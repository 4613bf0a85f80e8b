import type { OpenDataSource } from '../../core/opendata/types.js';
import { fieldsOf, iso, personOrOrganization } from '../../core/opendata/rows.js';
import type { Executor } from '../../core/db/database.js';

/** Proposals visitors can see: published (not drafts), not hidden, in a published process. */
function publicProposals(db: Executor) {
  return db
    .selectFrom('proposals as p')
    .innerJoin('processes as pr', 'pr.id', 'p.process_id')
    .where('pr.status', '=', 'published')
    .where('p.state', '!=', 'draft')
    .where('p.hidden_at', 'is', null);
}

/**
 * Proposals and the departments' official answers to them. Authors appear only as a kind (a
 * person, or an organization by name); supporters only as a count.
 */
export const proposalsOpenData: OpenDataSource = {
  tables: [
    {
      name: 'proposals',
      description: {
        en: 'One public proposal in a process: its text, state and number of supports; the author only as "person" or an organization\'s name.',
        zh: '进程中的一条公开建议：内容、状态和支持数；作者只标明为“个人”或组织名称。',
      },
      fields: fieldsOf({
        id: ['string', 'Identifier.'],
        process_id: ['string', 'The process (see processes).'],
        title: ['string', 'Title.'],
        body: ['string', 'Text.'],
        state: ['string', 'published, qualified (enough supports), evaluating, accepted, rejected or withdrawn.'],
        supports: ['integer', 'Number of supports.'],
        area_id: ['string', 'The area it concerns (see areas).'],
        category: ['string', 'Category.'],
        latitude: ['number', 'Latitude of the place it concerns, as shown on the map.'],
        longitude: ['number', 'Longitude of the place it concerns, as shown on the map.'],
        author_kind: ['string', 'person or organization.'],
        organization_id: ['string', 'The organization that proposed it (see organizations).'],
        organization_name: ['string', 'That organization\'s name.'],
        published_at: ['datetime', 'When it was published.'],
        qualified_at: ['datetime', 'When it reached the support threshold.'],
        answer_due_at: ['datetime', 'The end of the last working day for the official answer.'],
        answered_at: ['datetime', 'When the department answered.'],
        overdue: ['boolean', 'Whether the answer deadline passed without an answer.'],
        withdrawn_at: ['datetime', 'When its authors withdrew it.'],
      }),
      async rows(db) {
        const rows = await publicProposals(db)
          .leftJoin('organizations as o', 'o.id', 'p.organization_id')
          .select([
            'p.id', 'p.process_id', 'p.title', 'p.body', 'p.state', 'p.supports_count', 'p.area_id', 'p.category', 'p.latitude', 'p.longitude',
            'p.organization_id', 'o.name as organization_name', 'p.published_at', 'p.qualified_at', 'p.answer_due_at', 'p.answered_at', 'p.overdue_at', 'p.withdrawn_at',
          ])
          .orderBy('p.published_at')
          .orderBy('p.id')
          .execute();
        return rows.map((r) => ({
          id: r.id,
          process_id: r.process_id,
          title: r.title,
          body: r.body,
          state: r.state,
          supports: r.supports_count,
          area_id: r.area_id,
          category: r.category,
          latitude: r.latitude,
          longitude: r.longitude,
          author_kind: personOrOrganization(r.organization_id),
          organization_id: r.organization_id,
          organization_name: r.organization_name ?? null,
          published_at: iso(r.published_at),
          qualified_at: iso(r.qualified_at),
          answer_due_at: iso(r.answer_due_at),
          answered_at: iso(r.answered_at),
          overdue: r.overdue_at !== null,
          withdrawn_at: iso(r.withdrawn_at),
        }));
      },
    },
    {
      name: 'proposal_answers',
      description: {
        en: 'One official answer of a department to a public proposal, signed by a post.',
        zh: '部门对一条公开建议的正式答复，以职位署名。',
      },
      fields: fieldsOf({
        proposal_id: ['string', 'The proposal (see proposals).'],
        decision: ['string', 'The proposal\'s state after the answer: accepted, rejected or evaluating.'],
        answer: ['string', 'The answer\'s text.'],
        post_id: ['string', 'The post in whose name it was given (see posts).'],
        post_title: ['string', 'That post\'s title.'],
        department_id: ['string', 'The post\'s department (see organizations).'],
        department: ['string', 'That department\'s name.'],
        answered_at: ['datetime', 'When it was given.'],
        answer_due_at: ['datetime', 'The deadline it was due by.'],
        on_time: ['boolean', 'Whether it was given by the deadline.'],
      }),
      async rows(db) {
        const rows = await publicProposals(db)
          .leftJoin('posts as po', 'po.id', 'p.answer_post_id')
          .leftJoin('organizations as d', (join) => join.on((eb) => eb('d.id', '=', eb.fn.coalesce('po.organization_id', 'pr.department_id'))))
          .select(['p.id', 'p.state', 'p.answer', 'p.answer_post_id', 'po.title as post_title', 'd.id as department_id', 'd.name as department', 'p.answered_at', 'p.answer_due_at'])
          .where('p.answer', 'is not', null)
          .orderBy('p.answered_at')
          .orderBy('p.id')
          .execute();
        return rows.map((r) => ({
          proposal_id: r.id,
          decision: r.state,
          answer: r.answer,
          post_id: r.answer_post_id,
          post_title: r.post_title ?? null,
          department_id: r.department_id ?? null,
          department: r.department ?? null,
          answered_at: iso(r.answered_at),
          answer_due_at: iso(r.answer_due_at),
          on_time: r.answered_at && r.answer_due_at ? r.answered_at.getTime() <= r.answer_due_at.getTime() : null,
        }));
      },
    },
  ],
};
