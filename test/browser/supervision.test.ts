import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, expectAccessible, journey, moduleMessages, newPage, screenshot, signIn } from './harness.js';

// Supervision, in both languages. An anonymous report: a visitor (no account, no cookie) reports
// misconduct and keeps the receipt; the supervisor unlocks the supervision key, reads the report and
// asks a question; the reporter answers with the receipt; the supervisor concludes and the reporter
// reads the conclusion. A named complaint: a resident files it, the commission opens the preliminary
// review and then misses its deadline (the server's clock moves), so the case goes to the higher
// body, whose inspector takes it through investigation to its conclusion, which the resident reads.
const ctx = journey({ TEST_CLOCK: 'true', SESSION_TTL_HOURS: '8760' });

const DAY = 86_400_000;
const SUPERVISOR = 'supervisor@lakeview.demo';
const HIGHER = 'song.yan@lakeview.demo';

const messages = (lang: 'en' | 'zh-CN') => moduleMessages('supervision', lang);

async function departmentId(name: string): Promise<string> {
  const options = await (await fetch(`${ctx.server.url}/api/v1/supervision/options`)).json();
  return options.departments.find((d: { name: string }) => d.name === name).id;
}

async function unlockKey(page: Page, L: ReturnType<typeof messages>) {
  await page.goto(`${ctx.server.url}/supervision/queue`);
  await page.locator('[data-testid="key-panel"], [data-testid="key-unlocked"]').first().waitFor();
  if (await page.getByTestId('key-panel').isVisible()) {
    await page.locator('#key-passphrase').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: L.key.unlock, exact: true }).click();
    await page.getByTestId('key-unlocked').waitFor();
  }
}

