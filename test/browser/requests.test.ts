import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { expectAccessible, journey, moduleMessages, newPage, screenshot, signIn } from './harness.js';

// Information requests, in both languages (acceptance item 1): a resident files a request to the
// Transport Bureau in the form; the bureau asks for a clarification and the clock pauses (the
// server's clock moves a week, the deadline stays paused); the resident clarifies and the deadline
// runs again, later by the paused working days; the bureau refuses part on a legal ground with a
// name redacted; the resident asks for an internal review; the Supervision Commission upholds part;
// anyone reads the whole correspondence with the redaction, and the deadline at each step.
const ctx = journey({ TEST_CLOCK: 'true', SESSION_TTL_HOURS: '8760' });

const DAY = 86_400_000;

const messages = (lang: 'en' | 'zh-CN') => moduleMessages('requests', lang);

async function publicDetail(id: string) {
  const res = await fetch(`${ctx.server.url}/api/v1/requests/${id}`);
  assert.equal(res.status, 200);
  return res.json() as Promise<{ request: { state: string; deadline: { state: string; dueAt: string | null; kind: string } } }>;
}

/** The deadline shown on the page now. */
async function deadlineText(page: Page): Promise<string> {
  return page.getByTestId('deadline-panel').getByTestId('deadline').innerText();
}

const pattern = (template: string) => new RegExp(template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\\\{count\\\}\\\}/g, '\\d+'));

