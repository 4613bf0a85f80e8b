import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, newPage, screenshot, startServer, type RunningServer, signIn as signInAs, DEMO_PASSWORD } from './harness.js';

// The participatory-budgeting journey, in both languages: the Urban Management Bureau runs a process
// with a submission, a review, a voting and a results phase and two budgets (approval: at most two
// projects; knapsack: within the amount). A resident submits a project with a photo through the form;
// the director reviews it in the browser; the phase moves on to voting; the resident casts an
// approval ballot and a knapsack ballot, watching the money left as they choose; other residents
// vote through the API; voting closes, the director counts, and the results page shows the winners,
// the votes per project, the round-by-round Method of Equal Shares explanation and the resident's
// receipt among the counted ones.
let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const DAY = 86_400_000;
const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function messages(lang: 'en' | 'zh-CN') {
  const file = new URL(`../../src/modules/budgeting/web/i18n/${lang}.json`, import.meta.url);
  return JSON.parse(fs.readFileSync(file, 'utf8')).budgeting;
}

/** A demo account's API session (cookie and CSRF token). */
async function apiAs(email: string) {
  const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  assert.equal(login.status, 200, await login.text());
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const session = await (await fetch(`${server.url}/api/v1/session`, { headers: { cookie } })).json();
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
}

/** The director's process: submission now, then review, voting and results, moved on by hand. */
async function budgetProcess(official: Awaited<ReturnType<typeof apiAs>>, title: string) {
  const now = Date.now();
  const at = (days: number) => new Date(now + days * DAY).toISOString();
  const created = await official('POST', '/processes', {
    title,
    summary: 'Residents decide how to spend part of the district budget.',
    departmentId: (await official('GET', '/organizations/urban-management-bureau')).organization.id,
    legalBasis: 'Lakeview Participatory Budgeting Ordinance, art. 4.',
    components: ['budgeting'],
    supportThreshold: 100,
    answerWorkingDays: 20,
    phases: [
      { title: 'Project submission', startsAt: at(-1 / 24), endsAt: at(10), actions: { budgeting: ['propose', 'comment'] } },
      { title: 'Technical review', startsAt: at(10), endsAt: at(20), actions: { budgeting: ['review', 'comment'] } },
      { title: 'Voting', startsAt: at(20), endsAt: at(30), actions: { budgeting: ['vote'] } },
      { title: 'Results', startsAt: at(30), endsAt: at(40), actions: {} },
    ],
  });
  await official('POST', `/processes/${created.slug}/publish`, {});
  const detail = await official('GET', `/processes/${created.slug}`);
  return { slug: created.slug as string, phases: detail.phases.map((p: { id: string }) => p.id) as string[] };
}

const journeys = [
  { lang: 'en' as const, resident: 'resident@lakeview.demo', voters: ['sun.tao@lakeview.demo', 'ma.li@lakeview.demo', 'guo.mei@lakeview.demo'], project: 'Shade sails over the Willow Bank playground' },
  { lang: 'zh-CN' as const, resident: 'resident@lakeview.demo', voters: ['luo.dan@lakeview.demo', 'liang.bo@lakeview.demo', 'xie.ning@lakeview.demo'], project: '柳岸游乐场遮阳篷' },
];

