import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { expectAccessible, journey, newPage, screenshot, signIn } from './harness.js';

// The open-data page in both languages on a 360 px phone: the server made the first archive at
// start-up; a visitor sees its date, size and SHA-256 (which match the download), the data sets
// with their row counts and the Popolo link; an administrator regenerates it with one button.
const ctx = journey();

function messages(lang: 'en' | 'zh-CN') {
  return JSON.parse(fs.readFileSync(new URL(`../../web/src/i18n/${lang}.json`, import.meta.url), 'utf8')).openData;
}

/** The archive the server made at start-up (in the background, so wait for it). */
async function firstArchive(): Promise<{ sha256: string; size: number }> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const overview = await (await fetch(`${ctx.server.url}/api/v1/open-data`)).json();
    if (overview.archive) return overview.archive;
    if (Date.now() > deadline) throw new Error('no archive was made at start-up');
    await new Promise((r) => setTimeout(r, 500));
  }
}

for (const lang of ['en', 'zh-CN'] as const) {
  const zh = lang === 'zh-CN';
  const L = messages(lang);
  test(`open data in ${lang}: the archive, its data sets, Popolo; an administrator regenerates it`, async () => {
    const archive = await firstArchive();
    const zip = Buffer.from(await (await fetch(`${ctx.server.url}/api/v1/open-data/archive.zip`)).arrayBuffer());
    assert.equal(createHash('sha256').update(zip).digest('hex'), archive.sha256, 'the download is what the page promises');

    const visitor = await newPage(ctx.browser, { locale: lang, width: 360, height: 800 });
    await visitor.page.goto(`${ctx.server.url}/open-data`);
    await visitor.page.getByRole('heading', { level: 1, name: L.title }).waitFor();
    await visitor.page.getByTestId('open-data-facts').getByText(archive.sha256).waitFor();
    const download = visitor.page.getByRole('link', { name: new RegExp(L.download.split('（')[0]!.split(' (')[0]!) });
    assert.equal(await download.getAttribute('href'), '/api/v1/open-data/archive.zip');
    await visitor.page.getByRole('cell', { name: zh ? /建议/ : /proposal/i }).first().waitFor();
    assert.equal(await visitor.page.getByRole('link', { name: 'CSV' }).count() > 10, true);
    assert.equal(await visitor.page.getByRole('link', { name: L.popoloLink }).getAttribute('href'), '/api/v1/popolo');
    assert.equal(await visitor.page.getByRole('button', { name: L.regenerate }).count(), 0, 'visitors cannot regenerate');
    const overflow = await visitor.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no sideways scrolling at 360 px (${overflow} px)`);
    await expectAccessible(visitor.page, `open data (${lang})`);
    await screenshot(visitor.page, `open-data-${lang}`);
    assert.deepEqual(visitor.problems, []);
    await visitor.context.close();

    const admin = await newPage(ctx.browser, { locale: lang });
    await signIn(admin.page, ctx.server.url, 'admin@lakeview.demo', zh);
    await admin.page.goto(`${ctx.server.url}/open-data`);
    await admin.page.getByRole('button', { name: L.regenerate }).click();
    await admin.page.getByText(L.regenerated).waitFor();
    const after = await (await fetch(`${ctx.server.url}/api/v1/open-data`)).json();
    assert.equal(after.archive.trigger, 'manual');
    await admin.page.getByTestId('open-data-facts').getByText(after.archive.sha256).waitFor();
    assert.deepEqual(admin.problems, []);
    await admin.context.close();
  });
}
