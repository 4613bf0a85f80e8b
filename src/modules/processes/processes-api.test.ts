import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createAreas, createDepartment, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { loadProcess } from './index.js';

let p: TestPlatform;
let dept: Awaited<ReturnType<typeof createDepartment>>;
let areas: Awaited<ReturnType<typeof createAreas>>;
before(async () => {
  p = await createTestPlatform();
  areas = await createAreas(p);
  dept = await createDepartment(p, 'Parks Department');
});
after(async () => {
  await p.close();
});

const day = 86_400_000;
function body(start: Date, overrides: Record<string, unknown> = {}) {
  return {
    title: 'Park renewal 2026',
    titleZh: '公园更新2026',
    summary: 'Which parks should be renewed first?',
    departmentId: dept.id,
    areaId: areas.cityId,
    legalBasis: 'Participation Ordinance art. 12',
    legalReference: 'https://example.org/ordinance#12',
    components: ['proposals', 'debates'],
    supportThreshold: 3,
    answerWorkingDays: 10,
    phases: [
      { title: 'Proposals', startsAt: new Date(start.getTime()).toISOString(), endsAt: new Date(start.getTime() + 10 * day).toISOString(), actions: { proposals: ['propose', 'support', 'comment'], debates: ['create'] } },
      { title: 'Evaluation', startsAt: new Date(start.getTime() + 10 * day).toISOString(), endsAt: new Date(start.getTime() + 20 * day).toISOString(), actions: { proposals: ['comment'] } },
      { title: 'Results', startsAt: new Date(start.getTime() + 20 * day).toISOString(), endsAt: new Date(start.getTime() + 30 * day).toISOString(), actions: {} },
    ],
    ...overrides,
  };
}

