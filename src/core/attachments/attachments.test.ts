import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createAreas, createDepartment, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { openProcess } from '../../modules/proposals/testing.js';
import { detectFileType, stripMetadata, cleanFileName, extensionMatches } from './file-types.js';

let p: TestPlatform;
let author: TestUser;
let other: TestUser;
let process: { id: string; slug: string };

/** A tiny JPEG with an EXIF block carrying a (fake) GPS position and a comment. */
function jpegWithExif(): Buffer {
  const soi = Buffer.from([0xff, 0xd8]);
  const exifPayload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from('GPS 31.2304N 121.4737E serial 1234', 'latin1')]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1]), u16(exifPayload.length + 2), exifPayload]);
  const jfifPayload = Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1');
  const app0 = Buffer.concat([Buffer.from([0xff, 0xe0]), u16(jfifPayload.length + 2), jfifPayload]);
  const commentPayload = Buffer.from('taken at 1 Secret Lane', 'latin1');
  const com = Buffer.concat([Buffer.from([0xff, 0xfe]), u16(commentPayload.length + 2), commentPayload]);
  const sos = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0x34, 0x56, 0xff, 0xd9]);
  return Buffer.concat([soi, app0, app1, com, sos]);
}
function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'latin1');

async function upload(as: TestUser | null, fileName: string, bytes: Buffer, contentType = 'application/octet-stream') {
  return api(p, { method: 'POST', url: `/api/v1/attachments?fileName=${encodeURIComponent(fileName)}`, as, body: bytes, headers: { 'content-type': contentType } });
}

before(async () => {
  p = await createTestPlatform({ ATTACHMENT_MAX_MB: '1' });
  const areas = await createAreas(p);
  const dept = await createDepartment(p, 'Works Department');
  const admin = await createUser(p, { roles: ['administrator'] });
  author = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  other = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  process = await openProcess(p, admin, { departmentId: dept.id, areaId: areas.districtId });
});
after(async () => {
  await p?.close();
});

test('file types come from the content, and photos lose their metadata', () => {
  const jpeg = jpegWithExif();
  const type = detectFileType(jpeg)!;
  assert.equal(type.contentType, 'image/jpeg');
  const stripped = stripMetadata(jpeg, type);
  assert.ok(!stripped.toString('latin1').includes('GPS'), 'EXIF removed');
  assert.ok(!stripped.toString('latin1').includes('Secret Lane'), 'comment removed');
  assert.ok(stripped.toString('latin1').includes('JFIF'), 'JFIF kept');
  assert.ok(stripped.subarray(-5).equals(Buffer.from([0x12, 0x34, 0x56, 0xff, 0xd9])), 'image data untouched');
  assert.equal(detectFileType(Buffer.from('<html><script>alert(1)</script>'), 'page.html'), null);
  assert.equal(detectFileType(Buffer.from('MZ\x90\x00')), null);
  assert.equal(detectFileType(pdf)?.contentType, 'application/pdf');
  assert.equal(extensionMatches('plan.PDF', detectFileType(pdf)!), true);
  assert.equal(extensionMatches('photo.jpeg', type), true);
  assert.equal(extensionMatches('evil.html', type), false);
  assert.equal(cleanFileName('../../etc/pass\u0000wd.jpg', type), 'passwd.jpg');
  assert.equal(cleanFileName('   ', type), 'file.jpg');
  assert.equal(cleanFileName(`${'a'.repeat(300)}.jpg`, type).length, 120);
});

test('uploads are refused without an account, empty, too large, of other types or with a lying name', async () => {
  assert.equal((await upload(null, 'a.jpg', jpegWithExif())).statusCode, 401);
  const empty = await upload(author, 'a.jpg', Buffer.alloc(0));
  assert.equal(empty.statusCode, 400);
  const big = await upload(author, 'big.pdf', Buffer.concat([pdf, Buffer.alloc(1024 * 1024 + 10)]));
  assert.equal(big.statusCode, 413);
  const html = await upload(author, 'page.html', Buffer.from('<html><script>alert(1)</script></html>'));
  assert.equal(html.statusCode, 415);
  assert.equal(html.json().error.code, 'attachment_type_not_allowed');
  const zh = await api(p, { method: 'POST', url: '/api/v1/attachments?fileName=page.html', as: author, body: Buffer.from('<html></html>'), headers: { 'content-type': 'application/octet-stream' }, lang: 'zh-CN' });
  assert.match(zh.json().error.message, /PDF/);
  const lying = await upload(author, 'photo.exe', jpegWithExif());
  assert.equal(lying.statusCode, 415);
  assert.equal(lying.json().error.code, 'attachment_name_mismatch');
  const noName = await api(p, { method: 'POST', url: '/api/v1/attachments', as: author, body: pdf, headers: { 'content-type': 'application/pdf' } });
  assert.equal(noName.statusCode, 400);
});

