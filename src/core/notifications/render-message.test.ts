import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Catalog } from '../i18n/locale.js';
import { renderNotification } from './render-message.js';
import { notificationMessages } from './messages.js';

const moduleMessages = {
  en: { 'notification.thing.moved': '"{title}" moved to {place} ({count}).' },
  'zh-CN': { 'notification.thing.moved': '「{title}」移到了{place}（{count}）。' },
};
const catalog = new Catalog([notificationMessages, moduleMessages]);

test('a kind with a template reads in the language asked for, with the data as parameters', () => {
  const n = { kind: 'thing.moved', title: 'Bench', data: { place: 'the park', count: 3 } };
  assert.equal(renderNotification(catalog, 'en', n), '"Bench" moved to the park (3).');
  assert.equal(renderNotification(catalog, 'zh-CN', n), '「Bench」移到了the park（3）。');
});

test('a template whose parameters are missing, or an unknown kind, reads as the generic sentence', () => {
  assert.equal(renderNotification(catalog, 'en', { kind: 'thing.moved', title: 'Bench', data: {} }), 'There is news about "Bench".');
  assert.equal(renderNotification(catalog, 'en', { kind: 'thing.moved', title: 'Bench', data: { place: { nested: true }, count: 1 } }), 'There is news about "Bench".');
  assert.equal(renderNotification(catalog, 'zh-CN', { kind: 'no.such', title: 'Bench', data: {} }), '「Bench」有新动态。');
});

test('titles with braces are not mistaken for parameters', () => {
  assert.equal(renderNotification(catalog, 'en', { kind: 'thing.moved', title: 'Fix {road}', data: { place: 'A', count: 1 } }), '"Fix {road}" moved to A (1).');
});

test('every notification message exists in both languages with the same parameters', () => {
  const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
  assert.deepEqual(Object.keys(notificationMessages.en).sort(), Object.keys(notificationMessages['zh-CN']).sort());
  for (const [key, text] of Object.entries(notificationMessages.en)) assert.equal(params(notificationMessages['zh-CN'][key]!), params(text), key);
});
