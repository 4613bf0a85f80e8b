/**
 * The open-data archive end to end: built from the demo municipality plus activity of residents
 * with unmistakable names, it holds every public record type, and not one byte of any file names,
 * e-mails or identifies a person or carries a ballot. Also: the Popolo view, who may regenerate,
 * the daily job, downloads with ETags and single data sets.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { unzipSync } from 'fflate';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createAreas, createDepartment, createOrganization, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { modules } from '../../server/modules.js';
import { seedDemo } from '../../server/demo.js';
import { loadUserActor } from '../identity/load-actor.js';
import { parseCsv } from '../csv.js';
import { runJobOnce } from '../jobs/scheduler.js';
import { openProcess, proposeVia } from '../../modules/proposals/testing.js';
import { countNow, seededBudget, voteAt } from '../../modules/budgeting/testing.js';
import { openConversation } from '../../modules/opinions/testing.js';
import { askVia } from '../../modules/questions/testing.js';
import { newCategory, newReport } from '../../modules/reports/testing.js';
import { settleOpinionMath } from '../../modules/opinions/math-runner.js';
import { buildArchive } from './archive.js';
import { openDataJob, openDataSources } from './generate.js';

const DAY = 86_400_000;

/** The data sets the existing modules must fill from the demo municipality and the activity below. */
const EXPECTED = [
  'areas', 'organizations', 'posts', 'calendar_days', 'comments', 'audit_log',
  'processes', 'process_phases', 'proposals', 'proposal_answers', 'debates',
  'regulations', 'regulation_versions', 'regulation_clauses', 'regulation_responses',
  'budgets', 'budget_projects', 'budget_results', 'opinion_conversations', 'questions',
  'problem_categories', 'problem_reports', 'hearings', 'hearing_agenda', 'hearing_answers', 'hearing_report_items',
];

interface Person {
  user: TestUser;
  name: string;
}

let p: TestPlatform;
let admin: TestUser;
let dept: Awaited<ReturnType<typeof createDepartment>>;
let people: Person[] = [];
const receipts: string[] = [];
let files: Record<string, Uint8Array> = {};

async function person(name: string, areaSlug: string): Promise<Person> {
  const tag = randomBytes(4).toString('hex');
  const user = await createUser(p, { displayName: name, email: `zq-${tag}@example.test`, verifiedIn: { areaSlug } });
  return { user, name };
}

async function download(): Promise<Record<string, Uint8Array>> {
  const res = await api(p, { method: 'GET', url: '/api/v1/open-data/archive.zip' });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['content-type'], 'application/zip');
  return unzipSync(new Uint8Array(res.rawPayload));
}

/** A file's text as stored (a byte-order mark included). */
const text = (name: string) => Buffer.from(files[name]!).toString('utf8');

