import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { expectAccessible, launchBrowser, newPage, screenshot, signIn, startServer, type RunningServer } from './harness.js';

// The foundation as a newcomer meets it, in both languages: sign up, verify residency against a
// census an administrator imports, register an organization, the administrator verifies it.
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

const ADMIN = 'admin@lakeview.demo';


for (const lang of ['en', 'zh-CN'] as const) {
  const zh = lang === 'zh-CN';
  const L = zh
    ? { email: /电子邮箱/, password: /^密码/, signUpSubmit: /创建账户/, name: /^名称|^姓名|^名字/, verifySubmit: /核验/, doc: /证件号码/, birth: /出生日期/, orgName: /^名称/, registerSubmit: /登记组织|注册组织/, importSubmit: /导入/, verifyOrg: /^核验|^通过/ }
    : { email: /E-mail address/, password: /^Password/, signUpSubmit: /Create account/, name: /^Name/, verifySubmit: /Verify residency/, doc: /Identity document number/, birth: /Date of birth/, orgName: /^Name/, registerSubmit: /Register organization/, importSubmit: /Import census/, verifyOrg: /^Verify/ };

  test(`newcomer journey in ${lang}: census import, sign up, verify, register an organization, admin verifies it`, async () => {
    const stamp = `${lang.replace('-', '')}${Date.now().toString(36)}`;
    const documentNumber = `BR-${stamp}`;
    const admin = await newPage(browser, { locale: lang });
    // 1. The administrator imports a census file containing the newcomer.
    await signIn(admin.page, server.url, ADMIN, zh);
    await admin.page.goto(`${server.url}/admin/census`);
    await expectAccessible(admin.page, `admin census (${lang})`);
    await admin.page.locator('input[type=file]').setInputFiles({
      name: 'browser-census.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`document_number,birth_date,area\n${documentNumber},1988-08-08,willow-bank\n`),
    });
    await admin.page.getByRole('button', { name: L.importSubmit }).click();
    await admin.page.getByTestId('census-result').waitFor();
    assert.match(await admin.page.getByTestId('census-result').innerText(), /1/);
    await screenshot(admin.page, `foundation-${lang}-census-import`);

    // 2. A newcomer signs up on a phone.
    const person = await newPage(browser, { locale: lang, width: 360, height: 780 });
    const email = `newcomer.${stamp}@example.org`;
    await person.page.goto(`${server.url}/signup`);
    await expectAccessible(person.page, `sign-up (${lang})`);
    await person.page.getByLabel(L.name).first().fill(zh ? '王小明' : 'Alex Newcomer');
    await person.page.getByLabel(L.email).fill(email);
    await person.page.getByLabel(L.password).first().fill('a long and private passphrase');
    await person.page.getByRole('button', { name: L.signUpSubmit }).click();
    await person.page.waitForURL(/\/verify/);
    await screenshot(person.page, `foundation-${lang}-verify-phone`);

    // 3. Verifies residency against the imported census.
    await expectAccessible(person.page, `verify (${lang})`);
    await person.page.getByLabel(L.doc).fill(documentNumber.toLowerCase());
    await person.page.getByLabel(L.birth).fill('1988-08-08');
    await person.page.getByRole('button', { name: L.verifySubmit }).click();
    await person.page.getByTestId('verify-success').waitFor();
    assert.match(await person.page.getByTestId('verify-success').innerText(), zh ? /柳岸社区/ : /Willow Bank/);

    // 4. Registers an organization.
    const orgName = `Harbour Lane Reading Circle ${stamp}`;
    await person.page.goto(`${server.url}/organizations/new`);
    await expectAccessible(person.page, `register organization (${lang})`);
    await person.page.getByLabel(L.orgName).first().fill(orgName);
    await person.page.getByRole('button', { name: L.registerSubmit }).click();
    await person.page.getByTestId('registered').waitFor();
    await screenshot(person.page, `foundation-${lang}-registered-phone`);

    // 5. The administrator verifies it; the public directory then lists it.
    await admin.page.goto(`${server.url}/admin/verification`);
    const item = admin.page.locator('[data-testid^="pending-"]', { hasText: orgName });
    await item.waitFor();
    await expectAccessible(admin.page, `admin verification (${lang})`);
    await item.getByRole('button', { name: L.verifyOrg }).first().click();
    await item.waitFor({ state: 'detached' });
    const visitor = await newPage(browser, { locale: lang });
    await visitor.page.goto(`${server.url}/organizations?q=${encodeURIComponent(stamp)}`);
    await visitor.page.getByRole('link', { name: orgName }).waitFor();
    await screenshot(visitor.page, `foundation-${lang}-directory`);
    for (const ctx of [admin, person, visitor]) {
      assert.deepEqual(ctx.problems, [], `console errors or CSP violations: ${ctx.problems.join('\n')}`);
      await ctx.context.close();
    }
  });
}

