import type { OpenDataSource } from '../../core/opendata/types.js';
import { fieldsOf, iso } from '../../core/opendata/rows.js';
import type { AgendaItem } from './tables.js';

/**
 * Public hearings: the meetings with their agendas, registration counts, the questions answered
 * at the meeting and the department's response report. Who applied, who was drawn and who asked
 * are never exported: registrations only as counts, questions without their asker.
 */
export const hearingsOpenData: OpenDataSource = {
  tables: [
    {
      name: 'hearings',
      description: {
        en: 'One public hearing: when and where, its legal basis, seats and speaking slots, how many applied and were drawn, and when minutes and the response report were published.',
        zh: '一场公开听证会：时间地点、法律依据、席位和发言名额、报名和抽中人数，以及会议纪要和意见采纳报告的公布时间。',
      },
      fields: fieldsOf({
        id: ['string', 'Identifier.'],
        department_id: ['string', 'The department holding it (see organizations).'],
        department: ['string', 'That department\'s name.'],
        process_id: ['string', 'The process it belongs to (see processes).'],
        area_id: ['string', 'The area it concerns (see areas).'],
        title: ['string', 'Title in English.'],
        title_zh: ['string', 'Title in Chinese.'],
        description: ['string', 'Description in English.'],
        description_zh: ['string', 'Description in Chinese.'],
        legal_basis: ['string', 'Its legal basis in English.'],
        legal_reference: ['string', 'A reference to the legal text.'],
        starts_at: ['datetime', 'When it starts.'],
        ends_at: ['datetime', 'When it ends.'],
        location: ['string', 'Where, in English.'],
        location_zh: ['string', 'Where, in Chinese.'],
        online_url: ['string', 'Where to follow it online.'],
        seats: ['integer', 'Seats for residents.'],
        speaking_slots: ['integer', 'Speaking slots for residents.'],
        stratification: ['string', 'How a lot was drawn when oversubscribed: none, proportional or quotas.'],
        status: ['string', 'announced or cancelled.'],
        cancel_reason: ['string', 'Why it was cancelled.'],
        applicants: ['integer', 'People who applied to attend or speak (not withdrawn).'],
        speakers: ['integer', 'Applicants given a speaking slot.'],
        attendees: ['integer', 'Applicants given a seat.'],
        drawn_at: ['datetime', 'When seats and slots were allocated (by lot when oversubscribed).'],
        draw_public_source: ['string', 'The public random value the lot was seeded from, announced in advance.'],
        minutes_recorded_at: ['datetime', 'When the minutes were published (the minutes are on the hearing\'s page).'],
        report_due_at: ['datetime', 'The deadline for the response report.'],
        report_published_at: ['datetime', 'When the response report was published.'],
        report_summary: ['string', 'The response report\'s summary in English.'],
        report_summary_zh: ['string', 'The response report\'s summary in Chinese.'],
        report_post_title: ['string', 'The post in whose name the report was published.'],
      }),
      async rows(db) {
        const [rows, counts] = await Promise.all([
          db
            .selectFrom('hearings as h')
            .innerJoin('organizations as d', 'd.id', 'h.department_id')
            .leftJoin('posts as rp', 'rp.id', 'h.report_post_id')
            .select([
              'h.id', 'h.department_id', 'd.name as department', 'h.process_id', 'h.area_id', 'h.title', 'h.title_zh', 'h.description', 'h.description_zh', 'h.legal_basis',
              'h.legal_reference', 'h.starts_at', 'h.ends_at', 'h.location', 'h.location_zh', 'h.online_url', 'h.seats', 'h.speaking_slots', 'h.stratification', 'h.status',
              'h.cancel_reason', 'h.drawn_at', 'h.draw_public_source', 'h.minutes_recorded_at', 'h.report_due_at', 'h.report_published_at', 'h.report_summary',
              'h.report_summary_zh', 'rp.title as report_post_title',
            ])
            .orderBy('h.starts_at')
            .orderBy('h.id')
            .execute(),
          db
            .selectFrom('hearing_registrations')
            .select(['hearing_id', 'status', (eb) => eb.fn.countAll<string>().as('n')])
            .where('status', '!=', 'withdrawn')
            .groupBy(['hearing_id', 'status'])
            .execute(),
        ]);
        const count = new Map(counts.map((c) => [`${c.hearing_id}/${c.status}`, Number(c.n)]));
        const of = (id: string, status: string) => count.get(`${id}/${status}`) ?? 0;
        return rows.map((r) => ({
          ...r,
          starts_at: iso(r.starts_at),
          ends_at: iso(r.ends_at),
          applicants: ['applied', 'speaker', 'attendee', 'waiting'].reduce((n, s) => n + of(r.id, s), 0),
          speakers: of(r.id, 'speaker'),
          attendees: of(r.id, 'attendee'),
          drawn_at: iso(r.drawn_at),
          minutes_recorded_at: iso(r.minutes_recorded_at),
          report_due_at: iso(r.report_due_at),
          report_published_at: iso(r.report_published_at),
          report_post_title: r.report_post_title ?? null,
        }));
      },
    },
    {
      name: 'hearing_agenda',
      description: { en: 'One item on a hearing\'s agenda.', zh: '听证会议程中的一项。' },
      fields: fieldsOf({
        hearing_id: ['string', 'The hearing (see hearings).'],
        position: ['integer', 'Order on the agenda, from 1.'],
        title: ['string', 'The item in English.'],
        title_zh: ['string', 'The item in Chinese.'],
      }),
      async rows(db) {
        const rows = await db.selectFrom('hearings').select(['id', 'agenda']).orderBy('starts_at').orderBy('id').execute();
        return rows.flatMap((h) => (h.agenda as AgendaItem[]).map((item, i) => ({ hearing_id: h.id, position: i + 1, title: item.title, title_zh: item.titleZh })));
      },
    },
    {
      name: 'hearing_answers',
      description: {
        en: 'One question answered at a hearing, as the minutes record it (without who asked).',
        zh: '听证会上答复的一个问题，按会议纪要记录（不含提问人）。',
      },
      fields: fieldsOf({
        hearing_id: ['string', 'The hearing (see hearings).'],
        position: ['integer', 'Order in the minutes.'],
        from_written_question: ['boolean', 'Whether it was a written question submitted before the hearing.'],
        question: ['string', 'The question in English.'],
        question_zh: ['string', 'The question in Chinese.'],
        answer: ['string', 'The answer in English.'],
        answer_zh: ['string', 'The answer in Chinese.'],
      }),
      async rows(db) {
        const rows = await db
          .selectFrom('hearing_answers as a')
          .innerJoin('hearings as h', 'h.id', 'a.hearing_id')
          .select(['a.hearing_id', 'a.position', 'a.submission_id', 'a.question', 'a.question_zh', 'a.answer', 'a.answer_zh'])
          .orderBy('h.starts_at')
          .orderBy('a.hearing_id')
          .orderBy('a.position')
          .execute();
        return rows.map(({ submission_id, ...r }) => ({ ...r, from_written_question: submission_id !== null }));
      },
    },
    {
      name: 'hearing_report_items',
      description: {
        en: 'One opinion heard at a hearing and the department\'s decision on it in the response report (adopted, partly adopted, not adopted, under study) with reasons.',
        zh: '听证会上听取的一条意见，以及部门在意见采纳报告中的处理决定（采纳、部分采纳、不采纳、研究中）和理由。',
      },
      fields: fieldsOf({
        hearing_id: ['string', 'The hearing (see hearings).'],
        position: ['integer', 'Order in the report.'],
        opinion: ['string', 'The opinion in English.'],
        opinion_zh: ['string', 'The opinion in Chinese.'],
        decision: ['string', 'adopted, partly_adopted, not_adopted or under_study.'],
        response: ['string', 'The department\'s response in English.'],
        response_zh: ['string', 'The department\'s response in Chinese.'],
        reference: ['string', 'Where the change can be found (e.g. an article of the new rules).'],
      }),
      async rows(db) {
        const rows = await db
          .selectFrom('hearing_report_items as i')
          .innerJoin('hearings as h', 'h.id', 'i.hearing_id')
          .select(['i.hearing_id', 'i.position', 'i.opinion', 'i.opinion_zh', 'i.decision', 'i.response', 'i.response_zh', 'i.reference'])
          .where('h.report_published_at', 'is not', null)
          .orderBy('h.starts_at')
          .orderBy('i.hearing_id')
          .orderBy('i.position')
          .execute();
        return rows.map((r) => ({ ...r }));
      },
    },
  ],
};
