import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { createTestPlatform, engineUnderTest, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createAreas, createDepartment, createOrganization, createUser, type TestUser } from '../../../test/helpers/factories.js';
import type { UserActor } from '../../core/permissions/actor.js';
import { setOpinion } from './operations/set-opinion.js';
import { clearOpinion } from './operations/clear-opinion.js';

const DAY = 86_400_000;
let p: TestPlatform;
let areas: Awaited<ReturnType<typeof createAreas>>;
let dept: Awaited<ReturnType<typeof createDepartment>>;
let otherDept: Awaited<ReturnType<typeof createDepartment>>;
let resident: TestUser;
let neighbour: TestUser;
let registered: TestUser;
let admin: TestUser;

before(async () => {
  p = await createTestPlatform();
  areas = await createAreas(p);
  dept = await createDepartment(p, 'Urban Management Bureau');
  otherDept = await createDepartment(p, 'Transport Bureau');
  resident = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug }, displayName: 'Rita Resident' });
  neighbour = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug }, displayName: 'Ned Neighbour' });
  registered = await createUser(p, { displayName: 'Reg Istered' });
  admin = await createUser(p, { roles: ['administrator'] });
});

after(async () => {
  await p?.close();
});

/** A published process of the department consulting on regulations now (10 days), then a response phase. */
async function consultation(title = `Street vending ${randomBytes(2).toString('hex')}`) {
  const start = new Date(p.clock.now().getTime() - DAY);
  const created = await api(p, {
    method: 'POST',
    url: '/api/v1/processes',
    as: dept.official,
    body: {
      title,
      summary: 'Draft rules for street vendors.',
      departmentId: dept.id,
      legalBasis: 'Open Rule-Making Regulations art. 15',
      components: ['regulations'],
      supportThreshold: 5,
      answerWorkingDays: 15,
      phases: [
        { title: 'Consultation', startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 11 * DAY).toISOString(), actions: { regulations: ['comment', 'support', 'amend'] } },
        { title: 'Response', startsAt: new Date(start.getTime() + 11 * DAY).toISOString(), endsAt: new Date(start.getTime() + 30 * DAY).toISOString(), actions: {} },
      ],
    },
  });
  assert.equal(created.statusCode, 201, created.body);
  const slug = created.json().slug as string;
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/processes/${slug}/publish`, as: dept.official, body: {} })).statusCode, 200);
  return slug;
}

const draft = {
  title: 'Street Vending Regulation (draft)',
  titleZh: '街头摊贩管理办法（草案）',
  introduction: 'Rules for vendors.',
  clauses: [
    { label: 'Article 1', labelZh: '第一条', text: 'These rules apply to street vendors.', textZh: '本办法适用于街头摊贩。' },
    { label: 'Article 2', labelZh: '第二条', text: 'Vending is allowed from 7:00 to 21:00.', textZh: '经营时间为每日7时至21时。' },
    { label: 'Article 3', labelZh: '第三条', text: 'Each vendor pays a deposit of 2,000 yuan.', textZh: '摊贩须缴纳保证金2000元。' },
    { label: 'Article 4', labelZh: '第四条', text: 'Breaches are fined 200 yuan.', textZh: '违反本办法的，处200元罚款。' },
  ],
};

/** A regulation with its first version published; returns its id and its clause ids in order. */
async function publishedRegulation(slug: string, body = draft) {
  const created = await api(p, { method: 'POST', url: `/api/v1/processes/${slug}/regulations`, as: dept.official, body });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as string;
  const published = await api(p, { method: 'POST', url: `/api/v1/regulations/${id}/publish`, as: dept.official, body: {} });
  assert.equal(published.statusCode, 200, published.body);
  const detail = (await api(p, { method: 'GET', url: `/api/v1/regulations/${id}` })).json();
  return { id, clauses: detail.clauses.map((c: { id: string }) => c.id) as string[] };
}

const comment = (as: TestUser, id: string, anchor: string | null, body: string, stance = 'against') =>
  api(p, { method: 'POST', url: '/api/v1/comments', as, body: { resourceType: 'regulation', resourceId: id, anchor, body, stance } });

type Clause = { id: string; label: string; current: boolean; counts: { comments: number; supports: number; opposes: number; alternatives: number }; myOpinion: string | null };

test('acceptance 4: clause-anchored comments, the department\'s clause-by-clause response report, and version comparison', async () => {
  const slug = await consultation();
  // A draft is the department's until it is published.
  const created = await api(p, { method: 'POST', url: `/api/v1/processes/${slug}/regulations`, as: dept.official, body: draft });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as string;
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/regulations/${id}` })).statusCode, 404);
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/regulations/${id}`, as: resident })).statusCode, 404);
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/processes/${slug}/regulations` })).json().regulations.length, 0);
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/regulations/${id}`, as: admin })).statusCode, 200);
  const own = (await api(p, { method: 'GET', url: `/api/v1/regulations/${id}`, as: dept.official })).json();
  assert.equal(own.version.status, 'draft');
  assert.equal(own.abilities.publish, true);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/regulations/${id}/publish`, as: dept.official, body: {} })).json().number, 1);
  const v1 = (await api(p, { method: 'GET', url: `/api/v1/regulations/${id}`, as: resident })).json();
  assert.equal(v1.version.number, 1);
  assert.equal(v1.version.post.id, dept.postId);
  assert.deepEqual(v1.abilities, { support: true, amend: true, amendFor: [], edit: false, publish: false, report: false });
  const [c1, c2, c3, c4] = v1.clauses.map((c: Clause) => c.id) as [string, string, string, string];

  // People comment on clauses (and on the whole), support or oppose them, and propose wording.
  assert.equal((await comment(resident, id, c2, 'Too early in summer.')).statusCode, 201);
  assert.equal((await comment(neighbour, id, c2, '夏天应延长到22点。')).statusCode, 201);
  assert.equal((await comment(registered, id, c3, 'The deposit is far too high.')).statusCode, 201);
  assert.equal((await comment(neighbour, id, null, 'Thank you for consulting us.', 'in_favour')).statusCode, 201);
  const reply = await api(p, { method: 'GET', url: `/api/v1/comments?resourceType=regulation&resourceId=${id}&anchor=${c2}` });
  assert.equal(reply.json().comments.length, 2);
  assert.equal(reply.json().resource.commenting.stance, true);
  for (const [who, clause, value] of [[resident, c2, 'oppose'], [neighbour, c2, 'oppose'], [resident, c1, 'support']] as const) {
    const res = await api(p, { method: 'PUT', url: `/api/v1/regulations/${id}/clauses/${clause}/opinion`, as: who, body: { value } });
    assert.equal(res.statusCode, 200, res.body);
  }
  const alt = await api(p, { method: 'POST', url: `/api/v1/regulations/${id}/clauses/${c4}/alternatives`, as: resident, body: { text: 'A first breach gets a written warning.', reason: 'New vendors do not know the rules yet.' } });
  assert.equal(alt.statusCode, 201, alt.body);
  const counted = (await api(p, { method: 'GET', url: `/api/v1/regulations/${id}`, as: resident })).json();
  assert.deepEqual(
    counted.clauses.map((c: Clause) => [c.label, c.counts, c.myOpinion]),
    [
      ['Article 1', { comments: 0, supports: 1, opposes: 0, alternatives: 0 }, 'support'],
      ['Article 2', { comments: 2, supports: 0, opposes: 2, alternatives: 0 }, 'oppose'],
      ['Article 3', { comments: 1, supports: 0, opposes: 0, alternatives: 0 }, null],
      ['Article 4', { comments: 0, supports: 0, opposes: 0, alternatives: 1 }, null],
    ],
  );
  assert.equal(counted.generalComments, 1);
  const alternatives = (await api(p, { method: 'GET', url: `/api/v1/regulations/${id}/clauses/${c4}/alternatives` })).json().alternatives;
  assert.deepEqual(alternatives.map((a: { text: string; versionNumber: number; author: { displayName: string } }) => [a.text, a.versionNumber, a.author.displayName]), [['A first breach gets a written warning.', 1, 'Rita Resident']]);

  // No report while the consultation runs.
  const early = await api(p, { method: 'POST', url: `/api/v1/regulations/${id}/reports`, as: dept.official, body: { versionNumber: 1, summary: 'Thank you all for the comments.', items: [] } });
  assert.equal(early.statusCode, 409);
  assert.equal(early.json().error.code, 'consultation_open');

  p.clock.advance(11 * DAY);
  try {
    const closed = (await api(p, { method: 'GET', url: `/api/v1/regulations/${id}`, as: dept.official })).json();
    assert.equal(closed.abilities.report, true);
    assert.deepEqual([...closed.awaitingResponse].sort(), [c2, c3, c4].sort());
    assert.equal((await comment(resident, id, c1, 'Too late now.')).json().error.code, 'commenting_closed');
    const late = await api(p, { method: 'PUT', url: `/api/v1/regulations/${id}/clauses/${c1}/opinion`, as: neighbour, body: { value: 'support' } });
    assert.equal(late.statusCode, 409);
    assert.equal(late.json().error.code, 'consultation_closed');

    // Every clause that received comments or alternative wording needs an answer.
    const partial = await api(p, {
      method: 'POST',
      url: `/api/v1/regulations/${id}/reports`,
      as: dept.official,
      body: { versionNumber: 1, summary: 'We changed the hours and the deposit.', items: [{ clauseId: c2, decision: 'partly_accepted', reasoning: 'Later on weekends only.' }] },
    });
    assert.equal(partial.statusCode, 400);
    assert.equal(partial.json().error.code, 'report_incomplete');
    assert.deepEqual(partial.json().error.fields.map((f: { path: string }) => f.path).sort(), [`clauses.${c3}`, `clauses.${c4}`].sort());
    assert.ok(partial.json().error.fields.every((f: { message: string }) => f.message.includes('accepted')));
    const items = [
      { clauseId: c2, decision: 'partly_accepted', reasoning: 'Later closing on weekends only.', reasoningZh: '仅周末延长。', change: 'Until 23:00 on Fridays and Saturdays.' },
      { clauseId: c3, decision: 'accepted', reasoning: 'The deposit would keep poor vendors out.', change: 'Deposit removed.' },
      { clauseId: c4, decision: 'not_accepted', reasoning: 'Warnings are already given by inspectors.' },
    ];
    const report = await api(p, { method: 'POST', url: `/api/v1/regulations/${id}/reports`, as: dept.official, body: { versionNumber: 1, summary: 'We changed the hours and removed the deposit.', items } });
    assert.equal(report.statusCode, 201, report.body);
    const twice = await api(p, { method: 'POST', url: `/api/v1/regulations/${id}/reports`, as: dept.official, body: { versionNumber: 1, summary: 'Once more with feeling.', items } });
    assert.equal(twice.json().error.code, 'report_exists');

    const withReport = (await api(p, { method: 'GET', url: `/api/v1/regulations/${id}` })).json();
    assert.equal(withReport.reports.length, 1);
    const published = withReport.reports[0];
    assert.equal(published.versionNumber, 1);
    assert.equal(published.post.id, dept.postId);
    assert.deepEqual(
      published.items.map((i: { label: string; decision: string; counts: unknown }) => [i.label, i.decision, i.counts]),
      [
        ['Article 2', 'partly_accepted', { comments: 2, alternatives: 0 }],
        ['Article 3', 'accepted', { comments: 1, alternatives: 0 }],
        ['Article 4', 'not_accepted', { comments: 0, alternatives: 1 }],
      ],
    );
    const audit = (await api(p, { method: 'GET', url: `/api/v1/audit?resourceId=${id}` })).json().entries;
    const row = audit.find((e: { action: string }) => e.action === 'regulation.report_published');
    assert.equal(row.actor.role, 'official');
    assert.equal(row.actor.postTitle, 'Director');
    assert.deepEqual([row.data.accepted, row.data.partlyAccepted, row.data.notAccepted], [1, 1, 1]);
    // Commenters follow the regulation and hear about the report, in their language.
    const note = (await api(p, { method: 'GET', url: '/api/v1/notifications', as: neighbour, lang: 'zh-CN' })).json().notifications.find((n: { kind: string }) => n.kind === 'regulation.report_published');
    assert.ok(note);
    assert.ok(note.message.includes('街头摊贩管理办法（草案）'), note.message);

    // Version 2: clauses 1 and 2 reworded, clause 3 removed, a new clause added, clause 4 moved first and renumbered.
    const start = (await api(p, { method: 'GET', url: `/api/v1/regulations/${id}/draft`, as: dept.official })).json();
    assert.equal(start.saved, false);
    assert.equal(start.number, 2);
    assert.deepEqual(start.clauses.map((c: { clauseId: string }) => c.clauseId), [c1, c2, c3, c4]);
    const next = {
      title: draft.title,
      titleZh: draft.titleZh,
      introduction: 'Second draft after the consultation.',
      changeNote: 'Hours extended on weekends; deposit removed.',
      clauses: [
        { clauseId: c4, label: 'Article 1', labelZh: '第一条', text: 'Breaches are fined 200 yuan.', textZh: '违反本办法的，处200元罚款。' },
        { clauseId: c1, label: 'Article 2', labelZh: '第二条', text: 'These rules apply to all street vendors in the city.', textZh: '本办法适用于本市所有街头摊贩。' },
        { clauseId: c2, label: 'Article 3', labelZh: '第三条', text: 'Vending is allowed from 7:00 to 21:00, and until 23:00 on Fridays and Saturdays.', textZh: '经营时间为每日7时至21时，周五、周六延长至23时。' },
        { label: 'Article 4', labelZh: '第四条', text: 'Registration is free.', textZh: '登记免费。' },
      ],
    };
    const saved = await api(p, { method: 'PUT', url: `/api/v1/regulations/${id}/draft`, as: dept.official, body: next });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().number, 2);
    // The public still sees version 1 until version 2 is published.
    assert.equal((await api(p, { method: 'GET', url: `/api/v1/regulations/${id}` })).json().versions.length, 1);
    assert.equal((await api(p, { method: 'GET', url: `/api/v1/regulations/${id}?version=2` })).statusCode, 404);
    assert.equal((await api(p, { method: 'POST', url: `/api/v1/regulations/${id}/publish`, as: dept.official, body: {} })).json().number, 2);

    const v2 = (await api(p, { method: 'GET', url: `/api/v1/regulations/${id}`, as: resident })).json();
    assert.equal(v2.version.number, 2);
    assert.equal(v2.version.changeNote, 'Hours extended on weekends; deposit removed.');
    // Identities kept: comments, opinions and alternatives stay on their clauses.
    const byId = new Map<string, Clause>(v2.clauses.map((c: Clause) => [c.id, c]));
    assert.deepEqual(byId.get(c2)!.counts, { comments: 2, supports: 0, opposes: 2, alternatives: 0 });
    assert.equal(byId.get(c2)!.myOpinion, 'oppose');
    assert.deepEqual(byId.get(c4)!.counts, { comments: 0, supports: 0, opposes: 0, alternatives: 1 });
    assert.equal(byId.get(c1)!.counts.supports, 1);
    assert.equal(byId.has(c3), false);
    const old = (await api(p, { method: 'GET', url: `/api/v1/regulations/${id}?version=1` })).json();
    assert.deepEqual(old.clauses.map((c: Clause) => [c.id, c.current]), [[c1, true], [c2, true], [c3, false], [c4, true]]);

    const compared = await api(p, { method: 'GET', url: `/api/v1/regulations/${id}/compare?from=1&to=2` });
    assert.equal(compared.statusCode, 200, compared.body);
    const cmp = compared.json();
    assert.deepEqual(cmp.summary, { added: 1, removed: 1, changed: 3, unchanged: 0 });
    const status = cmp.clauses.map((c: { clauseId: string; status: string; moved: boolean }) => [c.clauseId === c1 ? 'c1' : c.clauseId === c2 ? 'c2' : c.clauseId === c3 ? 'c3' : c.clauseId === c4 ? 'c4' : 'new', c.status, c.moved]);
    assert.deepEqual(status, [['c4', 'changed', true], ['c1', 'changed', false], ['c2', 'changed', false], ['c3', 'removed', false], ['new', 'added', false]]);
    const hours = cmp.clauses.find((c: { clauseId: string }) => c.clauseId === c2);
    assert.deepEqual(hours.diff, [
      { op: 'equal', text: 'Vending is allowed from 7:00 to 21:00' },
      { op: 'insert', text: ', and until 23:00 on Fridays and Saturdays' },
      { op: 'equal', text: '.' },
    ]);
    assert.deepEqual(hours.diffZh, [
      { op: 'equal', text: '经营时间为每日7时至21时' },
      { op: 'insert', text: '，周五、周六延长至23时' },
      { op: 'equal', text: '。' },
    ]);
    const missing = await api(p, { method: 'GET', url: `/api/v1/regulations/${id}/compare?from=1&to=9` });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.fields[0].path, 'to');

    // The version publication is public, with what changed.
    const versionRow = (await api(p, { method: 'GET', url: `/api/v1/audit?resourceId=${id}` })).json().entries.find((e: { action: string; data: { version: number } }) => e.action === 'regulation.version_published' && e.data.version === 2);
    assert.deepEqual([versionRow.data.added, versionRow.data.removed, versionRow.data.changed], [1, 1, 3]);
  } finally {
    p.clock.advance(-11 * DAY);
  }
});

