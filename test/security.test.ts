/**
 * The HTTP layer's defences: security headers, the session cookie, CSRF, malformed and oversized
 * input, sessions that end when they should, rate limits, and logs without personal data.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { createTestPlatform, type TestPlatform } from './helpers/platform.js';
import { createUser, TEST_PASSWORD, uniqueEmail, type TestUser } from './helpers/factories.js';
import { SESSION_COOKIE } from '../src/core/identity/sessions.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const CJK = /[\u4e00-\u9fff]/;

let p: TestPlatform;

before(async () => {
  p = await createTestPlatform();
});

after(async () => {
  await p?.close();
});

let ipCounter = 0;
/** A new client address per call unless one is given, so per-route rate limits only bite where a test wants them to. */
function nextIp(): string {
  ipCounter++;
  return `10.77.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  /** Cookie header to send (a session), without a CSRF token unless `csrf` is given. */
  cookie?: string;
  csrf?: string;
  body?: unknown;
  headers?: Record<string, string>;
  lang?: string;
  ip?: string;
  platform?: TestPlatform;
}

async function call(c: Call) {
  const headers: Record<string, string> = { 'accept-language': c.lang ?? 'en', ...c.headers };
  if (c.cookie) headers.cookie = c.cookie;
  if (c.csrf !== undefined) headers['x-csrf-token'] = c.csrf;
  let payload: string | undefined;
  if (typeof c.body === 'string') payload = c.body;
  else if (c.body !== undefined) {
    payload = JSON.stringify(c.body);
    headers['content-type'] ??= 'application/json';
  }
  return (c.platform ?? p).app.inject({ method: c.method, url: c.url, headers, payload, remoteAddress: c.ip ?? nextIp() });
}

/** As the user, with their cookie and (for writes) their CSRF token. */
function as(user: TestUser, c: Omit<Call, 'cookie' | 'csrf'>) {
  return call({ ...c, cookie: user.cookie, csrf: c.method === 'GET' ? undefined : user.csrf });
}

async function sessionOf(cookie: string) {
  const res = await call({ method: 'GET', url: '/api/v1/session', cookie });
  assert.equal(res.statusCode, 200);
  return res.json();
}

function setCookies(res: { headers: Record<string, unknown> }): string[] {
  const raw = res.headers['set-cookie'];
  return raw === undefined ? [] : Array.isArray(raw) ? raw.map(String) : [String(raw)];
}

/** Signs in through the API: the new session's cookie header and CSRF token. */
async function login(email: string, password: string = TEST_PASSWORD) {
  const res = await call({ method: 'POST', url: '/api/v1/auth/login', body: { email, password } });
  assert.equal(res.statusCode, 200, res.body);
  const cookie = setCookies(res).find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
  return { cookie: cookie.split(';')[0]!, csrf: res.json().csrfToken as string };
}

function assertError(res: { statusCode: number; body: string }, status: number, code: string) {
  assert.equal(res.statusCode, status, res.body);
  const body = JSON.parse(res.body);
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, 'string');
  assert.ok(body.error.message.length > 0);
  return body.error as { code: string; message: string; fields?: { path: string; code: string; message: string }[] };
}

// ---------------------------------------------------------------------------------------------
// Headers and cookie

test('security headers on API responses, errors and /health', async () => {
  const responses = {
    session: await call({ method: 'GET', url: '/api/v1/session' }),
    health: await call({ method: 'GET', url: '/health' }),
    notFound: await call({ method: 'GET', url: '/api/v1/no-such-route' }),
    refused: await call({ method: 'GET', url: '/api/v1/admin/users' }),
  };
  for (const [name, res] of Object.entries(responses)) {
    const csp = String(res.headers['content-security-policy'] ?? '');
    const directives = new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [key, ...values] = d.split(/\s+/);
      return [key!, values] as const;
    }));
    assert.deepEqual(directives.get('script-src'), ["'self'"], `${name}: script-src is 'self' only (${csp})`);
    assert.ok(!directives.get('script-src')!.includes("'unsafe-inline'"), name);
    assert.ok(!directives.get('script-src')!.includes("'unsafe-eval'"), name);
    assert.deepEqual(directives.get('frame-ancestors'), ["'none'"], name);
    assert.deepEqual(directives.get('object-src'), ["'none'"], name);
    assert.equal(res.headers['x-content-type-options'], 'nosniff', name);
    assert.equal(res.headers['referrer-policy'], 'no-referrer', name);
    assert.equal(res.headers['x-powered-by'], undefined, name);
  }
  assert.equal(responses.health.statusCode, 200);
  assert.equal(responses.health.json().status, 'ok');
});

test('the session cookie from sign-up and sign-in is HttpOnly, SameSite=Lax and Path=/', async () => {
  const email = uniqueEmail('cookie');
  const signup = await call({ method: 'POST', url: '/api/v1/auth/signup', body: { email, password: TEST_PASSWORD, displayName: 'Cookie Check' } });
  assert.equal(signup.statusCode, 201, signup.body);
  const signin = await call({ method: 'POST', url: '/api/v1/auth/login', body: { email, password: TEST_PASSWORD } });
  assert.equal(signin.statusCode, 200, signin.body);

  for (const [name, res] of [['signup', signup], ['login', signin]] as const) {
    const cookies = setCookies(res).filter((c) => c.startsWith(`${SESSION_COOKIE}=`));
    assert.equal(cookies.length, 1, name);
    const [pair, ...attributes] = cookies[0]!.split(';').map((s) => s.trim());
    const value = pair!.slice(SESSION_COOKIE.length + 1);
    assert.ok(value.length >= 40, `${name}: a long random token`);
    const attrs = attributes.map((a) => a.toLowerCase());
    assert.ok(attrs.includes('httponly'), `${name}: ${cookies[0]}`);
    assert.ok(attrs.includes('samesite=lax'), `${name}: ${cookies[0]}`);
    assert.ok(attrs.includes('path=/'), `${name}: ${cookies[0]}`);
    assert.ok(!cookies[0]!.includes(TEST_PASSWORD) && !cookies[0]!.includes(email), name);
    // The CSRF token comes in the body, and is not the cookie.
    assert.equal(typeof res.json().csrfToken, 'string');
    assert.notEqual(res.json().csrfToken, value);
  }
});

// ---------------------------------------------------------------------------------------------
// CSRF

test('a signed-in write without the CSRF token, or with a wrong one, is refused and changes nothing', async () => {
  const user = await createUser(p, { displayName: 'Careful Carol' });
  const other = await createUser(p);
  const tokens: [string, string | undefined][] = [['no token', undefined], ['a wrong token', 'not-the-token'], ["another session's token", other.csrf], ['an empty token', '']];
  for (const [label, csrf] of tokens) {
    const patch = await call({ method: 'PATCH', url: '/api/v1/me', cookie: user.cookie, csrf, body: { displayName: 'Hijacked' } });
    assertError(patch, 403, 'csrf_failed');
    const name = `CSRF Club ${randomBytes(3).toString('hex')}`;
    const post = await call({ method: 'POST', url: '/api/v1/organizations', cookie: user.cookie, csrf, body: { sector: 'society', kind: 'ngo', name } });
    assertError(post, 403, 'csrf_failed');
    const logout = await call({ method: 'POST', url: '/api/v1/auth/logout', cookie: user.cookie, csrf });
    assertError(logout, 403, `csrf_failed`);

    const session = await sessionOf(user.cookie);
    assert.equal(session.user?.displayName, 'Careful Carol', `${label}: the profile is unchanged and the session alive`);
    assert.deepEqual(session.user.memberships, [], `${label}: no organization was registered`);
  }
  const zh = await call({ method: 'PATCH', url: '/api/v1/me', cookie: user.cookie, body: { displayName: 'Hijacked' }, lang: 'zh-CN' });
  assert.match(assertError(zh, 403, 'csrf_failed').message, CJK);

  // With the token the same write goes through; reads need no token.
  const ok = await call({ method: 'PATCH', url: '/api/v1/me', cookie: user.cookie, csrf: user.csrf, body: { displayName: 'Carol Again' } });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().user.displayName, 'Carol Again');
});

test('a cross-site sign-in or sign-up by a visitor is refused by its Origin', async () => {
  const user = await createUser(p);
  const evil = await call({ method: 'POST', url: '/api/v1/auth/login', headers: { origin: 'https://evil.example' }, body: { email: user.email, password: TEST_PASSWORD } });
  assertError(evil, 403, 'csrf_failed');
  assert.equal(setCookies(evil).length, 0, 'no session handed out');

  const email = uniqueEmail('evil');
  const evilSignup = await call({ method: 'POST', url: '/api/v1/auth/signup', headers: { origin: 'https://evil.example' }, body: { email, password: TEST_PASSWORD, displayName: 'Evil' } });
  assertError(evilSignup, 403, 'csrf_failed');

  // The same requests from the site's own origin (inject's host) or without an Origin work.
  const sameOrigin = await call({ method: 'POST', url: '/api/v1/auth/login', headers: { origin: 'http://localhost:80' }, body: { email: user.email, password: TEST_PASSWORD } });
  assert.equal(sameOrigin.statusCode, 200, sameOrigin.body);
  const signup = await call({ method: 'POST', url: '/api/v1/auth/signup', body: { email, password: TEST_PASSWORD, displayName: 'Not Evil' } });
  assert.equal(signup.statusCode, 201, 'the refused sign-up created no account');
});

// ---------------------------------------------------------------------------------------------
// Bad input

test('malformed JSON, a wrong content type and an oversized body get their own codes', async () => {
  const malformed = await call({ method: 'POST', url: '/api/v1/auth/signup', headers: { 'content-type': 'application/json' }, body: '{"email": "a@b.example", ' });
  assertError(malformed, 400, 'malformed_request');

  const xml = await call({ method: 'POST', url: '/api/v1/auth/signup', headers: { 'content-type': 'application/xml' }, body: '<signup><email>a@b.example</email></signup>' });
  assertError(xml, 415, 'unsupported_media_type');

  const big = JSON.stringify({ email: uniqueEmail('big'), password: TEST_PASSWORD, displayName: 'x'.repeat(1024 * 1024 + 10) });
  assert.ok(Buffer.byteLength(big) > 1024 * 1024);
  const tooLarge = await call({ method: 'POST', url: '/api/v1/auth/signup', headers: { 'content-type': 'application/json' }, body: big });
  assertError(tooLarge, 413, 'payload_too_large');

  const user = await createUser(p);
  const bigPatch = await as(user, { method: 'PATCH', url: '/api/v1/me', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ displayName: 'y'.repeat(1024 * 1024 + 10) }) });
  assertError(bigPatch, 413, 'payload_too_large');
});

test('an unknown API route is a JSON 404 route_not_found, whatever the method', async () => {
  for (const method of ['GET', 'POST', 'DELETE'] as const) {
    const res = await call({ method, url: '/api/v1/definitely/not/here', body: method === 'POST' ? {} : undefined });
    const error = assertError(res, 404, 'route_not_found');
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.deepEqual(Object.keys(error).sort(), ['code', 'message']);
  }
  const zh = await call({ method: 'GET', url: '/api/v2/session', lang: 'zh-CN' });
  assert.match(assertError(zh, 404, 'route_not_found').message, CJK);
});

test('an unknown field is refused with validation.unknown_field', async () => {
  const res = await call({ method: 'POST', url: '/api/v1/auth/signup', body: { email: uniqueEmail('extra'), password: TEST_PASSWORD, displayName: 'Extra', roles: ['administrator'] } });
  const error = assertError(res, 400, 'validation_failed');
  assert.deepEqual(error.fields!.map((f) => [f.path, f.code]), [['roles', 'validation.unknown_field']]);

  const user = await createUser(p);
  const patch = await as(user, { method: 'PATCH', url: '/api/v1/me', body: { displayName: 'Fine', verified: true } });
  assert.deepEqual(assertError(patch, 400, 'validation_failed').fields!.map((f) => [f.path, f.code]), [['verified', 'validation.unknown_field']]);
  assert.equal((await sessionOf(user.cookie)).user.verified, false);
});

test('wrong types give field errors, in Chinese for zh-CN and in English otherwise', async () => {
  const body = { email: 42, password: true, displayName: 'Typed', locale: 'fr' };
  const zh = await call({ method: 'POST', url: '/api/v1/auth/signup', body, lang: 'zh-CN,zh;q=0.9,en;q=0.5' });
  const zhError = assertError(zh, 400, 'validation_failed');
  assert.match(zhError.message, CJK);
  const paths = zhError.fields!.map((f) => f.path);
  assert.ok(paths.includes('email') && paths.includes('password') && paths.includes('locale'), paths.join());
  for (const f of zhError.fields!) assert.match(f.message, CJK, `${f.path}: ${f.message}`);
  assert.equal(zhError.fields!.find((f) => f.path === 'email')!.code, 'validation.invalid_type');
  assert.equal(zhError.fields!.find((f) => f.path === 'locale')!.code, 'validation.invalid_choice');

  for (const lang of ['en', 'de-DE', '']) {
    const en = await call({ method: 'POST', url: '/api/v1/auth/signup', body, lang });
    const enError = assertError(en, 400, 'validation_failed');
    assert.deepEqual(enError.fields!.map((f) => [f.path, f.code]), zhError.fields!.map((f) => [f.path, f.code]), 'the same codes in every language');
    for (const f of [...enError.fields!, { path: '', message: enError.message }]) {
      assert.doesNotMatch(f.message, CJK, `${lang}: ${f.path}`);
      assert.match(f.message, /[A-Za-z]{3}/);
    }
  }
  const email = assertError(await call({ method: 'POST', url: '/api/v1/auth/signup', body }), 400, 'validation_failed').fields!.find((f) => f.path === 'email')!;
  assert.equal(email.message, 'This value has the wrong type (expected string).');
});

// ---------------------------------------------------------------------------------------------
// Sessions

test('logout invalidates the cookie on the server, not only in the browser', async () => {
  const user = await createUser(p);
  const session = await login(user.email);
  assert.equal((await sessionOf(session.cookie)).user.id, user.id);

  const out = await call({ method: 'POST', url: '/api/v1/auth/logout', cookie: session.cookie, csrf: session.csrf });
  assert.equal(out.statusCode, 204);
  const cleared = setCookies(out).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  assert.ok(cleared && /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(cleared), `the browser is told to drop it: ${cleared}`);

  const replay = await sessionOf(session.cookie);
  assert.equal(replay.user, null, 'the old cookie no longer signs in');
  assert.equal(replay.csrfToken, null);
  assertError(await call({ method: 'PATCH', url: '/api/v1/me', cookie: session.cookie, csrf: session.csrf, body: { displayName: 'Ghost' } }), 401, 'not_authenticated');
  assert.equal((await sessionOf(user.cookie)).user.id, user.id, 'the account\'s other session is untouched');
});

test('logout-everywhere ends every session of the account, and only of that account', async () => {
  const user = await createUser(p);
  const bystander = await createUser(p);
  const laptop = await login(user.email);
  const phone = await login(user.email);

  const out = await call({ method: 'POST', url: '/api/v1/auth/logout-everywhere', cookie: laptop.cookie, csrf: laptop.csrf });
  assert.equal(out.statusCode, 204, out.body);
  for (const cookie of [laptop.cookie, phone.cookie, user.cookie]) assert.equal((await sessionOf(cookie)).user, null);
  assert.equal((await sessionOf(bystander.cookie)).user.id, bystander.id);
});

test('changing the password ends the other sessions but keeps this one; the old password stops working', async () => {
  const user = await createUser(p);
  const here = await login(user.email);
  const elsewhere = await login(user.email);
  const newPassword = 'a much better passphrase 2026';

  const wrong = await call({ method: 'POST', url: '/api/v1/auth/password', cookie: here.cookie, csrf: here.csrf, body: { currentPassword: 'not my password', newPassword } });
  const wrongError = assertError(wrong, 400, 'current_password_wrong');
  assert.deepEqual(wrongError.fields!.map((f) => f.path), ['currentPassword']);
  assert.equal((await sessionOf(elsewhere.cookie)).user.id, user.id, 'a failed attempt ends nothing');

  const short = await call({ method: 'POST', url: '/api/v1/auth/password', cookie: here.cookie, csrf: here.csrf, body: { currentPassword: TEST_PASSWORD, newPassword: 'short' } });
  assert.deepEqual(assertError(short, 400, 'validation_failed').fields!.map((f) => [f.path, f.code]), [['newPassword', 'validation.too_short']]);

  const changed = await call({ method: 'POST', url: '/api/v1/auth/password', cookie: here.cookie, csrf: here.csrf, body: { currentPassword: TEST_PASSWORD, newPassword } });
  assert.equal(changed.statusCode, 204, changed.body);
  assert.equal((await sessionOf(here.cookie)).user.id, user.id, 'the current session stays');
  assert.equal((await sessionOf(elsewhere.cookie)).user, null);
  assert.equal((await sessionOf(user.cookie)).user, null);

  assertError(await call({ method: 'POST', url: '/api/v1/auth/login', body: { email: user.email, password: TEST_PASSWORD } }), 401, 'invalid_credentials');
  const fresh = await call({ method: 'POST', url: '/api/v1/auth/login', body: { email: user.email, password: newPassword } });
  assert.equal(fresh.statusCode, 200, fresh.body);
});

test('repeated wrong passwords lock the account until the lock expires on the clock', async () => {
  const user = await createUser(p);
  const ip = '10.99.0.1';
  for (let i = 1; i < p.config.LOGIN_MAX_FAILURES; i++) {
    assertError(await call({ method: 'POST', url: '/api/v1/auth/login', ip, body: { email: user.email, password: `wrong ${i}` } }), 401, 'invalid_credentials');
  }
  const locked = await call({ method: 'POST', url: '/api/v1/auth/login', ip, body: { email: user.email, password: 'wrong again' } });
  assert.match(assertError(locked, 423, 'account_locked').message, new RegExp(`${p.config.LOGIN_LOCK_MINUTES} minutes`));
  const rightButLocked = await call({ method: 'POST', url: '/api/v1/auth/login', body: { email: user.email, password: TEST_PASSWORD } });
  assertError(rightButLocked, 423, 'account_locked');

  p.clock.advance(p.config.LOGIN_LOCK_MINUTES * 60_000 + 1000);
  const open = await call({ method: 'POST', url: '/api/v1/auth/login', body: { email: user.email, password: TEST_PASSWORD } });
  assert.equal(open.statusCode, 200, open.body);
});

test('a session expires after its lifetime without use', async () => {
  const user = await createUser(p);
  const session = await login(user.email);
  p.clock.advance((p.config.SESSION_TTL_HOURS - 1) * 3_600_000);
  assert.equal((await sessionOf(session.cookie)).user.id, user.id, 'still inside the lifetime (and now extended by this use)');
  p.clock.advance(p.config.SESSION_TTL_HOURS * 3_600_000 + 60_000);
  assert.equal((await sessionOf(session.cookie)).user, null);
});

// ---------------------------------------------------------------------------------------------
// Rate limits

test('the API limits requests per client address per minute', async () => {
  const limited = await createTestPlatform({ RATE_LIMIT_PER_MINUTE: '5' });
  try {
    const ip = '192.0.2.10';
    for (let i = 1; i <= 5; i++) {
      const res = await call({ platform: limited, method: 'GET', url: '/api/v1/areas', ip });
      assert.equal(res.statusCode, 200, `request ${i}`);
    }
    const sixth = await call({ platform: limited, method: 'GET', url: '/api/v1/session', ip });
    const error = assertError(sixth, 429, 'rate_limited');
    assert.match(error.message, /^Too many attempts\. Wait \d+ seconds/);
    assert.doesNotMatch(error.message, /\{seconds\}/);
    const zh = await call({ platform: limited, method: 'GET', url: '/api/v1/areas', ip, lang: 'zh-CN' });
    assert.match(assertError(zh, 429, 'rate_limited').message, /请等待 \d+ 秒/);

    const otherClient = await call({ platform: limited, method: 'GET', url: '/api/v1/areas', ip: '192.0.2.11' });
    assert.equal(otherClient.statusCode, 200, 'another address has its own budget');
    for (let i = 0; i < 7; i++) {
      assert.equal((await call({ platform: limited, method: 'GET', url: '/health', ip })).statusCode, 200, 'the health check is not limited');
    }
  } finally {
    await limited.close();
  }
});

test('sign-in has its own limit of 30 attempts per minute per address', async () => {
  const ip = '198.51.100.31';
  for (let i = 1; i <= 30; i++) {
    const res = await call({ method: 'POST', url: '/api/v1/auth/login', ip, body: { email: `nobody.${i}@example.test`, password: 'whatever it is' } });
    assert.equal(res.statusCode, 401, `attempt ${i}: ${res.body}`);
  }
  const thirtyFirst = await call({ method: 'POST', url: '/api/v1/auth/login', ip, body: { email: 'nobody.31@example.test', password: 'whatever it is' } });
  assertError(thirtyFirst, 429, 'rate_limited');
  const elsewhere = await call({ method: 'POST', url: '/api/v1/auth/login', ip: '198.51.100.32', body: { email: 'nobody.32@example.test', password: 'whatever it is' } });
  assert.equal(elsewhere.statusCode, 401, 'another address may still try');
  assert.equal((await call({ method: 'GET', url: '/api/v1/areas', ip })).statusCode, 200, 'the limit is on sign-in only');
});

// ---------------------------------------------------------------------------------------------
// Logs

/**
 * buildApp takes `logger: boolean` and no destination, so its pino logger writes to file
 * descriptor 1. The check therefore runs the app in a child process and reads its stdout.
 */
const LOG_CHILD = (urls: Record<string, string>) => `
const { createTestDatabase, testConfig } = await import(${JSON.stringify(urls.platform)});
const { buildApp } = await import(${JSON.stringify(urls.app)});
const { modules } = await import(${JSON.stringify(urls.modules)});
const { ManualClock } = await import(${JSON.stringify(urls.clock)});
const { LOGCHECK_EMAIL: email, LOGCHECK_PASSWORD: password, LOGCHECK_IP: remoteAddress } = process.env;
const database = await createTestDatabase();
const app = await buildApp({ config: testConfig({ LOG_LEVEL: 'info' }), database: database.handle, clock: new ManualClock(), modules, logger: true });
await app.ready();
const json = { 'content-type': 'application/json' };
const signup = await app.inject({ method: 'POST', url: '/api/v1/auth/signup', remoteAddress, headers: json, payload: JSON.stringify({ email, password, displayName: 'Log Check' }) });
const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, headers: json, payload: JSON.stringify({ email, password }) });
await app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, headers: json, payload: JSON.stringify({ email, password: password + '-wrong' }) });
const cookie = login.cookies.find((c) => c.name === 'civitas_session');
const csrf = login.json().csrfToken;
await app.inject({ method: 'GET', url: '/api/v1/session', remoteAddress, headers: { cookie: 'civitas_session=' + cookie.value } });
await app.inject({ method: 'GET', url: '/api/v1/organizations?q=' + encodeURIComponent(email), remoteAddress, headers: { cookie: 'civitas_session=' + cookie.value } });
await app.inject({ method: 'PATCH', url: '/api/v1/me', remoteAddress, headers: { ...json, cookie: 'civitas_session=' + cookie.value, 'x-csrf-token': csrf }, payload: JSON.stringify({ displayName: 'Log Check Renamed' }) });
await app.close();
await database.handle.close();
await database.drop();
process.stderr.write(JSON.stringify({ statuses: [signup.statusCode, login.statusCode], cookies: [signup.cookies[0].value, cookie.value], csrf: [signup.json().csrfToken, csrf] }) + '\\n');
`;

test('request logs hold no e-mail, password, cookie, CSRF token or IP address', async () => {
  const urls = Object.fromEntries(
    Object.entries({ platform: 'test/helpers/platform.ts', app: 'src/server/app.ts', modules: 'src/server/modules.ts', clock: 'src/core/clock.ts' }).map(([k, v]) => [k, pathToFileURL(path.join(root, v)).href]),
  );
  const email = `log.check.${randomBytes(4).toString('hex')}@example.test`;
  const password = `secret-${randomBytes(8).toString('hex')}`;
  const ip = '203.0.113.77';
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', LOG_CHILD(urls)], {
    cwd: root,
    env: { ...process.env, LOGCHECK_EMAIL: email, LOGCHECK_PASSWORD: password, LOGCHECK_IP: ip },
    timeout: 120_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const report = JSON.parse(stderr.trim().split('\n').pop()!);
  assert.deepEqual(report.statuses, [201, 200], stderr);

  const lines = stdout.split('\n').filter((l) => l.trim() !== '');
  const records = lines.map((l) => JSON.parse(l));
  const completed = records.filter((r) => r.msg === 'request completed');
  assert.equal(completed.length, 6, `every request is logged:\n${stdout}`);
  assert.deepEqual(completed.map((r) => r.res.statusCode), [201, 200, 401, 200, 200, 200]);
  assert.ok(records.some((r) => r.req?.path === '/api/v1/organizations'), 'paths are logged, without their query string');

  const secrets = {
    email,
    'e-mail local part': email.split('@')[0]!,
    'url-encoded e-mail': encodeURIComponent(email),
    password,
    ip,
    ...Object.fromEntries(report.cookies.map((c: string, i: number) => [`cookie ${i}`, c])),
    ...Object.fromEntries(report.csrf.map((c: string, i: number) => [`csrf token ${i}`, c])),
    'cookie name': 'civitas_session',
    'display name': 'Log Check',
  };
  for (const [label, secret] of Object.entries(secrets)) {
    assert.ok(!stdout.includes(secret as string), `the log contains the ${label}`);
  }
  for (const r of records) {
    for (const key of ['remoteAddress', 'remotePort', 'headers', 'body', 'hostname_ip', 'ip', 'ips']) {
      assert.ok(!(key in r) && !(r.req && key in r.req), `a log record has ${key}: ${JSON.stringify(r)}`);
    }
  }
});
