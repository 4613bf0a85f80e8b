import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../core/http/context.js';
import { authorize, notFound, requireUser } from '../../core/http/context.js';
import { fail, FailureError, orFail, type FieldError } from '../../core/errors.js';
import { errorResponses, idSchema } from '../../core/http/schemas.js';
import type { UserActor } from '../../core/permissions/actor.js';
import { loadCalendar } from '../../core/calendar/load-calendar.js';
import { canSupervision } from './policy.js';
import { allBodyIds, bodiesOf } from './queries/load-complaint.js';
import { deadlineView, orgRefs, presentComplaints } from './queries/present.js';
import { handlerComplaints, handlerReports } from './queries/list-cases.js';
import {
  concludeReportSchema,
  handlerMessageSchema,
  handlerReportSchema,
  keyStatusSchema,
  passphraseSchema,
  queueSchema,
  receiptAccessSchema,
  reporterReplySchema,
  reporterViewSchema,
  submitReportSchema,
} from './schemas.js';
import { submitReport } from './operations/submit-report.js';
import { openWithReceipt, reporterReply, reporterThread, type OpenedReport } from './operations/reporter-access.js';
import { decryptFile, decryptReport, type DecryptedReport, type EvidenceFile } from './operations/report-store.js';
import { concludeReport, messageReporter, openForHandler, reportRef, reviewReport, shareAccess } from './operations/handle-report.js';
import { forgetUnlockedKey, rememberUnlockedKey, setUpHandlerKey, UNLOCK_HOURS, unlockedKey, unlockHandlerKey } from './operations/handler-keys.js';
import { eligibleHandlers, loadSupervisionSettings } from './settings.js';
import { formatReceipt } from './crypto.js';
import { ReceiptGuard, receiptGuardSettings } from './receipt-guard.js';

/** The http-only cookie holding the secret that opens the handler's unlocked key (see handler-keys.ts). */
export const UNLOCK_COOKIE = 'civitas_supervision_key';
const COOKIE_PATH = '/api/v1/supervision';

/**
 * The anonymous routes' options: no request logging at all (no address, browser, path or time of a
 * reporter's request reaches the logs; errors included), and a route-level marker for readers.
 * The pages call them without cookies; nothing here reads the session or sets a cookie.
 */
const ANONYMOUS = { logLevel: 'silent' as const };

/**
 * Anonymous reports: submitting (no account), the reporter's way back with the receipt (read the
 * thread, answer, add evidence), and the handlers' side: their supervision key (set up, unlock,
 * lock), the queue of complaints and reports sorted by deadline, reading a report, writing to the
 * reporter, concluding it, and sharing access with colleagues who set up a key later.
 */
