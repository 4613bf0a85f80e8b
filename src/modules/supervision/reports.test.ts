import { after, before, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createDepartment, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { orFail } from '../../core/errors.js';
import { systemActor } from '../../core/permissions/actor.js';
import { createPost } from '../../core/organizations/manage-posts.js';
import { runAllJobs } from '../../core/jobs/scheduler.js';
import { createSupervisoryBody, routeAllTo, setUpKeyVia } from './testing.js';
import { supervisionManifest } from './index.js';
import { formatReceipt, generateHandlerKeyPair, newReceipt, newReportKey, normalizeReceipt, open, openJson, receiptComparison, receiptSecrets, seal, sealJson, unwrapForHandler, wrapForHandler } from './crypto.js';
import { DEFAULT_GUARD, receiptGuardSettings } from './receipt-guard.js';
import { suppressTable } from './statistics-rules.js';

const seeder = systemActor('supervision-test');
const DAY = 86_400_000;
let p: TestPlatform;
let body: Awaited<ReturnType<typeof createSupervisoryBody>>;
let dept: Awaited<ReturnType<typeof createDepartment>>;
/** The handler's unlock cookie (the session cookie plus the key cookie). */
let handler: TestUser;

const REPORT = 'The inspector Zhang at the Drum Tower market takes cash for stall permits every Tuesday morning.';

before(async () => {
  // Small delays so the rate-limit tests stay quick; the limits themselves as configured.
  receiptGuardSettings.options = { ...DEFAULT_GUARD, perClient: 4, global: 12, baseDelayMs: 20, maxDelayMs: 80 };
  p = await createTestPlatform();
  p.clock.set('2026-03-02T01:00:00Z');
  body = await createSupervisoryBody(p, 'Report Commission');
  dept = await createDepartment(p, 'Market Office');
  await routeAllTo(p, body.id);
  const keyCookie = await setUpKeyVia(p, body.handler, 'correct handler passphrase');
  handler = { ...body.handler, cookie: `${body.handler.cookie}; ${keyCookie}` };
});
after(async () => {
  receiptGuardSettings.options = DEFAULT_GUARD;
  await p?.close();
});

const runJobs = () => runAllJobs(p.deps, supervisionManifest.jobs ?? []);
let ip = 0;
/** An anonymous call: no cookie, its own address unless given. */
function anonymous(url: string, body: unknown, address?: string) {
  return p.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', 'accept-language': 'en' }, payload: JSON.stringify(body), remoteAddress: address ?? `198.51.100.${++ip % 250}` });
}
async function submit(description = REPORT, extra: Record<string, unknown> = {}) {
  const res = await anonymous('/api/v1/supervision/anonymous/reports', { departmentId: dept.id, category: 'bribery', description, ...extra });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.headers['set-cookie'], undefined, 'no cookie on anonymous routes');
  return res.json() as { receipt: string; formatted: string };
}

test('crypto: sealing, wrapping for a handler, and receipts round-trip; wrong keys open nothing', async () => {
  const key = newReportKey();
  const sealed = sealJson(key, { text: 'secret' }, 'report:1:content');
  assert.deepEqual(openJson(key, sealed, 'report:1:content'), { text: 'secret' });
  assert.equal(open(key, sealed, 'report:2:content'), null, 'bound to its place');
  assert.equal(open(newReportKey(), sealed, 'report:1:content'), null);
  const tampered = Buffer.from(sealed);
  tampered[20] = tampered[20]! ^ 1;
  assert.equal(open(key, tampered, 'report:1:content'), null);
  const alice = generateHandlerKeyPair();
  const bob = generateHandlerKeyPair();
  const wrapped = wrapForHandler(key, alice.publicKey, 'r1');
  assert.deepEqual(unwrapForHandler(wrapped, alice.privateKey, 'r1'), key);
  assert.equal(unwrapForHandler(wrapped, bob.privateKey, 'r1'), null);
  assert.equal(unwrapForHandler(wrapped, alice.privateKey, 'r2'), null);
  const receipt = newReceipt();
  assert.match(receipt, /^\d{16}$/);
  assert.match(formatReceipt(receipt), /^\d{4} \d{4} \d{4} \d{4}$/);
  assert.equal(normalizeReceipt(` ${formatReceipt(receipt)} `), receipt);
  assert.equal(normalizeReceipt('１２３４ ５６７８ ９０１２ ３４５６'), '1234567890123456');
  assert.equal(normalizeReceipt('123'), null);
  const salt = Buffer.alloc(16, 7);
  const a = await receiptSecrets(receipt, salt);
  const b = await receiptSecrets(receipt, salt);
  assert.deepEqual(a, b);
  assert.notDeepEqual((await receiptSecrets(receipt === '1'.repeat(16) ? '2'.repeat(16) : '1'.repeat(16), salt)).lookupId, a.lookupId);
  assert.deepEqual(open(a.wrapKey, seal(a.wrapKey, key, 'x'), 'x'), key);
  // 16 digits drawn uniformly: each position takes every digit over many receipts.
  const seen = Array.from({ length: 16 }, () => new Set<string>());
  for (let i = 0; i < 400; i++) [...newReceipt()].forEach((d, j) => seen[j]!.add(d));
  assert.ok(seen.every((s) => s.size === 10));
});

