import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createAreas, createDepartment, createUser, uniqueEmail } from '../../../test/helpers/factories.js';
import { systemActor } from '../permissions/actor.js';
import { importCensus, normalizeDocumentNumber } from './census.js';
import { loadUserActor } from './load-actor.js';
import { verifyResidency } from './verify-residency.js';
import { signUp } from './sign-up.js';
import { orFail } from '../errors.js';

let p: TestPlatform;
let areas: Awaited<ReturnType<typeof createAreas>>;
before(async () => {
  p = await createTestPlatform();
  areas = await createAreas(p);
});
after(async () => {
  await p.close();
});

describe('sign-up and sign-in', () => {
  test('sign up, read the session, sign out, sign in again', async () => {
    const email = uniqueEmail('signup');
    const signup = await api(p, { method: 'POST', url: '/api/v1/auth/signup', body: { email, password: 'a long enough password', displayName: '李华', locale: 'zh-CN' } });
    assert.equal(signup.statusCode, 201);
    const cookie = signup.cookies.find((c) => c.name === 'civitas_session')!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    const session = signup.json();
    assert.equal(session.user.displayName, '李华');
    assert.equal(session.user.locale, 'zh-CN');
    assert.equal(session.user.verified, false);
    const user = { id: session.user.id, email, password: '', cookie: `civitas_session=${cookie.value}`, csrf: session.csrfToken };
    const logout = await api(p, { method: 'POST', url: '/api/v1/auth/logout', as: user });
    assert.equal(logout.statusCode, 204);
    const afterLogout = await api(p, { method: 'GET', url: '/api/v1/session', as: user });
    assert.equal(afterLogout.json().user, null);
    const login = await api(p, { method: 'POST', url: '/api/v1/auth/login', body: { email: email.toUpperCase(), password: 'a long enough password' } });
    assert.equal(login.statusCode, 200);
    assert.equal(login.json().user.email, email);
  });

  test('an e-mail is taken regardless of case', async () => {
    const email = uniqueEmail('dup');
    orFail(await signUp(p.deps, { email, password: 'a long enough password', displayName: 'A', locale: 'en' }));
    const res = await api(p, { method: 'POST', url: '/api/v1/auth/signup', body: { email: email.toUpperCase(), password: 'a long enough password', displayName: 'B' } });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().error.code, 'email_taken');
    assert.equal(res.json().error.fields[0].path, 'email');
  });

  test('ten wrong passwords lock the account for a while, even against the right password', async () => {
    const user = await createUser(p);
    for (let i = 1; i <= 9; i++) {
      const res = await api(p, { method: 'POST', url: '/api/v1/auth/login', body: { email: user.email, password: `wrong password ${i}` } });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, 'invalid_credentials');
    }
    const tenth = await api(p, { method: 'POST', url: '/api/v1/auth/login', body: { email: user.email, password: 'wrong password 10' }, lang: 'zh-CN' });
    assert.equal(tenth.statusCode, 423);
    assert.equal(tenth.json().error.code, 'account_locked');
    assert.match(tenth.json().error.message, /15 分钟/);
    const right = await api(p, { method: 'POST', url: '/api/v1/auth/login', body: { email: user.email, password: user.password } });
    assert.equal(right.statusCode, 423);
    p.clock.advance(14 * 60_000);
    const stillLocked = await api(p, { method: 'POST', url: '/api/v1/auth/login', body: { email: user.email, password: user.password } });
    assert.equal(stillLocked.statusCode, 423);
    assert.match(stillLocked.json().error.message, /1 minutes/);
    p.clock.advance(61_000);
    const unlocked = await api(p, { method: 'POST', url: '/api/v1/auth/login', body: { email: user.email, password: user.password } });
    assert.equal(unlocked.statusCode, 200);
    const audit = await p.deps.db.selectFrom('audit_log').select('action').where('resource_id', '=', user.id).execute();
    assert.ok(audit.some((a) => a.action === 'user.locked'));
  });

  test('an unknown e-mail gets the same answer as a wrong password', async () => {
    const res = await api(p, { method: 'POST', url: '/api/v1/auth/login', body: { email: uniqueEmail('nobody'), password: 'whatever it is' } });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, 'invalid_credentials');
  });

  test('a body with wrong types gets a 400 with field errors in Chinese when asked', async () => {
    const res = await api(p, { method: 'POST', url: '/api/v1/auth/signup', body: { email: 42, password: 'short', displayName: ['x'] }, lang: 'zh-CN' });
    assert.equal(res.statusCode, 400);
    const body = res.json();
    assert.equal(body.error.code, 'validation_failed');
    assert.match(body.error.message, /[\u4e00-\u9fff]/);
    const byPath = Object.fromEntries(body.error.fields.map((f: { path: string }) => [f.path, f]));
    assert.deepEqual(Object.keys(byPath).sort(), ['displayName', 'email', 'password']);
    assert.equal(byPath.email.code, 'validation.invalid_type');
    assert.equal(byPath.password.code, 'validation.too_short');
    assert.match(byPath.password.message, /至少需要 12 个字符/);
    for (const f of body.error.fields) assert.match(f.message, /[\u4e00-\u9fff]/);
    const english = await api(p, { method: 'POST', url: '/api/v1/auth/signup', body: { email: 42 } });
    assert.match(english.json().error.fields.find((f: { path: string }) => f.path === 'password').message, /required/);
    const count = await p.deps.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('display_name', '=', 'x').executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0);
  });

  test('changing the password signs out other sessions and needs the current one', async () => {
    const user = await createUser(p);
    const other = await api(p, { method: 'POST', url: '/api/v1/auth/login', body: { email: user.email, password: user.password } });
    const otherCookie = `civitas_session=${other.cookies.find((c) => c.name === 'civitas_session')!.value}`;
    const wrong = await api(p, { method: 'POST', url: '/api/v1/auth/password', as: user, body: { currentPassword: 'not it at all', newPassword: 'a brand new password' } });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().error.fields[0].path, 'currentPassword');
    const changed = await api(p, { method: 'POST', url: '/api/v1/auth/password', as: user, body: { currentPassword: user.password, newPassword: 'a brand new password' } });
    assert.equal(changed.statusCode, 204);
    assert.notEqual((await api(p, { method: 'GET', url: '/api/v1/session', as: user })).json().user, null);
    assert.equal((await api(p, { method: 'GET', url: '/api/v1/session', headers: { cookie: otherCookie } })).json().user, null);
    assert.equal((await api(p, { method: 'POST', url: '/api/v1/auth/login', body: { email: user.email, password: 'a brand new password' } })).statusCode, 200);
  });
});