before(async () => {
  p = await createTestPlatform();
  await seedDemo(p.deps, modules);
  admin = await createUser(p, { roles: ['administrator'], displayName: 'Archive Admin' });
  dept = await createDepartment(p, 'Open Data Department');
  const areas = await createAreas(p);
  const calendar = await api(p, { method: 'PUT', url: '/api/v1/calendar', as: admin, body: { timeZone: 'Asia/Shanghai', days: [{ date: '2026-10-01', kind: 'holiday', name: 'National Day', nameZh: '国庆节' }] } });
  assert.equal(calendar.statusCode, 200, calendar.body);
  people = [
    await person('Zebulon Quixote', areas.hoodSlug),
    await person('Xanthippe Vandergelt', areas.hoodSlug),
    await person('Ottoline Quarrington', areas.hoodSlug),
  ];
  const [zeb, xan, otto] = people.map((x) => x.user) as [TestUser, TestUser, TestUser];
  const actorOf = async (u: TestUser) => (await loadUserActor(p.deps.db, u.id))!;

  // A proposal, a comment on it and a support.
  const process = await openProcess(p, admin, { departmentId: dept.id });
  const proposalId = await proposeVia(p, zeb, process.slug, { title: 'Drinking fountains on the lake path' });
  const comment = await api(p, { method: 'POST', url: '/api/v1/comments', as: xan, body: { resourceType: 'proposal', resourceId: proposalId, body: 'Yes, and one near the playground.', stance: 'in_favour' } });
  assert.equal(comment.statusCode, 201, comment.body);
  const support = await api(p, { method: 'POST', url: `/api/v1/proposals/${proposalId}/support`, as: otto });
  assert.ok(support.statusCode < 300, support.body);

  // A participatory budget with projects by Zebulon, ballots by all three, counted.
  const official = await actorOf(dept.official);
  const budget = await seededBudget(p, { departmentId: dept.id, official, proposer: await actorOf(zeb), stage: 'closed' });
  receipts.push(await voteAt(p, budget, await actorOf(zeb), [{ projectId: budget.projects[0]!.id }, { projectId: budget.projects[1]!.id }]));
  receipts.push(await voteAt(p, budget, await actorOf(xan), [{ projectId: budget.projects[1]!.id }]));
  receipts.push(await voteAt(p, budget, await actorOf(otto), [{ projectId: budget.projects[2]!.id }]));
  await countNow(p, budget);

  // Votes and a statement in an opinion conversation.
  const conversation = await openConversation(p, { departmentId: dept.id, official });
  for (const u of [zeb, xan, otto]) {
    for (const s of conversation.statements.slice(0, 3)) {
      const res = await api(p, { method: 'POST', url: `/api/v1/conversations/${conversation.conversationId}/votes`, as: u, body: { statementId: s.id, vote: 'agree' } });
      assert.equal(res.statusCode, 200, res.body);
    }
  }
  const statement = await api(p, { method: 'POST', url: `/api/v1/conversations/${conversation.conversationId}/statements`, as: zeb, body: { body: 'Market days need their own plan for deliveries.' } });
  assert.ok(statement.statusCode < 300, statement.body);
  await settleOpinionMath();

  // A question and a reported problem.
  await askVia(p, zeb, dept.id, { title: 'When will the fountain be repaired?' });
  const category = await newCategory(p, dept.id);
  await newReport(p, { categoryId: category.id, reporterId: xan.id, description: 'The fountain in the square has been dry for weeks.' });

  // A verified organization of one of them: its name is public, its representative is not.
  await createOrganization(p, { name: 'Friends of the Lake Path' });

  const regenerated = await api(p, { method: 'POST', url: '/api/v1/open-data/archive', as: admin });
  assert.equal(regenerated.statusCode, 201, regenerated.body);
  files = await download();
});

after(async () => {
  await settleOpinionMath();
  await p?.close();
});