/** Many verified residents inserted at once (no password), as actors for the operations. */
async function residents(count: number): Promise<UserActor[]> {
  const tag = randomBytes(4).toString('hex');
  const rows = Array.from({ length: count }, (_, i) => ({ email: `opinion.${tag}.${i}@example.test`, display_name: `Resident ${i}`, password_hash: 'not-a-password', locale: 'en', verified_at: p.clock.now(), area_id: areas.hoodId }));
  const inserted = await p.deps.db.insertInto('users').values(rows).returning(['id', 'display_name']).execute();
  return inserted.map((u) => ({ kind: 'user', id: u.id, displayName: u.display_name, roles: [], verified: true, areaId: areas.hoodId, blocked: false, memberships: [], posts: [] }));
}

test(`clause opinions are exact under concurrency: 200 residents, repeats and changes count once (${engineUnderTest})`, async () => {
  const slug = await consultation();
  const { id, clauses } = await publishedRegulation(slug);
  const clauseId = clauses[1]!;
  const people = await residents(200);
  const input = { regulationId: id, clauseId };
  // Everyone supports at once; the first 50 send it twice more at the same time.
  const first = await Promise.all([...people, ...people.slice(0, 50), ...people.slice(0, 50)].map((a) => setOpinion(p.deps, a, { ...input, value: 'support' })));
  assert.ok(first.every((r) => r.ok), JSON.stringify(first.find((r) => !r.ok)));
  const counts = async () => {
    const c = await p.deps.db.selectFrom('regulation_clauses').select(['supports', 'opposes']).where('id', '=', clauseId).executeTakeFirstOrThrow();
    const rows = await p.deps.db
      .selectFrom('regulation_opinions')
      .select(['value', sql<number>`count(*)::int`.as('n')])
      .where('clause_id', '=', clauseId)
      .groupBy('value')
      .execute();
    const by = Object.fromEntries(rows.map((r) => [r.value, r.n]));
    return { supports: c.supports, opposes: c.opposes, rows: { support: by[1] ?? 0, oppose: by[-1] ?? 0 } };
  };
  assert.deepEqual(await counts(), { supports: 200, opposes: 0, rows: { support: 200, oppose: 0 } });
  // Then, concurrently: 60 change to oppose (twice each), 40 withdraw, 100 repeat their support.
  const second = await Promise.all([
    ...people.slice(0, 60).flatMap((a) => [setOpinion(p.deps, a, { ...input, value: 'oppose' }), setOpinion(p.deps, a, { ...input, value: 'oppose' })]),
    ...people.slice(60, 100).map((a) => clearOpinion(p.deps, a, input)),
    ...people.slice(100).map((a) => setOpinion(p.deps, a, { ...input, value: 'support' })),
  ]);
  assert.ok(second.every((r) => r.ok), JSON.stringify(second.find((r) => !r.ok)));
  assert.deepEqual(await counts(), { supports: 100, opposes: 60, rows: { support: 100, oppose: 60 } });
  const detail = (await api(p, { method: 'GET', url: `/api/v1/regulations/${id}` })).json();
  assert.deepEqual([detail.clauses[1].counts.supports, detail.clauses[1].counts.opposes], [100, 60]);
  // Each change has one private audit row, and none is public.
  const audit = await p.deps.db
    .selectFrom('audit_log')
    .select(['action', 'public', sql<number>`count(*)::int`.as('n')])
    .where('resource_id', '=', id)
    .where('action', 'like', 'regulation.opinion%')
    .groupBy(['action', 'public'])
    .execute();
  assert.deepEqual(
    audit.map((a) => [a.action, a.public, a.n]).sort(),
    [['regulation.opinion_set', false, 260], ['regulation.opinion_withdrawn', false, 40]],
  );
});

