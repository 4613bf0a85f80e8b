import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simplePdf } from '../../src/core/attachments/simple-pdf.js';
import { expectAccessible, journey, moduleMessages, newPage, screenshot, signIn } from './harness.js';

// The publication register, in both languages: the Urban Management Bureau's director publishes a
// report with a PDF from the form; a visitor on a phone searches a phrase that is only inside the
// PDF, finds the report, narrows by category and opens it; the file is there to download.
const ctx = journey();

const messages = (lang: 'en' | 'zh-CN') => moduleMessages('publications', lang);

for (const lang of ['en', 'zh-CN'] as const) {
  const zh = lang === 'zh-CN';
  const L = messages(lang);
  test(`publication register in ${lang}: an official publishes a PDF, a visitor finds a phrase inside it, filters and opens it`, async () => {
    const token = `${zh ? 'kerb ramp survey' : 'zebra crossing audit'} ${Date.now() % 100000}`;
    const title = zh ? `人行道无障碍坡道调查报告 ${Date.now() % 1000}` : `Footpath accessibility report ${Date.now() % 1000}`;

    // 1. The director prepares the document in the form and publishes it at once.
    const official = await newPage(ctx.browser, { locale: lang });
    await signIn(official.page, ctx.server.url, 'official@lakeview.demo', zh);
    await official.page.goto(`${ctx.server.url}/publications/new`);
    await official.page.locator('#publication-title').waitFor();
    await official.page.locator('#publication-title').fill(title);
    await official.page.locator('#publication-summary').fill(zh ? '城市管理局对老城区人行道无障碍设施的年度调查，附完整报告。' : 'The yearly survey of step-free footpaths in the Old Town, with the full report attached.');
    await official.page.locator('#publication-category').selectOption('reports');
    await official.page.locator('#publication-document-date').fill('2026-02-20');
    await official.page.locator('#publication-attachments').setInputFiles({
      name: 'footpaths.pdf',
      mimeType: 'application/pdf',
      buffer: simplePdf(['Old Town footpath survey', `The ${token} covered 73 crossings and 41 kerbs.`]),
    });
    await official.page.getByText('footpaths.pdf', { exact: false }).first().waitFor();
    const link = official.page.locator('#publication-link');
    if (await link.count()) {
      await link.selectOption({ index: 1 });
      await official.page.getByRole('button', { name: L.form.add }).click();
    }
    await expectAccessible(official.page, `publication form (${lang})`);
    await screenshot(official.page, `publications-form-${lang}`);
    await official.page.getByRole('button', { name: L.form.saveAndPublish }).click();
    await official.page.waitForURL(/\/publications\/[0-9a-f-]{36}$/);
    const url = official.page.url();
    assert.equal(await official.page.getByTestId('publication-title').innerText(), title);
    await official.page.getByTestId('publication-manage').waitFor();
    await expectAccessible(official.page, `publication page for the department (${lang})`);

    // 2. A visitor on a phone searches a phrase that only the PDF contains.
    const visitor = await newPage(ctx.browser, { locale: lang, width: 360, height: 780 });
    await visitor.page.goto(`${ctx.server.url}/publications`);
    await visitor.page.getByTestId('publication-list').waitFor();
    await visitor.page.getByTestId('publication-feeds').waitFor();
    assert.ok((await visitor.page.locator('head link[rel="alternate"][type="application/atom+xml"]').count()) >= 1);
    await expectAccessible(visitor.page, `publication register on a phone (${lang})`);
    await screenshot(visitor.page, `publications-register-360-${lang}`);
    await visitor.page.locator('#publication-q').fill(token);
    await visitor.page.getByRole('button', { name: L.list.apply, exact: true }).click();
    await visitor.page.waitForURL(/q=/);
    // Only the new report matches (the list shows every document until the search answers).
    await visitor.page.waitForFunction(() => document.querySelectorAll('[data-testid=publication-list] li.usa-collection__item').length === 1);
    await visitor.page.getByRole('link', { name: title }).waitFor();

    // ... narrows to another category (nothing), then to reports (found again).
    await visitor.page.locator('#publication-category').selectOption('contracts');
    await visitor.page.getByRole('button', { name: L.list.apply, exact: true }).click();
    await visitor.page.waitForURL(/category=contracts/);
    await visitor.page.getByText(L.list.empty).waitFor();
    await visitor.page.locator('#publication-category').selectOption('reports');
    await visitor.page.getByRole('button', { name: L.list.apply, exact: true }).click();
    await visitor.page.waitForURL(/category=reports/);
    await visitor.page.getByRole('link', { name: title }).click();
    await visitor.page.waitForURL(url);
    await visitor.page.getByTestId('publication-title').waitFor();
    assert.match(await visitor.page.getByTestId('attachments').innerText(), /footpaths\.pdf/);
    assert.equal(await visitor.page.getByTestId('publication-manage').count(), 0);
    await expectAccessible(visitor.page, `publication page on a phone (${lang})`);
    await screenshot(visitor.page, `publications-detail-360-${lang}`);
    const feed = await fetch(`${ctx.server.url}/api/v1/publications.atom?category=reports`);
    assert.equal(feed.status, 200);
    assert.match(await feed.text(), new RegExp(title));
    assert.deepEqual([...official.problems, ...visitor.problems], []);
    await official.context.close();
    await visitor.context.close();
  });
}
