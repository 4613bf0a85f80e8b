import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createAreas, createDepartment, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { orFail } from '../../core/errors.js';
import { systemActor } from '../../core/permissions/actor.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import { createPost } from '../../core/organizations/manage-posts.js';
import { simplePdf } from '../../core/attachments/simple-pdf.js';
import { transact } from '../../core/db/transact.js';
import { publishInRegister, publicationsManifest } from './index.js';
import { publicationBody, publishVia, uploadVia } from './testing.js';

let p: TestPlatform;
let admin: TestUser;
let resident: TestUser;
let clerk: TestUser;
let areas: Awaited<ReturnType<typeof createAreas>>;
let parks: Awaited<ReturnType<typeof createDepartment>>;
let water: Awaited<ReturnType<typeof createDepartment>>;

before(async () => {
  p = await createTestPlatform();
  p.clock.set('2026-03-02T09:00:00Z');
  areas = await createAreas(p);
  parks = await createDepartment(p, 'Parks & Gardens');
  water = await createDepartment(p, 'Water Board');
  admin = await createUser(p, { roles: ['administrator'] });
  resident = await createUser(p, { displayName: 'Rita Resident', verifiedIn: { areaSlug: areas.hoodSlug } });
  clerk = await createUser(p, { roles: ['clerk'], displayName: 'Clara Clerk' });
  orFail(await createPost(p.deps, systemActor('test'), { organizationId: parks.id, title: 'Service desk', holderEmail: clerk.email }));
});
after(async () => {
  await p?.close();
});

const get = (url: string, as?: TestUser | null, lang?: 'en' | 'zh-CN') => api(p, { method: 'GET', url, as, lang });
const detail = async (id: string, as?: TestUser | null) => (await get(`/api/v1/publications/${id}`, as)).json();
const search = async (query: string, as?: TestUser | null) => {
  const res = await get(`/api/v1/publications?${query}`, as);
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { publications: { id: string; title: string; status: string; validity: string | null }[]; total: number };
};
const ids = (list: { publications: { id: string }[] }) => list.publications.map((x) => x.id);

