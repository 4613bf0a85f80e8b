import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectAccessible, journey, moduleMessages, newPage, screenshot, signIn } from './harness.js';

// Questions to the government, in both languages: a resident asks the Transport Bureau a question in
// the form; the server's clock (TEST_CLOCK) moves past the legal deadline and the sweep marks it
// overdue with nobody acting; the bureau's deputy director answers; the resident rates the answer;
// the bureau's record (numbers and monthly chart) shows each step.
const ctx = journey({ TEST_CLOCK: 'true', SESSION_TTL_HOURS: '8760' });

const DAY = 86_400_000;

const messages = (lang: 'en' | 'zh-CN') => moduleMessages('questions', lang);

async function record() {
  const res = await fetch(`${ctx.server.url}/api/v1/questions/departments/transport-bureau`);
  const text = await res.text();
  assert.equal(res.status, 200, text);
  return JSON.parse(text).totals as { asked: number; overdueNow: number; answered: number; rated: number };
}

for (const lang of ['en', 'zh-CN'] as const) {
  const zh = lang === 'zh-CN';
  const L = messages(lang);
  test(`questions in ${lang}: ask, overdue on the deadline, answer, rating, the department's record`, async () => {
    const department = (await (await fetch(`${ctx.server.url}/api/v1/organizations/transport-bureau`)).json()).organization;
    const before = await record();
    const title = zh ? `公交 12 路晚班车为何取消？${Date.now() % 1000}` : `Why was the late number 12 bus cut? ${Date.now() % 1000}`;

    // 1. A resident asks the bureau.
    const resident = await newPage(ctx.browser, { locale: lang });
    await signIn(resident.page, ctx.server.url, 'resident@lakeview.demo', zh);
    await resident.page.goto(`${ctx.server.url}/questions/ask`);
    await resident.page.locator('#question-department').selectOption(department.id);
    await resident.page.getByTestId('answer-period').waitFor();
    await resident.page.locator('#question-title').fill(title);
    await resident.page.locator('#question-body').fill(zh ? '夜班工人下班后没有公交车回家。请说明取消的理由和替代方案。' : 'Night-shift workers have no bus home any more. Please explain why it was cut and what replaces it.');
    await expectAccessible(resident.page, `ask form (${lang})`);
    await resident.page.getByRole('button', { name: L.ask.submit }).click();
    await resident.page.waitForURL(/\/questions\/[0-9a-f-]{36}$/);
    const questionUrl = resident.page.url();
    assert.equal(await resident.page.getByTestId('question-title').innerText(), title);
    await resident.page.getByTestId('deadline-panel').waitFor();
    assert.equal((await record()).asked, before.asked + 1);

    // 2. Nobody answers; the legal deadline passes and the question becomes overdue by itself.
    await ctx.advanceClock(45 * DAY);
    await resident.page.goto(questionUrl);
    await resident.page.getByTestId('question-title').waitFor();
    assert.match(await resident.page.locator('main').innerText(), new RegExp(L.state.overdue));
    assert.equal((await record()).overdueNow, before.overdueNow + 1);

    // 3. The deputy director answers, signed by the post.
    const official = await newPage(ctx.browser, { locale: lang });
    await signIn(official.page, ctx.server.url, 'transport@lakeview.demo', zh);
    await official.page.goto(questionUrl);
    await official.page.getByTestId('official-panel').waitFor();
    await official.page.locator('#respond-answer').check({ force: true });
    await official.page.locator('#answer-text').fill(zh ? '由于乘客太少而取消。自下月起，改由需求响应式小巴服务夜班工人。' : 'Too few riders. From next month an on-demand minibus serves night-shift workers instead.');
    await expectAccessible(official.page, `official answer form (${lang})`);
    await official.page.getByRole('button', { name: L.official.submit }).click();
    await official.page.getByTestId('answer-signature').waitFor();
    assert.match(await official.page.getByTestId('answer-signature').innerText(), zh ? /交通运输局/ : /Transport Bureau/);

    // 4. The resident rates the answer.
    await resident.page.goto(questionUrl);
    await resident.page.getByTestId('rating-form').waitFor();
    await resident.page.locator('#rating-yes').check({ force: true });
    await resident.page.getByRole('button', { name: L.rating.submit }).click();
    await resident.page.getByTestId('rating').waitFor();
    assert.match(await resident.page.getByTestId('rating').innerText(), new RegExp(L.rating.resolved.slice(0, 12)));

    // 5. The record: asked, answered (late), rated, no longer overdue; the monthly chart shows it.
    const after = await record();
    assert.equal(after.overdueNow, before.overdueNow);
    assert.equal(after.answered, before.answered + 1);
    assert.equal(after.rated, before.rated + 1);
    await resident.page.setViewportSize({ width: 360, height: 800 });
    await resident.page.goto(`${ctx.server.url}/questions/departments/transport-bureau`);
    await resident.page.getByTestId('monthly-chart').waitFor();
    assert.match(await resident.page.getByTestId('stat-asked').innerText(), new RegExp(String(after.asked)));
    await expectAccessible(resident.page, `department record on a phone (${lang})`);
    await screenshot(resident.page, `questions-record-${lang}`);
  });
}
