#!/usr/bin/env node
// Checks the web app's messages:
//  1. each pair of bundles (web/src/i18n and every src/modules/<name>/web/i18n) has the same keys
//     in en and zh-CN, every message is a non-empty string, and both sides use the same
//     {{placeholders}};
//  2. every key written literally in the code (t('a.b'), label: 'a.b', message: 'a.b') exists.
// Run: node web/scripts/check-i18n.mjs  (exit code 1 and a list of problems when something is off)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const problems = [];

function leaves(tree, prefix = '', out = new Map()) {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') leaves(value, path, out);
    else out.set(path, value);
  }
  return out;
}

const placeholders = (text) =>
  [...String(text).matchAll(/\{\{\s*(\w+)\s*\}\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

/** Bundle directories: the shell's and each module's. */
const bundleDirs = [join(repo, 'web/src/i18n')];
const modulesDir = join(repo, 'src/modules');
if (existsSync(modulesDir)) {
  for (const name of readdirSync(modulesDir)) {
    const dir = join(modulesDir, name, 'web/i18n');
    if (existsSync(join(dir, 'en.json'))) bundleDirs.push(dir);
  }
}

const allEn = new Map();
for (const dir of bundleDirs) {
  const where = relative(repo, dir);
  let en;
  let zh;
  try {
    en = leaves(JSON.parse(readFileSync(join(dir, 'en.json'), 'utf8')));
    zh = leaves(JSON.parse(readFileSync(join(dir, 'zh-CN.json'), 'utf8')));
  } catch (error) {
    problems.push(`${where}: ${error.message}`);
    continue;
  }
  for (const key of en.keys()) if (!zh.has(key)) problems.push(`${where}: missing in zh-CN: ${key}`);
  for (const key of zh.keys()) if (!en.has(key)) problems.push(`${where}: missing in en: ${key}`);
  for (const [lang, messages] of [['en', en], ['zh-CN', zh]]) {
    for (const [key, value] of messages) {
      if (typeof value !== 'string' || value.trim() === '') problems.push(`${where}: ${lang} ${key} is empty or not a string`);
    }
  }
  for (const [key, value] of en) {
    if (zh.has(key) && placeholders(value) !== placeholders(zh.get(key))) problems.push(`${where}: placeholders differ: ${key}`);
    if (allEn.has(key)) problems.push(`${where}: key also defined elsewhere: ${key}`);
    allEn.set(key, value);
  }
}

const topLevel = new Set([...allEn.keys()].map((key) => key.split('.')[0]));
const exists = (key) => allEn.has(key) || allEn.has(`${key}_one`) || allEn.has(`${key}_other`);

function sourceFiles(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const sources = [
  ...sourceFiles(join(repo, 'web/src')),
  ...(existsSync(modulesDir) ? readdirSync(modulesDir).flatMap((name) => sourceFiles(join(modulesDir, name, 'web'))) : []),
];
const patterns = [/\bt\(\s*'([A-Za-z0-9_.-]+)'/g, /\bt\(\s*"([A-Za-z0-9_.-]+)"/g, /\b(?:label|message|labelKey):\s*'([A-Za-z0-9_]+\.[A-Za-z0-9_.]+)'/g];
let used = 0;
for (const file of sources) {
  const text = readFileSync(file, 'utf8');
  for (const [index, pattern] of patterns.entries()) {
    for (const match of text.matchAll(pattern)) {
      const key = match[1];
      if (!key.includes('.')) continue;
      // label:/message: strings are keys only when they start like one.
      if (index === 2 && !topLevel.has(key.split('.')[0])) continue;
      used += 1;
      if (!exists(key)) problems.push(`${relative(repo, file)}: unknown message key ${key}`);
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`i18n ok: ${allEn.size} keys in ${bundleDirs.length} bundle(s), ${used} literal uses checked`);
