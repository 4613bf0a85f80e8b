import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, newPage, screenshot, startServer, type RunningServer, signIn as signInAs } from './harness.js';

// Notifications as a representative of a demo organization meets them, in both languages: the
// unread count in the header, the notifications page, marking as read, what they follow, and the
// e-mail preference on the profile page.
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

const journeys = [
  { lang: 'en', email: 'rep@lakeview.demo', message: /Your organization "Riverside Residents' Association" has been verified\./, org: /Riverside Residents' Association/ },
  { lang: 'zh-CN', email: 'resident@lakeview.demo', message: /您的组织「绿湖环保协会」已通过核验。/, org: /Green Lake Environmental Society/ },
] as const;

for (const j of journeys) {
  const zh = j.lang === 'zh-CN';
  test(`notifications in ${j.lang}: the bell, the list, mark as read, follows, e-mail preference`, async () => {
    const { page, problems } = await newPage(browser, { locale: j.lang });
    await signIn(page, j.email, zh);

    const bell = page.getByTestId('notifications-bell');
    await bell.waitFor();
    await page.getByTestId('unread-count').waitFor();
    // Other modules' demo content may have told this person about more; the organization's news is one of them.
    assert.ok(Number(await page.getByTestId('unread-count').innerText()) >= 1);

    await bell.click();
    await page.waitForURL(/\/notifications$/);
    await page.getByTestId('notification').first().waitFor();
    const item = page.getByTestId('notification').filter({ hasText: j.message });
    const older = page.getByRole('button', { name: zh ? /显示更早的通知/ : /Show older notifications/ });
    while ((await item.count()) === 0 && (await older.count()) > 0) {
      const shown = await page.getByTestId('notification').count();
      await older.click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid=notification]').length > n, shown);
    }
    assert.equal(await item.count(), 1);
    assert.equal(await item.getAttribute('data-unread'), 'true');
    await expectAccessible(page, `notifications (${j.lang})`);
    await screenshot(page, `notifications-${j.lang}-unread`);

    await page.getByTestId('mark-all-read').click();
    await page.locator('[data-testid=notification][data-unread=false]').first().waitFor();
    await page.getByTestId('unread-count').waitFor({ state: 'detached' });

    const follows = page.getByTestId('follows');
    await follows.waitFor();
    assert.match(await follows.innerText(), j.org);
    const followed = follows.getByRole('listitem').filter({ hasText: j.org });
    assert.equal(await followed.count(), 1);
    await followed.getByRole('button', { name: zh ? /取消关注/ : /Stop following/ }).click();
    await followed.waitFor({ state: 'detached' });

    // A phone: the page still reads well at 360 px.
    await page.setViewportSize({ width: 360, height: 780 });
    await page.reload();
    await page.getByTestId('notification').first().waitFor();
    await expectAccessible(page, `notifications on a phone (${j.lang})`);
    await screenshot(page, `notifications-${j.lang}-phone`);
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.goto(`${server.url}/me#email-notifications`);
    const daily = page.getByLabel(zh ? /每天一封汇总邮件/ : /One summary a day/);
    await daily.check();
    await page.getByRole('button', { name: zh ? /保存邮件设置/ : /Save e-mail settings/ }).click();
    await page.getByText(zh ? /您的邮件设置已保存/ : /Your e-mail settings are saved/).waitFor();
    await expectAccessible(page, `profile with e-mail settings (${j.lang})`);
    await page.reload();
    assert.equal(await page.getByLabel(zh ? /每天一封汇总邮件/ : /One summary a day/).isChecked(), true);
    await screenshot(page, `notifications-${j.lang}-email-preference`);

    assert.deepEqual(problems, []);
  });
}

test('visitors get no bell, and the notifications page asks them to sign in', async () => {
  const { page, problems } = await newPage(browser);
  await page.goto(`${server.url}/notifications`);
  await page.getByTestId('sign-in-required').waitFor();
  assert.equal(await page.getByTestId('notifications-bell').count(), 0);
  await expectAccessible(page, 'notifications signed out');
  assert.deepEqual(problems, []);
});