test('an anonymous report: the handler reads it, asks, the reporter answers with the receipt, adds evidence, and reads the conclusion', async () => {
  const text = Buffer.from('Ledger page: 12 March, 300 yuan, stall 14.').toString('base64');
  const { receipt, formatted } = await submit(REPORT, { files: [{ fileName: 'ledger.txt', contentBase64: text }] });
  assert.match(formatted, /^\d{4} \d{4} \d{4} \d{4}$/);

  const queue = (await api(p, { method: 'GET', url: '/api/v1/supervision/queue', as: handler })).json();
  const item = queue.reports.find((r: { canOpen: boolean }) => r.canOpen);
  assert.ok(item, JSON.stringify(queue));
  assert.equal(item.receivedOn, '2026-03-02');
  const id = item.id as string;
  const read = await api(p, { method: 'GET', url: `/api/v1/supervision/reports/${id}`, as: handler });
  assert.equal(read.statusCode, 200, read.body);
  assert.equal(read.json().description, REPORT);
  assert.equal(read.json().files[0].fileName, 'ledger.txt');
  const file = await api(p, { method: 'GET', url: `/api/v1/supervision/reports/${id}/files/${read.json().files[0].id}`, as: handler });
  assert.equal(file.statusCode, 200);
  assert.equal(file.body, 'Ledger page: 12 March, 300 yuan, stall 14.');
  assert.match(String(file.headers['content-disposition']), /^attachment/);

  const ask = await api(p, { method: 'POST', url: `/api/v1/supervision/reports/${id}/messages`, as: handler, body: { text: 'At what time on Tuesdays?', question: true } });
  assert.equal(ask.statusCode, 201, ask.body);

  // The reporter comes back with the receipt as printed (with spaces).
  const access = await anonymous('/api/v1/supervision/anonymous/access', { receipt: formatted });
  assert.equal(access.statusCode, 200, access.body);
  assert.equal(access.headers['set-cookie'], undefined);
  const view = access.json();
  assert.equal(view.state, 'reviewing');
  assert.equal(view.awaitingReporter, true);
  assert.equal(view.messages[0].text, 'At what time on Tuesdays?');
  assert.equal(view.messages[0].kind, 'question');
  const reply = await anonymous('/api/v1/supervision/anonymous/reply', { receipt, text: 'Between 7 and 8 in the morning.', files: [{ fileName: 'photo-note.txt', contentBase64: Buffer.from('Second evidence').toString('base64') }] });
  assert.equal(reply.statusCode, 200, reply.body);
  assert.equal(reply.json().awaitingReporter, false);
  assert.equal(reply.json().messages.at(-1).files[0].fileName, 'photo-note.txt');
  const badFile = await anonymous('/api/v1/supervision/anonymous/reply', { receipt, text: 'A script.', files: [{ fileName: 'x.html', contentBase64: Buffer.from('<script>alert(1)</script>').toString('base64') }] });
  assert.equal(badFile.statusCode, 400);
  assert.equal(badFile.json().error.fields[0].code, 'attachment_type_not_allowed');

  // Handlers hear of it from the batched notice job.
  await runJobs();
  const notices = await p.deps.db.selectFrom('notifications').select(['kind', 'title']).where('user_id', '=', body.handler.id).where('kind', '=', 'supervision.reports_waiting').execute();
  assert.ok(notices.length >= 1 && notices.every((n) => !n.title.includes('Zhang')));

  const thread = (await api(p, { method: 'GET', url: `/api/v1/supervision/reports/${id}`, as: handler })).json();
  assert.equal(thread.messages.at(-1).text, 'Between 7 and 8 in the morning.');
  const done = await api(p, { method: 'POST', url: `/api/v1/supervision/reports/${id}/conclude`, as: handler, body: { outcome: 'substantiated', text: 'The inspector was caught and dismissed.' } });
  assert.equal(done.statusCode, 200, done.body);
  const final = (await anonymous('/api/v1/supervision/anonymous/access', { receipt })).json();
  assert.equal(final.state, 'concluded');
  assert.equal(final.outcome, 'substantiated');
  assert.equal(final.conclusion, 'The inspector was caught and dismissed.');
  const closed = await anonymous('/api/v1/supervision/anonymous/reply', { receipt, text: 'Thanks!' });
  assert.equal(closed.statusCode, 409);
  assert.equal(closed.json().error.code, 'report_closed');

  // Nothing readable about it in the audit log; no audit row at all for the reporter's acts.
  const audit = await p.deps.db.selectFrom('audit_log').select(['action', 'data', 'public', 'actor_id']).where('resource_id', '=', id).execute();
  assert.deepEqual(audit.map((a) => a.action).sort(), ['supervision.report_concluded', 'supervision.report_question']);
  assert.ok(audit.every((a) => !a.public && a.actor_id === body.handler.id && !JSON.stringify(a.data).includes('Tuesday')));
});

