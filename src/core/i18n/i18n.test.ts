import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Catalog, negotiateLocale } from './locale.js';
import { modules } from '../../server/modules.js';

test('Accept-Language picks en or zh-CN', () => {
  assert.equal(negotiateLocale(undefined), 'en');
  assert.equal(negotiateLocale('zh-CN,zh;q=0.9,en;q=0.8'), 'zh-CN');
  assert.equal(negotiateLocale('zh-TW'), 'zh-CN');
  assert.equal(negotiateLocale('fr-FR, en;q=0.5, zh;q=0.4'), 'en');
  assert.equal(negotiateLocale('en;q=0.1, zh;q=0.9'), 'zh-CN');
  assert.equal(negotiateLocale('de'), 'en');
});

test('every server message exists in both languages', () => {
  const catalog = new Catalog(modules.map((m) => m.messages));
  assert.deepEqual(catalog.missing(), []);
});

test('every error code of every module has a message', () => {
  const catalog = new Catalog(modules.map((m) => m.messages));
  for (const module of modules) {
    for (const code of Object.keys(module.errorStatus)) assert.ok(catalog.has(`error.${code}`), `${module.name}: error.${code} has no message`);
  }
});

test('the web app has every string in both languages', () => {
  const dir = path.resolve('web/src/i18n');
  const flatten = (obj: Record<string, unknown>, prefix = ''): string[] =>
    Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? flatten(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
  const en = flatten(JSON.parse(fs.readFileSync(path.join(dir, 'en.json'), 'utf8'))).sort();
  const zh = flatten(JSON.parse(fs.readFileSync(path.join(dir, 'zh-CN.json'), 'utf8'))).sort();
  assert.ok(en.length > 50, 'the web app has strings');
  assert.deepEqual(en.filter((k) => !zh.includes(k)), [], 'keys missing in zh-CN.json');
  assert.deepEqual(zh.filter((k) => !en.includes(k)), [], 'keys missing in en.json');
});

test('every web bundle (shell and modules) matches across languages, and every key the code uses exists', () => {
  const result = spawnSync(process.execPath, ['web/scripts/check-i18n.mjs'], { encoding: 'utf8' });
  assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
});
