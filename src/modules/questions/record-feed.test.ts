import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createDepartment, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { answerVia, askVia } from './testing.js';

let p: TestPlatform;
let admin: TestUser;
let asker: TestUser;
let parks: Awaited<ReturnType<typeof createDepartment>>;
let water: Awaited<ReturnType<typeof createDepartment>>;
let roads: Awaited<ReturnType<typeof createDepartment>>;
const ids: Record<string, string> = {};

const at = (iso: string) => p.clock.set(iso);
const post = (url: string, as: TestUser, body: unknown) => api(p, { method: 'POST', url, as, body });

before(async () => {
  p = await createTestPlatform();
  at('2026-03-02T09:00:00Z');
  parks = await createDepartment(p, 'Parks & Gardens');
  water = await createDepartment(p, 'Water Office');
  roads = await createDepartment(p, 'Roads Office');
  admin = await createUser(p, { roles: ['administrator'] });
  asker = await createUser(p);
  assert.equal((await api(p, { method: 'PUT', url: '/api/v1/calendar', as: admin, body: { timeZone: 'Asia/Shanghai', days: [] } })).statusCode, 200);
  const settings = { answerWorkingDays: 5, legalBasis: 'Parks Charter, art. 3: five working days.', transferRestartsClock: true, declineGrounds: [{ code: 'personal_data', label: 'Personal data of another person', labelZh: '他人的个人信息', legalReference: 'Parks Charter, art. 8' }] };
  assert.equal((await api(p, { method: 'PUT', url: `/api/v1/questions/departments/${parks.slug}/settings`, as: admin, body: settings })).statusCode, 200);

  // Parks: asked Monday 2 March (17:00 in Shanghai), due at the end of Monday 9 March (5 working days).
  for (const key of ['fast', 'onDueDay', 'late', 'declined', 'overdue', 'moved']) {
    ids[key] = await askVia(p, asker, parks.id, { title: key === 'late' ? 'Fountain <repairs> & benches' : `Question ${key}`, body: `The body of the question called ${key}, long enough.` });
  }
  at('2026-03-03T02:00:00Z');
  await answerVia(p, parks.official, ids.fast!, 'Answered the next day: 1 working day.');
  at('2026-03-03T02:05:00Z');
  assert.equal((await post(`/api/v1/questions/${ids.declined}/decline`, parks.official, { ground: 'personal_data', explanation: 'We do not discuss a named person\'s case.' })).statusCode, 200);
  assert.equal((await post(`/api/v1/questions/${ids.moved}/transfer`, parks.official, { departmentId: water.id, reason: 'The Water Office runs the fountains.' })).statusCode, 200);
  at('2026-03-09T15:00:00Z');
  await answerVia(p, parks.official, ids.onDueDay!, 'Answered at 23:00 on the due day: 5 working days, on time.');
  at('2026-03-11T02:00:00Z');
  await answerVia(p, parks.official, ids.late!, 'Answered two days late: 7 working days, with "quotes" & <angle brackets>.');
  at('2026-03-12T02:00:00Z');
  for (const [key, resolved] of [['fast', true], ['onDueDay', false], ['late', true]] as const) {
    assert.equal((await post(`/api/v1/questions/${ids[key]}/rating`, asker, { resolved })).statusCode, 200);
  }
  // Roads answers its only question on time.
  ids.roads = await askVia(p, asker, roads.id);
  await answerVia(p, roads.official, ids.roads);
  at('2026-04-01T02:00:00Z');
  // Sessions end after two idle weeks: a new account asks in April.
  ids.open = await askVia(p, await createUser(p), parks.id, { title: 'Question asked in April', body: 'A question asked in April, not due yet.' });
});
after(async () => {
  await p?.close();
});

