import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, newPage, screenshot, startServer, type RunningServer, signIn as signInAs } from './harness.js';

// The moderators' page as the demo's moderator (English) and administrator (Chinese) meet it:
// the navigation entry only staff see, the queue with its status filter, and the rules panel that
// administrators can change; accessible on a desktop and on a 360 px phone.
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

test('a resident sees no moderation entry and is told the page is for moderators', async () => {
  const { page, problems } = await newPage(browser);
  await signIn(page, 'resident@lakeview.demo', false);
  assert.equal(await page.getByRole('link', { name: 'Moderation', exact: true }).count(), 0);
  await page.goto(`${server.url}/moderation`);
  await page.getByText('Only moderators and administrators can see this page.').waitFor();
  assert.deepEqual(problems, []);
});

test('the moderator works the queue in English, on a desktop and on a phone', async () => {
  const { page, problems } = await newPage(browser, { locale: 'en' });
  await signIn(page, 'moderator@lakeview.demo', false);
  await page.getByRole('link', { name: 'Moderation', exact: true }).first().click();
  await page.waitForURL(/\/moderation$/);
  await page.getByRole('heading', { level: 1, name: 'Moderation' }).waitFor();
  await page.getByRole('status').filter({ hasText: /\d+ items?/ }).waitFor();
  await page.getByLabel('Show').selectOption('all');
  await page.getByRole('status').filter({ hasText: /\d+ items?/ }).waitFor();
  await page.getByText('Administrators can change these rules.').waitFor();
  await expectAccessible(page, 'moderation (en, moderator)');
  await page.setViewportSize({ width: 360, height: 800 });
  await expectAccessible(page, 'moderation (en, 360 px)');
  await screenshot(page, 'moderation-en-phone');
  assert.deepEqual(problems, []);
});

test('the administrator changes the rules in Chinese', async () => {
  const { page, problems } = await newPage(browser, { locale: 'zh-CN' });
  await signIn(page, 'admin@lakeview.demo', true);
  await page.goto(`${server.url}/moderation`);
  await page.getByRole('heading', { level: 1, name: '内容审核' }).waitFor();
  const threshold = page.getByLabel('隐藏内容所需的举报数');
  await threshold.fill('4');
  await page.getByRole('button', { name: '保存规则' }).click();
  await page.getByText('已保存。').waitFor();
  await threshold.fill('0');
  await page.getByRole('button', { name: '保存规则' }).click();
  await page.getByText('数值不能小于 1。').waitFor();
  assert.equal(await threshold.inputValue(), '0', 'what was typed stays');
  await expectAccessible(page, 'moderation (zh-CN, administrator)');
  await screenshot(page, 'moderation-zh');
  const settings = await page.evaluate(async () => (await fetch('/api/v1/moderation/settings')).json());
  assert.equal(settings.threshold, 4);
  assert.deepEqual(problems, []);
});
