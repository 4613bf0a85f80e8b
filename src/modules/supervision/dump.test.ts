/**
 * What a database administrator with a full dump, or anyone reading the server's files and logs,
 * can learn about anonymous reports: nothing they wrote, sent or were. After reports with files
 * and messages both ways, every row of every table and every file under the data directory is
 * searched for the report texts, messages, file contents, the receipts, and the sender's address
 * and browser; the server's log output of those requests is searched too.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { sql } from 'kysely';
import { createTestDatabase, engineUnderTest, testConfig, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createDepartment } from '../../../test/helpers/factories.js';
import { openDatabase, type DatabaseHandle } from '../../core/db/database.js';
import { migrate } from '../../core/db/migrate.js';
import { ManualClock } from '../../core/clock.js';
import { createLiveHub } from '../../core/live/hub.js';
import { attachmentStoreFor } from '../../core/attachments/store.js';
import { runJobOnce } from '../../core/jobs/scheduler.js';
import { buildApp } from '../../server/app.js';
import { modules } from '../../server/modules.js';
import { createSupervisoryBody, routeAllTo, setUpKeyVia } from './testing.js';

const IP = '203.0.113.77';
const FORWARDED = '198.18.7.99';
const USER_AGENT = 'SecretBrowser/9.9 (marker-ua-5521)';
const SECRETS = {
  report1: 'MARKER-REPORT-ONE the deputy director signs contracts with his wife’s company, 举报内容标记一',
  report2: 'MARKER-REPORT-TWO overtime money paid to staff who were on holiday',
  question: 'MARKER-QUESTION which contracts, and in which months?',
  reply: 'MARKER-REPLY the road works contracts of May and June',
  conclusion: 'MARKER-CONCLUSION the contracts were cancelled',
  file1: 'MARKER-FILE-ONE invoice 2026-117 for 480000 yuan',
  file2: 'MARKER-FILE-TWO timesheet of the holiday week',
  fileName: 'MARKER-FILENAME-invoice.txt',
};

let dataDir: string;
let handle: DatabaseHandle;
let drop = async () => {};
let p: TestPlatform;
let logs = '';
const receipts: string[] = [];

before(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civitas-dump-'));
  if (engineUnderTest === 'postgres') {
    const database = await createTestDatabase();
    handle = database.handle;
    drop = database.drop;
  } else {
    handle = await openDatabase({ dataDir: path.join(dataDir, 'pgdata') });
    await migrate(handle.db, modules.map((m) => ({ module: m.name, migrations: m.migrations })));
  }
  // Files on disk in the data directory, logging on: the worst case for leaks.
  const config = testConfig({ DATA_DIR: dataDir, ATTACHMENT_STORAGE: 'disk', LOG_LEVEL: 'info' });
  const logStream = new PassThrough();
  logStream.on('data', (chunk) => (logs += chunk.toString()));
  const clock = new ManualClock();
  const live = createLiveHub();
  const files = attachmentStoreFor(config);
  const app = await buildApp({ config, database: handle, clock, modules, logStream, live, files });
  await app.ready();
  const deps = { db: handle.db, clock, live, files };
  p = {
    app,
    deps,
    clock,
    database: { handle, url: null, drop },
    config,
    async runJobs() {
      for (const job of modules.flatMap((m) => m.jobs ?? [])) await runJobOnce(deps, job).catch(() => undefined);
    },
    async close() {
      await app.close();
    },
  };
});
after(async () => {
  await p?.close().catch(() => undefined);
  await handle?.close().catch(() => undefined);
  await drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** An anonymous request from the marked address and browser. */
function anonymous(url: string, body: unknown) {
  return p.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT, 'x-forwarded-for': FORWARDED, 'x-real-ip': FORWARDED },
    payload: JSON.stringify(body),
    remoteAddress: IP,
  });
}

/** Every value as bytes: buffers as they are, everything else as UTF-8 text. */
function bytesOf(value: unknown): Buffer {
  if (value === null || value === undefined) return Buffer.alloc(0);
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value);
  if (value instanceof Date) return Buffer.from(value.toISOString());
  if (typeof value === 'object') return Buffer.from(JSON.stringify(value));
  return Buffer.from(String(value));
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : entry.isFile() ? [full] : [];
  });
}

