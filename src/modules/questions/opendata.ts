import type { OpenDataSource } from '../../core/opendata/types.js';
import { fieldsOf, iso, personOrOrganization } from '../../core/opendata/rows.js';
import type { DeclineGround } from './tables.js';

/**
 * Questions to the government and their answers, except those hidden by moderation. The asker
 * appears only as "person" or an organization's name; co-signers only as a count.
 */
export const questionsOpenData: OpenDataSource = {
  tables: [
    {
      name: 'questions',
      description: {
        en: 'One public question to a department with its deadline in working days and the answer (or the legal ground for declining it), signed by a post.',
        zh: '向部门提出的一个公开问题，含按工作日计算的期限，以及以职位署名的答复（或不予答复的法律依据）。',
      },
      fields: fieldsOf({
        id: ['string', 'Identifier.'],
        follow_up_of: ['string', 'The question this one follows up.'],
        department_id: ['string', 'The department asked, after any transfer (see organizations).'],
        department: ['string', 'That department\'s name.'],
        addressed_post_title: ['string', 'The post the question was addressed to, if one was named.'],
        asker_kind: ['string', 'person or organization.'],
        organization_name: ['string', 'The organization that asked.'],
        title: ['string', 'Title.'],
        body: ['string', 'Text.'],
        area_id: ['string', 'The area it concerns (see areas).'],
        category: ['string', 'Category.'],
        state: ['string', 'published, transferred, overdue, answered or declined.'],
        cosigns: ['integer', 'People who co-signed it.'],
        asked_at: ['datetime', 'When it was asked.'],
        working_days: ['integer', 'Working days the department has to answer.'],
        answer_due_at: ['datetime', 'The end of the last working day to answer.'],
        overdue: ['boolean', 'Whether the deadline passed without an answer.'],
        transfers: ['integer', 'How many times it was transferred to another department.'],
        answered_at: ['datetime', 'When it was answered or declined.'],
        answer: ['string', 'The answer.'],
        answer_post_title: ['string', 'The post in whose name it was answered.'],
        answer_department: ['string', 'That post\'s department.'],
        decline_ground: ['string', 'The code of the published ground it was declined on.'],
        decline_legal_reference: ['string', 'The legal reference of that ground.'],
        rated_resolved: ['boolean', 'Whether the asker rated the answer as resolving the question.'],
      }),
      async rows(db) {
        const [rows, transfers] = await Promise.all([
          db
            .selectFrom('questions as q')
            .innerJoin('organizations as d', 'd.id', 'q.department_id')
            .leftJoin('posts as ap', 'ap.id', 'q.post_id')
            .leftJoin('organizations as o', 'o.id', 'q.organization_id')
            .leftJoin('posts as anp', 'anp.id', 'q.answer_post_id')
            .leftJoin('organizations as ad', 'ad.id', 'anp.organization_id')
            .select([
              'q.id', 'q.parent_id', 'q.department_id', 'd.name as department', 'ap.title as addressed_post_title', 'q.organization_id', 'o.name as organization_name',
              'q.title', 'q.body', 'q.area_id', 'q.category', 'q.state', 'q.cosigns_count', 'q.created_at', 'q.working_days', 'q.answer_due_at', 'q.overdue_at',
              'q.answered_at', 'q.answer', 'anp.title as answer_post_title', 'ad.name as answer_department', 'q.decline_ground', 'q.rating_resolved',
            ])
            .where('q.hidden_at', 'is', null)
            .orderBy('q.created_at')
            .orderBy('q.id')
            .execute(),
          db.selectFrom('question_transfers').select(['question_id', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('question_id').execute(),
        ]);
        const transferred = new Map(transfers.map((t) => [t.question_id, Number(t.n)]));
        return rows.map((r) => {
          const ground = r.decline_ground as DeclineGround | null;
          return {
            id: r.id,
            follow_up_of: r.parent_id,
            department_id: r.department_id,
            department: r.department,
            addressed_post_title: r.addressed_post_title ?? null,
            asker_kind: personOrOrganization(r.organization_id),
            organization_name: r.organization_name ?? null,
            title: r.title,
            body: r.body,
            area_id: r.area_id,
            category: r.category,
            state: r.state,
            cosigns: r.cosigns_count,
            asked_at: iso(r.created_at),
            working_days: r.working_days,
            answer_due_at: iso(r.answer_due_at),
            overdue: r.overdue_at !== null,
            transfers: transferred.get(r.id) ?? 0,
            answered_at: iso(r.answered_at),
            answer: r.answer,
            answer_post_title: r.answer_post_title ?? null,
            answer_department: r.answer_department ?? null,
            decline_ground: ground?.code ?? null,
            decline_legal_reference: ground?.legal_reference ?? null,
            rated_resolved: r.rating_resolved,
          };
        });
      },
    },
  ],
};