test('officials of the department and administrators prepare publications; everyone else is refused', async () => {
  const body = publicationBody(parks.id);
  assert.equal((await api(p, { method: 'POST', url: '/api/v1/publications', body })).statusCode, 401);
  for (const [who, as] of [['resident', resident], ['official of another department', water.official]] as const) {
    const res = await api(p, { method: 'POST', url: '/api/v1/publications', as, body });
    assert.equal(res.statusCode, 403, who);
    assert.equal(res.json().error.code, 'not_an_official');
  }
  for (const as of [parks.official, clerk, admin]) assert.equal((await api(p, { method: 'POST', url: '/api/v1/publications', as, body })).statusCode, 201);
  // Bad input: an unknown department (for an administrator), reversed validity, an impossible date, an unknown link.
  const bad = await api(p, {
    method: 'POST',
    url: '/api/v1/publications',
    as: admin,
    body: publicationBody('00000000-0000-4000-8000-000000000000', { validFrom: '2026-05-01', validUntil: '2026-04-01', links: [{ type: 'process', id: '00000000-0000-4000-8000-000000000000' }, { type: 'nonsense', id: 'x' }] }),
  });
  assert.equal(bad.statusCode, 400, bad.body);
  assert.deepEqual(bad.json().error.fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`).sort(), [
    'departmentId:publication_department_invalid', 'links.0:publication_link_invalid', 'links.1:publication_link_invalid', 'validUntil:publication_validity_invalid',
  ]);
  const date = await api(p, { method: 'POST', url: '/api/v1/publications', as: admin, body: publicationBody(parks.id, { documentDate: '2026-02-30' }) });
  assert.equal(date.statusCode, 400);
  // Nothing half-written by the refused calls.
  const count = await p.deps.db.selectFrom('publications').select(sql<number>`count(*)::int`.as('n')).where('department_id', '<>', parks.id).executeTakeFirstOrThrow();
  assert.equal(count.n, 0);
});

test('a draft and its files are seen only by its department; publishing puts it in the register for everyone', async () => {
  const pdf = await uploadVia(p, parks.official, 'mowing.pdf', simplePdf(['Mowing schedule for the city parks']), 'application/pdf');
  const id = await publishVia(p, parks.official, parks.id, { title: 'Mowing schedule 2026', attachmentIds: [pdf] });
  const file = `/api/v1/attachments/${pdf}/content`;
  for (const as of [null, resident, water.official]) {
    assert.equal((await get(`/api/v1/publications/${id}`, as)).statusCode, 404);
    assert.equal((await get(file, as)).statusCode, 404);
    assert.ok(!ids(await search('q=mowing', as)).includes(id));
  }
  for (const as of [parks.official, clerk, admin]) {
    assert.equal((await get(file, as)).statusCode, 200);
    assert.ok(ids(await search('status=draft', as)).includes(id));
  }
  const draft = await detail(id, parks.official);
  assert.equal(draft.publication.status, 'draft');
  assert.deepEqual(draft.abilities, { edit: true, publish: true, withdraw: false, delete: true });
  // Others may not publish it: they do not even see it.
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/publications/${id}/publish`, as: water.official, body: {} })).statusCode, 404);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/publications/${id}/publish`, body: {} })).statusCode, 401);

  p.clock.set('2026-03-03T02:00:00Z');
  const published = await api(p, { method: 'POST', url: `/api/v1/publications/${id}/publish`, as: parks.official, body: {} });
  assert.equal(published.statusCode, 200, published.body);
  const seen = await detail(id, null);
  assert.equal(seen.publication.status, 'published');
  assert.equal(seen.publication.publishedAt, '2026-03-03T02:00:00.000Z');
  assert.deepEqual(seen.abilities, { edit: false, publish: false, withdraw: false, delete: false });
  assert.deepEqual(seen.events.map((e: { kind: string }) => e.kind), ['published']);
  assert.equal(seen.linkInputs, null);
  assert.equal((await get(file, null)).statusCode, 200);
  assert.ok(ids(await search('q=mowing')).includes(id));
  // Publishing twice or deleting a published document is refused.
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/publications/${id}/publish`, as: parks.official, body: {} })).json().error.code, 'publication_not_draft');
  const del = await api(p, { method: 'DELETE', url: `/api/v1/publications/${id}`, as: parks.official });
  assert.equal(del.statusCode, 409);
  // Public audit row for the publication.
  const audit = await p.deps.db.selectFrom('audit_log').select(['action', 'public', 'post_id', 'organization_id']).where('resource_id', '=', id).orderBy('seq').execute();
  assert.deepEqual(audit.map((a) => `${a.action}:${a.public}`), ['publication.created:false', 'publication.published:true']);
  assert.equal(audit[1]!.post_id, parks.postId);
  assert.equal(audit[1]!.organization_id, parks.id);
});