describe('residency verification against the census', () => {
  test('document numbers are normalized before hashing', () => {
    assert.equal(normalizeDocumentNumber(' ab-12 34 '), 'AB1234');
    assert.equal(normalizeDocumentNumber('ＡＢ１２３４'), 'AB1234');
  });

  test('a resident verifies once; the census keeps only a salted hash', async () => {
    orFail(await importCensus(p.deps, systemActor('test'), { fileName: 'c.csv', csv: `document_number,birth_date,area\nX-5551234,1980-02-29,${areas.hoodSlug}\n` }));
    const stored = await p.deps.db.selectFrom('census_entries').select('document_hash').execute();
    assert.ok(stored.every((r) => /^[0-9a-f]{64}$/.test(r.document_hash) && !r.document_hash.includes('5551234')));
    const user = await createUser(p);
    const wrongDate = await api(p, { method: 'POST', url: '/api/v1/me/verification', as: user, body: { documentNumber: 'x 5551234', birthDate: '1980-03-01' } });
    assert.equal(wrongDate.statusCode, 400);
    assert.equal(wrongDate.json().error.code, 'census_no_match');
    const ok = await api(p, { method: 'POST', url: '/api/v1/me/verification', as: user, body: { documentNumber: 'x 5551234', birthDate: '1980-02-29' } });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().area.slug, areas.hoodSlug);
    const session = await api(p, { method: 'GET', url: '/api/v1/session', as: user });
    assert.equal(session.json().user.verified, true);
    assert.equal(session.json().user.areaId, areas.hoodId);
    const again = await api(p, { method: 'POST', url: '/api/v1/me/verification', as: user, body: { documentNumber: 'X-5551234', birthDate: '1980-02-29' } });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'already_verified');
  });

  test('a census entry cannot verify two accounts', async () => {
    orFail(await importCensus(p.deps, systemActor('test'), { fileName: 'c.csv', csv: `document_number,birth_date,area\nY-777,1975-06-01,${areas.hoodSlug}` }));
    const first = await createUser(p);
    const second = await createUser(p);
    const a = await api(p, { method: 'POST', url: '/api/v1/me/verification', as: first, body: { documentNumber: 'Y-777', birthDate: '1975-06-01' } });
    assert.equal(a.statusCode, 200);
    const b = await api(p, { method: 'POST', url: '/api/v1/me/verification', as: second, body: { documentNumber: 'Y-777', birthDate: '1975-06-01' } });
    assert.equal(b.statusCode, 409);
    assert.equal(b.json().error.code, 'census_entry_used');
    assert.equal((await api(p, { method: 'GET', url: '/api/v1/session', as: second })).json().user.verified, false);
  });

  test('accounts racing for one census entry: exactly one wins', async () => {
    orFail(await importCensus(p.deps, systemActor('test'), { fileName: 'c.csv', csv: `document_number,birth_date,area\nRACE-1,1999-09-09,${areas.hoodSlug}` }));
    const users = await Promise.all(Array.from({ length: 8 }, () => createUser(p)));
    const actors = await Promise.all(users.map((u) => loadUserActor(p.deps.db, u.id)));
    const results = await Promise.all(actors.map((a) => verifyResidency(p.deps, a!, { documentNumber: 'RACE-1', birthDate: '1999-09-09' })));
    assert.equal(results.filter((r) => r.ok).length, 1);
    assert.ok(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'census_entry_used'));
  });

  test('re-importing updates entries; bad lines are reported, good ones kept', async () => {
    const csv = [
      'document_number,birth_date,area',
      `R-1,1960-01-01,${areas.hoodSlug}`,
      `R-2,1960-13-01,${areas.hoodSlug}`,
      'R-3,1960-01-01,nowhere',
      `,1960-01-01,${areas.hoodSlug}`,
      `R-1,1960-01-01,${areas.hoodSlug}`,
      '',
    ].join('\n');
    const first = orFail(await importCensus(p.deps, systemActor('test'), { fileName: 'c.csv', csv }));
    assert.equal(first.inserted, 1);
    assert.deepEqual(first.rejected, [
      { line: 3, code: 'census_bad_date' },
      { line: 4, code: 'census_unknown_area' },
      { line: 5, code: 'census_missing_value' },
      { line: 6, code: 'census_duplicate_in_file' },
    ]);
    const second = orFail(await importCensus(p.deps, systemActor('test'), { fileName: 'c.csv', csv: `document_number,birth_date,area\nR-1,1960-01-02,${areas.districtSlug}` }));
    assert.equal(second.inserted, 0);
    assert.equal(second.updated, 1);
    const header = await importCensus(p.deps, systemActor('test'), { fileName: 'c.csv', csv: 'id,date\n1,2' });
    assert.equal(header.ok, false);
  });
});

