import { z } from 'zod';
import { sql } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../core/http/context.js';
import { authorize, notFound, requireUser } from '../../core/http/context.js';
import { orFail } from '../../core/errors.js';
import { errorResponses, idSchema } from '../../core/http/schemas.js';
import type { Actor } from '../../core/permissions/actor.js';
import { hasRole } from '../../core/permissions/policy.js';
import type { Locale } from '../../core/i18n/locale.js';
import { attachmentsOf } from '../../core/attachments/attachments.js';
import { loadCalendar } from '../../core/calendar/load-calendar.js';
import { areaAncestorIds, areaSubtreeIds } from '../../core/areas/routes.js';
import { canHearing } from './policy.js';
import {
  announceHearingSchema,
  cancelSchema,
  cosignResponseSchema,
  drawRecordSchema,
  drawSchema,
  hearingDetailSchema,
  icsQuerySchema,
  listQuerySchema,
  listResponseSchema,
  minutesInputSchema,
  registerSchema,
  registrationListSchema,
  registrationStatusSchema,
  reportInputSchema,
  submissionInputSchema,
  submissionKindSchema,
  submissionsResponseSchema,
  updateHearingSchema,
  type DrawRecord,
  type HearingDetail,
} from './schemas.js';
import { cancelRefusal, drawRefusal, editRefusal, minutesRefusal, registrationRefusal, reportRefusal, submitRefusal, withdrawRefusal } from './rules.js';
import { loadHearing, type HearingRecord } from './queries/load-hearing.js';
import { presentSummary, summaryContext } from './queries/present.js';
import { listHearings } from './queries/list-hearings.js';
import { listSubmissions } from './queries/list-submissions.js';
import { strataResolver } from './queries/strata.js';
import { buildCalendar } from './ical.js';
import { SORTITION_ALGORITHM } from './sortition.js';
import { announceHearing } from './operations/announce-hearing.js';
import { updateHearing } from './operations/update-hearing.js';
import { cancelHearing } from './operations/cancel-hearing.js';
import { processRegistrationOpen, registerForHearing } from './operations/register-for-hearing.js';
import { withdrawRegistration } from './operations/withdraw-registration.js';
import { drawPlaces, stratificationOf, type StoredDrawRecord } from './operations/draw-places.js';
import { activeRegistration, submitQuestion } from './operations/submit-question.js';
import { cosignSubmission } from './operations/cosign-submission.js';
import { recordMinutes } from './operations/record-minutes.js';
import { publishReport } from './operations/publish-report.js';

type HearingAction = 'hearing.update' | 'hearing.cancel' | 'hearing.draw' | 'hearing.readRegistrations' | 'hearing.recordMinutes' | 'hearing.publishReport';

/**
 * People's hearings: the list and the iCal feed, announcing and editing, registration with a
 * position, the draw (with its public, re-runnable record), written questions and co-signatures,
 * minutes with the panel's answers, and the government's response report.
 */