test('who may do what with a regulation, and bad input', async () => {
  const slug = await consultation();
  const { id, clauses } = await publishedRegulation(slug);
  const clause = clauses[0]!;
  const opinion = (as: TestUser | null, value: unknown = 'support') => api(p, { method: 'PUT', url: `/api/v1/regulations/${id}/clauses/${clause}/opinion`, as, body: { value } });
  assert.equal((await opinion(null)).statusCode, 401);
  assert.equal((await opinion(registered)).json().error.code, 'requires_verification');
  assert.equal((await opinion(dept.official)).json().error.code, 'requires_verification');
  const bad = await opinion(resident, 'maybe');
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.fields[0].path, 'value');
  assert.deepEqual((await opinion(resident, 'oppose')).json(), { supports: 0, opposes: 1, mine: 'oppose' });
  assert.deepEqual((await opinion(resident, 'support')).json(), { supports: 1, opposes: 0, mine: 'support' });
  assert.deepEqual((await api(p, { method: 'DELETE', url: `/api/v1/regulations/${id}/clauses/${clause}/opinion`, as: resident })).json(), { supports: 0, opposes: 0, mine: null });
  assert.equal((await api(p, { method: 'PUT', url: `/api/v1/regulations/${id}/clauses/${randomUUIDv4()}/opinion`, as: resident, body: { value: 'support' } })).statusCode, 404);

  // Alternative wording: verified residents, representatives for their organization.
  const alternative = (as: TestUser | null, body: Record<string, unknown>) => api(p, { method: 'POST', url: `/api/v1/regulations/${id}/clauses/${clause}/alternatives`, as, body });
  const wording = { text: 'These rules apply to every vendor.', reason: 'Clearer for everyone.' };
  assert.equal((await alternative(null, wording)).statusCode, 401);
  assert.equal((await alternative(registered, wording)).json().error.code, 'requires_verification');
  const org = await createOrganization(p, { name: 'Vendors Union' });
  const asOrg = await alternative(org.rep, { ...wording, organizationId: org.id });
  assert.equal(asOrg.statusCode, 201, asOrg.body);
  assert.equal((await alternative(resident, { ...wording, organizationId: org.id })).json().error.code, 'not_a_representative');
  const empty = await alternative(resident, { text: '', reason: 'x' });
  assert.equal(empty.statusCode, 400);
  assert.deepEqual(empty.json().error.fields.map((f: { path: string }) => f.path).sort(), ['reason', 'text']);
  const listed = (await api(p, { method: 'GET', url: `/api/v1/regulations/${id}/clauses/${clause}/alternatives` })).json().alternatives;
  assert.equal(listed[0].author.organization.name, 'Vendors Union');
  // The representative's own detail offers the organization.
  assert.deepEqual((await api(p, { method: 'GET', url: `/api/v1/regulations/${id}`, as: org.rep })).json().abilities.amendFor.map((o: { name: string }) => o.name), ['Vendors Union']);

  // Drafting and answering: officials of the process's department only.
  const edit = { ...draft, clauses: draft.clauses.slice(0, 2) };
  for (const [who, code] of [[resident, 'not_an_official'], [otherDept.official, 'not_an_official'], [admin, 'not_an_official']] as const) {
    assert.equal((await api(p, { method: 'PUT', url: `/api/v1/regulations/${id}/draft`, as: who, body: edit })).json().error.code, code);
    assert.equal((await api(p, { method: 'POST', url: `/api/v1/regulations/${id}/publish`, as: who, body: {} })).json().error.code, code);
    assert.equal((await api(p, { method: 'POST', url: `/api/v1/processes/${slug}/regulations`, as: who, body: draft })).json().error.code, code);
  }
  assert.equal((await api(p, { method: 'PUT', url: `/api/v1/regulations/${id}/draft`, as: null, body: edit })).statusCode, 401);
  const noDraft = await api(p, { method: 'POST', url: `/api/v1/regulations/${id}/publish`, as: dept.official, body: {} });
  assert.equal(noDraft.statusCode, 409);
  assert.equal(noDraft.json().error.code, 'no_draft_version');
  const badDraft = await api(p, { method: 'PUT', url: `/api/v1/regulations/${id}/draft`, as: dept.official, body: { title: 'X', clauses: [] } });
  assert.equal(badDraft.statusCode, 400);
  assert.deepEqual(badDraft.json().error.fields.map((f: { path: string }) => f.path).sort(), ['clauses', 'title']);
  const foreign = await api(p, {
    method: 'PUT',
    url: `/api/v1/regulations/${id}/draft`,
    as: dept.official,
    body: { ...edit, clauses: [{ clauseId: randomUUIDv4(), label: 'A', text: 'Text.' }, { clauseId: clause, label: 'B', text: 'Text.' }, { clauseId: clause, label: 'C', text: 'Text.' }] },
  });
  assert.equal(foreign.statusCode, 400);
  assert.deepEqual(foreign.json().error.fields.map((f: { path: string; code: string }) => [f.path, f.code]), [['clauses.0.clauseId', 'clause_not_found'], ['clauses.2.clauseId', 'duplicate_clause']]);
  // A failed save wrote nothing: still no draft.
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/regulations/${id}/draft`, as: dept.official })).json().saved, false);
  const badReport = await api(p, { method: 'POST', url: `/api/v1/regulations/${id}/reports`, as: dept.official, body: { versionNumber: 0, summary: '', items: [{ clauseId: clause, decision: 'maybe', reasoning: '' }] } });
  assert.equal(badReport.statusCode, 400);
  assert.deepEqual(badReport.json().error.fields.map((f: { path: string }) => f.path).sort(), ['items.0.decision', 'items.0.reasoning', 'summary', 'versionNumber']);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/regulations/${id}/reports`, as: resident, body: { versionNumber: 1, summary: 'Not mine to write.', items: [] } })).json().error.code, 'not_an_official');
});