describe('staff-assisted participation', () => {
  test('a clerk acts for a resident in person; the audit row names both', async () => {
    const dept = await createDepartment(p, 'Civil Affairs');
    await p.deps.db.insertInto('user_roles').values({ user_id: dept.official.id, role: 'clerk' }).execute();
    const clerk = dept.official;
    const resident = await createUser(p, { displayName: 'Old Mrs Li' });
    orFail(await importCensus(p.deps, systemActor('test'), { fileName: 'c.csv', csv: `document_number,birth_date,area\nASSIST-1,1940-04-04,${areas.hoodSlug}` }));
    const start = await api(p, { method: 'POST', url: '/api/v1/assist', as: clerk, body: { email: resident.email } });
    assert.equal(start.statusCode, 200);
    assert.equal(start.json().actingFor.displayName, 'Old Mrs Li');
    const verify = await api(p, { method: 'POST', url: '/api/v1/me/verification', as: clerk, body: { documentNumber: 'ASSIST-1', birthDate: '1940-04-04' } });
    assert.equal(verify.statusCode, 200);
    const row = await p.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.verified').where('resource_id', '=', resident.id).executeTakeFirstOrThrow();
    assert.equal(row.actor_id, resident.id);
    assert.equal(row.assisted_by, clerk.id);
    assert.equal((await api(p, { method: 'GET', url: '/api/v1/session', as: resident })).json().user.verified, true);
    const stop = await api(p, { method: 'DELETE', url: '/api/v1/assist', as: clerk });
    assert.equal(stop.statusCode, 204);
    assert.equal((await api(p, { method: 'GET', url: '/api/v1/session', as: clerk })).json().actingFor, null);
  });

  test('only clerks who hold a post may assist', async () => {
    const plainClerk = await createUser(p, { roles: ['clerk'] });
    const resident = await createUser(p);
    const res = await api(p, { method: 'POST', url: '/api/v1/assist', as: plainClerk, body: { email: resident.email } });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'not_an_official');
    const official = (await createDepartment(p, 'Transport')).official;
    const res2 = await api(p, { method: 'POST', url: '/api/v1/assist', as: official, body: { email: resident.email } });
    assert.equal(res2.statusCode, 403);
    assert.equal(res2.json().error.code, 'requires_role');
  });
});
