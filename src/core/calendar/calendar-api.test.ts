import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createUser } from '../../../test/helpers/factories.js';
import { loadCalendar } from './load-calendar.js';
import { addWorkingDays } from './working-days.js';
import { enqueue, deliver } from '../outbox.js';

let p: TestPlatform;
before(async () => {
  p = await createTestPlatform();
});
after(async () => {
  await p.close();
});

test('administrators set the time zone, holidays and make-up days; deadlines follow them', async () => {
  const admin = await createUser(p, { roles: ['administrator'] });
  const res = await api(p, {
    method: 'PUT',
    url: '/api/v1/calendar',
    as: admin,
    body: {
      timeZone: 'Asia/Shanghai',
      days: [
        { date: '2026-10-01', kind: 'holiday', name: 'National Day', nameZh: '国庆节' },
        { date: '2026-10-02', kind: 'holiday', name: 'National Day', nameZh: '国庆节' },
        { date: '2026-10-10', kind: 'working_day', name: 'Make-up working day', nameZh: '调休上班' },
      ],
    },
  });
  assert.equal(res.statusCode, 200);
  const calendar = await loadCalendar(p.deps.db);
  assert.equal(calendar.timeZone, 'Asia/Shanghai');
  assert.equal(addWorkingDays('2026-09-30', 1, calendar), '2026-10-05');
  const pub = await api(p, { method: 'GET', url: '/api/v1/calendar' });
  assert.equal(pub.json().days.length, 3);
  const bad = await api(p, { method: 'PUT', url: '/api/v1/calendar', as: admin, body: { timeZone: 'Mars/Olympus', days: [] } });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.fields[0].path, 'timeZone');
  const audit = await p.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'calendar.updated').execute();
  assert.equal(audit.length, 1);
});

test('the outbox delivers after commit, retries failures with backoff, and never twice', async () => {
  await p.deps.db.transaction().execute(async (trx) => {
    await enqueue(trx, 'test.topic', { n: 1 }, p.clock.now());
    await enqueue(trx, 'test.topic', { n: 2 }, p.clock.now());
  });
  const seen: number[] = [];
  let fail = true;
  const handler = async (m: { payload: Record<string, unknown> }) => {
    if (m.payload.n === 2 && fail) throw new Error('mail server down');
    seen.push(m.payload.n as number);
  };
  assert.equal(await deliver(p.deps.db, 'test.topic', p.clock.now(), handler), 1);
  assert.deepEqual(seen, [1]);
  assert.equal(await deliver(p.deps.db, 'test.topic', p.clock.now(), handler), 0, 'the failed one waits for its retry time');
  fail = false;
  p.clock.advance(2 * 60_000);
  assert.equal(await deliver(p.deps.db, 'test.topic', p.clock.now(), handler), 1);
  assert.equal(await deliver(p.deps.db, 'test.topic', p.clock.now(), handler), 0);
  assert.deepEqual(seen, [1, 2]);
});