test('a clause removed in the current version takes no more opinions or alternative wording', async () => {
  const slug = await consultation();
  const { id, clauses } = await publishedRegulation(slug);
  const [c1, c2] = clauses as [string, string];
  const saved = await api(p, { method: 'PUT', url: `/api/v1/regulations/${id}/draft`, as: dept.official, body: { ...draft, clauses: [{ clauseId: c1, label: 'Article 1', text: 'Only this one.' }] } });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/regulations/${id}/publish`, as: dept.official, body: {} })).statusCode, 200);
  const removed = await api(p, { method: 'PUT', url: `/api/v1/regulations/${id}/clauses/${c2}/opinion`, as: resident, body: { value: 'support' } });
  assert.equal(removed.statusCode, 409);
  assert.equal(removed.json().error.code, 'clause_not_current');
  const alt = await api(p, { method: 'POST', url: `/api/v1/regulations/${id}/clauses/${c2}/alternatives`, as: resident, body: { text: 'Some better words.', reason: 'Because it reads better.' } });
  assert.equal(alt.json().error.code, 'clause_not_current');
  assert.equal((await api(p, { method: 'PUT', url: `/api/v1/regulations/${id}/clauses/${c1}/opinion`, as: resident, body: { value: 'support' } })).statusCode, 200);
});

function randomUUIDv4(): string {
  const b = randomBytes(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