test('the archive holds every public record type, as CSV and JSON that agree, with a data package and a dictionary', async () => {
  const overview = (await api(p, { method: 'GET', url: '/api/v1/open-data' })).json();
  const byName = new Map<string, { rows: number; fields: { name: string }[] }>(overview.datasets.map((d: { name: string; rows: number; fields: { name: string }[] }) => [d.name, d]));
  for (const name of EXPECTED) {
    assert.ok(byName.has(name), `data set ${name} is listed`);
    assert.ok(byName.get(name)!.rows > 0, `data set ${name} is not empty`);
  }
  // Every data set (of every module, including ones added later): JSON and CSV agree with the listed fields and count.
  for (const [name, d] of byName) {
    const rows = JSON.parse(text(`${name}.json`)) as Record<string, unknown>[];
    assert.equal(rows.length, d.rows, `${name}.json rows`);
    for (const row of rows) assert.deepEqual(Object.keys(row), d.fields.map((f) => f.name));
    const csvText = text(`${name}.csv`);
    assert.equal(csvText.charCodeAt(0), 0xfeff, `${name}.csv starts with a byte-order mark`);
    const csv = parseCsv(csvText);
    assert.deepEqual(csv[0], d.fields.map((f) => f.name), `${name}.csv header`);
    assert.equal(csv.length - 1, d.rows, `${name}.csv rows`);
  }
  // Chinese survives in both forms.
  assert.match(text('areas.csv'), /[\u4e00-\u9fff]/);
  // Opinion conversations in Polis format, one folder each.
  const conversations = JSON.parse(text('opinion_conversations.json')) as { id: string }[];
  for (const c of conversations) {
    for (const f of ['comments.csv', 'votes.csv', 'participants-votes.csv', 'summary.csv']) assert.ok(files[`opinions/${c.id}/${f}`], `opinions/${c.id}/${f}`);
  }
  assert.match(text(`opinions/${conversations[0]!.id}/votes.csv`), /^timestamp,datetime,comment-id,voter-id,vote\n/);
  // Hidden and draft content stays out.
  const hiddenProposals = await p.deps.db.selectFrom('proposals').select('id').where((eb) => eb.or([eb('hidden_at', 'is not', null), eb('state', '=', 'draft')])).execute();
  const proposalIds = new Set((JSON.parse(text('proposals.json')) as { id: string }[]).map((r) => r.id));
  for (const h of hiddenProposals) assert.ok(!proposalIds.has(h.id));
  const draftProcesses = await p.deps.db.selectFrom('processes').select('id').where('status', '=', 'draft').execute();
  const processIds = new Set((JSON.parse(text('processes.json')) as { id: string }[]).map((r) => r.id));
  for (const d of draftProcesses) assert.ok(!processIds.has(d.id));
  // The data package describes every CSV and file; the README names every data set, in both languages.
  const pkg = JSON.parse(text('datapackage.json'));
  assert.equal(pkg.profile, 'data-package');
  const resources = new Map<string, { path: string; schema?: { fields: { name: string; type: string; description: string }[] } }>(pkg.resources.map((r: { name: string }) => [r.name, r]));
  for (const [name, d] of byName) {
    assert.equal(resources.get(name)?.path, `${name}.csv`);
    assert.deepEqual(resources.get(name)!.schema!.fields.map((f) => f.name), d.fields.map((f) => f.name));
    assert.ok(resources.get(name)!.schema!.fields.every((f) => f.description.length > 0));
  }
  assert.ok(pkg.resources.some((r: { path: string }) => r.path.startsWith('opinions/')));
  const readme = text('README.md');
  for (const name of byName.keys()) assert.ok(readme.includes(`### ${name}`), `README documents ${name}`);
  assert.match(readme, /数据集/);
  assert.match(readme, /CC-BY-4.0/);
  assert.ok(overview.archive.auditHeadHash && readme.includes(overview.archive.auditHeadHash));
});

test('no file of the archive names, e-mails or identifies a person, or carries a ballot', async () => {
  const needles: { what: string; value: string }[] = [];
  for (const x of people) {
    needles.push({ what: `name of ${x.name}`, value: x.name }, { what: `e-mail of ${x.name}`, value: x.user.email }, { what: `id of ${x.name}`, value: x.user.id });
    needles.push({ what: `surname of ${x.name}`, value: x.name.split(' ')[1]! });
  }
  // Every account's id and e-mail (residents', representatives' and officials' alike).
  for (const u of await p.deps.db.selectFrom('users').select(['id', 'email']).execute()) {
    needles.push({ what: `account id ${u.id}`, value: u.id }, { what: `account e-mail ${u.email}`, value: u.email });
  }
  // Ballots: their ids, voter keys, receipt hashes and the receipts voters were given.
  for (const b of await p.deps.db.selectFrom('budget_ballots').select(['id', 'voter_key', 'receipt_hash', 'selections']).execute()) {
    needles.push({ what: 'ballot id', value: b.id }, { what: 'voter key', value: b.voter_key }, { what: 'receipt hash', value: b.receipt_hash });
    needles.push({ what: 'ballot selections', value: JSON.stringify(b.selections) });
  }
  for (const r of receipts) needles.push({ what: 'receipt code', value: r }, { what: 'receipt code without dashes', value: r.replace(/-/g, '') });
  assert.ok(needles.length > 20);
  assert.ok(Object.keys(files).length > 2 * EXPECTED.length);
  for (const [path, bytes] of Object.entries(files)) {
    const haystack = Buffer.from(bytes).toString('utf8').toLowerCase();
    for (const n of needles) assert.ok(!haystack.includes(n.value.toLowerCase()), `${path} contains the ${n.what}`);
  }
  // What they did is there, without them: the proposal, the question, the report, the votes.
  assert.match(text('proposals.csv'), /Drinking fountains on the lake path/);
  assert.match(text('questions.csv'), /When will the fountain be repaired\?/);
  assert.ok((JSON.parse(text('budget_results.json')) as { ballots: number }[]).some((r) => r.ballots > 0));
  assert.ok((JSON.parse(text('organizations.json')) as { name: string }[]).some((o) => o.name === 'Friends of the Lake Path'));
  // Audit rows keep the role, never who.
  const audit = JSON.parse(text('audit_log.json')) as { actor_role: string; data: Record<string, unknown> }[];
  assert.ok(audit.some((r) => r.actor_role === 'resident'));
  assert.ok(audit.every((r) => !('actor_id' in r) && !('userId' in r.data) && !('holderId' in r.data)));
});