test('a correction after publication needs a change note and shows as "updated on"; a withdrawal stays visible with its reason', async () => {
  p.clock.set('2026-03-04T02:00:00Z');
  const id = await publishVia(p, parks.official, parks.id, { title: 'Playground inspection report', category: 'reports', publish: true });
  const fields = { title: 'Playground inspection report 2026', summary: 'The yearly safety inspection of every playground in the city parks.', category: 'reports', documentDate: '2026-02-10' };
  const withoutNote = await api(p, { method: 'PUT', url: `/api/v1/publications/${id}`, as: parks.official, body: fields });
  assert.equal(withoutNote.statusCode, 400, withoutNote.body);
  assert.equal(withoutNote.json().error.fields[0].code, 'publication_change_note_required');
  // The department is not part of an edit.
  assert.equal((await api(p, { method: 'PUT', url: `/api/v1/publications/${id}`, as: parks.official, body: { ...fields, departmentId: water.id, changeNote: 'Moved.' } })).statusCode, 400);
  p.clock.set('2026-03-05T02:00:00Z');
  const body = { ...fields, changeNote: 'Added the year to the title.' };
  for (const as of [null, resident, water.official]) {
    const res = await api(p, { method: 'PUT', url: `/api/v1/publications/${id}`, as, body });
    assert.equal(res.statusCode, as ? 403 : 401);
  }
  const ok = await api(p, { method: 'PUT', url: `/api/v1/publications/${id}`, as: parks.official, body });
  assert.equal(ok.statusCode, 200, ok.body);
  const corrected = await detail(id, null);
  assert.equal(corrected.publication.title, 'Playground inspection report 2026');
  assert.equal(corrected.publication.correctedAt, '2026-03-05T02:00:00.000Z');
  assert.deepEqual(corrected.events.map((e: { kind: string; note: string | null }) => [e.kind, e.note]), [['published', null], ['corrected', 'Added the year to the title.']]);

  // Withdrawal: refused to others, then done with a public reason; it stays listed as withdrawn.
  const reason = { reason: 'Replaced by the corrected report of 10 March.' };
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/publications/${id}/withdraw`, as: resident, body: reason })).statusCode, 403);
  p.clock.set('2026-03-06T02:00:00Z');
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/publications/${id}/withdraw`, as: admin, body: reason })).statusCode, 200);
  const withdrawn = await detail(id, null);
  assert.equal(withdrawn.publication.status, 'withdrawn');
  assert.equal(withdrawn.publication.withdrawalReason, reason.reason);
  assert.equal(withdrawn.events.at(-1).kind, 'withdrawn');
  const listed = await search('q=playground');
  assert.equal(listed.publications.find((x) => x.id === id)?.status, 'withdrawn');
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/publications/${id}/withdraw`, as: admin, body: reason })).json().error.code, 'publication_not_published');
  assert.equal((await api(p, { method: 'PUT', url: `/api/v1/publications/${id}`, as: admin, body })).json().error.code, 'publication_withdrawn');
  const audit = await p.deps.db.selectFrom('audit_log').select(['action', 'public']).where('resource_id', '=', id).orderBy('seq').execute();
  assert.deepEqual(audit.map((a) => `${a.action}:${a.public}`), ['publication.created:false', 'publication.published:true', 'publication.corrected:true', 'publication.withdrawn:true']);
});

test('a draft can be deleted with its files; a published one never', async () => {
  const file = await uploadVia(p, parks.official, 'notes.txt', Buffer.from('Internal notes', 'utf8'), 'text/plain');
  const id = await publishVia(p, parks.official, parks.id, { attachmentIds: [file] });
  assert.equal((await api(p, { method: 'DELETE', url: `/api/v1/publications/${id}`, as: resident })).statusCode, 404);
  assert.equal((await api(p, { method: 'DELETE', url: `/api/v1/publications/${id}`, as: parks.official })).statusCode, 204);
  assert.equal((await get(`/api/v1/publications/${id}`, parks.official)).statusCode, 404);
  assert.equal(await p.deps.db.selectFrom('attachments').select('id').where('id', '=', file).executeTakeFirst(), undefined);
});

test('search finds a phrase that is only inside an uploaded PDF, and Chinese words in titles, summaries and a text file', async () => {
  const pdf = simplePdf(['Annual report of the Water Board', 'Leakage fell to eleven percent after the pipe renewal programme.']);
  const pdfId = await uploadVia(p, water.official, 'annual-report.pdf', pdf, 'application/pdf');
  const report = await publishVia(p, water.official, water.id, { title: 'Annual report 2025', summary: 'What the Water Board did in 2025, with its accounts.', category: 'reports', attachmentIds: [pdfId], publish: true });
  assert.deepEqual(ids(await search('q=pipe%20renewal%20programme')), [report]);
  assert.deepEqual(ids(await search('q=leakage')), [report]);
  assert.deepEqual(ids(await search('q=nonexistentword')), []);

  const txt = await uploadVia(p, water.official, '供水合同.txt', Buffer.from('第二条 水价：居民阶梯水价第一档每吨 3.2 元。\n第三条 管网漏损率控制在百分之十以内。', 'utf8'), 'text/plain');
  const zh = await publishVia(p, water.official, water.id, {
    title: '2026 年供水服务合同', summary: '湖景市水务局与供水公司签订的年度供水服务合同，规定水价和服务标准。', category: 'contracts', attachmentIds: [txt], publish: true,
  });
  assert.deepEqual(ids(await search(`q=${encodeURIComponent('供水服务')}`)), [zh]);
  assert.deepEqual(ids(await search(`q=${encodeURIComponent('阶梯水价')}`)), [zh], 'a phrase only inside the text file');
  assert.deepEqual(ids(await search(`q=${encodeURIComponent('漏损率')}`)), [zh]);

  // A CSV is searchable too.
  const csv = await uploadVia(p, water.official, 'reservoirs.csv', Buffer.from('reservoir,level_percent\nNorth Hill reservoir,81\nStonebridge reservoir,64\n', 'utf8'), 'text/csv');
  const stats = await publishVia(p, water.official, water.id, { title: 'Reservoir levels in February', summary: 'Weekly reservoir levels as a spreadsheet.', category: 'statistics', attachmentIds: [csv], publish: true });
  assert.deepEqual(ids(await search('q=stonebridge')), [stats]);
  const view = await detail(stats);
  assert.equal(view.publication.attachments[0].kind, 'spreadsheet');

  // Replacing the files re-indexes: the PDF's words are gone once it is removed (a correction with a note).
  const res = await api(p, {
    method: 'PUT',
    url: `/api/v1/publications/${report}`,
    as: water.official,
    body: { title: 'Annual report 2025', summary: 'What the Water Board did in 2025, with its accounts.', category: 'reports', documentDate: '2026-02-10', attachmentIds: [], changeNote: 'The report file was replaced.' },
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(ids(await search('q=leakage')), []);
});

test('filters: department, category, area, document dates and validity as it stands today', async () => {
  p.clock.set('2026-03-10T02:00:00Z');
  const inForce = await publishVia(p, parks.official, parks.id, { title: 'Tree protection rules', category: 'regulations', documentDate: '2025-12-01', validFrom: '2026-01-01', validUntil: '2026-12-31', areaId: areas.hoodId, publish: true });
  p.clock.set('2026-03-10T03:00:00Z');
  const expired = await publishVia(p, parks.official, parks.id, { title: 'Winter park hours', category: 'regulations', documentDate: '2025-10-15', validFrom: '2025-11-01', validUntil: '2026-02-28', publish: true });
  const list = await search(`departmentId=${parks.id}&category=regulations`);
  assert.deepEqual(ids(list), [expired, inForce], 'latest publication first');
  assert.equal(list.publications.find((x) => x.id === inForce)!.validity, 'in_force');
  assert.equal(list.publications.find((x) => x.id === expired)!.validity, 'expired');
  assert.deepEqual(ids(await search(`departmentId=${parks.id}&category=regulations&from=2025-11-01&to=2025-12-31`)), [inForce]);
  assert.deepEqual(ids(await search(`category=regulations&areaId=${areas.districtId}`)), [inForce], 'an area includes its sub-areas');
  assert.deepEqual(ids(await search(`departmentId=${water.id}&category=regulations`)), []);
  assert.equal((await get('/api/v1/publications?category=nonsense')).statusCode, 400);
  assert.equal((await get('/api/v1/publications?from=2026-13-01')).statusCode, 400);
  const page = await search(`departmentId=${parks.id}&limit=1&offset=1`);
  assert.equal(page.publications.length, 1);
  assert.ok(page.total >= 2);
});

test('the Atom feed of the register, per department and per category, is well-formed', async () => {
  const res = await get(`/api/v1/publications.atom?department=${parks.slug}`);
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^application\/atom\+xml; charset=utf-8/);
  const xml = res.body;
  const wellFormed = await sql<{ ok: boolean }>`select xml_is_well_formed_document(${xml}) as ok`.execute(p.deps.db);
  assert.equal(wellFormed.rows[0]!.ok, true, xml);
  const ns = sql`ARRAY[ARRAY['a', 'http://www.w3.org/2005/Atom']]`;
  const doc = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const read = async (path: string) => (await sql<{ v: string[] }>`select xpath(${path}, xmlparse(document ${doc}), ${ns})::text[] as v`.execute(p.deps.db)).rows[0]!.v;
  assert.deepEqual(await read('/a:feed/a:title/text()'), ['Publication register: Parks &amp; Gardens']);
  const titles = await read('/a:feed/a:entry/a:title/text()');
  assert.ok(titles.includes('Tree protection rules'));
  assert.ok(titles.includes('Playground inspection report 2026'), 'withdrawn documents stay in the feed');
  assert.ok(!titles.includes('Annual report 2025'), 'another department');
  assert.ok(!xml.includes('Parks maintenance contract 2026'), 'no drafts');
  const contents = await read('/a:feed/a:entry/a:content/text()');
  assert.ok(contents.some((c) => c.startsWith('Withdrawn: Replaced by the corrected report')));

  const zh = await get('/api/v1/publications.atom?category=contracts', null, 'zh-CN');
  assert.equal((await sql<{ ok: boolean }>`select xml_is_well_formed_document(${zh.body}) as ok`.execute(p.deps.db)).rows[0]!.ok, true);
  assert.match(zh.body, /<title type="text">政府信息公开目录：合同<\/title>/);
  assert.match(zh.body, /2026 年供水服务合同/);
  assert.ok(!zh.body.includes('Tree protection rules'));
  assert.equal((await get('/api/v1/publications.atom?department=nowhere')).statusCode, 404);
  assert.equal((await get('/api/v1/publications.atom?category=nonsense')).statusCode, 400);
});

test('publishInRegister publishes in the caller\'s transaction, copies files and links, and refuses other departments', async () => {
  p.clock.set('2026-03-11T02:00:00Z');
  const pdfId = await uploadVia(p, water.official, 'reply.pdf', simplePdf(['The meter replacement budget is 2.4 million yuan.']), 'application/pdf');
  const source = await publishVia(p, water.official, water.id, { attachmentIds: [pdfId], publish: true, title: 'Source document' });
  const actor = (await loadUserActor(p.deps.db, water.official.id))!;
  const created = orFail(
    await transact(p.deps.db, (trx) =>
      publishInRegister(trx, actor, {
        departmentId: water.id,
        title: 'Reply: the budget for water meters',
        summary: 'The answer to an information request about the water meter budget, published for everyone.',
        category: 'budgets_spending',
        attachmentsFrom: { ownerType: 'publication', ownerId: source },
        links: [{ type: 'publication', id: source }],
        now: p.clock.now(),
      }),
    ),
  );
  assert.equal(created.path, `/publications/${created.id}`);
  const view = await detail(created.id);
  assert.equal(view.publication.status, 'published');
  assert.equal(view.publication.documentDate, '2026-03-11');
  assert.equal(view.publication.attachments.length, 1);
  assert.notEqual(view.publication.attachments[0].id, pdfId);
  assert.deepEqual(view.links, [{ type: 'publication', id: source, title: 'Source document', path: `/publications/${source}` }]);
  assert.deepEqual(ids(await search('q=meter%20replacement')).sort(), [source, created.id].sort());
  assert.equal((await get(view.publication.attachments[0].url)).statusCode, 200);

  const outsider = (await loadUserActor(p.deps.db, parks.official.id))!;
  const refused = await transact(p.deps.db, (trx) =>
    publishInRegister(trx, outsider, { departmentId: water.id, title: 'Not mine', summary: 'Not my department at all.', category: 'other', now: p.clock.now() }),
  );
  assert.equal(refused.ok, false);
  assert.equal(!refused.ok && refused.code, 'forbidden_department');
});

test('links are described at read time as the reader sees them; unreadable ones are left out', async () => {
  const draft = await publishVia(p, parks.official, parks.id, { title: 'Draft linked to' });
  const res = await api(p, { method: 'POST', url: '/api/v1/publications', as: parks.official, body: publicationBody(parks.id, { title: 'Linking document', links: [{ type: 'publication', id: draft }], publish: true }) });
  assert.equal(res.statusCode, 201, res.body);
  const id = res.json().id;
  assert.deepEqual((await detail(id, parks.official)).links.map((l: { id: string }) => l.id), [draft]);
  assert.deepEqual((await detail(id, null)).links, []);
  // Linking to something the actor cannot see is refused.
  const other = await api(p, { method: 'POST', url: '/api/v1/publications', as: water.official, body: publicationBody(water.id, { links: [{ type: 'publication', id: draft }] }) });
  assert.equal(other.statusCode, 400);
  assert.equal(other.json().error.fields[0].code, 'publication_link_invalid');
});

test('the open-data table has the register\'s metadata and files, no drafts and nothing about the officials', async () => {
  const table = publicationsManifest.openData!.tables[0]!;
  const rows = await table.rows(p.deps.db);
  assert.ok(rows.length > 0);
  assert.ok(rows.every((r) => r.status !== 'draft'));
  for (const r of rows) assert.deepEqual(Object.keys(r).sort(), table.fields.map((f) => f.name).sort());
  const text = JSON.stringify(rows);
  for (const user of [parks.official, water.official, admin, clerk]) {
    assert.ok(!text.includes(user.email));
    assert.ok(!text.includes(user.id));
  }
  assert.ok(!text.includes('Official'), 'no display names of officials');
  assert.ok(rows.some((r) => (r.attachments as { kind: string }[]).some((a) => a.kind === 'document')));
});

test('bad files for the register get a clear 4xx and nothing is written: too large, lying about their type, a path in the name, someone else\'s upload', async () => {
  const official = water.official;
  const upload = (fileName: string, bytes: Buffer, contentType = 'application/octet-stream') =>
    api(p, { method: 'POST', url: `/api/v1/attachments?fileName=${encodeURIComponent(fileName)}`, as: official, body: bytes, headers: { 'content-type': contentType } });
  const count = async () => (await p.deps.db.selectFrom('attachments').select(sql<number>`count(*)::int`.as('n')).where('uploaded_by', '=', official.id).executeTakeFirstOrThrow()).n;
  const before = await count();
  const cases: [string, Buffer, number, string][] = [
    ['huge.pdf', Buffer.concat([simplePdf(['big']), Buffer.alloc(p.config.ATTACHMENT_MAX_MB * 1024 * 1024)]), 413, ''],
    ['budget.pdf', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), 415, 'attachment_name_mismatch'],
    ['report.pdf', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x01]), 415, 'attachment_type_not_allowed'],
    ['../../etc/passwd.txt', Buffer.from('root:x:0:0', 'utf8'), 400, 'attachment_name_invalid'],
    ['..\\minutes.pdf', simplePdf(['minutes']), 400, 'attachment_name_invalid'],
  ];
  for (const [name, bytes, status, code] of cases) {
    const res = await upload(name, bytes, name.endsWith('.pdf') ? 'application/pdf' : 'text/plain');
    assert.equal(res.statusCode, status, `${name}: ${res.body.slice(0, 200)}`);
    if (code) assert.equal(res.json().error.code, code, name);
  }
  assert.equal(await count(), before, 'no upload was stored');

  // Another person's upload cannot be attached: 400, and no publication is left behind.
  const foreign = await uploadVia(p, parks.official, 'foreign.pdf', simplePdf(['Not yours']), 'application/pdf');
  const publications = async () => (await p.deps.db.selectFrom('publications').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const total = await publications();
  const res = await api(p, { method: 'POST', url: '/api/v1/publications', as: official, body: publicationBody(water.id, { attachmentIds: [foreign], publish: true }) });
  assert.equal(res.statusCode, 400, res.body);
  assert.equal(res.json().error.fields[0].code, 'attachment_invalid');
  assert.equal(await publications(), total);
  const stillLoose = await p.deps.db.selectFrom('attachments').select('owner_id').where('id', '=', foreign).executeTakeFirstOrThrow();
  assert.equal(stillLoose.owner_id, null);
});

test('people who follow a department are told when it publishes; followers of a document when it is corrected or withdrawn', async () => {
  const follower = await createUser(p, { displayName: 'Fay Follower' });
  assert.equal((await api(p, { method: 'PUT', url: `/api/v1/follows/organization/${water.id}`, as: follower })).statusCode, 200);
  const draft = await publishVia(p, water.official, water.id, { title: 'Water tariff table 2026' });
  const kinds = async () =>
    ((await get('/api/v1/notifications', follower)).json().notifications as { kind: string; path: string }[]).filter((n) => n.path === `/publications/${draft}`).map((n) => n.kind);
  assert.deepEqual(await kinds(), [], 'nothing for a draft');
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/publications/${draft}/publish`, as: water.official, body: {} })).statusCode, 200);
  assert.deepEqual(await kinds(), ['publication.published']);
  assert.equal((await api(p, { method: 'PUT', url: `/api/v1/follows/publication/${draft}`, as: follower })).statusCode, 200);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/publications/${draft}/withdraw`, as: water.official, body: { reason: 'Superseded by the tariff decision.' } })).statusCode, 200);
  assert.deepEqual((await kinds()).sort(), ['publication.published', 'publication.withdrawn']);
});

test('messages are in the reader\'s language', async () => {
  const res = await api(p, { method: 'POST', url: '/api/v1/publications', as: resident, body: publicationBody(parks.id), lang: 'zh-CN' });
  assert.equal(res.statusCode, 403);
  assert.ok(/[\u4e00-\u9fff]/.test(res.json().error.message));
});
