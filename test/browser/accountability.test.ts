import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import path from 'node:path';
import { artifactsDir, expectAccessible, launchBrowser, newPage, screenshot, startServer, type RunningServer, signIn } from './harness.js';

// Accountability in both languages: the Urban Management Bureau registers a program from the
// qualified "safe crossing" proposal, consults Willow Bank's residents (one approves), adopts it after
// the consultation ends (the decision shown next to the results), plans a milestone and reports
// progress; an administrator tightens the image-project formula; the resident rates the program and
// the flag and the department's scorecard update; the scorecards' charts render on a phone.
let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer({ TEST_CLOCK: 'true', SESSION_TTL_HOURS: '8760' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const DAY = 86_400_000;

function messages(lang: 'en' | 'zh-CN') {
  const file = new URL(`../../src/modules/accountability/web/i18n/${lang}.json`, import.meta.url);
  return JSON.parse(fs.readFileSync(file, 'utf8')).accountability;
}

async function getJson(path: string) {
  const res = await fetch(`${server.url}${path}`);
  const text = await res.text();
  assert.equal(res.status, 200, text);
  return JSON.parse(text);
}

async function advanceClock(ms: number) {
  const res = await fetch(`${server.url}/__test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs: ms }) });
  assert.equal(res.status, 200, await res.text());
}

async function openPart(page: Page, testId: string) {
  const part = page.getByTestId(testId);
  await part.waitFor();
  if (!(await part.evaluate((el) => (el as HTMLDetailsElement).open))) await part.locator('summary').first().click();
}

async function urbanScorecard() {
  const card = await getJson('/api/v1/scorecards?period=last_12_months');
  return card.departments.find((d: { department: { slug: string } }) => d.department.slug === 'urban-management-bureau').values as Record<string, { value: number | null; basis: number }>;
}

for (const lang of ['en', 'zh-CN'] as const) {
  const zh = lang === 'zh-CN';
  const L = messages(lang);
  test(`accountability in ${lang}: program from a proposal, consultation, decision, milestones, ratings, image flag, scorecards`, async () => {
    const proposals = await getJson('/api/v1/processes/lakeview-green-streets/proposals?limit=50');
    const proposal = proposals.proposals.find((p: { title: string }) => p.title === 'A safe crossing at Willow Bank Primary School');
    assert.ok(proposal, 'the demo has the qualified proposal');
    const before = await urbanScorecard();
    const title = zh ? `柳岸小学安全过街设施 ${Date.now() % 1000}` : `Safe crossing at Willow Bank Primary ${Date.now() % 1000}`;

    // 1. The bureau registers a program from the qualified proposal (the form is prefilled from it).
    const official = await newPage(browser, { locale: lang });
    await signIn(official.page, server.url, 'official@lakeview.demo', zh);
    await official.page.goto(`${server.url}/commitments/new?proposalId=${proposal.id}`);
    await official.page.getByTestId('prefill-origin').waitFor();
    assert.notEqual(await official.page.locator('#commitment-title').inputValue(), '');
    await official.page.locator('#commitment-title').fill(title);
    await official.page.locator('#commitment-legal-basis').fill(zh ? '《湖景市道路交通安全条例》第十二条' : 'Lakeview Road Safety Regulations, art. 12');
    await official.page.locator('#commitment-budget').fill('5000000');
    await official.page.locator('#commitment-start').fill('2026-04-01');
    await official.page.locator('#commitment-end').fill('2027-03-31');
    await official.page.locator('#commitment-indicator').fill(zh ? '上学时段安全过街的儿童比例' : 'Children crossing at school times on a protected crossing');
    await official.page.locator('#commitment-unit').fill('%');
    await official.page.locator('#commitment-baseline').fill('20');
    await official.page.locator('#commitment-target').fill('95');
    await expectAccessible(official.page, `registration form (${lang})`);
    await official.page.getByRole('button', { name: L.form.submit, exact: true }).click();
    await official.page.waitForURL(/\/commitments\/[0-9a-f-]{36}$/);
    const commitmentUrl = official.page.url();
    const id = commitmentUrl.split('/').pop()!;
    assert.equal(await official.page.getByTestId('commitment-title').innerText(), title);
    assert.match(await official.page.getByTestId('origin').innerText(), /A safe crossing at Willow Bank Primary School/);
    const created = await getJson(`/api/v1/commitments/${id}`);
    assert.equal(created.commitment.status, 'proposed');
    assert.equal(created.origin.id, proposal.id);

    // 2. It is put to the residents of the area for ten days.
    const serverNow = new Date(created.commitment.createdAt).getTime();
    await openPart(official.page, 'staff-consultation');
    await official.page.locator('#consultation-ends').fill(new Date(serverNow + 10 * DAY).toISOString().slice(0, 10));
    await official.page.getByRole('button', { name: L.staff.openConsultation }).click();
    await official.page.getByTestId('consultation').waitFor();
    assert.equal((await getJson(`/api/v1/commitments/${id}`)).commitment.status, 'in_consultation');

    // 3. A verified resident of Willow Bank (Xu Hui, in the demo census) approves (4 of 5).
    const resident = await newPage(browser, { locale: lang });
    await signIn(resident.page, server.url, 'xu.hui@lakeview.demo', zh);
    await resident.page.goto(commitmentUrl);
    await resident.page.getByTestId('approval-form').waitFor();
    await resident.page.locator('#approval-4').check({ force: true });
    await expectAccessible(resident.page, `consultation with the approval form (${lang})`);
    await resident.page.getByRole('button', { name: L.consultation.approve }).click();
    await resident.page.getByText(L.consultation.yourApproval.split('{{')[0].trim()).waitFor();
    assert.equal((await getJson(`/api/v1/commitments/${id}`)).consultation.results.approvals.count, 1);

    // 4. The consultation ends; the bureau adopts the program, answering what residents said.
    await advanceClock(11 * DAY);
    await official.page.goto(commitmentUrl);
    await openPart(official.page, 'staff-decision');
    await official.page.locator('#decision-adopt').check({ force: true });
    await official.page.locator('#decision-text').fill(zh ? '采纳。暑假期间施工，九月开学前完成。' : 'Adopted. Works run in the summer holidays and finish before school starts in September.');
    await official.page.locator('#decision-response').fill(zh ? '参与的居民支持这一方案（4 分），我们先建凸起式人行横道。' : 'The resident who took part approved (4 of 5); we build the raised crossing first.');
    await expectAccessible(official.page, `decision form (${lang})`);
    await official.page.getByRole('button', { name: L.staff.decide }).click();
    await official.page.getByTestId('decision').waitFor();
    assert.match(await official.page.getByTestId('decision').innerText(), new RegExp(L.decision.consultationSide));
    await official.page.getByTestId('consultation-response').waitFor();

    // 5. A milestone and the first progress report (the work starts).
    await openPart(official.page, 'staff-milestones');
    await official.page.locator('#milestone-title').fill(zh ? '凸起式人行横道建成' : 'Raised crossing built');
    await official.page.locator('#milestone-due').fill('2026-09-01');
    await official.page.getByRole('button', { name: L.staff.addMilestone }).click();
    await official.page.getByTestId('milestones').getByText(zh ? '凸起式人行横道建成' : 'Raised crossing built').waitFor();
    await openPart(official.page, 'staff-progress');
    await official.page.locator('#progress-percent').fill('30');
    await official.page.locator('#progress-spent').fill('4000000');
    await official.page.locator('#progress-note').fill(zh ? '已封闭施工，临时过街由协管员引导。' : 'The site is fenced off; a crossing guard helps children across meanwhile.');
    await expectAccessible(official.page, `progress form (${lang})`);
    await official.page.getByRole('button', { name: L.staff.report }).click();
    await official.page.waitForFunction(() => document.querySelector('[data-testid="progress-meter"] [role="meter"]')?.getAttribute('aria-valuenow') === '30');
    const started = await getJson(`/api/v1/commitments/${id}`);
    assert.equal(started.commitment.status, 'in_progress');
    assert.deepEqual(started.timeline.map((e: { kind: string }) => e.kind), ['created', 'consultation_opened', 'adopted', 'milestone_added', 'started', 'progress_reported']);
    assert.equal(started.image.spendHigh, true, 'the top spender among neighbourhood programs');
    assert.equal(started.image.flagged, false, 'no ratings yet');

    // 6. An administrator sets the image-project formula to need a single rating.
    const admin = await newPage(browser, { locale: lang });
    await signIn(admin.page, server.url, 'admin@lakeview.demo', zh);
    await admin.page.goto(`${server.url}/scorecards`);
    await admin.page.getByTestId('formula-form').waitFor();
    await admin.page.locator('#formula-ratings').fill('1');
    await admin.page.getByRole('button', { name: L.method.save }).click();
    await admin.page.getByText(L.method.saved).waitFor();
    assert.equal((await getJson('/api/v1/commitments/image-formula')).minRatings, 1);

    // 7. The resident rates the program: little benefit so far; the flag and the scorecard follow.
    await resident.page.goto(commitmentUrl);
    await resident.page.getByTestId('rating-form').waitFor();
    for (const [criterion, score] of [['benefit', 1], ['valueForMoney', 2], ['openness', 4], ['delivered', 3]] as const) {
      await resident.page.locator(`#rating-${criterion}-${score}`).check({ force: true });
    }
    await resident.page.locator('#rating-comment').fill(zh ? '工地围挡让孩子绕远路。' : 'The fenced site makes children walk the long way round.');
    await expectAccessible(resident.page, `rating form (${lang})`);
    await resident.page.getByRole('button', { name: L.rating.submit }).click();
    await resident.page.getByText(L.rating.saved).waitFor();
    await resident.page.getByTestId('image-project-tag').first().waitFor();
    assert.equal(await resident.page.getByTestId('image-verdict').innerText(), L.image.flagged);
    const rated = await getJson(`/api/v1/commitments/${id}`);
    assert.equal(rated.image.flagged, true);
    assert.equal(rated.ratings.rounds[0].count, 1);
    const flagged = await getJson('/api/v1/commitments?flagged=true&limit=50');
    assert.ok(flagged.commitments.some((c: { id: string }) => c.id === id));

    const after = await urbanScorecard();
    assert.equal(after['accountability.average_rating']!.basis, before['accountability.average_rating']!.basis + 1);

    // 8. The scorecards on a phone: the table shows what the API says, the charts render.
    await resident.page.setViewportSize({ width: 360, height: 800 });
    await resident.page.goto(`${server.url}/scorecards`);
    await resident.page.getByTestId('scorecard-table').waitFor();
    await resident.page.getByTestId('scorecard-bar-chart').waitFor();
    await resident.page.getByTestId('scorecard-trend-chart').waitFor();
    const shown = await resident.page.locator('tr[data-department="urban-management-bureau"] td[data-metric="accountability.average_rating"]').getAttribute('data-value');
    assert.equal(Number(shown), after['accountability.average_rating']!.value);
    const onTime = await resident.page.locator('tr[data-department="urban-management-bureau"] td[data-metric="questions.on_time_share"]').getAttribute('data-value');
    assert.equal(onTime === '' ? null : Number(onTime), after['questions.on_time_share']!.value);
    await expectAccessible(resident.page, `scorecards on a phone (${lang})`);
    await screenshot(resident.page, `accountability-scorecards-${lang}`);
    // The charts alone (bar chart by department and the quarterly trend), for a quick look.
    await resident.page.getByTestId('scorecard-charts').screenshot({ path: path.join(artifactsDir, `accountability-scorecard-charts-${lang}.png`) });

    // The commitment page on a phone, with its rating charts.
    await resident.page.goto(commitmentUrl);
    await resident.page.getByTestId('ratings-chart-after_start').waitFor();
    await expectAccessible(resident.page, `commitment page on a phone (${lang})`);
    await screenshot(resident.page, `accountability-commitment-${lang}`);

    // The home page of Willow Bank shows its departments' scorecards at a glance.
    await resident.page.goto(`${server.url}/areas/willow-bank`);
    await resident.page.getByTestId('scorecards-glance').getByText(zh ? '城市管理局' : 'Urban Management Bureau').first().waitFor();
    await expectAccessible(resident.page, `area home with scorecards (${lang})`);

    for (const page of [official, resident, admin]) await page.context.close();
  });
}