/** Pages of the demo's content, found through the API as a visitor would reach them. */
async function modulePages(): Promise<string[]> {
  const get = async (path: string) => (await fetch(`${server.url}/api/v1${path}`)).json();
  const proposals = (await get('/processes/lakeview-green-streets/proposals')).proposals as { id: string }[];
  const debates = (await get('/processes/lakeview-green-streets/debates')).debates as { id: string }[];
  const regulations = (await get('/processes/street-vending-regulation/regulations')).regulations as { id: string }[];
  assert.ok(proposals.length > 0 && debates.length > 0 && regulations.length > 0, 'the demo has content in every module');
  const regulation = `/processes/street-vending-regulation/regulations/${regulations[0]!.id}`;
  return [
    '/processes/lakeview-green-streets/proposals',
    `/processes/lakeview-green-streets/proposals/${proposals[0]!.id}`,
    '/processes/lakeview-green-streets/debates',
    `/processes/lakeview-green-streets/debates/${debates[0]!.id}`,
    '/processes/street-vending-regulation/regulations',
    regulation,
    `${regulation}/compare`,
  ];
}

test('every page has no axe violations, in both languages and on a phone', async () => {
  const pages = [
    '/', '/areas/riverside-district', '/signin', '/signup', '/organizations', '/organizations/riverside-residents-association', '/departments', '/audit',
    '/processes', '/processes/lakeview-green-streets', '/processes/street-vending-regulation', ...(await modulePages()), '/no-such-page',
  ];
  const signedIn = ['/me', '/verify', '/organizations/new', '/admin', '/admin/census', '/admin/verification', '/admin/areas', '/admin/departments', '/admin/calendar', '/processes/new', '/moderation', '/notifications', '/me/proposals'];
  for (const lang of ['en', 'zh-CN'] as const) {
    for (const width of [1280, 360]) {
      const { page, context, problems } = await newPage(browser, { locale: lang, width });
      for (const path of pages) {
        await page.goto(`${server.url}${path}`);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        await expectAccessible(page, `${path} (${lang}, ${width}px)`);
        if (width === 1280 || path === '/') await screenshot(page, `page-${lang}-${width}${path.replace(/\//g, '_') || '_home'}`);
      }
      await signIn(page, server.url, ADMIN, lang === 'zh-CN');
      for (const path of signedIn) {
        await page.goto(`${server.url}${path}`);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        await expectAccessible(page, `${path} signed in (${lang}, ${width}px)`);
        if (width === 1280) await screenshot(page, `page-${lang}-admin${path.replace(/\//g, '_')}`);
      }
      assert.deepEqual(problems, [], `console errors or CSP violations: ${problems.join('\n')}`);
      await context.close();
    }
  }
});

test('an administrator adds a public holiday to the working-day calendar', async () => {
  const { page, context, problems } = await newPage(browser, { locale: 'zh-CN' });
  await signIn(page, server.url, ADMIN, true);
  await page.goto(`${server.url}/admin/calendar`);
  await page.locator('#calendar-date').fill('2027-10-01');
  await page.locator('#calendar-name').fill('National Day');
  await page.locator('#calendar-name-zh').fill('国庆节');
  await page.getByRole('button', { name: '添加', exact: true }).click();
  await page.getByTestId('calendar-day-2027-10-01').waitFor();
  assert.match(await page.getByTestId('calendar-day-2027-10-01').innerText(), /国庆节/);
  await expectAccessible(page, 'admin calendar with a holiday (zh-CN)');
  await screenshot(page, 'admin-calendar-zh-CN');
  const calendar = await (await fetch(`${server.url}/api/v1/calendar`)).json();
  assert.ok(calendar.days.some((d: { date: string; kind: string }) => d.date === '2027-10-01' && d.kind === 'holiday'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('process pages show where each part stands: proposals, debates, draft regulations', async () => {
  const { page, context, problems } = await newPage(browser, { locale: 'en' });
  await page.goto(`${server.url}/processes/lakeview-green-streets`);
  await page.getByTestId('proposals-results').getByRole('table').waitFor();
  await page.getByTestId('debates-results').getByText(/closed with a conclusion/).waitFor();
  await page.goto(`${server.url}/processes/street-vending-regulation`);
  await page.getByTestId('regulations-results').getByText(/Version 2/).waitFor();
  await screenshot(page, 'process-results-regulations-en');
  assert.deepEqual(problems, []);
  await context.close();
});
