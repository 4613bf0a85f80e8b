import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const artifactsDir = path.resolve('test-artifacts');
fs.mkdirSync(artifactsDir, { recursive: true });

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the real server as `npm start` would (the civitas command, a fresh embedded database,
 * the demo municipality, the built web app) on a free port.
 */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  if (!fs.existsSync(path.resolve('dist/web/index.html'))) {
    const { build } = await import('vite');
    await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn' });
  }
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civitas-browser-'));
  const child: ChildProcess = spawn(process.execPath, ['bin/civitas.js', 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', SEED_DEMO: 'auto', LOG_LEVEL: 'warn', NODE_ENV: 'production', RATE_LIMIT_PER_MINUTE: '100000', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch {
      /* not yet listening */
    }
    if (Date.now() > deadline) throw new Error(`server did not start in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A page in a fresh context; console errors and CSP violations are collected so tests can assert none happened. */
export async function newPage(browser: Browser, options: { locale?: 'en' | 'zh-CN'; width?: number; height?: number } = {}) {
  const context: BrowserContext = await browser.newContext({
    locale: options.locale ?? 'en',
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
  });
  // The page's language is the one the test asks for, whatever the signed-in account prefers.
  await context.addInitScript((language: string) => {
    if (!window.localStorage.getItem('civitas.lang')) window.localStorage.setItem('civitas.lang', language);
  }, options.locale ?? 'en');
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/status of 4\d\d/.test(msg.text())) problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { page, context, problems };
}

/** Runs axe-core on the page and fails with a readable list of violations. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Scan the settled page: pages load on first visit, and show "Loading" until they and their data are there.
  await page.locator('main h1').first().waitFor({ timeout: 15_000 }).catch(() => undefined);
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  assert.deepEqual(violations, [], `axe violations on ${label}:\n${JSON.stringify(violations, null, 2)}`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The password of every demo account. */
export const DEMO_PASSWORD = 'civitas-demo-2026';

/**
 * Signs in through the sign-in form, as a person would, and keeps the page in the language the
 * test works in: signing in switches to the account's language, so switch back with the header's
 * language button (which also saves the choice on the account).
 */
export async function signIn(page: Page, serverUrl: string, email: string, zh: boolean, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${serverUrl}/signin`);
  await page.getByLabel(zh ? /电子邮箱/ : /E-mail address/).fill(email);
  await page.getByLabel(zh ? /^密码/ : /^Password/).first().fill(password);
  await page.getByRole('button', { name: zh ? /^登录$/ : /^Sign in$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  const wanted = zh ? 'zh-CN' : 'en';
  if ((await page.evaluate(() => document.documentElement.lang)) !== wanted) {
    await page.getByRole('button', { name: zh ? '中文' : 'English', exact: true }).first().click();
    await page.waitForFunction((lang) => document.documentElement.lang === lang, wanted);
  }
}

/** What a journey test works with once its `before` hook ran: the real server and a browser. */
export interface Journey {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** Moves the server's clock forward (the server must run with `TEST_CLOCK: 'true'`). */
  advanceClock(ms: number): Promise<void>;
}

/**
 * Registers the hooks every journey test file needs: start the server (with `env`) and a browser
 * before the tests, close and stop them after. Read `server` and `browser` inside tests only.
 */
export function journey(env: Record<string, string> = {}): Journey {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    server = await startServer(env);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the server and the browser start in the before() hook');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    async advanceClock(ms: number) {
      const res = await fetch(`${started(server).url}/__test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs: ms }) });
      assert.equal(res.status, 200, await res.text());
    },
  };
}

/** A module's web strings in one language (its `web/i18n/<lang>.json`, under the module's key). */
export function moduleMessages(module: string, lang: 'en' | 'zh-CN') {
  const file = new URL(`../../src/modules/${module}/web/i18n/${lang}.json`, import.meta.url);
  return JSON.parse(fs.readFileSync(file, 'utf8'))[module];
}
