import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, newPage, screenshot, startServer, type RunningServer, signIn as signInAs, DEMO_PASSWORD } from './harness.js';

// The participation journey, in both languages: the director of the Urban Management Bureau creates
// a process with three phases in the editor and publishes it (5 supports qualify a proposal; answers
// are due within 10 working days); a verified resident proposes through the form, other residents
// support it past the threshold (the last one in the browser), the page shows it qualified with the
// answer deadline, the director answers "accepted" with reasons, and the timeline shows each step
// with the post that signed the answer.
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


function signIn(page: Page, email: string, zh: boolean) {
  return signInAs(page, server.url, email, zh);
}

/** `datetime-local` value for a moment `hours` from now, in the browser's (the machine's) time zone. */
function localInput(hours: number): string {
  const d = new Date(Date.now() + hours * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** The official creates and publishes a process with three phases in the editor; returns its slug. */
async function createProcessInBrowser(page: Page, zh: boolean, title: string): Promise<string> {
  await page.goto(`${server.url}/processes`);
  await page.getByRole('link', { name: zh ? '发起新进程' : 'Start a new process' }).click();
  await page.waitForURL(/\/processes\/new$/);
  await page.locator('#process-title').fill(title);
  await page.locator('#process-summary').fill(zh ? '请提出让学校周边更安全的建议。' : 'Propose how to make the streets around schools safer.');
  await page.locator('#process-legal-basis').fill(zh ? '《湖景市公众参与条例》第十二条。' : 'Lakeview Public Participation Ordinance, art. 12.');
  await page.locator('#process-threshold').fill('5');
  await page.locator('#process-answer-days').fill('10');
  const addPhase = page.getByRole('button', { name: zh ? '添加阶段' : 'Add a phase' });
  await addPhase.click();
  await addPhase.click();
  const phases = zh ? ['提出建议', '部门评估', '结果公布'] : ['Proposals', 'Evaluation', 'Results'];
  const bounds = [[-1, 24 * 14], [24 * 14, 24 * 28], [24 * 28, 24 * 42]];
  for (let i = 0; i < 3; i++) {
    await page.locator(`#phase-${i}-title`).fill(phases[i]!);
    await page.locator(`#phase-${i}-start`).fill(localInput(bounds[i]![0]!));
    await page.locator(`#phase-${i}-end`).fill(localInput(bounds[i]![1]!));
  }
  for (const action of ['propose', 'support', 'comment']) await page.locator(`#phase-0-proposals-${action}`).check();
  await page.locator('#phase-1-proposals-comment').check();
  await expectAccessible(page, `process editor (${zh ? 'zh-CN' : 'en'})`);
  await page.getByRole('button', { name: zh ? '创建草稿' : 'Create the draft' }).click();
  await page.waitForURL((url) => /^\/processes\/[a-z0-9-]+$/.test(url.pathname) && !url.pathname.endsWith('/new'));
  await page.getByRole('button', { name: zh ? '发布' : 'Publish', exact: true }).click();
  await page.getByRole('heading', { name: zh ? '您现在可以做什么' : 'What you can do now' }).waitFor();
  await page.getByText(zh ? /提出建议——开放至/ : /Make proposals — open until/).waitFor();
  assert.equal(await page.locator('.usa-process-list__item').count(), 3);
  await expectAccessible(page, `published process (${zh ? 'zh-CN' : 'en'})`);
  await screenshot(page, `process-published-${zh ? 'zh-CN' : 'en'}`);
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** A support given through the API by a demo resident (the others before the last, browser-made one). */
async function supportViaApi(email: string, proposalId: string) {
  const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  assert.equal(login.status, 200, await login.text());
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const session = await (await fetch(`${server.url}/api/v1/session`, { headers: { cookie } })).json();
  const res = await fetch(`${server.url}/api/v1/proposals/${proposalId}/support`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
    body: '{}',
  });
  assert.equal(res.status, 200, await res.text());
}

const journeys = [
  {
    lang: 'en',
    author: 'sun.tao@lakeview.demo',
    supporters: ['ma.li@lakeview.demo', 'guo.mei@lakeview.demo', 'luo.dan@lakeview.demo', 'liang.bo@lakeview.demo'],
    lastSupporter: 'xie.ning@lakeview.demo',
    title: 'Drinking fountains along the lake path',
    body: 'There is no drinking water on the whole lake path. Three fountains, one at each playground, would help runners, children and dogs in summer.',
    t: {
      create: 'Make a proposal', title: 'Title', body: 'Your proposal', publish: 'Publish', support: 'Support this proposal',
      awaiting: /Awaiting answer/i, due: /Answer due in 10 working days/, accept: 'Accept', reasons: /Reasons/, submit: 'Publish',
      accepted: /Accepted/i, signature: /Director, Urban Management Bureau/, published: /Published/, qualified: /Reached the support threshold/,
      reasonsText: 'Accepted: three fountains will be installed by June, one at each playground.',
    },
  },
  {
    lang: 'zh-CN',
    author: 'song.yan@lakeview.demo',
    supporters: ['zhu.qing@lakeview.demo', 'zheng.xin@lakeview.demo', 'kenji.sato@lakeview.demo', 'lin.yu@lakeview.demo'],
    lastSupporter: 'he.ping@lakeview.demo',
    title: '在小学门口增设护学岗',
    body: '上学和放学时段，学校门口车辆很多，孩子过马路很危险。建议在早晚高峰设立护学岗，并施划清晰的斑马线。',
    t: {
      create: '提出建议', title: '标题', body: '建议内容', publish: '发布', support: '支持此建议',
      awaiting: /待答复/, due: /距答复期限还有 10 个工作日/, accept: '采纳', reasons: /理由/, submit: '公布',
      accepted: /已采纳/, signature: /城市管理局局长/, published: /已发布/, qualified: /达到支持门槛/,
      reasonsText: '采纳。九月开学前在校门口设立护学岗，并重新施划斑马线。',
    },
  },
] as const;

for (const j of journeys) {
  const zh = j.lang === 'zh-CN';
  test(`participation in ${j.lang}: an official creates a process with three phases; propose, support past the threshold, deadline, official answer, timeline`, async () => {
    // 0. The department's director creates the process and publishes it.
    const official = await newPage(browser, { locale: j.lang });
    await signIn(official.page, 'official@lakeview.demo', zh);
    const PROCESS = await createProcessInBrowser(official.page, zh, zh ? `学校周边安全 ${Date.now() % 10000}` : `Safer school streets ${Date.now() % 10000}`);

    // 1. A verified resident proposes.
    const author = await newPage(browser, { locale: j.lang });
    await signIn(author.page, j.author, zh);
    await author.page.goto(`${server.url}/processes/${PROCESS}/proposals`);
    await author.page.getByRole('link', { name: j.t.create }).click();
    await author.page.getByLabel(j.t.title, { exact: false }).first().fill(j.title);
    await author.page.getByLabel(j.t.body).fill(j.body);
    // A photo of the site: uploaded at once, listed with a remove button, shown on the proposal.
    await author.page.locator('#proposal-attachments').setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
    await author.page.getByRole('list', { name: zh ? '已附加的文件' : 'Attached files' }).getByRole('button', { name: zh ? '删除 site.png' : 'Remove site.png' }).waitFor();
    await expectAccessible(author.page, `new proposal form (${j.lang})`);
    await author.page.getByRole('button', { name: j.t.publish, exact: true }).click();
    await author.page.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    const proposalId = author.page.url().split('/').pop()!;
    await author.page.getByTestId('proposal-title').waitFor();
    assert.equal(await author.page.getByTestId('proposal-title').innerText(), j.title);
    assert.match(await author.page.getByTestId('timeline').innerText(), j.t.published);
    const photo = author.page.getByTestId('attachments').getByRole('img', { name: 'site.png' });
    await photo.waitFor();
    assert.ok(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 1), 'the photo is served and shown');

    // 2. Other residents support it; the fifth support, in the browser, qualifies it.
    for (const email of j.supporters) await supportViaApi(email, proposalId);
    const supporter = await newPage(browser, { locale: j.lang });
    await signIn(supporter.page, j.lastSupporter, zh);
    await supporter.page.setViewportSize({ width: 360, height: 800 });
    await supporter.page.goto(`${server.url}/processes/${PROCESS}/proposals/${proposalId}`);
    // The page loads the session and the proposal as that person before it offers a support.
    await supporter.page.waitForLoadState('networkidle');
    await supporter.page.getByTestId('support-button').click();
    await supporter.page.getByTestId('unsupport-button').waitFor({ timeout: 15_000 }).catch(async (error) => {
      await screenshot(supporter.page, `proposal-support-failed-${j.lang}`);
      throw error;
    });
    await supporter.page.getByTestId('deadline-panel').waitFor();
    assert.match(await supporter.page.getByTestId('proposal-state').first().innerText(), j.t.awaiting);
    assert.match(await supporter.page.getByTestId('deadline').innerText(), j.t.due);
    assert.equal(await supporter.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), false, 'no sideways scrolling at 360 px');
    await expectAccessible(supporter.page, `qualified proposal at 360 px (${j.lang})`);
    await screenshot(supporter.page, `proposal-qualified-${j.lang}-360`);

    // 3. The department answers "accepted" with its reasons, in the name of the director's post.
    await official.page.goto(`${server.url}/processes/${PROCESS}/proposals/${proposalId}`);
    const panel = official.page.getByTestId('official-panel');
    await panel.waitFor();
    await expectAccessible(official.page, `official answer form (${j.lang})`);
    await panel.getByLabel(j.t.accept, { exact: true }).check();
    await panel.getByLabel(j.t.reasons).fill(j.t.reasonsText);
    await panel.getByRole('button', { name: j.t.submit, exact: true }).click();
    await official.page.getByTestId('answer-signature').waitFor();

    // 4. Everyone sees the answer, who signed it, and the timeline of each step.
    const visitor = await newPage(browser, { locale: j.lang });
    await visitor.page.goto(`${server.url}/processes/${PROCESS}/proposals/${proposalId}`);
    await visitor.page.getByTestId('answer-signature').waitFor();
    const answer = await visitor.page.getByTestId('answer').innerText();
    assert.match(answer, j.t.accepted);
    assert.ok(answer.includes(j.t.reasonsText));
    assert.match(await visitor.page.getByTestId('answer-signature').innerText(), j.t.signature);
    const steps = await visitor.page.getByTestId('timeline').getByRole('listitem').allInnerTexts();
    assert.equal(steps.length, 3, steps.join('\n'));
    assert.match(steps[0]!, j.t.published);
    assert.match(steps[1]!, j.t.qualified);
    assert.match(steps[2]!, j.t.accepted);
    assert.match(steps[2]!, j.t.signature);
    await expectAccessible(visitor.page, `answered proposal (${j.lang})`);
    await screenshot(visitor.page, `proposal-answered-${j.lang}`);

    // The process page shows where its proposals stand: one accepted.
    await visitor.page.goto(`${server.url}/processes/${PROCESS}`);
    const results = visitor.page.getByTestId('proposals-results');
    await results.getByRole('row').nth(1).waitFor();
    assert.match(await results.getByRole('row').nth(1).innerText(), zh ? /已采纳\s+1/ : /Accepted\s+1/);
    await expectAccessible(visitor.page, `process with results (${j.lang})`);

    // The list finds it by a word of its title.
    const word = zh ? '护学' : 'fountains';
    await visitor.page.goto(`${server.url}/processes/${PROCESS}/proposals?q=${encodeURIComponent(word)}`);
    await visitor.page.getByTestId('proposal-list').getByRole('link', { name: j.title }).waitFor();
    await expectAccessible(visitor.page, `proposal list (${j.lang})`);

    for (const p of [author, supporter, official, visitor]) assert.deepEqual(p.problems, []);
  });
}