for (const lang of ['en', 'zh-CN'] as const) {
  const zh = lang === 'zh-CN';
  const L = messages(lang);
  test(`information requests in ${lang}: file, clarification pauses the clock, partial refusal with a redaction, internal review, public correspondence`, async () => {
    const department = (await (await fetch(`${ctx.server.url}/api/v1/organizations/transport-bureau`)).json()).organization;
    const title = zh ? `12 路公交车辆维修合同 ${Date.now() % 1000}` : `Maintenance contracts for the line 12 buses ${Date.now() % 1000}`;
    const secretName = zh ? '王小明师傅' : 'Mr Walter Privatename';

    // 1. The resident files the request; the department's period is shown in the form, the deadline on the page.
    const resident = await newPage(ctx.browser, { locale: lang });
    await signIn(resident.page, ctx.server.url, 'resident@lakeview.demo', zh);
    await resident.page.goto(`${ctx.server.url}/requests/new`);
    await resident.page.locator('#request-department').waitFor({ timeout: 30_000 }).catch(async () => assert.fail(`no form: ${await resident.page.locator('main').innerText()}`));
    await resident.page.locator('#request-department').selectOption(department.id);
    await resident.page.getByTestId('response-period').waitFor();
    await resident.page.locator('#request-title').fill(title);
    await resident.page.locator('#request-body').fill(zh ? '请公开 2025 年 12 路公交车辆维修保养合同及付款记录。' : 'Please send the 2025 maintenance contracts for the line 12 buses and the payments made under them.');
    await expectAccessible(resident.page, `request form (${lang})`);
    await resident.page.getByRole('button', { name: L.file.submit }).click();
    await resident.page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    const url = resident.page.url();
    const id = url.split('/').pop()!;
    assert.equal(await resident.page.getByTestId('request-title').innerText(), title);
    assert.match(await deadlineText(resident.page), pattern(L.deadline.due_other));
    const firstDue = (await publicDetail(id)).request.deadline.dueAt!;

    // 2. The bureau asks for a clarification: the clock pauses, and stays paused while a week passes.
    const official = await newPage(ctx.browser, { locale: lang });
    await signIn(official.page, ctx.server.url, 'transport@lakeview.demo', zh);
    await official.page.goto(url);
    await official.page.getByTestId('department-panel').waitFor();
    await official.page.locator('#department-askClarification').check({ force: true });
    await official.page.locator('#department-body').fill(zh ? '请问您需要的是车辆维修合同，还是场站设施的维修合同？' : 'Do you mean the contracts for the vehicles, or for the depot facilities as well?');
    await official.page.getByRole('button', { name: L.department.submit }).click();
    await official.page.getByText(L.deadline.paused).first().waitFor();
    await ctx.advanceClock(7 * DAY);
    await resident.page.goto(url);
    await resident.page.getByTestId('requester-panel').waitFor();
    assert.equal(await deadlineText(resident.page), L.deadline.paused);
    assert.equal((await publicDetail(id)).request.state, 'awaiting_clarification');

    // 3. The resident clarifies: the clock runs again, the deadline later by the working days it was paused.
    await resident.page.locator('#clarification-text').fill(zh ? '只需要车辆的维修合同和付款记录。' : 'Only the contracts for the vehicles, and the payments.');
    await resident.page.getByRole('button', { name: L.requester.clarify }).click();
    await resident.page.locator('#clarification-text').waitFor({ state: 'detached' });
    await resident.page.getByTestId('deadline-panel').getByText(pattern(L.deadline.due_other)).waitFor();
    assert.match(await deadlineText(resident.page), pattern(L.deadline.due_other));
    const afterPause = (await publicDetail(id)).request.deadline.dueAt!;
    assert.ok(new Date(afterPause).getTime() >= new Date(firstDue).getTime() + 4 * DAY, `${firstDue} -> ${afterPause}`);

    // 4. The bureau releases part, refuses part on a published legal ground, and redacts a name before publishing.
    await official.page.goto(url);
    await official.page.getByTestId('department-panel').waitFor();
    await official.page.locator('#department-reply').check({ force: true });
    await official.page.locator('#response-decision').selectOption('partially_successful');
    await official.page.locator('#response-ground').selectOption('commercial_secrets');
    await official.page.locator('#department-body').fill(
      zh ? `合同总额为 86 万元，付款记录附后。合同中的单价清单属于承包商的商业秘密，不予公开。经办人：${secretName}。` : `The contract total is 860,000 and the payments are listed below. The unit price list is the contractor's trade secret and is withheld. Handled by ${secretName}.`,
    );
    await official.page.locator('#response-redact').fill(secretName);
    await expectAccessible(official.page, `department reply form (${lang})`);
    await official.page.getByRole('button', { name: L.department.submit }).click();
    await official.page.getByTestId('outcome').waitFor();
    assert.match(await official.page.getByTestId('thread').innerText(), new RegExp(secretName), 'the department sees the original');

    // 5. The resident asks for an internal review by the supervising department, which has its own deadline.
    await resident.page.goto(url);
    await resident.page.getByTestId('requester-panel').waitFor();
    assert.match(await resident.page.getByTestId('request-state').innerText(), new RegExp(L.state.partially_successful, 'i'));
    await resident.page.locator('#appeal-text').fill(zh ? '单价是用公共资金支付的，应当公开。' : 'The unit prices are paid with public money and should be public.');
    await resident.page.getByRole('button', { name: L.requester.sendAppeal }).click();
    await resident.page.getByTestId('review-summary').waitFor();
    assert.match(await deadlineText(resident.page), pattern(L.deadline.reviewDue_other));

    // 6. The Supervision Commission upholds part of the refusal.
    const supervisor = await newPage(ctx.browser, { locale: lang });
    await signIn(supervisor.page, ctx.server.url, 'supervisor@lakeview.demo', zh);
    await supervisor.page.goto(url);
    await supervisor.page.getByTestId('review-panel').waitFor();
    await supervisor.page.locator('#review-partly_upheld').check({ force: true });
    await supervisor.page.locator('#review-body').fill(zh ? '单价总表应当公开；各零部件的供货商报价仍属商业秘密。' : 'The unit price summary must be released; the suppliers\' quotes per part remain trade secrets.');
    await expectAccessible(supervisor.page, `review decision form (${lang})`);
    await supervisor.page.getByRole('button', { name: L.review.submit }).click();
    await supervisor.page.getByText(L.outcome.partly_upheld).first().waitFor();
    assert.equal((await publicDetail(id)).request.state, 'partially_successful');

    // 7. Anyone, on a phone, reads the whole correspondence with the redaction, and the deadline kept.
    const visitor = await newPage(ctx.browser, { locale: lang, width: 360, height: 800 });
    await visitor.page.goto(url);
    await visitor.page.getByTestId('thread').waitFor();
    const thread = await visitor.page.getByTestId('thread').innerText();
    assert.doesNotMatch(thread, new RegExp(secretName));
    assert.match(thread, zh ? /\[已隐去\]/ : /\[redacted\]/);
    assert.equal(await visitor.page.getByTestId('message').count(), 6, 'request, clarification asked and given, response, review asked and decided');
    assert.match(await deadlineText(visitor.page), zh ? /按期/ : /on time/);
    assert.match(await visitor.page.getByTestId('review-summary').innerText(), new RegExp(L.outcome.partly_upheld, 'i'));
    await expectAccessible(visitor.page, `request page on a phone (${lang})`);
    await screenshot(visitor.page, `requests-page-${lang}`);
    await visitor.page.goto(`${ctx.server.url}/requests?state=partially_successful`);
    await visitor.page.getByTestId('request-list').waitFor();
    assert.match(await visitor.page.getByTestId('request-list').innerText(), new RegExp(title.slice(0, 10)));
    await expectAccessible(visitor.page, `request list on a phone (${lang})`);
    for (const { problems } of [resident, official, supervisor, visitor]) assert.deepEqual(problems, []);
  });
}