for (const j of journeys) {
  const zh = j.lang === 'zh-CN';
  const L = messages(j.lang);
  test(`participatory budgeting in ${j.lang}: submit, review, approval and knapsack ballots, counting, results with the explanation`, async () => {
    const official = await apiAs('official@lakeview.demo');
    const stamp = Date.now() % 100000;
    const process = await budgetProcess(official, zh ? `参与式预算演练 ${stamp}` : `Budget exercise ${stamp}`);
    const approval = await official('POST', `/processes/${process.slug}/budgets`, { title: zh ? '社区小额预算' : 'Small projects budget', amount: 300_000, currency: 'CNY', ballotType: 'approval', minProjects: 1, maxProjects: 2 });
    const knapsack = await official('POST', `/processes/${process.slug}/budgets`, { title: zh ? '街道大额预算' : 'Street works budget', amount: 500_000, currency: 'CNY', ballotType: 'knapsack' });
    const budgetUrl = (id: string) => `${server.url}/processes/${process.slug}/budgets/${id}`;

    // 1. A resident submits a project with a photo through the form.
    const resident = await newPage(browser, { locale: j.lang });
    await signInAs(resident.page, server.url, j.resident, zh);
    await resident.page.goto(budgetUrl(approval.id));
    await resident.page.getByRole('link', { name: L.budget.submit }).first().click();
    await resident.page.locator('#project-title').fill(j.project);
    await resident.page.locator('#project-description').fill(zh ? '在游乐场上方安装四块遮阳篷，夏天孩子们可以在阴凉处玩耍。' : 'Four shade sails over the playground, so children can play in the shade in summer.');
    await resident.page.locator('#project-cost').fill('120000');
    await resident.page.locator('#project-attachments').setInputFiles({ name: 'playground.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
    await resident.page.getByRole('button', { name: zh ? '删除 playground.png' : 'Remove playground.png' }).waitFor();
    await expectAccessible(resident.page, `project form (${j.lang})`);
    await resident.page.getByRole('button', { name: L.form.submit }).click();
    await resident.page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    const projectId = resident.page.url().split('/').pop()!;
    assert.equal(await resident.page.getByTestId('project-title').innerText(), j.project);
    await resident.page.getByTestId('attachments').getByRole('img', { name: 'playground.png' }).waitFor();

    // Other projects come through the API: three more for the approval budget, four for the knapsack one.
    const proposer = await apiAs(j.voters[0]!);
    const submitted: Record<string, string[]> = { [approval.id]: [projectId], [knapsack.id]: [] };
    const more: Array<[string, string, number]> = [
      [approval.id, zh ? '老年人阅读角' : 'Reading corner for older residents', 60_000],
      [approval.id, zh ? '社区菜园' : 'Community vegetable garden', 90_000],
      [approval.id, zh ? '河边健身器材' : 'Outdoor gym by the river', 150_000],
      [knapsack.id, zh ? '湖滨步道照明' : 'Lighting on the lakeside path', 240_000],
      [knapsack.id, zh ? '海港巷安全过街设施' : 'Safe crossing on Harbour Lane', 180_000],
      [knapsack.id, zh ? '车站广场自行车棚' : 'Covered bicycle parking at the station', 200_000],
      [knapsack.id, zh ? '丝绸街口袋公园' : 'Pocket park on Silk Street', 110_000],
    ];
    for (const [budgetId, title, cost] of more) {
      const created = await proposer('POST', `/budgets/${budgetId}/projects`, { title, description: `${title}: ${zh ? '详细说明见附件。这个项目对社区很重要。' : 'a project the neighbourhood has asked for many times.'}`, cost });
      submitted[budgetId]!.push(created.id);
    }

    // 2. The phase moves on to the technical review; the director reviews the resident's project in the browser.
    await official('POST', `/processes/${process.slug}/advance`, { phaseId: process.phases[1] });
    const director = await newPage(browser, { locale: j.lang });
    await signInAs(director.page, server.url, 'official@lakeview.demo', zh);
    await director.page.goto(`${budgetUrl(approval.id)}/projects/${projectId}`);
    await director.page.getByTestId('review-form').waitFor();
    await director.page.locator('#decision-feasible').check({ force: true });
    await director.page.locator('#review-reason').fill(zh ? '场地可行；按最新报价修正费用。' : 'The site allows it; the cost follows the latest quote.');
    await director.page.locator('#review-cost').fill('110000');
    await expectAccessible(director.page, `review form (${j.lang})`);
    await director.page.getByRole('button', { name: L.review.save }).click();
    await director.page.getByTestId('review').getByText(zh ? '场地可行' : 'The site allows it').waitFor();
    assert.match(await director.page.getByTestId('project-cost').innerText(), /110,000/);
    for (const [budgetId, ids] of Object.entries(submitted)) {
      for (const id of ids) if (id !== projectId) await official('POST', `/budgets/${budgetId}/projects/${id}/review`, { decision: 'feasible', reason: zh ? '可行。' : 'Feasible.' });
    }

    // 3. Voting opens. The resident casts an approval ballot (two projects at most) ...
    await official('POST', `/processes/${process.slug}/advance`, { phaseId: process.phases[2] });
    await resident.page.setViewportSize({ width: 360, height: 800 });
    await resident.page.goto(`${budgetUrl(approval.id)}/vote`);
    await resident.page.getByTestId('cast-ballot').waitFor();
    await resident.page.getByLabel(j.project).check({ force: true });
    await resident.page.getByLabel(more[0]![1]).check({ force: true });
    await resident.page.getByLabel(more[1]![1]).check({ force: true });
    await resident.page.getByTestId('ballot-problems').waitFor();
    await expectAccessible(resident.page, `approval ballot with a problem (${j.lang})`);
    await resident.page.getByLabel(more[1]![1]).uncheck({ force: true });
    await resident.page.getByTestId('cast-ballot').click();
    const approvalReceipt = (await resident.page.getByTestId('receipt-code').innerText()).trim();
    assert.match(approvalReceipt, /^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);

    // ... and a knapsack ballot, the money left shrinking with each project chosen.
    await resident.page.goto(`${budgetUrl(knapsack.id)}/vote`);
    await resident.page.getByTestId('cast-ballot').waitFor();
    assert.match(await resident.page.getByTestId('money-left').innerText(), /500,000/);
    await resident.page.getByLabel(more[3]![1]).check({ force: true });
    assert.match(await resident.page.getByTestId('money-left').innerText(), /260,000/);
    await resident.page.getByLabel(more[4]![1]).check({ force: true });
    assert.match(await resident.page.getByTestId('money-left').innerText(), /80,000/);
    await resident.page.getByLabel(more[5]![1]).check({ force: true });
    await resident.page.getByTestId('ballot-problems').waitFor();
    await resident.page.getByLabel(more[5]![1]).uncheck({ force: true });
    await expectAccessible(resident.page, `knapsack ballot on a phone (${j.lang})`);
    await screenshot(resident.page, `budget-knapsack-ballot-${j.lang}`);
    await resident.page.getByTestId('cast-ballot').click();
    await resident.page.getByTestId('receipt-code').waitFor();

    // Other residents vote through the API.
    for (const [i, email] of j.voters.entries()) {
      const voter = await apiAs(email);
      const [a1, a2, a3, a4] = submitted[approval.id]!;
      await voter('PUT', `/budgets/${approval.id}/ballot`, { selections: (i === 0 ? [a1, a2] : i === 1 ? [a3, a4] : [a1, a3]).map((projectId) => ({ projectId })) });
      const [k1, k2, k3, k4] = submitted[knapsack.id]!;
      await voter('PUT', `/budgets/${knapsack.id}/ballot`, { selections: (i === 0 ? [k1, k2] : i === 1 ? [k3, k4] : [k2, k4]).map((projectId) => ({ projectId })) });
    }

    // 4. Voting closes; the director counts in the browser.
    await official('POST', `/processes/${process.slug}/advance`, { phaseId: process.phases[3] });
    await director.page.goto(budgetUrl(approval.id));
    await director.page.getByRole('button', { name: L.officials.count }).click();
    await director.page.waitForURL(/\/results$/, { timeout: 15_000 }).catch(async () => {
      await director.page.goto(`${budgetUrl(approval.id)}/results`);
    });
    await director.page.getByTestId('winners').waitFor();

    // 5. The results: winners, votes per project (chart and table), the explanation, the receipts.
    await resident.page.setViewportSize({ width: 1280, height: 900 });
    await resident.page.goto(`${budgetUrl(approval.id)}/results`);
    await resident.page.getByTestId('winners').waitFor();
    assert.match(await resident.page.getByTestId('winners').innerText(), new RegExp(j.project));
    assert.equal(await resident.page.getByTestId('votes-table').locator('tbody tr').count(), 4);
    assert.ok((await resident.page.getByTestId('explanation').innerText()).length > 100, 'the round-by-round explanation');
    await resident.page.getByTestId('receipts').getByRole('textbox').fill(approvalReceipt);
    await resident.page.getByTestId('receipts').getByRole('button').first().click();
    await resident.page.getByTestId('receipt-check').waitFor();
    assert.equal(await resident.page.getByTestId('receipt-check').getAttribute('class').then((c) => c?.includes('success')), true, 'the receipt is among the counted ones');
    await expectAccessible(resident.page, `results (${j.lang})`);
    await screenshot(resident.page, `budget-results-${j.lang}`);
  });
}