test('an official creates a process with three phases, publishes it, and it follows the clock', async () => {
  const start = new Date(p.clock.now().getTime() + day);
  const created = await api(p, { method: 'POST', url: '/api/v1/processes', as: dept.official, body: body(start) });
  assert.equal(created.statusCode, 201, created.body);
  const { slug, id } = created.json();
  // A draft is invisible to the public.
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/processes/${slug}` })).statusCode, 404);
  assert.equal((await api(p, { method: 'GET', url: '/api/v1/processes' })).json().processes.length, 0);
  const published = await api(p, { method: 'POST', url: `/api/v1/processes/${slug}/publish`, as: dept.official, body: {} });
  assert.equal(published.statusCode, 200);
  const upcoming = (await api(p, { method: 'GET', url: `/api/v1/processes/${slug}` })).json();
  assert.equal(upcoming.process.stage, 'upcoming');
  assert.deepEqual(upcoming.openActions, []);
  assert.equal(upcoming.abilities.update, false);
  p.clock.advance(2 * day);
  const active = (await api(p, { method: 'GET', url: `/api/v1/processes/${slug}`, as: dept.official })).json();
  assert.equal(active.process.stage, 'active');
  assert.equal(active.process.currentPhase.title, 'Proposals');
  assert.deepEqual(active.openActions.map((a: { action: string }) => a.action).sort(), ['comment', 'create', 'propose', 'support']);
  assert.equal(active.abilities.advance, true);
  const context = await loadProcess(p.deps.db, { id }, p.clock.now());
  assert.equal(context!.isOpen('proposals', 'support').open, true);
  assert.equal(context!.isOpen('regulations', 'comment').open, false);
  // Officials advance it to the evaluation phase ahead of its dates.
  const advanced = await api(p, { method: 'POST', url: `/api/v1/processes/${slug}/advance`, as: dept.official, body: { phaseId: active.nextPhase.id } });
  assert.equal(advanced.statusCode, 200);
  const evaluation = (await api(p, { method: 'GET', url: `/api/v1/processes/${slug}` })).json();
  assert.equal(evaluation.process.currentPhase.title, 'Evaluation');
  assert.deepEqual(evaluation.openActions.map((a: { action: string }) => a.action), ['comment']);
  const back = await api(p, { method: 'POST', url: `/api/v1/processes/${slug}/advance`, as: dept.official, body: { phaseId: active.phases[0].id } });
  assert.equal(back.statusCode, 409);
  assert.equal(back.json().error.code, 'phase_not_ahead');
  const audit = (await api(p, { method: 'GET', url: `/api/v1/audit?resourceId=${id}` })).json().entries.map((e: { action: string }) => e.action);
  assert.deepEqual(audit, ['process.phase_advanced', 'process.published']);
  const row = (await api(p, { method: 'GET', url: `/api/v1/audit?resourceId=${id}` })).json().entries[0];
  assert.equal(row.actor.role, 'official');
  assert.equal(row.actor.postTitle, 'Director');
  // Search in both languages.
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/processes?q=${encodeURIComponent('公园')}` })).json().processes.length, 1);
  assert.equal((await api(p, { method: 'GET', url: '/api/v1/processes?q=renewal' })).json().processes.length, 1);
  assert.equal((await api(p, { method: 'GET', url: '/api/v1/processes?q=bicycle' })).json().processes.length, 0);
  // A city-wide process concerns every neighbourhood of the city.
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/processes?areaId=${areas.hoodId}` })).json().processes.length, 1);
});

test('phases must follow each other and open only actions of enabled components', async () => {
  const start = p.clock.now();
  const bad = body(start, {
    components: ['proposals'],
    phases: [
      { title: 'One', startsAt: new Date(start.getTime() + 5 * day).toISOString(), endsAt: new Date(start.getTime() + 2 * day).toISOString(), actions: { debates: ['create'] } },
      { title: 'Two', startsAt: new Date(start.getTime() + day).toISOString(), endsAt: new Date(start.getTime() + 9 * day).toISOString(), actions: { proposals: ['fly'] } },
    ],
  });
  const res = await api(p, { method: 'POST', url: '/api/v1/processes', as: dept.official, body: bad, lang: 'zh-CN' });
  assert.equal(res.statusCode, 400);
  const paths = res.json().error.fields.map((f: { path: string }) => f.path).sort();
  assert.deepEqual(paths, ['phases.0.actions.debates', 'phases.0.endsAt', 'phases.1.actions.proposals', 'phases.1.startsAt']);
  assert.match(res.json().error.fields[0].message, /[\u4e00-\u9fff]/);
  const wrongTypes = await api(p, { method: 'POST', url: '/api/v1/processes', as: dept.official, body: { ...body(start), supportThreshold: 'many', phases: [] } });
  assert.equal(wrongTypes.statusCode, 400);
  assert.deepEqual(wrongTypes.json().error.fields.map((f: { path: string }) => f.path).sort(), ['phases', 'supportThreshold']);
});

test('who may create, edit, publish and advance', async () => {
  const start = p.clock.now();
  const outsider = (await createDepartment(p, 'Other Department')).official;
  const resident = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  const admin = await createUser(p, { roles: ['administrator'] });
  const tries: [TestUser | null, number, string][] = [
    [null, 401, 'not_authenticated'],
    [resident, 403, 'not_an_official'],
    [outsider, 403, 'forbidden'],
  ];
  for (const [actor, status, code] of tries) {
    const res = await api(p, { method: 'POST', url: '/api/v1/processes', as: actor, body: body(start) });
    assert.equal(res.statusCode, status);
    assert.equal(res.json().error.code, code);
  }
  const created = await api(p, { method: 'POST', url: '/api/v1/processes', as: admin, body: body(start, { title: 'Admin-made process' }) });
  assert.equal(created.statusCode, 201);
  const { slug } = created.json();
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/processes/${slug}`, as: outsider })).statusCode, 404, 'drafts stay inside the department');
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/processes/${slug}`, as: dept.official })).statusCode, 200);
  const edit = await api(p, { method: 'PUT', url: `/api/v1/processes/${slug}`, as: dept.official, body: { ...body(start, { title: 'Renamed' }), departmentId: undefined } });
  assert.equal(edit.statusCode, 200, edit.body);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/processes/${slug}/publish`, as: resident, body: {} })).statusCode, 404);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/processes/${slug}/publish`, as: dept.official, body: {} })).statusCode, 200);
  const again = await api(p, { method: 'POST', url: `/api/v1/processes/${slug}/publish`, as: dept.official, body: {} });
  assert.equal(again.statusCode, 403);
  const byOutsider = await api(p, { method: 'PUT', url: `/api/v1/processes/${slug}`, as: outsider, body: { ...body(start), departmentId: undefined } });
  assert.equal(byOutsider.statusCode, 403);
  assert.equal(byOutsider.json().error.code, 'not_an_official');
});
