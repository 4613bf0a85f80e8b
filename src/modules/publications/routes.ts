import { z } from 'zod';
import { attachmentsOf } from '../../core/attachments/attachments.js';
import type { App, AppContext } from '../../core/http/context.js';
import { authorize, notFound, requireUser, publicBaseUrl } from '../../core/http/context.js';
import { orFail } from '../../core/errors.js';
import { errorResponses, idSchema } from '../../core/http/schemas.js';
import type { Actor } from '../../core/permissions/actor.js';
import { loadCalendar } from '../../core/calendar/load-calendar.js';
import { localDate } from '../../core/calendar/working-days.js';
import { areaSubtreeIds } from '../../core/areas/routes.js';
import { actsForDepartment, canPublication } from './policy.js';
import { categoryLabels } from './messages.js';
import { deleteRefusal, editRefusal, MAX_PUBLICATION_ATTACHMENTS, MAX_PUBLICATION_LINKS, publishRefusal, validityOf, withdrawRefusal } from './rules.js';
import { PUBLICATION_CATEGORIES } from './tables.js';
import {
  createdSchema,
  createSchema,
  detailSchema,
  feedQuerySchema,
  listQuerySchema,
  listResponseSchema,
  optionsSchema,
  stateSchema,
  updateSchema,
  withdrawSchema,
  type PublicationSummary,
} from './schemas.js';
import { describeLinks, loadPublication, publicationEvents, type PublicationRow } from './queries/load-publication.js';
import { draftScope, listPublications, type ListedPublication } from './queries/list-publications.js';
import { governmentDepartments, linkTargets } from './queries/options.js';
import { publicationPath } from './operations/publication-input.js';
import { createPublication } from './operations/create-publication.js';
import { updatePublication } from './operations/update-publication.js';
import { publishPublication } from './operations/publish-publication.js';
import { deleteDraft, withdrawPublication } from './operations/withdraw-publication.js';
import { renderAtom } from '../../core/feeds/atom.js';

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 240 ? `${flat.slice(0, 239)}…` : flat;
}

type SummaryRow = Pick<
  ListedPublication,
  'id' | 'title' | 'summary' | 'category' | 'status' | 'area_id' | 'document_date' | 'valid_from' | 'valid_until' | 'published_at' | 'corrected_at' | 'withdrawn_at'
>;

function presentSummary(r: SummaryRow, department: PublicationSummary['department'], attachmentCount: number, today: string): PublicationSummary {
  return {
    id: r.id,
    title: r.title,
    excerpt: excerpt(r.summary),
    category: r.category,
    status: r.status,
    department,
    areaId: r.area_id,
    documentDate: r.document_date,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    validity: validityOf(r.valid_from, r.valid_until, today),
    publishedAt: r.published_at?.toISOString() ?? null,
    correctedAt: r.corrected_at?.toISOString() ?? null,
    withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
    attachmentCount,
  };
}

/**
 * The publication register: the public list with full-text search (inside attachments too) and
 * filters, one publication with its files, links and history, the departments' officials' create,
 * edit (corrections with a note once published), publish, withdraw and draft deletion, the form's
 * options, and Atom feeds per department and category.
 */