test('an upload is its uploader’s until attached; a draft’s files are its authors’; a published proposal’s are public', async () => {
  const photo = await upload(author, 'site photo.jpg', jpegWithExif(), 'image/jpeg');
  assert.equal(photo.statusCode, 201, photo.body);
  assert.equal(photo.json().contentType, 'image/jpeg');
  assert.equal(photo.json().kind, 'image');
  const plan = await upload(author, '规划图.pdf', pdf, 'application/pdf');
  assert.equal(plan.statusCode, 201, plan.body);
  const photoUrl = photo.json().url as string;
  assert.equal((await api(p, { method: 'GET', url: photoUrl })).statusCode, 404);
  assert.equal((await api(p, { method: 'GET', url: photoUrl, as: other })).statusCode, 404);
  const own = await api(p, { method: 'GET', url: photoUrl, as: author });
  assert.equal(own.statusCode, 200);
  assert.ok(!own.rawPayload.toString('latin1').includes('GPS'), 'stored without EXIF');

  // Someone else's upload cannot be attached.
  const foreign = await upload(other, 'x.pdf', pdf);
  const stolen = await api(p, { method: 'POST', url: `/api/v1/processes/${process.slug}/proposals`, as: author, body: { title: 'Benches along the river walk', body: 'Older residents need places to rest along the river.', attachmentIds: [foreign.json().id] } });
  assert.equal(stolen.statusCode, 400);
  assert.equal(stolen.json().error.fields[0].path, 'attachmentIds');

  const created = await api(p, {
    method: 'POST',
    url: `/api/v1/processes/${process.slug}/proposals`,
    as: author,
    body: { title: 'Benches along the river walk', body: 'Older residents need places to rest along the river.', attachmentIds: [photo.json().id, plan.json().id] },
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id;
  const draft = (await api(p, { method: 'GET', url: `/api/v1/proposals/${id}`, as: author })).json();
  assert.deepEqual(draft.proposal.attachments.map((a: { fileName: string }) => a.fileName), ['site photo.jpg', '规划图.pdf']);
  assert.equal((await api(p, { method: 'GET', url: photoUrl, as: other })).statusCode, 404, 'a draft’s files stay private');
  assert.equal((await api(p, { method: 'DELETE', url: `/api/v1/attachments/${photo.json().id}`, as: author })).statusCode, 409, 'attached files are removed by editing');

  assert.equal((await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/publish`, as: author, body: {} })).statusCode, 200);
  const image = await api(p, { method: 'GET', url: photoUrl });
  assert.equal(image.statusCode, 200);
  assert.equal(image.headers['content-type'], 'image/jpeg');
  assert.equal(image.headers['x-content-type-options'], 'nosniff');
  assert.match(String(image.headers['content-security-policy']), /sandbox/);
  assert.match(String(image.headers['content-disposition']), /^inline/);
  const again = await api(p, { method: 'GET', url: photoUrl, headers: { 'if-none-match': String(image.headers.etag) } });
  assert.equal(again.statusCode, 304);
  const doc = await api(p, { method: 'GET', url: plan.json().url });
  assert.match(String(doc.headers['content-disposition']), /^attachment; .*filename\*=UTF-8''%E8%A7%84/);

  // Editing keeps the listed files in the new order and deletes the others.
  const edited = await api(p, { method: 'PATCH', url: `/api/v1/proposals/${id}`, as: author, body: { attachmentIds: [plan.json().id] } });
  assert.equal(edited.statusCode, 200, edited.body);
  assert.equal((await api(p, { method: 'GET', url: photoUrl, as: author })).statusCode, 404);
  const after = (await api(p, { method: 'GET', url: `/api/v1/proposals/${id}` })).json();
  assert.deepEqual(after.proposal.attachments.map((a: { fileName: string }) => a.fileName), ['规划图.pdf']);
  const audit = await p.deps.db.selectFrom('audit_log').select('data').where('resource_id', '=', id).where('action', '=', 'proposal.updated').executeTakeFirstOrThrow();
  assert.deepEqual((audit.data as { fields: string[] }).fields, ['attachments']);
});

test('unattached uploads can be deleted by their uploader and are purged after a day', async () => {
  const mine = await upload(author, 'a.pdf', pdf);
  const kept = await upload(author, 'b.pdf', pdf);
  assert.equal((await api(p, { method: 'DELETE', url: `/api/v1/attachments/${mine.json().id}`, as: other })).statusCode, 404);
  assert.equal((await api(p, { method: 'DELETE', url: `/api/v1/attachments/${mine.json().id}`, as: author })).statusCode, 204);
  assert.equal((await api(p, { method: 'GET', url: mine.json().url, as: author })).statusCode, 404);
  p.clock.advance(25 * 60 * 60_000);
  await p.runJobs();
  assert.equal((await api(p, { method: 'GET', url: kept.json().url, as: author })).statusCode, 404);
});