test('a full dump of every table and every file under the data directory holds no report text, message, file content, receipt, address or browser', async () => {
  const body = await createSupervisoryBody(p, 'Dump Commission');
  const dept = await createDepartment(p, 'Dump Department');
  await routeAllTo(p, body.id);
  const keyCookie = await setUpKeyVia(p, body.handler, 'dump handler passphrase');
  const handler = { ...body.handler, cookie: `${body.handler.cookie}; ${keyCookie}` };

  const first = await anonymous('/api/v1/supervision/anonymous/reports', {
    departmentId: dept.id,
    category: 'conflict_of_interest',
    description: SECRETS.report1,
    files: [{ fileName: SECRETS.fileName, contentBase64: Buffer.from(SECRETS.file1).toString('base64') }],
  });
  assert.equal(first.statusCode, 201, first.body);
  const second = await anonymous('/api/v1/supervision/anonymous/reports', { category: 'other', description: SECRETS.report2 });
  assert.equal(second.statusCode, 201, second.body);
  receipts.push(first.json().receipt, second.json().receipt);

  const queue = (await api(p, { method: 'GET', url: '/api/v1/supervision/queue', as: handler })).json();
  assert.equal(queue.reports.length, 2);
  const firstId = queue.reports.find((r: { department: { id: string } | null }) => r.department?.id === dept.id).id;
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/supervision/reports/${firstId}/messages`, as: handler, body: { text: SECRETS.question, question: true } })).statusCode, 201);
  const reply = await anonymous('/api/v1/supervision/anonymous/reply', { receipt: receipts[0], text: SECRETS.reply, files: [{ fileName: 'timesheet.txt', contentBase64: Buffer.from(SECRETS.file2).toString('base64') }] });
  assert.equal(reply.statusCode, 200, reply.body);
  const read = (await api(p, { method: 'GET', url: `/api/v1/supervision/reports/${firstId}`, as: handler })).json();
  assert.equal(read.description, SECRETS.report1, 'the handler reads it, so it is really there');
  assert.equal(read.messages[1].text, SECRETS.reply);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/supervision/reports/${firstId}/conclude`, as: handler, body: { outcome: 'substantiated', text: SECRETS.conclusion } })).statusCode, 200);
  assert.equal((await anonymous('/api/v1/supervision/anonymous/access', { receipt: receipts[1] })).statusCode, 200);
  // A request that is logged, to show the log is on.
  assert.equal((await api(p, { method: 'GET', url: '/api/v1/supervision/overview' })).statusCode, 200);
  await p.runJobs();

  // Every row of every table.
  const chunks: Buffer[] = [];
  const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(handle.db);
  assert.ok(tables.rows.length > 30);
  let reportRows = 0;
  for (const { table_name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table_name)}`.execute(handle.db);
    if (table_name === 'supervision_reports') reportRows = rows.rows.length;
    for (const row of rows.rows) for (const [column, value] of Object.entries(row)) chunks.push(Buffer.from(`${table_name}.${column}=`), bytesOf(value), Buffer.from('\n'));
  }
  assert.equal(reportRows, 2);
  const stillOpen = handle.db;
  const timestampColumns = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_name in ('supervision_reports', 'supervision_report_messages', 'supervision_report_files') and data_type like 'timestamp%'`.execute(stillOpen);
  // Every file under the data directory (after the embedded database wrote everything out).
  await p.close();
  if (engineUnderTest === 'pglite') await handle.close();
  const files = listFiles(dataDir);
  if (engineUnderTest === 'pglite') assert.ok(files.length > 100, 'the embedded database lives in the data directory');
  for (const file of files) chunks.push(fs.readFileSync(file));
  const dump = Buffer.concat(chunks);
  assert.ok(dump.includes(Buffer.from('Dump Commission')), 'the dump is real: it holds plain data of other tables');

  const needles: [string, string][] = [
    ...Object.entries(SECRETS),
    ...Object.entries(SECRETS).filter(([k]) => k.startsWith('file')).map(([k, v]) => [`${k} (base64)`, Buffer.from(v).toString('base64')] as [string, string]),
    ['ip', IP],
    ['forwarded ip', FORWARDED],
    ['user agent', 'marker-ua-5521'],
    ['receipt 1', receipts[0]!],
    ['receipt 2', receipts[1]!],
    ['receipt 1 formatted', receipts[0]!.replace(/(\d{4})(?=\d)/g, '$1 ')],
  ];
  for (const [label, needle] of needles) {
    assert.equal(dump.includes(Buffer.from(needle)), false, `the dump contains ${label}`);
    // Chinese text in UTF-16 would be another way to hide in plain sight.
    assert.equal(dump.includes(Buffer.from(needle, 'utf16le')), false, `the dump contains ${label} (UTF-16)`);
  }
  // No time finer than the day: the report's columns are dates, not timestamps.
  assert.deepEqual(timestampColumns.rows.map((c) => c.column_name), ['due_at'], 'only the deadline (the end of a working day) is a timestamp');
});

test("the server's log of anonymous requests holds no address, browser, path, report text or receipt", () => {
  assert.ok(logs.includes('/api/v1/supervision/overview'), 'other requests are logged');
  for (const needle of [IP, FORWARDED, 'marker-ua-5521', 'MARKER-', '/anonymous/', ...receipts]) assert.equal(logs.includes(needle), false, `the log contains ${needle}`);
});
