import { sql } from 'kysely';
import type { OpenDataSource } from '../../core/opendata/types.js';
import { publicText, REDACTED } from './redaction.js';
import { fieldsOf, iso, personOrOrganization } from '../../core/opendata/rows.js';

/**
 * The requests module's part of the open-data archive: public text only (redacted spans replaced),
 * the requester only as `person` or an organization's name; never a person's name or pseudonym,
 * never an account id or e-mail.
 */
export const requestsOpenData: OpenDataSource = {
  tables: [
    {
      name: 'information_requests',
      description: { en: 'One request for information to a department, with its state, deadlines and decision.', zh: '向部门提出的一件政府信息公开申请，含状态、期限与答复决定。' },
      fields: fieldsOf({
        id: ['string', 'Identifier of the request.'],
        title: ['string', 'The title the requester gave.'],
        departmentSlug: ['string', 'The department asked.'],
        departmentName: ['string', 'The department asked, by name.'],
        requesterKind: ['string', '`person` or `organization`; a person is never named.'],
        organizationName: ['string', 'The organization on whose behalf the request was made (empty for a person).'],
        state: ['string', 'awaiting_response, awaiting_clarification, successful, partially_successful, not_held, refused, withdrawn or internal_review.'],
        createdAt: ['datetime', 'When the request arrived (the response clock started).'],
        workingDays: ['integer', 'The response period in working days.'],
        extended: ['boolean', 'Whether the department used its one extension.'],
        dueAt: ['datetime', 'The end of the last working day to respond (empty while paused).'],
        respondedAt: ['datetime', 'When the department gave its decision.'],
        decision: ['string', "The department's decision."],
        refusalGround: ['string', 'The code of the legal ground of a refusal in whole or in part.'],
        refusalLegalReference: ['string', 'The legal reference of that ground.'],
        classification: ['string', "The requester's own classification of the outcome."],
        overdueAt: ['datetime', 'When the sweep found the response overdue.'],
        reviewRequestedAt: ['datetime', 'When an internal review was asked for.'],
        reviewDepartmentSlug: ['string', 'The supervising department that decided the review.'],
        reviewOutcome: ['string', 'upheld, partly_upheld or overturned.'],
        reviewDecidedAt: ['datetime', 'When the review was decided.'],
        publicationPath: ['string', 'The entry of the publication register made from the reply.'],
      }),
      async rows(db) {
        const rows = await db
          .selectFrom('information_requests as r')
          .innerJoin('organizations as d', 'd.id', 'r.department_id')
          .leftJoin('organizations as o', 'o.id', 'r.organization_id')
          .leftJoin('organizations as rd', 'rd.id', 'r.review_department_id')
          .select([
            'r.id', 'r.title', 'd.slug as dept_slug', 'd.name as dept_name', 'o.name as org_name', 'r.state', 'r.created_at', 'r.working_days', 'r.extended_at',
            'r.due_at', 'r.responded_at', 'r.decision', 'r.refusal_ground', 'r.classification', 'r.overdue_at', 'r.review_requested_at', 'rd.slug as review_slug',
            'r.review_outcome', 'r.review_decided_at', 'r.publication_path',
          ])
          .where('r.hidden_at', 'is', null)
          .orderBy('r.created_at')
          .orderBy('r.id')
          .execute();
        return rows.map((r) => ({
          id: r.id,
          title: r.title,
          departmentSlug: r.dept_slug,
          departmentName: r.dept_name,
          requesterKind: personOrOrganization(r.org_name),
          organizationName: r.org_name,
          state: r.state,
          createdAt: iso(r.created_at),
          workingDays: r.working_days,
          extended: r.extended_at !== null,
          dueAt: iso(r.due_at),
          respondedAt: iso(r.responded_at),
          decision: r.decision,
          refusalGround: r.refusal_ground?.code ?? null,
          refusalLegalReference: r.refusal_ground?.legal_reference ?? null,
          classification: r.classification,
          overdueAt: iso(r.overdue_at),
          reviewRequestedAt: iso(r.review_requested_at),
          reviewDepartmentSlug: r.review_slug,
          reviewOutcome: r.review_outcome,
          reviewDecidedAt: iso(r.review_decided_at),
          publicationPath: r.publication_path,
        }));
      },
    },
    {
      name: 'information_request_messages',
      description: { en: 'One message of the public correspondence of a request, with personal data redacted.', zh: '申请公开往来中的一条消息，个人信息已隐去。' },
      fields: fieldsOf({
        id: ['string', 'Identifier of the message.'],
        requestId: ['string', 'The request it belongs to.'],
        seq: ['integer', 'Its number in the correspondence.'],
        kind: ['string', 'request, clarification_request, clarification, extension, response, withdrawal, review_request or review_decision.'],
        from: ['string', '`requester` or `department`.'],
        departmentSlug: ['string', 'The department that sent it (empty for the requester).'],
        postTitle: ['string', 'The post that signed a department message.'],
        body: ['string', 'The public text; redacted passages read [redacted].'],
        redactedSpans: ['integer', 'How many passages were redacted.'],
        decision: ['string', 'The decision a response or review decision gave.'],
        createdAt: ['datetime', 'When it was sent.'],
        attachments: ['integer', 'How many files it carries.'],
      }),
      async rows(db) {
        const rows = await db
          .selectFrom('information_request_messages as m')
          .innerJoin('information_requests as r', 'r.id', 'm.request_id')
          .leftJoin('organizations as d', 'd.id', 'm.department_id')
          .leftJoin('posts as p', 'p.id', 'm.post_id')
          .select((eb) => [
            'm.id', 'm.request_id', 'm.seq', 'm.kind', 'm.body', 'm.redactions', 'm.data', 'm.created_at', 'd.slug as dept_slug', 'p.title as post_title',
            eb.selectFrom('attachments as a').select(eb.fn.countAll<number>().as('n')).where('a.owner_type', '=', 'information_request_message').where(sql<boolean>`a.owner_id = m.id::text`).as('files'),
          ])
          .where('r.hidden_at', 'is', null)
          .orderBy('m.request_id')
          .orderBy('m.seq')
          .execute();
        return rows.map((m) => ({
          id: m.id,
          requestId: m.request_id,
          seq: m.seq,
          kind: m.kind,
          from: m.dept_slug ? 'department' : 'requester',
          departmentSlug: m.dept_slug,
          postTitle: m.post_title,
          body: publicText(m.body, m.redactions, REDACTED.en),
          redactedSpans: m.redactions.length,
          decision: (m.data.decision as string | undefined) ?? (m.data.state as string | undefined) ?? null,
          createdAt: iso(m.created_at),
          attachments: Number(m.files ?? 0),
        }));
      },
    },
  ],
};