export function reportRoutes(app: App, { deps, config }: AppContext): void {
  const { db, clock } = deps;
  const tags = ['supervision'];
  const idParams = z.object({ id: idSchema });
  const guard = new ReceiptGuard(receiptGuardSettings.options, () => clock.now().getTime());
  const secureCookie = config.PUBLIC_URL?.startsWith('https://') ?? false;

  function decodeFiles(files: { fileName: string; contentBase64: string }[] | undefined): EvidenceFile[] {
    const fields: FieldError[] = [];
    const out = (files ?? []).map((f, i) => {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(f.contentBase64)) fields.push({ path: `files.${i}`, code: 'attachment_invalid' });
      return { fileName: f.fileName, bytes: Buffer.from(f.contentBase64, 'base64') };
    });
    if (fields.length > 0) throw new FailureError(fail('validation_failed', { fields }));
    return out;
  }

  /** A receipt lookup behind the guard: refused while the client or everyone is over the limit, slowed after failures. */
  async function withReceipt(req: FastifyRequest, receipt: string): Promise<OpenedReport> {
    const client = req.ip;
    const wait = guard.refusal(client);
    if (wait !== null) throw new FailureError(fail('receipt_rate_limited', { params: { seconds: wait } }));
    const delay = guard.delayMs(client);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const opened = await openWithReceipt(db, receipt);
    if (!opened.ok) {
      guard.recordFailure(client);
      throw new FailureError(opened);
    }
    guard.recordSuccess(client);
    return opened.value;
  }

  async function presentForReporter(report: DecryptedReport) {
    const [orgs, settings] = await Promise.all([orgRefs(db, [report.bodyId, report.departmentId]), loadSupervisionSettings(db)]);
    return {
      state: report.state,
      outcome: report.outcome,
      receivedOn: report.receivedOn,
      concludedOn: report.concludedOn,
      dueAt: report.dueAt.toISOString(),
      overdue: report.overdue,
      awaitingReporter: report.awaitingReporter,
      body: orgs.get(report.bodyId)!,
      department: report.departmentId ? (orgs.get(report.departmentId) ?? null) : null,
      category: report.content.category,
      description: report.content.description,
      conclusion: report.conclusion,
      files: report.files,
      messages: report.messages,
      retentionDays: settings.retentionDays,
    };
  }

  app.post('/api/v1/supervision/anonymous/reports', {
    ...ANONYMOUS,
    bodyLimit: 20 * 1024 * 1024,
    schema: {
      tags,
      summary: 'Submit an anonymous report (no account, no cookie; nothing about the sender is stored or logged). Returns the 16-digit receipt, the only way back to the report',
      body: submitReportSchema,
      response: { 201: z.object({ receipt: z.string(), formatted: z.string() }), ...errorResponses(400, 409, 413) },
    },
  }, async (req, reply) => {
    const created = orFail(await submitReport(deps, { departmentId: req.body.departmentId ?? null, category: req.body.category, description: req.body.description, files: decodeFiles(req.body.files) }));
    reply.status(201).header('cache-control', 'no-store');
    return { receipt: created.receipt, formatted: formatReceipt(created.receipt) };
  });

  app.post('/api/v1/supervision/anonymous/access', {
    ...ANONYMOUS,
    schema: {
      tags,
      summary: "Open your anonymous report with its receipt: its stage, the handlers' messages and questions, the conclusion (rate-limited; a wrong receipt gives a generic error)",
      body: receiptAccessSchema,
      response: { 200: reporterViewSchema, ...errorResponses(400, 404, 429) },
    },
  }, async (req, reply) => {
    const opened = await withReceipt(req, req.body.receipt);
    reply.header('cache-control', 'no-store');
    return presentForReporter(await reporterThread(db, opened));
  });

  app.post('/api/v1/supervision/anonymous/reply', {
    ...ANONYMOUS,
    bodyLimit: 20 * 1024 * 1024,
    schema: {
      tags,
      summary: 'Answer the handlers or add information and evidence to your anonymous report, with its receipt',
      body: reporterReplySchema,
      response: { 200: reporterViewSchema, ...errorResponses(400, 404, 409, 413, 429) },
    },
  }, async (req, reply) => {
    const files = decodeFiles(req.body.files);
    const opened = await withReceipt(req, req.body.receipt);
    orFail(await reporterReply(deps, opened, { text: req.body.text, files }));
    reply.header('cache-control', 'no-store');
    return presentForReporter(await reporterThread(db, opened));
  });

  // ---------------------------------------------------------------------------------------------
  // Handlers

  /** The actor's supervisory bodies, refusing anyone who holds no post in one. */
  async function handlerBodies(actor: UserActor): Promise<string[]> {
    authorize(canSupervision(actor, 'supervision.work', { supervisoryBodyIds: await allBodyIds(db) }));
    return bodiesOf(db, actor);
  }

  async function privateKeyOf(req: FastifyRequest, actor: UserActor): Promise<Buffer | null> {
    if (!req.session) return null;
    return unlockedKey(db, { sessionId: req.session.id, userId: actor.id, secret: req.cookies?.[UNLOCK_COOKIE] ?? null, now: clock.now() });
  }

  async function keyStatus(req: FastifyRequest, actor: UserActor) {
    const row = await db.selectFrom('supervision_handler_keys').select('user_id').where('user_id', '=', actor.id).executeTakeFirst();
    return { setUp: Boolean(row), unlocked: Boolean(row) && (await privateKeyOf(req, actor)) !== null };
  }

  async function requireKey(req: FastifyRequest, actor: UserActor): Promise<Buffer> {
    const key = await privateKeyOf(req, actor);
    if (key) return key;
    const row = await db.selectFrom('supervision_handler_keys').select('user_id').where('user_id', '=', actor.id).executeTakeFirst();
    throw new FailureError(fail(row ? 'key_locked' : 'key_not_set_up'));
  }

  async function remember(req: FastifyRequest, reply: FastifyReply, actor: UserActor, privateKey: Buffer) {
    const session = req.session!;
    const expiresAt = new Date(Math.min(clock.now().getTime() + UNLOCK_HOURS * 3_600_000, clock.now().getTime() + config.SESSION_TTL_HOURS * 3_600_000));
    const secret = await rememberUnlockedKey(db, { sessionId: session.id, userId: actor.id, privateKey, expiresAt });
    reply.setCookie(UNLOCK_COOKIE, secret, { path: COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure: secureCookie, expires: expiresAt });
  }

  /** A report the handler may handle (404 for anyone else), opened with their unlocked key. */
  async function handlerReport(req: FastifyRequest, actor: UserActor, id: string) {
    await handlerBodies(actor);
    const row = await db.selectFrom('supervision_reports').select(['id', 'body_id', 'department_id', 'state']).where('id', '=', id).executeTakeFirst();
    if (!row || !canSupervision(actor, 'report.handle', await reportRef(db, row)).allow) notFound();
    const privateKey = await requireKey(req, actor);
    const key = orFail(await openForHandler(db, actor, row.id, privateKey));
    return { row, key };
  }

  app.get('/api/v1/supervision/key', {
    schema: { tags, summary: "Whether the caller's supervision key is set up and unlocked for this session (handlers)", response: { 200: keyStatusSchema, ...errorResponses(401, 403) } },
  }, async (req) => {
    const actor = requireUser(req);
    await handlerBodies(actor);
    return keyStatus(req, actor);
  });

  app.post('/api/v1/supervision/key', {
    schema: {
      tags,
      summary: 'Set up your supervision key (handlers, once): a key pair whose private half is stored only sealed by your passphrase; it is unlocked for this session',
      body: z.strictObject({ passphrase: z.string().min(12).max(256) }),
      response: { 201: keyStatusSchema, ...errorResponses(400, 401, 403, 409) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    await handlerBodies(actor);
    const privateKey = orFail(await setUpHandlerKey(deps, actor, { passphrase: req.body.passphrase }));
    await remember(req, reply, actor, privateKey);
    reply.status(201);
    return { setUp: true, unlocked: true };
  });

  app.post('/api/v1/supervision/key/unlock', {
    schema: {
      tags,
      summary: 'Unlock your supervision key with its passphrase for this session (at most 12 hours; it locks when you sign out)',
      body: passphraseSchema,
      response: { 200: keyStatusSchema, ...errorResponses(400, 401, 403, 409) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    await handlerBodies(actor);
    const privateKey = orFail(await unlockHandlerKey(db, actor, { passphrase: req.body.passphrase }));
    await remember(req, reply, actor, privateKey);
    return { setUp: true, unlocked: true };
  });

  app.delete('/api/v1/supervision/key/unlock', {
    schema: { tags, summary: 'Lock your supervision key again (forget the unlocked copy of this session)', response: { 200: keyStatusSchema, ...errorResponses(401, 403) } },
  }, async (req, reply) => {
    const actor = requireUser(req);
    await handlerBodies(actor);
    if (req.session) await forgetUnlockedKey(db, req.session.id);
    reply.clearCookie(UNLOCK_COOKIE, { path: COOKIE_PATH });
    return { setUp: (await keyStatus(req, actor)).setUp, unlocked: false };
  });

  app.get('/api/v1/supervision/queue', {
    schema: {
      tags,
      summary: "The handler's queue: complaints and anonymous reports of their supervisory bodies that they may handle (never about their own department or one in conflict), by deadline, overdue first",
      querystring: z.object({ closed: z.enum(['true', 'false']).optional() }),
      response: { 200: queueSchema, ...errorResponses(400, 401, 403) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const bodies = await handlerBodies(actor);
    const now = clock.now();
    const [calendar, complaints, reports, key] = await Promise.all([
      loadCalendar(db),
      handlerComplaints(db, actor, bodies, { open: req.query.closed !== 'true' }),
      handlerReports(db, actor, bodies),
      keyStatus(req, actor),
    ]);
    const orgs = await orgRefs(db, reports.flatMap((r) => [r.body_id, r.department_id]));
    let shareable = 0;
    for (const r of reports) {
      if (!r.key_holder) continue;
      const eligible = await eligibleHandlers(db, r.body_id, r.department_id);
      const holders = await db.selectFrom('supervision_report_keys').select('user_id').where('report_id', '=', r.id).execute();
      const keyed = await db.selectFrom('supervision_handler_keys').select('user_id').where('user_id', 'in', eligible.length ? eligible : [actor.id]).execute();
      const has = new Set(holders.map((h) => h.user_id));
      if (keyed.some((k) => !has.has(k.user_id))) shareable++;
    }
    return {
      complaints: await presentComplaints(db, complaints, now, calendar),
      reports: reports
        .filter((r) => (req.query.closed === 'true' ? r.state === 'concluded' : r.state !== 'concluded'))
        .map((r) => ({
          id: r.id,
          seq: r.seq,
          state: r.state,
          receivedOn: r.received_on,
          updatedOn: r.updated_on,
          department: r.department_id ? (orgs.get(r.department_id) ?? null) : null,
          body: orgs.get(r.body_id)!,
          deadline: deadlineView(r.due_at, r.state === 'concluded', now, calendar),
          awaitingReporter: r.awaiting_reporter,
          canOpen: r.key_holder !== null,
        })),
      key,
      shareable,
    };
  });

  app.post('/api/v1/supervision/reports/share-access', {
    schema: {
      tags,
      summary: 'Grant access: wrap the keys of the reports you can open for eligible colleagues of your body who set up their key later (handlers, with the key unlocked)',
      response: { 200: z.object({ reports: z.number(), grants: z.number() }), ...errorResponses(401, 403, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const bodies = await handlerBodies(actor);
    const privateKey = await requireKey(req, actor);
    return orFail(await shareAccess(deps, actor, privateKey, bodies));
  });

  app.get('/api/v1/supervision/reports/:id', {
    schema: {
      tags,
      summary: 'Read an anonymous report, decrypted with your unlocked key (its handlers only)',
      params: idParams,
      response: { 200: handlerReportSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const { row, key } = await handlerReport(req, actor, req.params.id);
    const report = (await decryptReport(db, row.id, key))!;
    const [eligible, holders] = await Promise.all([
      eligibleHandlers(db, row.body_id, row.department_id),
      db.selectFrom('supervision_report_keys').select('user_id').where('report_id', '=', row.id).execute(),
    ]);
    const has = new Set(holders.map((h) => h.user_id));
    return { ...(await presentForReporter(report)), id: report.id, seq: report.seq, colleaguesWithoutAccess: eligible.filter((id) => !has.has(id)).length };
  });

  app.get('/api/v1/supervision/reports/:id/files/:fileId', {
    schema: { tags, summary: 'One piece of evidence of an anonymous report, decrypted (its handlers only; downloaded, never shown inline)', params: z.object({ id: idSchema, fileId: idSchema }) },
  }, async (req, reply) => {
    const actor = requireUser(req);
    const { row, key } = await handlerReport(req, actor, req.params.id);
    const file = await decryptFile(db, row.id, req.params.fileId, key);
    if (!file) notFound();
    const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return reply
      .header('content-type', file.contentType)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.bytes);
  });

  app.post('/api/v1/supervision/reports/:id/review', {
    schema: { tags, summary: 'Acknowledge an anonymous report: it is under review, with the deadline to conclude (its handlers)', params: idParams, response: { 200: z.object({ state: z.string() }), ...errorResponses(400, 401, 403, 404, 409) } },
  }, async (req) => {
    const actor = requireUser(req);
    const { row } = await handlerReport(req, actor, req.params.id);
    orFail(await reviewReport(deps, actor, { id: row.id }));
    return { state: 'reviewing' };
  });

  app.post('/api/v1/supervision/reports/:id/messages', {
    schema: {
      tags,
      summary: 'Write to the reporter, or ask them a question they see when they come back with the receipt (its handlers; sealed with the report key)',
      params: idParams,
      body: handlerMessageSchema,
      response: { 201: z.object({ ok: z.boolean() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    const { row, key } = await handlerReport(req, actor, req.params.id);
    orFail(await messageReporter(deps, actor, { id: row.id, key, text: req.body.text, question: req.body.question }));
    reply.status(201);
    return { ok: true };
  });

  app.post('/api/v1/supervision/reports/:id/conclude', {
    schema: {
      tags,
      summary: 'Conclude an anonymous report with its outcome and a conclusion the reporter reads (its handlers); it is deleted after the retention period',
      params: idParams,
      body: concludeReportSchema,
      response: { 200: z.object({ state: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const { row, key } = await handlerReport(req, actor, req.params.id);
    orFail(await concludeReport(deps, actor, { id: row.id, key, outcome: req.body.outcome, text: req.body.text }));
    return { state: 'concluded' };
  });
}