test('Popolo: organizations, officials with their posts and memberships, areas; ids resolve and residents are absent', async () => {
  const res = await api(p, { method: 'GET', url: '/api/v1/popolo' });
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  const orgs = new Set(doc.organizations.map((o: { id: string }) => o.id));
  const persons = new Set(doc.persons.map((x: { id: string }) => x.id));
  const posts = new Set(doc.posts.map((x: { id: string }) => x.id));
  const areas = new Set(doc.areas.map((x: { id: string }) => x.id));
  for (const o of doc.organizations) {
    if (o.parent_id) assert.ok(orgs.has(o.parent_id), 'parent resolves');
    if (o.area_id) assert.ok(areas.has(o.area_id), 'area resolves');
    assert.match(o.classification, /^(government|market|society)\//);
  }
  for (const post of doc.posts) assert.ok(orgs.has(post.organization_id));
  for (const m of doc.memberships) {
    assert.ok(persons.has(m.person_id) && orgs.has(m.organization_id) && posts.has(m.post_id), JSON.stringify(m));
  }
  for (const a of doc.areas) if (a.parent_id) assert.ok(areas.has(a.parent_id));
  // The test department's official holds a post, with the date they took it.
  const names = doc.persons.map((x: { name: string }) => x.name);
  assert.ok(names.includes('Open Data Department Official'));
  const directorPost = doc.memberships.find((m: { post_id: string }) => m.post_id === dept.postId);
  assert.ok(directorPost?.start_date, 'start date from the audit log');
  assert.ok(doc.organizations.some((o: { other_names: { name: string }[] }) => o.other_names.length > 0), 'Chinese names as other names');
  // Residents and representatives are not persons; no account id or e-mail appears.
  const body = res.body.toLowerCase();
  for (const x of people) {
    assert.ok(!names.includes(x.name));
    assert.ok(!body.includes(x.user.email.toLowerCase()) && !body.includes(x.user.id));
  }
  assert.ok(!body.includes(dept.official.id), 'officials by a Popolo id, not their account id');
  // Pending organizations stay out.
  const pending = await createOrganization(p, { verified: false, name: 'Pending Club' });
  const again = (await api(p, { method: 'GET', url: '/api/v1/popolo' })).json();
  assert.ok(!again.organizations.some((o: { id: string }) => o.id === pending.id));
});

test('only administrators regenerate on demand; the regeneration is audit-logged', async () => {
  const resident = people[0]!.user;
  assert.equal((await api(p, { method: 'POST', url: '/api/v1/open-data/archive' })).statusCode, 401);
  const refused = await api(p, { method: 'POST', url: '/api/v1/open-data/archive', as: resident, lang: 'zh-CN' });
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.json().error.code, 'requires_role');
  assert.equal((await api(p, { method: 'POST', url: '/api/v1/open-data/archive', as: dept.official })).statusCode, 403);
  const overview = (await api(p, { method: 'GET', url: '/api/v1/open-data', as: resident })).json();
  assert.equal(overview.abilities.regenerate, false);
  assert.equal((await api(p, { method: 'GET', url: '/api/v1/open-data', as: admin })).json().abilities.regenerate, true);

  const made = await api(p, { method: 'POST', url: '/api/v1/open-data/archive', as: admin });
  assert.equal(made.statusCode, 201);
  const audit = (await api(p, { method: 'GET', url: '/api/v1/audit?action=open_data.regenerated' })).json();
  assert.equal(audit.entries[0].data.sha256, made.json().sha256);
  assert.equal(audit.entries[0].actor.role, 'administrator');
});

