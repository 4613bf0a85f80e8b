/**
 * Attachments beyond photos and PDFs: spreadsheets and plain text, the text extracted for search,
 * names that try to leave their folder, per-resource kinds, copies, and the local-disk store.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createAreas, createDepartment, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { openProcess } from '../../modules/proposals/testing.js';
import { transact } from '../db/transact.js';
import { ok } from '../errors.js';
import { simplePdf } from './simple-pdf.js';
import { attachmentTextsOf, copyAttachments, setAttachments } from './attachments.js';
import { detectFileType } from './file-types.js';
import { loadUserActor } from '../identity/load-actor.js';

function xlsx(cells: string[]): Buffer {
  const shared = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${cells.map((c) => `<si><t>${c}</t></si>`).join('')}</sst>`;
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook/>'),
      'xl/sharedStrings.xml': strToU8(shared),
    }),
  );
}

function ods(cells: string[]): Buffer {
  const content = `<?xml version="1.0"?><office:document-content><table:table>${cells.map((c) => `<table:table-row><table:table-cell><text:p>${c}</text:p></table:table-cell></table:table-row>`).join('')}</table:table></office:document-content>`;
  return Buffer.from(zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': strToU8(content) }));
}

let p: TestPlatform;
let disk: TestPlatform;
let diskDir: string;
let author: TestUser;
let diskAuthor: TestUser;
let process: { id: string; slug: string };

async function upload(on: TestPlatform, as: TestUser | null, fileName: string, bytes: Buffer, contentType = 'application/octet-stream') {
  return api(on, { method: 'POST', url: `/api/v1/attachments?fileName=${encodeURIComponent(fileName)}`, as, body: bytes, headers: { 'content-type': contentType } });
}
async function count(on: TestPlatform) {
  const row = await on.deps.db.selectFrom('attachments').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

before(async () => {
  diskDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civitas-files-'));
  [p, disk] = await Promise.all([createTestPlatform({ ATTACHMENT_MAX_MB: '1' }), createTestPlatform({ ATTACHMENT_STORAGE: 'disk', ATTACHMENT_DIR: diskDir })]);
  const areas = await createAreas(p);
  const dept = await createDepartment(p, 'Records Department');
  const admin = await createUser(p, { roles: ['administrator'] });
  author = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  process = await openProcess(p, admin, { departmentId: dept.id, areaId: areas.districtId });
  diskAuthor = await createUser(disk);
});
after(async () => {
  await p?.close();
  await disk?.close();
  fs.rmSync(diskDir, { recursive: true, force: true });
});

test('spreadsheets and plain text are recognised from their content and name', () => {
  assert.equal(detectFileType(xlsx(['a']), 'budget.xlsx')?.extension, 'xlsx');
  assert.equal(detectFileType(ods(['a']), 'budget.ods')?.extension, 'ods');
  assert.equal(detectFileType(Buffer.from('year,amount\n2026,100\n'), 'budget.csv')?.extension, 'csv');
  assert.equal(detectFileType(Buffer.from('年度预算说明'), 'note.txt')?.extension, 'txt');
  assert.equal(detectFileType(Buffer.from('plain words'), 'fake.pdf')?.extension, 'txt', 'text named .pdf is text (and then a lying name)');
  assert.equal(detectFileType(Buffer.from('<svg onload="alert(1)"/>'), 'x.svg'), null);
  assert.equal(detectFileType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), 'x.zip'), null, 'a zip that is no spreadsheet');
  assert.equal(detectFileType(Buffer.from([0x61, 0x00, 0x62]), 'x.txt'), null, 'NUL bytes are not text');
  assert.equal(detectFileType(Buffer.from([0xc3, 0x28]), 'x.txt'), null, 'invalid UTF-8 is not text');
});

test('path-traversal names, lying types and oversized files are refused with a clear 4xx and nothing is written', async () => {
  const before = await count(p);
  for (const name of ['../../etc/passwd.txt', '..\\..\\boot.ini', 'a/b.pdf', '..', 'x\u0000.pdf']) {
    const res = await upload(p, author, name, simplePdf(['x']));
    assert.equal(res.statusCode, 400, name);
    assert.equal(res.json().error.code, 'attachment_name_invalid', name);
  }
  const zh = await api(p, { method: 'POST', url: `/api/v1/attachments?fileName=${encodeURIComponent('../a.pdf')}`, as: author, body: simplePdf(['x']), headers: { 'content-type': 'application/pdf' }, lang: 'zh-CN' });
  assert.match(zh.json().error.message, /文件名/);
  const lying = await upload(p, author, 'report.pdf', Buffer.from('not a pdf at all'), 'application/pdf');
  assert.equal(lying.statusCode, 415);
  assert.equal(lying.json().error.code, 'attachment_name_mismatch');
  const lyingSheet = await upload(p, author, 'sheet.xlsx', simplePdf(['x']));
  assert.equal(lyingSheet.json().error.code, 'attachment_name_mismatch');
  const big = await upload(p, author, 'big.csv', Buffer.alloc(1024 * 1024 + 1, 'a'), 'text/csv');
  assert.equal(big.statusCode, 413);
  assert.equal(await count(p), before, 'nothing written');
});

test('text is extracted from PDF, CSV (sent as text/csv, bytes kept), XLSX and ODS for search', async () => {
  const pdf = await upload(p, author, 'minutes.pdf', simplePdf(['Minutes of the council meeting', 'The lakeside promenade will be resurfaced in May']), 'application/pdf');
  assert.equal(pdf.statusCode, 201, pdf.body);
  assert.equal(pdf.json().kind, 'document');
  const csvBytes = Buffer.from('\uFEFF项目,金额\n湖滨步道,120000\n', 'utf8');
  const csv = await upload(p, author, '预算.csv', csvBytes, 'text/csv');
  assert.equal(csv.statusCode, 201, csv.body);
  assert.equal(csv.json().kind, 'spreadsheet');
  const sheet = await upload(p, author, 'spending.xlsx', xlsx(['Street lighting', 'Playground repairs']));
  assert.equal(sheet.statusCode, 201, sheet.body);
  const odsFile = await upload(p, author, 'grants.ods', ods(['Community garden grant']));
  assert.equal(odsFile.statusCode, 201, odsFile.body);
  const txt = await upload(p, author, 'note.txt', Buffer.from('关于公园开放时间的说明'), 'text/plain');
  assert.equal(txt.json().kind, 'text');

  const served = await api(p, { method: 'GET', url: csv.json().url, as: author });
  assert.ok(served.rawPayload.equals(csvBytes), 'a CSV is stored byte for byte');
  assert.match(String(served.headers['content-type']), /^text\/csv/);
  assert.match(String(served.headers['content-disposition']), /^attachment/);

  const ids = [pdf, csv, sheet, odsFile, txt].map((r) => r.json().id as string);
  const actor = (await loadUserActor(p.deps.db, author.id))!;
  const owner = { ownerType: 'test_document', ownerId: 'doc-1' };
  const set = await transact(p.deps.db, async (trx) => setAttachments(trx, actor, { ...owner, ids, max: 10, now: p.clock.now(), kinds: ['image', 'document', 'spreadsheet', 'text'] }));
  assert.equal(set.ok, true);
  const text = (await attachmentTextsOf(p.deps.db, 'test_document', ['doc-1'])).get('doc-1')!;
  for (const phrase of ['lakeside promenade will be resurfaced', '湖滨步道', 'Playground repairs', 'Community garden grant', '公园开放时间']) assert.ok(text.includes(phrase), phrase);

  // A copy keeps names, order, text and bytes.
  const copied = await transact(p.deps.db, async (trx) => ok(await copyAttachments(trx, { from: owner, to: { ownerType: 'test_document', ownerId: 'doc-2' }, now: p.clock.now() })));
  assert.deepEqual(copied.ok && copied.value.map((a) => a.fileName), ['minutes.pdf', '预算.csv', 'spending.xlsx', 'grants.ods', 'note.txt']);
  assert.equal((await attachmentTextsOf(p.deps.db, 'test_document', ['doc-2'])).get('doc-2'), text);
  const copiedCsv = await p.deps.db.selectFrom('attachment_contents').select('bytes').where('attachment_id', '=', copied.ok ? copied.value[1]!.id : '').executeTakeFirstOrThrow();
  assert.ok(Buffer.from(copiedCsv.bytes).equals(csvBytes));
});

test('a resource takes only the kinds it names: a proposal refuses a spreadsheet', async () => {
  const csv = await upload(p, author, 'data.csv', Buffer.from('a,b\n1,2\n'), 'text/csv');
  const res = await api(p, {
    method: 'POST',
    url: `/api/v1/processes/${process.slug}/proposals`,
    as: author,
    body: { title: 'Benches along the canal', body: 'Older residents need places to rest along the canal.', attachmentIds: [csv.json().id] },
  });
  assert.equal(res.statusCode, 400, res.body);
  assert.equal(res.json().error.fields[0].path, 'attachmentIds');
  assert.equal(res.json().error.fields[0].code, 'attachment_type_not_allowed');
});

test('the local-disk store keeps files by content, flushes them before the row commits, and sweeps orphans', async () => {
  const bytes = simplePdf(['Stored on disk']);
  const up = await upload(disk, diskAuthor, 'disk.pdf', bytes, 'application/pdf');
  assert.equal(up.statusCode, 201, up.body);
  const row = await disk.deps.db.selectFrom('attachments').select(['sha256']).where('id', '=', up.json().id).executeTakeFirstOrThrow();
  const file = path.join(diskDir, row.sha256.slice(0, 2), row.sha256);
  assert.ok(fs.readFileSync(file).equals(bytes), 'the file is on disk');
  assert.equal(await disk.deps.db.selectFrom('attachment_contents').select('attachment_id').executeTakeFirst(), undefined, 'no bytes in the database');
  const served = await api(disk, { method: 'GET', url: up.json().url, as: diskAuthor });
  assert.ok(served.rawPayload.equals(bytes));

  // The same content uploaded twice is stored once; a file is removed only when no row names it.
  const twin = await upload(disk, diskAuthor, 'twin.pdf', bytes, 'application/pdf');
  assert.equal((await api(disk, { method: 'DELETE', url: `/api/v1/attachments/${up.json().id}`, as: diskAuthor })).statusCode, 204);
  const old = new Date(Date.now() - 2 * 60 * 60_000);
  fs.utimesSync(file, old, old);
  await disk.runJobs();
  assert.ok(fs.existsSync(file), 'still named by the twin');
  assert.equal((await api(disk, { method: 'DELETE', url: `/api/v1/attachments/${twin.json().id}`, as: diskAuthor })).statusCode, 204);
  fs.writeFileSync(path.join(diskDir, row.sha256.slice(0, 2), '.left-by-a-crash.part'), 'x');
  fs.utimesSync(path.join(diskDir, row.sha256.slice(0, 2), '.left-by-a-crash.part'), old, old);
  await disk.runJobs();
  assert.ok(!fs.existsSync(file), 'an orphan is swept');
  assert.deepEqual(fs.readdirSync(path.join(diskDir, row.sha256.slice(0, 2))), [], 'temporary files are swept');
});