export function publicationRoutes(app: App, { deps, catalog, config, resources }: AppContext): void {
  const { db, clock } = deps;
  const tags = ['publications'];
  const idParams = z.object({ id: idSchema });

  async function today(): Promise<string> {
    return localDate(clock.now(), await loadCalendar(db));
  }

  /** A publication the actor may read; others get the same 404 as a missing one. */
  async function visiblePublication(id: string, actor: Actor) {
    const record = await loadPublication(db, id);
    if (!record || !canPublication(actor, 'publication.read', record.ref).allow) notFound();
    return record;
  }

  app.get('/api/v1/publications', {
    schema: {
      tags,
      summary: 'The publication register: search titles, summaries and the text inside attached files (English or Chinese), filter by department, category, area, document date and (staff) status; latest publications first',
      querystring: listQuerySchema,
      response: { 200: listResponseSchema, ...errorResponses(400) },
    },
  }, async (req) => {
    const query = req.query;
    const [areaIds, day] = await Promise.all([query.areaId ? areaSubtreeIds(db, query.areaId) : Promise.resolve(undefined), today()]);
    const { rows, total } = await listPublications(db, req.actor, {
      q: query.q,
      departmentId: query.departmentId,
      category: query.category,
      areaIds,
      from: query.from,
      to: query.to,
      status: query.status,
      limit: query.limit,
      offset: query.offset,
    });
    const scope = draftScope(req.actor);
    return {
      publications: rows.map((r) => presentSummary(r, { id: r.department_id, slug: r.dept_slug, name: r.dept_name, nameZh: r.dept_name_zh }, r.attachment_count ?? 0, day)),
      total,
      abilities: { create: scope === 'all' || scope.length > 0, drafts: scope === 'all' || scope.length > 0 },
    };
  });

  app.get('/api/v1/publications/options', {
    schema: {
      tags,
      summary: 'What the register page and the form offer: the departments, those the caller may publish for, the categories, and records to link (published processes and hearings)',
      response: { 200: optionsSchema },
    },
  }, async (req) => {
    const departments = await governmentDepartments(db);
    const mine = departments.filter((d) => actsForDepartment(req.actor, d.id)).map((d) => d.id);
    return {
      departments,
      myDepartmentIds: mine,
      categories: [...PUBLICATION_CATEGORIES],
      linkTargets: mine.length > 0 ? await linkTargets(db) : [],
      maxAttachments: MAX_PUBLICATION_ATTACHMENTS,
      maxLinks: MAX_PUBLICATION_LINKS,
    };
  });

  app.post('/api/v1/publications', {
    schema: {
      tags,
      summary: "Prepare a document for the register (officials of the department, administrators): a draft only the department sees, or published at once with `publish`",
      body: createSchema,
      response: { 201: createdSchema, ...errorResponses(400, 401, 403) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    authorize(canPublication(actor, 'publication.create', { departmentId: req.body.departmentId }));
    const created = orFail(await createPublication({ ...deps, resources }, actor, req.body));
    reply.status(201);
    return created;
  });

  app.get('/api/v1/publications.atom', {
    schema: {
      tags,
      summary: 'An Atom 1.0 feed of the register (latest 50 publications and withdrawals), for one department (its slug) and/or one category',
      querystring: feedQuerySchema,
      response: { 200: z.string().describe('application/atom+xml'), ...errorResponses(400, 404) },
    },
  }, async (req, reply) => {
    const locale = req.locale;
    const pick = (en: string, zh: string | null) => (locale === 'zh-CN' && zh ? zh : en);
    const department = req.query.department
      ? ((await db
          .selectFrom('organizations')
          .select(['id', 'slug', 'name', 'name_zh'])
          .where('slug', '=', req.query.department)
          .where('sector', '=', 'government')
          .where('status', '=', 'verified')
          .executeTakeFirst()) ?? notFound())
      : null;
    const category = req.query.category ?? null;
    let query = db
      .selectFrom('publications as p')
      .innerJoin('organizations as d', 'd.id', 'p.department_id')
      .select(['p.id', 'p.title', 'p.summary', 'p.category', 'p.status', 'p.published_at', 'p.corrected_at', 'p.withdrawn_at', 'p.withdrawal_reason', 'p.document_date', 'd.name', 'd.name_zh'])
      .where('p.status', '<>', 'draft');
    if (department) query = query.where('p.department_id', '=', department.id);
    if (category) query = query.where('p.category', '=', category);
    const rows = await query.orderBy('p.published_at', 'desc').orderBy('p.id').limit(50).execute();
    const [notes] = await Promise.all([
      rows.length > 0
        ? db
            .selectFrom('publication_events')
            .select(['publication_id', 'note', 'at'])
            .where('kind', '=', 'corrected')
            .where('publication_id', 'in', rows.map((r) => r.id))
            .orderBy('at', 'desc')
            .execute()
        : Promise.resolve([]),
    ]);
    const lastNote = new Map<string, string | null>();
    for (const n of notes) if (!lastNote.has(n.publication_id)) lastNote.set(n.publication_id, n.note);
    const base = publicBaseUrl(config, req);
    const params = new URLSearchParams();
    if (department) params.set('department', department.slug);
    if (category) params.set('category', category);
    const qs = params.toString() ? `?${params.toString()}` : '';
    const filters = [department ? pick(department.name, department.name_zh) : null, category ? (locale === 'zh-CN' ? categoryLabels[category]!.zh : categoryLabels[category]!.en) : null].filter(Boolean);
    const latest = (r: (typeof rows)[number]) => new Date(Math.max(...[r.published_at, r.corrected_at, r.withdrawn_at].filter((d): d is Date => d !== null).map((d) => d.getTime())));
    const xml = renderAtom({
      id: `${base}/api/v1/publications.atom${qs}`,
      title: filters.length > 0 ? catalog.t(locale, 'publications.feed.titleOf', { filter: filters.join(' · ') }) : catalog.t(locale, 'publications.feed.title'),
      subtitle: catalog.t(locale, 'publications.feed.subtitle'),
      selfLink: `${base}/api/v1/publications.atom${qs}`,
      alternateLink: `${base}/publications${department || category ? `?${new URLSearchParams({ ...(department ? { department: department.id } : {}), ...(category ? { category } : {}) }).toString()}` : ''}`,
      updated: rows.length > 0 ? new Date(Math.max(...rows.map((r) => latest(r).getTime()))) : new Date(0),
      authorName: department ? pick(department.name, department.name_zh) : catalog.t(locale, 'publications.feed.government'),
      language: locale,
      entries: rows.map((r) => {
        const note = lastNote.get(r.id);
        const parts = [
          ...(r.status === 'withdrawn' && r.withdrawal_reason ? [catalog.t(locale, 'publications.feed.withdrawn', { reason: r.withdrawal_reason })] : []),
          ...(note ? [catalog.t(locale, 'publications.feed.corrected', { note })] : []),
          r.summary,
        ];
        return {
          id: `urn:uuid:${r.id}`,
          title: r.title,
          link: `${base}${publicationPath(r.id)}`,
          published: r.published_at!,
          updated: latest(r),
          authorName: pick(r.name, r.name_zh),
          summary: excerpt(r.summary),
          content: parts.join('\n\n'),
          categories: [r.category, r.status],
        };
      }),
    });
    return reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(xml);
  });

  app.get('/api/v1/publications/:id', {
    schema: {
      tags,
      summary: 'A publication: summary, department, dates and validity (in force or expired), files, the records it concerns, its public history (corrections, withdrawal), and what the caller may do',
      params: idParams,
      response: { 200: detailSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const actor = req.actor;
    const { row, ref } = await visiblePublication(req.params.id, actor);
    return presentDetail(row, ref, actor);
  });

  async function presentDetail(row: PublicationRow, ref: { status: PublicationRow['status']; departmentId: string }, actor: Actor) {
    const now = clock.now();
    const [day, dept, attachments, links, events] = await Promise.all([
      today(),
      db.selectFrom('organizations').select(['id', 'slug', 'name', 'name_zh']).where('id', '=', row.department_id).executeTakeFirstOrThrow(),
      attachmentsOf(db, 'publication', [row.id]),
      describeLinks(db, resources, row.id, actor, now),
      publicationEvents(db, row.id),
    ]);
    const files = attachments.get(row.id) ?? [];
    const manage = canPublication(actor, 'publication.manage', ref).allow;
    const linkInputs = manage
      ? (await db.selectFrom('publication_links').select(['target_type', 'target_id']).where('publication_id', '=', row.id).orderBy('position').execute()).map((l) => ({ type: l.target_type, id: l.target_id }))
      : null;
    return {
      publication: {
        ...presentSummary(row, { id: dept.id, slug: dept.slug, name: dept.name, nameZh: dept.name_zh }, files.length, day),
        summary: row.summary,
        withdrawalReason: row.withdrawal_reason,
        createdAt: row.created_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
        attachments: files,
      },
      links,
      events,
      abilities: {
        edit: manage && editRefusal(row.status) === null,
        publish: manage && publishRefusal(row.status) === null,
        withdraw: manage && withdrawRefusal(row.status) === null,
        delete: manage && deleteRefusal(row.status) === null,
      },
      linkInputs,
    };
  }

  app.put('/api/v1/publications/:id', {
    schema: {
      tags,
      summary: "Edit a publication (officials of its department, administrators): a draft freely; a published one as a public correction with a change note; a withdrawn one not at all",
      params: idParams,
      body: updateSchema,
      response: { 200: stateSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const { row, ref } = await visiblePublication(req.params.id, actor);
    authorize(canPublication(actor, 'publication.manage', ref));
    orFail(await updatePublication({ ...deps, resources }, actor, { id: row.id, ...req.body }));
    return { id: row.id, status: row.status };
  });

  app.post('/api/v1/publications/:id/publish', {
    schema: {
      tags,
      summary: 'Put a draft in the register now (officials of its department, administrators); the publication date is today',
      params: idParams,
      body: z.strictObject({}).nullish(),
      response: { 200: stateSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const { row, ref } = await visiblePublication(req.params.id, actor);
    authorize(canPublication(actor, 'publication.manage', ref));
    orFail(await publishPublication(deps, actor, { id: row.id }));
    return { id: row.id, status: 'published' as const };
  });

  app.post('/api/v1/publications/:id/withdraw', {
    schema: {
      tags,
      summary: 'Withdraw a published document with a public reason (officials of its department, administrators); it stays in the register, marked withdrawn',
      params: idParams,
      body: withdrawSchema,
      response: { 200: stateSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const { row, ref } = await visiblePublication(req.params.id, actor);
    authorize(canPublication(actor, 'publication.manage', ref));
    orFail(await withdrawPublication(deps, actor, { id: row.id, reason: req.body.reason }));
    return { id: row.id, status: 'withdrawn' as const };
  });

  app.delete('/api/v1/publications/:id', {
    schema: {
      tags,
      summary: 'Delete a draft that was never published (officials of its department, administrators); published documents are withdrawn, never deleted',
      params: idParams,
      response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    const { row, ref } = await visiblePublication(req.params.id, actor);
    authorize(canPublication(actor, 'publication.manage', ref));
    orFail(await deleteDraft(deps, actor, { id: row.id }));
    return reply.code(204).send(null);
  });
}