test('the supervision key: locked in a new session, wrong passphrase refused, unlocked with the right one; a new handler gets access when shared', async () => {
  await submit('Someone at the market office destroys complaints about the fish stalls before they are registered.');
  const plain = body.handler; // session cookie only: the key is locked
  const status = (await api(p, { method: 'GET', url: '/api/v1/supervision/key', as: plain })).json();
  assert.deepEqual(status, { setUp: true, unlocked: false });
  const queue = (await api(p, { method: 'GET', url: '/api/v1/supervision/queue', as: plain })).json();
  const locked = await api(p, { method: 'GET', url: `/api/v1/supervision/reports/${queue.reports[0].id}`, as: plain });
  assert.equal(locked.statusCode, 409);
  assert.equal(locked.json().error.code, 'key_locked');
  const wrong = await api(p, { method: 'POST', url: '/api/v1/supervision/key/unlock', as: plain, body: { passphrase: 'not the passphrase' } });
  assert.equal(wrong.statusCode, 400);
  assert.equal(wrong.json().error.code, 'passphrase_wrong');
  const right = await api(p, { method: 'POST', url: '/api/v1/supervision/key/unlock', as: plain, body: { passphrase: 'correct handler passphrase' } });
  assert.equal(right.statusCode, 200, right.body);
  assert.match(String(right.headers['set-cookie']), /HttpOnly/i);
  assert.match(String(right.headers['set-cookie']), /SameSite=Strict/i);
  // Unlocking again in the same session replaces the unlocked copy: the new cookie opens it.
  handler = { ...body.handler, cookie: `${body.handler.cookie}; ${String(right.headers['set-cookie']).split(';')[0]}` };

  // A new colleague joins the body and sets up a key: the old reports are not theirs to read yet.
  const colleague = await createUser(p, { displayName: 'New Handler' });
  orFail(await createPost(p.deps, seeder, { organizationId: body.id, title: 'New Handler', holderEmail: colleague.email }));
  const colleagueCookie = await setUpKeyVia(p, colleague);
  const colleagueActor = { ...colleague, cookie: `${colleague.cookie}; ${colleagueCookie}` };
  const theirQueue = (await api(p, { method: 'GET', url: '/api/v1/supervision/queue', as: colleagueActor })).json();
  assert.ok(theirQueue.reports.length >= 1, JSON.stringify(theirQueue));
  assert.ok(theirQueue.reports.every((r: { canOpen: boolean }) => !r.canOpen), JSON.stringify(theirQueue));
  const noAccess = await api(p, { method: 'GET', url: `/api/v1/supervision/reports/${theirQueue.reports[0].id}`, as: colleagueActor });
  assert.equal(noAccess.statusCode, 409);
  assert.equal(noAccess.json().error.code, 'report_no_access');
  assert.ok((await api(p, { method: 'GET', url: '/api/v1/supervision/queue', as: handler })).json().shareable >= 1);
  const share = await api(p, { method: 'POST', url: '/api/v1/supervision/reports/share-access', as: handler });
  assert.equal(share.statusCode, 200, share.body);
  assert.ok(share.json().grants >= 2);
  const now = (await api(p, { method: 'GET', url: `/api/v1/supervision/reports/${theirQueue.reports[0].id}`, as: colleagueActor }));
  assert.equal(now.statusCode, 200, now.body);
  // Locking forgets the unlocked key.
  assert.equal((await api(p, { method: 'DELETE', url: '/api/v1/supervision/key/unlock', as: colleagueActor })).statusCode, 200);
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/supervision/reports/${theirQueue.reports[0].id}`, as: colleagueActor })).json().error.code, 'key_locked');
});

test('a handler of the department concerned never sees or opens the report', async () => {
  const insider = await createUser(p, { displayName: 'Insider' });
  orFail(await createPost(p.deps, seeder, { organizationId: body.id, title: 'Insider Handler', holderEmail: insider.email }));
  orFail(await createPost(p.deps, seeder, { organizationId: dept.id, title: 'Insider Clerk', holderEmail: insider.email }));
  const cookie = await setUpKeyVia(p, insider);
  const as = { ...insider, cookie: `${insider.cookie}; ${cookie}` };
  await submit('A second report about the market office: permits sold twice to different traders.');
  await api(p, { method: 'POST', url: '/api/v1/supervision/reports/share-access', as: handler });
  const queue = (await api(p, { method: 'GET', url: '/api/v1/supervision/queue', as })).json();
  assert.equal(queue.reports.length, 0);
  const any = await p.deps.db.selectFrom('supervision_reports').select('id').where('department_id', '=', dept.id).executeTakeFirstOrThrow();
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/supervision/reports/${any.id}`, as })).statusCode, 404);
  const wraps = await p.deps.db.selectFrom('supervision_report_keys').select('report_id').where('user_id', '=', insider.id).execute();
  assert.equal(wraps.length, 0, 'no report key was ever wrapped for them');
});