export function hearingRoutes(app: App, { deps, catalog, config }: AppContext): void {
  const { db, clock } = deps;
  const tags = ['hearings'];
  const idParams = z.object({ id: idSchema });

  function refusal(locale: Locale, code: string) {
    return { code, message: catalog.t(locale, `error.${code}`) };
  }

  async function existing(id: string): Promise<HearingRecord> {
    const record = await loadHearing(db, id);
    if (!record) notFound();
    return record;
  }

  /** Departments the actor may announce hearings for. */
  async function announceFor(actor: Actor) {
    if (actor.kind !== 'user' || actor.blocked || actor.assistedBy) return [];
    let query = db.selectFrom('organizations').select(['id', 'slug', 'name', 'name_zh']).where('sector', '=', 'government').where('status', '=', 'verified');
    if (!hasRole(actor, 'administrator')) {
      const ids = [...new Set(actor.posts.map((p) => p.organizationId))];
      if (ids.length === 0) return [];
      query = query.where('id', 'in', ids);
    }
    const rows = await query.orderBy('name').execute();
    return rows.map((o) => ({ id: o.id, slug: o.slug, name: o.name, nameZh: o.name_zh }));
  }

  app.get('/api/v1/hearings', {
    schema: {
      tags,
      summary: 'Hearings: upcoming (soonest first) or past (latest first), by department, area (with the areas over and under it) or process, or with an overdue response report',
      querystring: listQuerySchema,
      response: { 200: listResponseSchema, ...errorResponses(400) },
    },
  }, async (req) => {
    const q = req.query;
    const now = clock.now();
    const areaIds = q.areaId ? [...(await areaSubtreeIds(db, q.areaId)), ...(await areaAncestorIds(db, q.areaId))] : undefined;
    const [calendar, list, departments] = await Promise.all([
      loadCalendar(db),
      listHearings(db, now, { when: q.when, departmentId: q.departmentId, areaIds, processId: q.processId, reportOverdue: q.reportOverdue === 'true', limit: q.limit, offset: q.offset }),
      announceFor(req.actor),
    ]);
    const ctx = await summaryContext(db, list.rows);
    const candidates =
      departments.length > 0
        ? await db
            .selectFrom('posts as p')
            .innerJoin('organizations as o', 'o.id', 'p.organization_id')
            .select(['p.id', 'p.title', 'p.title_zh', 'o.id as org_id', 'o.slug', 'o.name', 'o.name_zh'])
            .where('o.sector', '=', 'government')
            .orderBy('o.name')
            .orderBy('p.title')
            .execute()
        : [];
    return {
      hearings: list.rows.map((r) => presentSummary(r, ctx, now, calendar)),
      total: list.total,
      announceFor: departments,
      panelCandidates: candidates.map((c) => ({ post: { id: c.id, title: c.title, titleZh: c.title_zh }, organization: { id: c.org_id, slug: c.slug, name: c.name, nameZh: c.name_zh } })),
    };
  });

  app.post('/api/v1/hearings', {
    schema: {
      tags,
      summary: 'Announce a hearing (officials of the department, administrators): topic, legal basis, date and place or link, panel, agenda, documents, places, registration window, draw settings',
      body: announceHearingSchema,
      response: { 201: z.object({ id: z.string() }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    authorize(canHearing(actor, 'hearing.announce', { departmentId: req.body.departmentId }));
    const created = orFail(await announceHearing(deps, actor, req.body));
    reply.status(201);
    return created;
  });

  function baseUrl(req: FastifyRequest): string {
    return (config.PUBLIC_URL ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');
  }

  app.get('/api/v1/hearings.ics', {
    schema: {
      tags,
      summary: 'An iCalendar (RFC 5545) feed of hearings from 90 days ago on, cancelled ones marked so; subscribe to it in a calendar program',
      querystring: icsQuerySchema,
      response: { 200: z.string().describe('text/calendar'), ...errorResponses(400) },
    },
  }, async (req, reply) => {
    const now = clock.now();
    const zh = (req.query.lang ?? req.locale) === 'zh-CN';
    let query = db
      .selectFrom('hearings as h')
      .innerJoin('organizations as o', 'o.id', 'h.department_id')
      .select(['h.id', 'h.title', 'h.title_zh', 'h.description', 'h.description_zh', 'h.starts_at', 'h.ends_at', 'h.location', 'h.location_zh', 'h.online_url', 'h.status', 'h.sequence', 'h.updated_at', 'o.name', 'o.name_zh'])
      .where('h.ends_at', '>=', new Date(now.getTime() - 90 * 86_400_000));
    if (req.query.departmentId) query = query.where('h.department_id', '=', req.query.departmentId);
    if (req.query.areaId) {
      const ids = [...(await areaSubtreeIds(db, req.query.areaId)), ...(await areaAncestorIds(db, req.query.areaId))];
      query = query.where((eb) => eb.or([eb('h.area_id', 'is', null), ...(ids.length ? [eb('h.area_id', 'in', ids)] : [])]));
    }
    const rows = await query.orderBy('h.starts_at').orderBy('h.id').limit(1000).execute();
    const base = baseUrl(req);
    const host = new URL(base).hostname || 'civitas';
    const text = buildCalendar({
      productId: '-//Civitas//Hearings//EN',
      name: zh ? '听证会' : 'Public hearings',
      events: rows.map((r) => {
        const url = `${base}/hearings/${r.id}`;
        const place = (zh && r.location_zh) || r.location;
        const department = (zh && r.name_zh) || r.name;
        const description = [(zh && r.description_zh) || r.description, department, r.online_url ? `${zh ? '线上参加' : 'Online'}: ${r.online_url}` : null, url]
          .filter((part): part is string => Boolean(part && part.trim()))
          .join('\n\n');
        return {
          uid: `hearing-${r.id}@${host}`,
          stamp: r.updated_at,
          start: r.starts_at,
          end: r.ends_at,
          summary: (zh && r.title_zh) || r.title,
          description,
          location: place ?? r.online_url,
          url,
          sequence: r.sequence,
          status: r.status === 'cancelled' ? ('CANCELLED' as const) : ('CONFIRMED' as const),
        };
      }),
    });
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="hearings.ics"').header('cache-control', 'public, max-age=300').send(text);
  });

  app.get('/api/v1/hearings/:id', {
    schema: {
      tags,
      summary: 'A hearing: details, panel, agenda, documents, the caller\'s registration, speakers, minutes with the answers, the response report with its deadline, and what the caller may do',
      params: idParams,
      response: { 200: hearingDetailSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => presentDetail(await existing(req.params.id), req.actor, req.locale));

  async function presentDetail(record: HearingRecord, actor: Actor, locale: Locale): Promise<HearingDetail> {
    const { row, ref, timing } = record;
    const now = clock.now();
    const [calendar, ctx, panel, attachments, minutesFiles, counts, speakers, answers, reportItems, posts, strata, mine, processOpen] = await Promise.all([
      loadCalendar(db),
      summaryContext(db, [row]),
      db
        .selectFrom('hearing_panel as hp')
        .innerJoin('posts as p', 'p.id', 'hp.post_id')
        .innerJoin('organizations as o', 'o.id', 'p.organization_id')
        .select(['hp.role', 'p.id as post_id', 'p.title', 'p.title_zh', 'o.id as org_id', 'o.slug', 'o.name', 'o.name_zh'])
        .where('hp.hearing_id', '=', row.id)
        .orderBy('hp.position')
        .execute(),
      attachmentsOf(db, 'hearing', [row.id]),
      attachmentsOf(db, 'hearing_minutes', [row.id]),
      db
        .selectFrom('hearing_registrations')
        .select([
          sql<number>`count(*)::int`.as('applicants'),
          sql<number>`(count(*) filter (where kind = 'speak'))::int`.as('speak'),
          sql<number>`(count(*) filter (where position = 'for'))::int`.as('for'),
          sql<number>`(count(*) filter (where position = 'against'))::int`.as('against'),
          sql<number>`(count(*) filter (where position = 'neutral'))::int`.as('neutral'),
        ])
        .where('hearing_id', '=', row.id)
        .where('status', '!=', 'withdrawn')
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('hearing_registrations as r')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .leftJoin('organizations as o', 'o.id', 'r.organization_id')
        .select(['r.id', 'r.position', 'r.statement', 'u.display_name', 'o.id as org_id', 'o.slug', 'o.name', 'o.name_zh'])
        .where('r.hearing_id', '=', row.id)
        .where('r.status', '=', 'speaker')
        .orderBy(sql`r.speaker_rank nulls last`)
        .orderBy('r.created_at')
        .execute(),
      db.selectFrom('hearing_answers').selectAll().where('hearing_id', '=', row.id).orderBy('position').execute(),
      db.selectFrom('hearing_report_items').selectAll().where('hearing_id', '=', row.id).orderBy('position').execute(),
      db.selectFrom('posts').select(['id', 'title', 'title_zh']).where('id', 'in', [row.minutes_post_id ?? row.id, row.report_post_id ?? row.id]).execute(),
      strataResolver(db, row.area_id),
      actor.kind === 'user'
        ? db
            .selectFrom('hearing_registrations as r')
            .leftJoin('organizations as o', 'o.id', 'r.organization_id')
            .select(['r.id', 'r.kind', 'r.position', 'r.statement', 'r.status', 'r.seat_rank', 'r.created_at', 'o.id as org_id', 'o.slug', 'o.name', 'o.name_zh'])
            .where('r.hearing_id', '=', row.id)
            .where('r.user_id', '=', actor.id)
            .executeTakeFirst()
        : undefined,
      processRegistrationOpen(db, row, now),
    ]);
    const summary = presentSummary(row, ctx, now, calendar);
    const postRef = (id: string | null) => {
      const post = id ? posts.find((p) => p.id === id) : undefined;
      return post ? { id: post.id, title: post.title, titleZh: post.title_zh } : null;
    };
    const can = (action: HearingAction) => canHearing(actor, action, ref).allow;

    let waitingRank: number | null = null;
    if (mine?.status === 'waiting' && mine.seat_rank !== null) {
      const ahead = await db
        .selectFrom('hearing_registrations')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('hearing_id', '=', row.id)
        .where('status', '=', 'waiting')
        .where('seat_rank', '<', mine.seat_rank)
        .executeTakeFirstOrThrow();
      waitingRank = ahead.n + 1;
    }
    const myStatus = mine?.status ?? null;

    // Why the caller cannot register now: what is closed for everyone first, then who they are.
    const organizations =
      actor.kind === 'user' && !actor.blocked ? actor.memberships.filter((m) => m.role === 'representative' && m.status === 'verified') : [];
    const selfDecision = canHearing(actor, 'hearing.register', { organizationId: null });
    const timingRefusal = registrationRefusal(timing, now, processOpen);
    const registrationBlocked = timingRefusal
      ? refusal(locale, timingRefusal)
      : !selfDecision.allow && organizations.length === 0
        ? refusal(locale, selfDecision.reason)
        : null;
    const registered = myStatus !== null && myStatus !== 'withdrawn';

    return {
      hearing: {
        ...summary,
        description: row.description,
        descriptionZh: row.description_zh,
        legalBasis: row.legal_basis,
        legalBasisZh: row.legal_basis_zh,
        legalReference: row.legal_reference,
        agenda: row.agenda,
        panel: panel.map((m) => ({
          role: m.role,
          post: { id: m.post_id, title: m.title, titleZh: m.title_zh },
          organization: { id: m.org_id, slug: m.slug, name: m.name, nameZh: m.name_zh },
        })),
        attachments: attachments.get(row.id) ?? [],
        stratification: row.stratification,
        quotas: row.stratification === 'quotas' ? row.quotas : null,
        drawPublicSource: row.draw_public_source,
        agendaQuestions: row.agenda_questions,
        responseWorkingDays: row.response_working_days,
        reportDueAt: row.report_due_at.toISOString(),
        reportOverdueAt: row.report_overdue_at?.toISOString() ?? null,
        drawnAt: row.drawn_at?.toISOString() ?? null,
        cancelledAt: row.cancelled_at?.toISOString() ?? null,
        cancelReason: row.cancel_reason,
        createdAt: row.created_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
        counts: { applicants: counts.applicants, wantToSpeak: counts.speak, for: counts.for, against: counts.against, neutral: counts.neutral },
      },
      strata: strata.options,
      myRegistration: mine
        ? {
            id: mine.id,
            kind: mine.kind,
            position: mine.position,
            statement: mine.statement,
            status: mine.status,
            organization: mine.org_id ? { id: mine.org_id, slug: mine.slug!, name: mine.name!, nameZh: mine.name_zh } : null,
            waitingRank,
            createdAt: mine.created_at.toISOString(),
          }
        : null,
      registrationBlocked,
      organizations: organizations.map((m) => ({ id: m.organizationId, slug: m.slug, name: m.name, nameZh: m.nameZh })),
      speakers: speakers.map((s) => ({
        registrationId: s.id,
        displayName: s.display_name,
        organization: s.org_id ? { id: s.org_id, slug: s.slug!, name: s.name!, nameZh: s.name_zh } : null,
        position: s.position,
        statement: s.statement,
      })),
      minutes:
        row.minutes !== null && row.minutes_recorded_at
          ? { text: row.minutes, textZh: row.minutes_zh, attachments: minutesFiles.get(row.id) ?? [], recordedAt: row.minutes_recorded_at.toISOString(), post: postRef(row.minutes_post_id) }
          : null,
      answers: answers.map((a) => ({ id: a.id, submissionId: a.submission_id, question: a.question, questionZh: a.question_zh, askedBy: a.asked_by, answer: a.answer, answerZh: a.answer_zh })),
      report:
        row.report_published_at && row.report_summary !== null
          ? {
              summary: row.report_summary,
              summaryZh: row.report_summary_zh,
              items: reportItems.map((i) => ({
                id: i.id,
                submissionId: i.submission_id,
                opinion: i.opinion,
                opinionZh: i.opinion_zh,
                decision: i.decision,
                response: i.response,
                responseZh: i.response_zh,
                reference: i.reference,
              })),
              publishedAt: row.report_published_at.toISOString(),
              post: postRef(row.report_post_id),
              department: summary.department,
            }
          : null,
      abilities: {
        update: can('hearing.update') && editRefusal(timing, now) === null,
        updatePlaces: can('hearing.update') && editRefusal(timing, now) === null && row.drawn_at === null,
        cancel: can('hearing.cancel') && cancelRefusal(timing, now) === null,
        register: registrationBlocked === null,
        withdraw: actor.kind === 'user' && withdrawRefusal(timing, now, myStatus) === null,
        submit: registered && submitRefusal(timing, now) === null,
        draw: can('hearing.draw') && drawRefusal(timing, now) === null,
        readRegistrations: can('hearing.readRegistrations'),
        recordMinutes: can('hearing.recordMinutes') && minutesRefusal(timing, now) === null,
        publishReport: can('hearing.publishReport') && reportRefusal(timing, now) === null,
      },
    };
  }

  app.patch('/api/v1/hearings/:id', {
    schema: {
      tags,
      summary: 'Change a hearing until it starts (officials of the department, administrators); places and registration dates only until the draw',
      params: idParams,
      body: updateHearingSchema,
      response: { 200: z.object({ id: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await existing(req.params.id);
    authorize(canHearing(actor, 'hearing.update', record.ref));
    orFail(await updateHearing(deps, actor, { ...req.body, id: record.row.id }));
    return { id: record.row.id };
  });

  app.post('/api/v1/hearings/:id/cancel', {
    schema: {
      tags,
      summary: 'Cancel a hearing before it starts, with the reason in public (officials of the department, administrators)',
      params: idParams,
      body: cancelSchema,
      response: { 200: z.object({ id: z.string(), stage: z.literal('cancelled') }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await existing(req.params.id);
    authorize(canHearing(actor, 'hearing.cancel', record.ref));
    orFail(await cancelHearing(deps, actor, { id: record.row.id, reason: req.body.reason }));
    return { id: record.row.id, stage: 'cancelled' as const };
  });

  app.put('/api/v1/hearings/:id/registration', {
    schema: {
      tags,
      summary: "Apply to attend or to speak, with one's position and a short statement, while registration is open (verified residents; representatives for their organization); again to change it",
      params: idParams,
      body: registerSchema,
      response: { 200: z.object({ id: z.string(), status: registrationStatusSchema, created: z.boolean() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await existing(req.params.id);
    authorize(canHearing(actor, 'hearing.register', { organizationId: req.body.organizationId ?? null }));
    return orFail(await registerForHearing(deps, actor, { ...req.body, hearingId: record.row.id }));
  });

  app.delete('/api/v1/hearings/:id/registration', {
    schema: {
      tags,
      summary: "Withdraw one's application until the hearing starts; after the draw the place goes to the next in line",
      params: idParams,
      response: { 200: z.object({ promoted: z.number() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await existing(req.params.id);
    authorize(canHearing(actor, 'hearing.withdrawRegistration', record.ref));
    return orFail(await withdrawRegistration(deps, actor, { hearingId: record.row.id }));
  });

  app.get('/api/v1/hearings/:id/registrations', {
    schema: {
      tags,
      summary: 'Everyone who applied, with names, positions and places (officials of the department, administrators)',
      params: idParams,
      response: { 200: registrationListSchema, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await existing(req.params.id);
    authorize(canHearing(actor, 'hearing.readRegistrations', record.ref));
    const rows = await db
      .selectFrom('hearing_registrations as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .leftJoin('organizations as o', 'o.id', 'r.organization_id')
      .select(['r.id', 'r.kind', 'r.position', 'r.statement', 'r.status', 'r.stratum', 'r.seat_rank', 'r.speaker_rank', 'r.assisted_by', 'r.created_at', 'u.id as user_id', 'u.display_name', 'o.id as org_id', 'o.slug', 'o.name', 'o.name_zh'])
      .where('r.hearing_id', '=', record.row.id)
      .orderBy(sql`case r.status when 'speaker' then 0 when 'attendee' then 1 when 'applied' then 2 when 'waiting' then 3 else 4 end`)
      .orderBy(sql`coalesce(r.speaker_rank, r.seat_rank) nulls last`)
      .orderBy('r.created_at')
      .execute();
    let waiting = 0;
    return {
      registrations: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        position: r.position,
        statement: r.statement,
        status: r.status,
        organization: r.org_id ? { id: r.org_id, slug: r.slug!, name: r.name!, nameZh: r.name_zh } : null,
        waitingRank: r.status === 'waiting' ? ++waiting : null,
        createdAt: r.created_at.toISOString(),
        user: { id: r.user_id, displayName: r.display_name },
        stratum: r.stratum,
        assisted: r.assisted_by !== null,
      })),
    };
  });

  app.get('/api/v1/hearings/:id/draw', {
    schema: {
      tags,
      summary: 'The draw, for anyone to re-run: the announced public source and value, the seed, the pseudonymous applicant list with strata (once registration closed), the settings and the result',
      params: idParams,
      response: { 200: drawRecordSchema, ...errorResponses(400, 404) },
    },
  }, async (req): Promise<DrawRecord> => {
    const { row } = await existing(req.params.id);
    const now = clock.now();
    const strata = await strataResolver(db, row.area_id);
    if (row.drawn_at) {
      const draw = await db.selectFrom('hearing_draws').selectAll().where('hearing_id', '=', row.id).executeTakeFirstOrThrow();
      const stored = draw.record as unknown as StoredDrawRecord;
      const post = draw.post_id ? await db.selectFrom('posts').select(['id', 'title', 'title_zh']).where('id', '=', draw.post_id).executeTakeFirst() : undefined;
      return {
        ...stored,
        status: 'drawn',
        applicantCount: stored.applicants.length,
        drawnAt: draw.drawn_at.toISOString(),
        post: post ? { id: post.id, title: post.title, titleZh: post.title_zh } : null,
        strata: strata.options,
      };
    }
    const stratification = stratificationOf(row);
    const open = now.getTime() < row.registration_closes_at.getTime();
    const registrations = await db
      .selectFrom('hearing_registrations')
      .select(['id', 'kind', 'area_id'])
      .where('hearing_id', '=', row.id)
      .where('status', '=', 'applied')
      .orderBy('id')
      .execute();
    return {
      algorithm: SORTITION_ALGORITHM,
      hearingId: row.id,
      status: open ? 'open' : 'pending',
      lot: null,
      publicSource: row.draw_public_source,
      publicValue: null,
      seed: null,
      seats: row.seats,
      speakingSlots: row.speaking_slots,
      stratification: { mode: stratification.mode, quotas: stratification.mode === 'quotas' ? stratification.quotas : null },
      // While registration is open the list still changes; it is published, and fixed, once it closes.
      applicants: open ? null : registrations.map((r) => ({ id: r.id, stratum: strata.of(r.area_id), speak: r.kind === 'speak' })),
      applicantCount: registrations.length,
      result: null,
      drawnAt: null,
      post: null,
      strata: strata.options,
    };
  });

  app.post('/api/v1/hearings/:id/draw', {
    schema: {
      tags,
      summary: 'Allocate places after registration closed (officials of the department, administrators): by lot from the announced public value when oversubscribed, else everyone is admitted',
      params: idParams,
      body: drawSchema,
      response: { 200: z.object({ lot: z.boolean(), speakers: z.number(), attendees: z.number(), waiting: z.number() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await existing(req.params.id);
    authorize(canHearing(actor, 'hearing.draw', record.ref));
    return orFail(await drawPlaces(deps, actor, { hearingId: record.row.id, publicValue: req.body.publicValue }));
  });

  app.get('/api/v1/hearings/:id/submissions', {
    schema: {
      tags,
      summary: 'Written questions and opinions, most co-signed first (ties: earliest first); the top questions are on the agenda',
      params: idParams,
      querystring: z.object({ kind: submissionKindSchema.optional() }),
      response: { 200: submissionsResponseSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const actor = req.actor;
    const { row, timing } = await existing(req.params.id);
    const now = clock.now();
    const [list, registration] = await Promise.all([
      listSubmissions(db, actor, { hearingId: row.id, agendaQuestions: row.agenda_questions, kind: req.query.kind }),
      actor.kind === 'user' ? activeRegistration(db, row.id, actor.id) : undefined,
    ]);
    const timingRefusal = submitRefusal(timing, now);
    const signedIn = actor.kind === 'user' && !actor.blocked;
    const submitBlocked = timingRefusal
      ? refusal(req.locale, timingRefusal)
      : !signedIn
        ? refusal(req.locale, 'not_authenticated')
        : !registration
          ? refusal(req.locale, 'registration_required')
          : null;
    return {
      submissions: list.map((s) => ({
        id: s.id,
        kind: s.kind,
        body: s.body,
        author: { displayName: s.displayName, organization: s.organization },
        cosignsCount: s.cosignsCount,
        cosignedByMe: s.cosignedByMe,
        mine: actor.kind === 'user' && s.authorId === actor.id,
        hidden: s.hidden,
        rank: s.rank,
        onAgenda: s.onAgenda,
        createdAt: s.createdAt.toISOString(),
        canCosign: submitBlocked === null && !s.hidden && !(actor.kind === 'user' && s.authorId === actor.id),
      })),
      agendaQuestions: row.agenda_questions,
      abilities: { submit: submitBlocked === null },
      submitBlocked,
    };
  });

  app.post('/api/v1/hearings/:id/submissions', {
    schema: {
      tags,
      summary: 'Send a written question or opinion before the hearing (people registered for it)',
      params: idParams,
      body: submissionInputSchema,
      response: { 201: z.object({ id: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    const record = await existing(req.params.id);
    authorize(canHearing(actor, 'hearing.submit', record.ref));
    const created = orFail(await submitQuestion(deps, actor, { hearingId: record.row.id, kind: req.body.kind, body: req.body.body }));
    reply.status(201);
    return created;
  });

  const cosignParams = z.object({ id: idSchema, submissionId: idSchema });

  app.post('/api/v1/hearings/:id/submissions/:submissionId/cosign', {
    schema: {
      tags,
      summary: 'Co-sign a written question or opinion before the hearing (people registered for it, not its author)',
      params: cosignParams,
      body: z.strictObject({}).nullish(),
      response: { 200: cosignResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await existing(req.params.id);
    authorize(canHearing(actor, 'hearing.cosign', record.ref));
    return orFail(await cosignSubmission(deps, actor, { hearingId: record.row.id, submissionId: req.params.submissionId, cosign: true }));
  });

  app.delete('/api/v1/hearings/:id/submissions/:submissionId/cosign', {
    schema: {
      tags,
      summary: 'Take back a co-signature before the hearing',
      params: cosignParams,
      response: { 200: cosignResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await existing(req.params.id);
    authorize(canHearing(actor, 'hearing.cosign', record.ref));
    return orFail(await cosignSubmission(deps, actor, { hearingId: record.row.id, submissionId: req.params.submissionId, cosign: false }));
  });

  app.put('/api/v1/hearings/:id/minutes', {
    schema: {
      tags,
      summary: "Record (or correct) the minutes and the questions asked with the panel's answers, once the hearing has started (officials of the department)",
      params: idParams,
      body: minutesInputSchema,
      response: { 200: z.object({ id: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await existing(req.params.id);
    authorize(canHearing(actor, 'hearing.recordMinutes', record.ref));
    orFail(await recordMinutes(deps, actor, { ...req.body, hearingId: record.row.id }));
    return { id: record.row.id };
  });

  app.post('/api/v1/hearings/:id/report', {
    schema: {
      tags,
      summary: "Publish the government's response report: what it will do about each main opinion (officials of the department; once, after the hearing)",
      params: idParams,
      body: reportInputSchema,
      response: { 201: z.object({ id: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    const record = await existing(req.params.id);
    authorize(canHearing(actor, 'hearing.publishReport', record.ref));
    orFail(await publishReport(deps, actor, { ...req.body, hearingId: record.row.id }));
    reply.status(201);
    return { id: record.row.id };
  });
}
