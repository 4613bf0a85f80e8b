import type { OpenDataSource } from '../../core/opendata/types.js';
import { fieldsOf, iso } from '../../core/opendata/rows.js';

/** Published participatory processes and their phases (drafts are never exported). */
export const processesOpenData: OpenDataSource = {
  tables: [
    {
      name: 'processes',
      description: {
        en: 'One published participatory process: what it decides, the department and post answerable for it, its legal basis and rules.',
        zh: '一个已发布的参与式进程：决定什么事项、负责的部门和职位、法律依据和规则。',
      },
      fields: fieldsOf({
        id: ['string', 'Identifier.'],
        slug: ['string', 'Short name used in web addresses.'],
        title: ['string', 'Title in English.'],
        title_zh: ['string', 'Title in Chinese.'],
        summary: ['string', 'Summary in English.'],
        summary_zh: ['string', 'Summary in Chinese.'],
        body: ['string', 'Full description in English.'],
        body_zh: ['string', 'Full description in Chinese.'],
        area_id: ['string', 'The area it concerns (see areas).'],
        department_id: ['string', 'The responsible department (see organizations).'],
        department: ['string', 'That department\'s name.'],
        post_id: ['string', 'The post answerable for it (see posts).'],
        post_title: ['string', 'That post\'s title.'],
        legal_basis: ['string', 'Its legal basis in English.'],
        legal_basis_zh: ['string', 'Its legal basis in Chinese.'],
        legal_reference: ['string', 'A reference to the legal text.'],
        components: ['json', 'The parts it holds: proposals, debates, regulations, budgeting, opinions, hearings.'],
        support_threshold: ['integer', 'Supports after which a proposal must be answered.'],
        answer_working_days: ['integer', 'Working days the department has to answer a qualified proposal.'],
        supports_per_person: ['integer', 'How many proposals one person may support (empty: no limit).'],
        published_at: ['datetime', 'When it was published.'],
      }),
      async rows(db) {
        const rows = await db
          .selectFrom('processes as p')
          .innerJoin('organizations as o', 'o.id', 'p.department_id')
          .leftJoin('posts as po', 'po.id', 'p.post_id')
          .select([
            'p.id', 'p.slug', 'p.title', 'p.title_zh', 'p.summary', 'p.summary_zh', 'p.body', 'p.body_zh', 'p.area_id', 'p.department_id', 'o.name as department',
            'p.post_id', 'po.title as post_title', 'p.legal_basis', 'p.legal_basis_zh', 'p.legal_reference', 'p.components', 'p.support_threshold',
            'p.answer_working_days', 'p.supports_per_person', 'p.published_at',
          ])
          .where('p.status', '=', 'published')
          .orderBy('p.published_at')
          .orderBy('p.id')
          .execute();
        return rows.map((r) => ({ ...r, published_at: iso(r.published_at) }));
      },
    },
    {
      name: 'process_phases',
      description: { en: 'One phase of a published process, with its dates and the actions it opens.', zh: '已发布进程的一个阶段，含起止时间和开放的操作。' },
      fields: fieldsOf({
        id: ['string', 'Identifier.'],
        process_id: ['string', 'The process (see processes).'],
        position: ['integer', 'Order within the process.'],
        title: ['string', 'Title in English.'],
        title_zh: ['string', 'Title in Chinese.'],
        description: ['string', 'Description in English.'],
        description_zh: ['string', 'Description in Chinese.'],
        starts_at: ['datetime', 'When it starts.'],
        ends_at: ['datetime', 'When it ends.'],
        actions: ['json', 'Per component, the actions open during the phase (e.g. proposals: create, support).'],
      }),
      async rows(db) {
        const rows = await db
          .selectFrom('process_phases as ph')
          .innerJoin('processes as p', 'p.id', 'ph.process_id')
          .select(['ph.id', 'ph.process_id', 'ph.position', 'ph.title', 'ph.title_zh', 'ph.description', 'ph.description_zh', 'ph.starts_at', 'ph.ends_at', 'ph.actions'])
          .where('p.status', '=', 'published')
          .orderBy('p.published_at')
          .orderBy('ph.process_id')
          .orderBy('ph.position')
          .execute();
        return rows.map((r) => ({ ...r, starts_at: iso(r.starts_at), ends_at: iso(r.ends_at) }));
      },
    },
  ],
};