test('receipts: a wrong one gets a generic error and takes the same path as a right one, through the constant-time comparison', async () => {
  const { receipt } = await submit('A report to test receipts with: the weighing scales at the market are rigged.');
  const wrongReceipt = receipt.slice(0, 15) + String((Number(receipt[15]) + 1) % 10);
  const spy = mock.method(receiptComparison, 'equal');
  try {
    for (let i = 0; i < 7; i++) {
      const right = await anonymous('/api/v1/supervision/anonymous/access', { receipt });
      assert.equal(right.statusCode, 200);
      const wrong = await anonymous('/api/v1/supervision/anonymous/access', { receipt: wrongReceipt });
      assert.equal(wrong.statusCode, 404);
      assert.deepEqual(wrong.json(), { error: { code: 'receipt_not_recognised', message: 'No report opens with this receipt. Check the 16 digits and try again.' } });
    }
    const malformed = await anonymous('/api/v1/supervision/anonymous/access', { receipt: 'abc' });
    assert.equal(malformed.statusCode, 404);
    assert.equal(malformed.json().error.code, 'receipt_not_recognised');
    // Every lookup, right, wrong or malformed, went through the constant-time comparison once.
    assert.equal(spy.mock.callCount(), 15);
    // Timing itself is not asserted here (tests never time); both paths run the same argon2id
    // derivation and one constant-time comparison, which is what the spy above checks.
  } finally {
    spy.mock.restore();
  }
});