for (const lang of ['en', 'zh-CN'] as const) {
  const zh = lang === 'zh-CN';
  const L = messages(lang);

  test(`anonymous report in ${lang}: report, receipt, question, answer with the receipt, conclusion`, async () => {
    const marker = Date.now() % 100000;
    const text = zh ? `菜市场管理员每周二早上向摊主收取现金，不开收据。编号${marker}` : `The market inspector collects cash from stall holders every Tuesday morning, no receipts. Ref ${marker}`;

    // 1. A visitor, never signed in, on a phone.
    const reporter = await newPage(ctx.browser, { locale: lang, width: 360, height: 780 });
    await reporter.page.goto(`${ctx.server.url}/supervision`);
    await reporter.page.getByRole('heading', { level: 1, name: L.landing.title }).waitFor();
    await expectAccessible(reporter.page, `supervision landing (${lang})`);
    await reporter.page.goto(`${ctx.server.url}/supervision/report`);
    await reporter.page.locator('#report-department').selectOption(await departmentId('Urban Management Bureau'));
    await reporter.page.locator('#report-category').selectOption('bribery');
    await reporter.page.locator('#report-description').fill(text);
    await reporter.page.locator('#report-files').setInputFiles({ name: 'ledger.txt', mimeType: 'text/plain', buffer: Buffer.from('Tuesday: 200, 300, 150 yuan.') });
    await expectAccessible(reporter.page, `anonymous report form (${lang})`);
    await reporter.page.getByRole('button', { name: L.report.submit }).click();
    const receipt = (await reporter.page.getByTestId('receipt').innerText()).trim();
    assert.match(receipt, /^\d{4} \d{4} \d{4} \d{4}$/);
    await expectAccessible(reporter.page, `receipt page (${lang})`);
    await screenshot(reporter.page, `supervision-receipt-${lang}`);
    assert.deepEqual(await reporter.context.cookies(), [], 'no cookie was set for the reporter');

    // 2. The supervisor unlocks the key, reads the report and asks a question.
    const supervisor = await newPage(ctx.browser, { locale: lang });
    await signIn(supervisor.page, ctx.server.url, SUPERVISOR, zh);
    await unlockKey(supervisor.page, L);
    await expectAccessible(supervisor.page, `supervision queue (${lang})`);
    const links = supervisor.page.locator('main a[href^="/supervision/reports/"]');
    const hrefs = await links.evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, n: Number((a.textContent ?? '').replace(/\D/g, '')) })));
    const newest = hrefs.sort((a, b) => b.n - a.n)[0];
    if (!newest) assert.fail(`no report to open: ${await supervisor.page.locator('main').innerText()}`);
    await supervisor.page.goto(`${ctx.server.url}${newest.href}`);
    assert.equal(await supervisor.page.getByTestId('report-text').innerText(), text);
    await supervisor.page.locator('#report-message').fill(zh ? '请问大约几点收钱？' : 'Around what time is the cash collected?');
    await expectAccessible(supervisor.page, `handler's report page (${lang})`);
    await supervisor.page.getByRole('button', { name: L.handle.sendToReporter }).click();
    await supervisor.page.getByTestId('message-handler').first().waitFor();

    // 3. The reporter comes back with the receipt and answers.
    await reporter.page.goto(`${ctx.server.url}/supervision/check`);
    await reporter.page.locator('#check-receipt').fill(receipt);
    await reporter.page.getByRole('button', { name: L.check.open }).click();
    await reporter.page.getByTestId('question-waiting').waitFor();
    await expectAccessible(reporter.page, `check my report (${lang})`);
    await reporter.page.locator('#reply-text').fill(zh ? '大约早上七点到八点。' : 'Between seven and eight in the morning.');
    await reporter.page.getByRole('button', { name: L.case.send, exact: true }).click();
    await reporter.page.getByTestId('message-reporter').waitFor();
    assert.equal(await reporter.page.getByTestId('question-waiting').count(), 0);

    // 4. The supervisor reads the answer and concludes.
    await supervisor.page.reload();
    await supervisor.page.getByTestId('message-reporter').waitFor();
    await supervisor.page.locator('#report-outcome').selectOption('substantiated');
    await supervisor.page.locator('#report-conclusion-text').fill(zh ? '经查属实，该管理员已被停职。' : 'Confirmed. The inspector has been suspended.');
    await supervisor.page.getByRole('button', { name: L.handle.conclude, exact: true }).click();
    await supervisor.page.getByTestId('report-conclusion').waitFor();

    // 5. The reporter reads the conclusion.
    await reporter.page.getByRole('button', { name: L.check.close }).click();
    await reporter.page.locator('#check-receipt').fill(receipt.replace(/\s/g, ''));
    await reporter.page.getByRole('button', { name: L.check.open }).click();
    await reporter.page.getByTestId('report-conclusion').waitFor();
    assert.match(await reporter.page.getByTestId('report-conclusion').innerText(), new RegExp(L.outcome.substantiated, 'i'));
    assert.deepEqual(await reporter.context.cookies(), []);
    assert.deepEqual([...reporter.problems, ...supervisor.problems], []);
    await reporter.context.close();
    await supervisor.context.close();
  });

  test(`named complaint in ${lang}: filed, reviewed, escalated on a missed deadline, concluded by the higher body`, async () => {
    const resident = await newPage(ctx.browser, { locale: lang });
    await signIn(resident.page, ctx.server.url, 'resident@lakeview.demo', zh);
    // On a phone from here on (signing in switched the language with the header's button, hidden on phones).
    await resident.page.setViewportSize({ width: 360, height: 780 });
    await resident.page.goto(`${ctx.server.url}/supervision/complaints/new`);
    await resident.page.locator('#complaint-department').selectOption(await departmentId('Transport Bureau'));
    await resident.page.locator('#complaint-category').selectOption('conflict_of_interest');
    await resident.page.locator('#complaint-description').fill(zh ? '交通运输局把公交站台广告合同交给了科长亲属开办的公司，没有公开招标。' : "The Transport Bureau gave the bus shelter advertising contract to a company owned by a section chief's relative, without a public tender.");
    await expectAccessible(resident.page, `complaint form (${lang})`);
    await resident.page.getByRole('button', { name: L.file.submit }).click();
    await resident.page.waitForURL(/\/supervision\/complaints\/[0-9a-f-]{36}$/);
    const caseUrl = resident.page.url();
    await resident.page.getByTestId('deadline-panel').waitFor();
    assert.match(await resident.page.getByTestId('case-state').innerText(), new RegExp(L.state.received, 'i'));
    await expectAccessible(resident.page, `case page for the complainant (${lang})`);

    // The commission opens the preliminary review...
    const supervisor = await newPage(ctx.browser, { locale: lang });
    await signIn(supervisor.page, ctx.server.url, SUPERVISOR, zh);
    await supervisor.page.goto(caseUrl);
    await supervisor.page.getByTestId('handler-panel').waitFor();
    await expectAccessible(supervisor.page, `case page for the handler (${lang})`);
    await supervisor.page.getByRole('button', { name: L.handle.apply }).click();
    await supervisor.page.getByTestId('case-state').filter({ hasText: new RegExp(L.state.preliminary_review, 'i') }).waitFor();

    // ...and then misses its deadline: the case goes to the higher body by itself.
    await ctx.advanceClock(30 * DAY);
    await resident.page.goto(caseUrl);
    await resident.page.getByTestId('escalated').waitFor();
    assert.match(await resident.page.getByTestId('handling-body').innerText(), zh ? /省监察委员会/ : /Provincial Supervision Commission/);
    await supervisor.page.goto(caseUrl);
    await supervisor.page.getByRole('heading', { level: 1, name: L.case.notFound }).waitFor();

    // The higher body's inspector takes it through to its conclusion.
    const higher = await newPage(ctx.browser, { locale: lang });
    await signIn(higher.page, ctx.server.url, HIGHER, zh);
    await higher.page.goto(caseUrl);
    await higher.page.getByTestId('handler-panel').waitFor();
    await higher.page.locator('#action-accept').check({ force: true });
    await higher.page.getByRole('button', { name: L.handle.apply }).click();
    await higher.page.getByTestId('case-state').filter({ hasText: new RegExp(L.state.accepted, 'i') }).waitFor();
    await higher.page.getByRole('button', { name: L.handle.apply }).click();
    await higher.page.getByTestId('case-state').filter({ hasText: new RegExp(L.state.investigating, 'i') }).waitFor();
    await higher.page.locator('#stage-outcome').selectOption('partially_substantiated');
    await higher.page.locator('#stage-text').fill(zh ? '科长未申报亲属关系；合同本身价格合理。' : 'The section chief did not declare the relationship; the contract price itself was fair.');
    await higher.page.locator('#stage-measures').fill(zh ? '科长受到警告，合同重新公开招标。' : 'The section chief was warned and the contract will be re-tendered in public.');
    await higher.page.getByRole('button', { name: L.handle.apply }).click();
    await higher.page.getByTestId('decision').waitFor();

    await resident.page.reload();
    await resident.page.getByTestId('decision').waitFor();
    assert.match(await resident.page.getByTestId('decision').innerText(), new RegExp(L.outcome.partially_substantiated, 'i'));
    await screenshot(resident.page, `supervision-complaint-${lang}`);

    // The public statistics page shows aggregates with charts and tables.
    await resident.page.goto(`${ctx.server.url}/supervision/statistics`);
    await resident.page.getByTestId('chart-category').waitFor();
    await expectAccessible(resident.page, `supervision statistics (${lang})`);
    assert.deepEqual([...resident.problems, ...supervisor.problems, ...higher.problems], []);
    for (const p of [resident, supervisor, higher]) await p.context.close();
  });
}