test("a department's record: on time, late, declined, overdue, open; median working days; resolved share; month by month", async () => {
  const res = await api(p, { method: 'GET', url: `/api/v1/questions/departments/${parks.slug}` });
  assert.equal(res.statusCode, 200, res.body);
  const record = res.json();
  assert.deepEqual(record.totals, {
    asked: 6,
    answered: 3,
    answeredOnTime: 2,
    answeredLate: 1,
    declined: 1,
    overdueNow: 1,
    open: 1,
    onTimeShare: 0.5,
    // 1, 5 and 7 working days.
    medianWorkingDays: 5,
    rated: 3,
    ratedResolved: 2,
    resolvedShare: 2 / 3,
    transferredAway: 1,
  });
  assert.equal(record.months.length, 12);
  assert.deepEqual(record.months.slice(-2), [
    { month: '2026-03', asked: 5, answeredOnTime: 2, late: 2, declined: 1, open: 0 },
    { month: '2026-04', asked: 1, answeredOnTime: 0, late: 0, declined: 0, open: 1 },
  ]);
  assert.deepEqual(record.overdue.map((o: { id: string }) => o.id), [ids.overdue]);
  assert.deepEqual(record.latest.map((q: { id: string }) => q.id), [ids.late, ids.onDueDay, ids.declined, ids.fast]);
  assert.equal(record.settings.answerWorkingDays, 5);
  assert.equal(record.abilities.configure, false);
  const freshAdmin = await createUser(p, { roles: ['administrator'] });
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/questions/departments/${parks.slug}`, as: freshAdmin })).json().abilities.configure, true);
  assert.equal((await api(p, { method: 'GET', url: '/api/v1/questions/departments/nowhere' })).statusCode, 404);
  // The transferred question counts for the department that holds it now.
  const waterRecord = (await api(p, { method: 'GET', url: `/api/v1/questions/departments/${water.slug}` })).json();
  assert.equal(waterRecord.totals.asked, 1);
  assert.equal(waterRecord.totals.transferredAway, 0);
});

test('the ranking orders departments by the share answered on time; those with nothing to judge are unranked', async () => {
  const ranking = (await api(p, { method: 'GET', url: '/api/v1/questions/departments' })).json();
  const rows = ranking.departments.map((d: { department: { id: string }; rank: number | null; totals: { onTimeShare: number | null } }) => [d.department.id, d.rank, d.totals.onTimeShare]);
  assert.deepEqual(rows, [
    [roads.id, 1, 1],
    [parks.id, 2, 0.5],
    // The water office's only question was moved there on 3 March with 15 working days (the default): overdue since 24 March.
    [water.id, 3, 0],
  ]);
});

test('the Atom feed of answers is well-formed Atom 1.0 with escaped text, absolute links and the signing post', async () => {
  const res = await api(p, { method: 'GET', url: `/api/v1/questions/departments/${parks.slug}/answers.atom` });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^application\/atom\+xml; charset=utf-8/);
  const xml = res.body;
  const wellFormed = await sql<{ ok: boolean }>`select xml_is_well_formed_document(${xml}) as ok`.execute(p.deps.db);
  assert.equal(wellFormed.rows[0]!.ok, true, xml);
  const ns = sql`ARRAY[ARRAY['a', 'http://www.w3.org/2005/Atom']]`;
  const doc = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const read = async (path: string) =>
    (await sql<{ v: string[] }>`select xpath(${path}, xmlparse(document ${doc}), ${ns})::text[] as v`.execute(p.deps.db)).rows[0]!.v;
  assert.deepEqual(await read('/a:feed/a:title/text()'), ['Answers to public questions: Parks &amp; Gardens']);
  assert.deepEqual(await read('/a:feed/a:link[@rel="self"]/@href'), [`http://localhost:80/api/v1/questions/departments/${parks.slug}/answers.atom`]);
  assert.deepEqual(await read('/a:feed/a:updated/text()'), ['2026-03-11T02:00:00.000Z']);
  assert.deepEqual(await read('/a:feed/a:entry/a:id/text()'), [ids.late, ids.onDueDay, ids.declined, ids.fast].map((id) => `urn:uuid:${id}`));
  assert.deepEqual((await read('/a:feed/a:entry/a:title/text()'))[0], 'Fountain &lt;repairs&gt; &amp; benches');
  assert.deepEqual((await read('/a:feed/a:entry/a:link/@href'))[0], `http://localhost:80/questions/${ids.late}`);
  assert.deepEqual((await read('/a:feed/a:entry/a:author/a:name/text()'))[0], 'Director, Parks &amp; Gardens');
  const contents = await read('/a:feed/a:entry/a:content/text()');
  assert.match(contents[0]!, /"quotes" &amp; &lt;angle brackets&gt;/);
  assert.ok(xml.includes('with &quot;quotes&quot; &amp; &lt;angle brackets&gt;.</content>'));
  assert.match(contents[2]!, /^Declined on this ground: Personal data of another person \(Parks Charter, art\. 8\)\./);
  assert.equal(xml.includes(ids.overdue!), false, 'only answers and declines');
  // In Chinese, the feed's own texts and the grounds are in Chinese.
  const zh = await api(p, { method: 'GET', url: `/api/v1/questions/departments/${parks.slug}/answers.atom`, lang: 'zh-CN' });
  assert.match(zh.body, /<title type="text">公开问询答复：Parks &amp; Gardens<\/title>/);
  assert.match(zh.body, /拒绝答复，理由：他人的个人信息/);
  assert.match(zh.body, /xml:lang="zh-CN"/);
  // A department without answers has an empty, still valid feed.
  const empty = await api(p, { method: 'GET', url: `/api/v1/questions/departments/${water.slug}/answers.atom` });
  assert.equal((await sql<{ ok: boolean }>`select xml_is_well_formed_document(${empty.body}) as ok`.execute(p.deps.db)).rows[0]!.ok, true);
  assert.equal(empty.body.includes('<entry>'), false);
  assert.equal((await api(p, { method: 'GET', url: '/api/v1/questions/departments/nowhere/answers.atom' })).statusCode, 404);
});