test('receipt guessing is rate-limited per client and for everyone, and slowed after failures', async () => {
  const address = '192.0.2.10';
  const wrong = () => anonymous('/api/v1/supervision/anonymous/access', { receipt: newReceipt() }, address);
  const times: number[] = [];
  for (let i = 0; i < 4; i++) {
    const start = Date.now();
    assert.equal((await wrong()).statusCode, 404);
    times.push(Date.now() - start);
  }
  const limited = await wrong();
  assert.equal(limited.statusCode, 429);
  assert.equal(limited.json().error.code, 'receipt_rate_limited');
  assert.match(limited.json().error.message, /Wait \d+ seconds/);
  assert.ok(times[3]! >= 80 - 5, `the fourth try was held back (${times.join(', ')} ms)`);
  // Even the right receipt is refused from that client until the window passes.
  const { receipt } = await submit('Report for the rate limit test.');
  assert.equal((await anonymous('/api/v1/supervision/anonymous/access', { receipt }, address)).statusCode, 429);
  // Many addresses together hit the global limit.
  let globalLimited = false;
  for (let i = 0; i < 12 && !globalLimited; i++) {
    const res = await anonymous('/api/v1/supervision/anonymous/access', { receipt: newReceipt() }, `203.0.113.${i + 1}`);
    globalLimited = res.statusCode === 429;
  }
  assert.ok(globalLimited, 'the global limit applies across addresses');
  p.clock.advance(16 * 60_000);
  assert.equal((await anonymous('/api/v1/supervision/anonymous/access', { receipt }, address)).statusCode, 200);
});

test('retention: concluded reports are deleted after the configured period, audit-logged without content', async () => {
  const { receipt } = await submit('A report that will be concluded and deleted after the retention period.');
  const opened = (await anonymous('/api/v1/supervision/anonymous/access', { receipt })).json();
  assert.equal(opened.retentionDays, 180);
  const row = await p.deps.db.selectFrom('supervision_reports').select('id').orderBy('seq', 'desc').executeTakeFirstOrThrow();
  await api(p, { method: 'POST', url: '/api/v1/supervision/reports/share-access', as: handler });
  const done = await api(p, { method: 'POST', url: `/api/v1/supervision/reports/${row.id}/conclude`, as: handler, body: { outcome: 'not_substantiated', text: 'No evidence was found for this report.' } });
  assert.equal(done.statusCode, 200, done.body);
  p.clock.advance(100 * DAY);
  await runJobs();
  assert.ok(await p.deps.db.selectFrom('supervision_reports').select('id').where('id', '=', row.id).executeTakeFirst());
  p.clock.advance(90 * DAY);
  await runJobs();
  assert.equal(await p.deps.db.selectFrom('supervision_reports').select('id').where('id', '=', row.id).executeTakeFirst(), undefined);
  assert.equal((await p.deps.db.selectFrom('supervision_report_messages').select('id').where('report_id', '=', row.id).execute()).length, 0);
  assert.equal((await p.deps.db.selectFrom('supervision_report_keys').select('user_id').where('report_id', '=', row.id).execute()).length, 0);
  const audit = await p.deps.db.selectFrom('audit_log').selectAll().where('resource_id', '=', row.id).where('action', '=', 'supervision.report_deleted').executeTakeFirstOrThrow();
  assert.equal(audit.public, false);
  assert.deepEqual(Object.keys(audit.data as object).sort(), ['concludedOn', 'outcome', 'retentionDays', 'seq']);
  assert.equal((await anonymous('/api/v1/supervision/anonymous/access', { receipt })).statusCode, 404);
});

test('statistics: small cells and the cells that would reveal them are suppressed', () => {
  // 1 is hidden; then 4 (row total 10), 7 (column total 8) and 8 (column total 12) so none can be subtracted out.
  assert.deepEqual(suppressTable([[5, 1, 4], [6, 7, 8]], 3), [[5, null, null], [6, null, null]]);
  assert.deepEqual(suppressTable([[0, 0], [3, 4]], 3), [[0, 0], [3, 4]]);
  const published = suppressTable([[2, 9, 9, 9], [9, 9, 9, 9], [9, 9, 9, 1]], 3);
  for (const row of published) assert.notEqual(row.filter((c) => c === null).length, 1);
  for (let j = 0; j < 4; j++) assert.notEqual(published.filter((row) => row[j] === null).length, 1);
});
