import type { OpenDataSource } from '../../core/opendata/types.js';
import { authorKind, fieldsOf, iso } from '../../core/opendata/rows.js';

/** Debates visitors can see (not hidden, in a published process); who started them only as a kind, organization or post. */
export const debatesOpenData: OpenDataSource = {
  tables: [
    {
      name: 'debates',
      description: {
        en: 'One public debate in a process: its question, its status and the conclusion the department drew when closing it.',
        zh: '进程中的一场公开讨论：议题、状态以及部门结束讨论时给出的结论。',
      },
      fields: fieldsOf({
        id: ['string', 'Identifier.'],
        process_id: ['string', 'The process (see processes).'],
        title: ['string', 'Title.'],
        description: ['string', 'Text.'],
        category: ['string', 'Category.'],
        author_kind: ['string', 'person, organization or official.'],
        organization_name: ['string', 'The organization that started it.'],
        post_title: ['string', 'The post of the official who started it.'],
        status: ['string', 'open or closed.'],
        conclusion: ['string', 'The conclusion given when it was closed.'],
        closed_at: ['datetime', 'When it was closed.'],
        closed_post_title: ['string', 'The post of the official who closed it.'],
        created_at: ['datetime', 'When it was started.'],
      }),
      async rows(db) {
        const rows = await db
          .selectFrom('debates as d')
          .innerJoin('processes as pr', 'pr.id', 'd.process_id')
          .leftJoin('organizations as o', 'o.id', 'd.organization_id')
          .leftJoin('posts as po', 'po.id', 'd.post_id')
          .leftJoin('posts as cp', 'cp.id', 'd.closed_post_id')
          .select([
            'd.id', 'd.process_id', 'd.title', 'd.description', 'd.category', 'd.organization_id', 'd.post_id', 'o.name as organization_name', 'po.title as post_title',
            'd.status', 'd.conclusion', 'd.closed_at', 'cp.title as closed_post_title', 'd.created_at',
          ])
          .where('pr.status', '=', 'published')
          .where('d.hidden_at', 'is', null)
          .orderBy('d.created_at')
          .orderBy('d.id')
          .execute();
        return rows.map((r) => ({
          id: r.id,
          process_id: r.process_id,
          title: r.title,
          description: r.description,
          category: r.category,
          author_kind: authorKind(r),
          organization_name: r.organization_name ?? null,
          post_title: r.post_title ?? null,
          status: r.status,
          conclusion: r.conclusion,
          closed_at: iso(r.closed_at),
          closed_post_title: r.closed_post_title ?? null,
          created_at: iso(r.created_at),
        }));
      },
    },
  ],
};