test('downloads: ETag and 304, single data sets as CSV and JSON, clear errors', async () => {
  const first = await api(p, { method: 'GET', url: '/api/v1/open-data/archive.zip' });
  const etag = first.headers.etag as string;
  assert.match(etag, /^"[0-9a-f]{64}"$/);
  assert.match(String(first.headers['content-disposition']), /attachment; filename="civitas-open-data-\d{4}-\d{2}-\d{2}\.zip"/);
  assert.match(String(first.headers['cache-control']), /public/);
  const cached = await api(p, { method: 'GET', url: '/api/v1/open-data/archive.zip', headers: { 'if-none-match': etag } });
  assert.equal(cached.statusCode, 304);

  const csv = await api(p, { method: 'GET', url: '/api/v1/open-data/questions.csv' });
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-type']), /^text\/csv/);
  assert.equal(csv.body.charCodeAt(0), 0xfeff);
  const json = await api(p, { method: 'GET', url: '/api/v1/open-data/questions.json' });
  assert.ok(Array.isArray(json.json()));
  const missing = await api(p, { method: 'GET', url: '/api/v1/open-data/ballots.csv', lang: 'zh-CN' });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().error.code, 'open_data_no_dataset');
  assert.match(missing.json().error.message, /数据集/);
  assert.equal((await api(p, { method: 'GET', url: '/api/v1/open-data/..%2Fetc.csv' })).statusCode, 400);
});

test('the same data gives the same archive, byte for byte', async () => {
  const at = p.clock.now();
  const sources = openDataSources(modules, at);
  const a = await buildArchive(p.deps.db, sources, at);
  const b = await buildArchive(p.deps.db, sources, at);
  assert.equal(a.sha256, b.sha256);
});

test('the daily job makes one archive a day, and nothing more when run again', async () => {
  const latest = async () => (await api(p, { method: 'GET', url: '/api/v1/open-data' })).json().archive;
  const before = await latest();
  await runJobOnce(p.deps, openDataJob);
  assert.equal((await latest()).sha256, before.sha256, 'made today already: nothing to do');
  p.clock.advance(DAY);
  await runJobOnce(p.deps, openDataJob);
  const next = await latest();
  assert.equal(next.trigger, 'schedule');
  assert.equal(next.generatedAt, p.clock.now().toISOString());
  await runJobOnce(p.deps, openDataJob);
  p.clock.advance(60 * 60_000);
  await runJobOnce(p.deps, openDataJob);
  assert.equal((await latest()).generatedAt, next.generatedAt, 'idempotent within the day');
  const stored = await p.deps.db.selectFrom('open_data_archives').select('id').execute();
  assert.equal(stored.length, 1, 'only the newest archive is kept');
});

test('before the first archive: the overview says so and the download is a clear 404', async () => {
  const fresh = await createTestPlatform();
  try {
    const overview = (await api(fresh, { method: 'GET', url: '/api/v1/open-data' })).json();
    assert.equal(overview.archive, null);
    const res = await api(fresh, { method: 'GET', url: '/api/v1/open-data/archive.zip' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'open_data_not_ready');
    await runJobOnce(fresh.deps, openDataJob);
    assert.ok((await api(fresh, { method: 'GET', url: '/api/v1/open-data' })).json().archive, 'the job makes the first one');
  } finally {
    await fresh.close();
  }
});
