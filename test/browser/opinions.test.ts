import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { expectAccessible, launchBrowser, newPage, screenshot, startServer, type RunningServer, signIn } from './harness.js';

// Opinion maps, in both languages: in the demo conversation "How should Lakeview share its streets?"
// a resident votes on statements one at a time and adds one of their own; a visitor who keeps the
// page open sees the map recomputed and pushed live (no reload); the resident finds their group.
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

function messages(lang: 'en' | 'zh-CN') {
  const file = new URL(`../../src/modules/opinions/web/i18n/${lang}.json`, import.meta.url);
  return JSON.parse(fs.readFileSync(file, 'utf8')).opinions;
}

const journeys = [
  { lang: 'en' as const, resident: 'resident@lakeview.demo', statement: 'Delivery vans should unload before 10 in the morning on market streets.' },
  { lang: 'zh-CN' as const, resident: 'sun.tao@lakeview.demo', statement: '菜市场所在街道的送货车应在上午十点前卸货。' },
];

for (const j of journeys) {
  const zh = j.lang === 'zh-CN';
  const L = messages(j.lang);
  test(`opinion map in ${j.lang}: vote, write a statement, the map updates live, your group`, async () => {
    const list = await (await fetch(`${server.url}/api/v1/processes/lakeview-shared-streets/conversations`)).json();
    const conversation = list.conversations[0];
    assert.ok(conversation, 'the demo conversation');
    const pageUrl = `${server.url}/processes/lakeview-shared-streets/conversations/${conversation.id}`;

    // A visitor keeps the results open.
    const observer = await newPage(browser, { locale: j.lang });
    await observer.page.goto(pageUrl);
    await observer.page.getByTestId('opinion-results').waitFor();
    await observer.page.getByTestId('group').first().waitFor();
    assert.equal((await observer.page.getByTestId('map-updated').innerText()).trim(), '');

    // The resident votes on statements, one at a time, on a phone.
    const resident = await newPage(browser, { locale: j.lang, width: 360, height: 800 });
    await signIn(resident.page, server.url, j.resident, zh);
    await resident.page.goto(pageUrl);
    await resident.page.getByTestId('voting-card').waitFor();
    await expectAccessible(resident.page, `conversation on a phone (${j.lang})`);
    for (let i = 0; i < 9; i++) {
      const statement = resident.page.getByTestId('statement');
      if ((await statement.count()) === 0) break;
      const before = await statement.innerText();
      await resident.page.getByTestId(i % 3 === 2 ? 'vote-disagree' : 'vote-agree').click();
      await resident.page.waitForFunction(
        (previous) => {
          const el = document.querySelector('[data-testid="statement"]');
          return !el || el.textContent !== previous;
        },
        before,
        { timeout: 10_000 },
      );
    }

    // ... and writes a statement of their own.
    await resident.page.locator(`#statement-${conversation.id}`).fill(j.statement);
    await resident.page.getByRole('button', { name: L.write.submit }).click();
    await resident.page.getByTestId('write-done').waitFor();

    // The visitor's map was recomputed and pushed without a reload.
    await observer.page.waitForFunction(() => (document.querySelector('[data-testid="map-updated"]')?.textContent ?? '').trim() !== '', undefined, { timeout: 30_000 });
    assert.match(await observer.page.getByTestId('map-updated').innerText(), new RegExp(L.results.updated.split('{{')[0]!.trim().slice(0, 6)));
    await expectAccessible(observer.page, `results updated live (${j.lang})`);

    // The resident is placed in a group.
    await resident.page.reload();
    await resident.page.getByTestId('opinion-results').waitFor();
    await resident.page.getByTestId('group').getByText(L.group.yours).first().waitFor({ timeout: 15_000 });
    await resident.page.getByTestId('map-me').waitFor();
    await screenshot(resident.page, `opinions-map-${j.lang}`);
  });
}
