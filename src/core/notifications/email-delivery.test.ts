import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { MemoryMailer } from '../mail/mailer.js';
import { configureNotificationDelivery, deliveryEnvironment } from './delivery.js';
import { notify, type NotificationInput } from './notify.js';
import { EMAIL_TOPIC, MAX_EMAIL_ATTEMPTS, sendNotificationEmails } from './send-notification-emails.js';
import { sendDailyDigests } from './send-daily-digests.js';

let p: TestPlatform;
const mailer = new MemoryMailer();

before(async () => {
  p = await createTestPlatform({ PUBLIC_URL: 'https://civitas.example.org' });
  configureNotificationDelivery({ mailer, digestHour: 8 });
});
after(async () => {
  await p.close();
});
beforeEach(async () => {
  // Every test starts with nothing pending and a healthy mail server.
  mailer.failWith = null;
  p.clock.advance(7 * 24 * 3_600_000);
  await p.runJobs();
  await p.deps.db.updateTable('outbox').set({ done_at: p.clock.now() }).where('done_at', 'is', null).execute();
  mailer.clear();
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

async function userWith(preference: 'immediate' | 'daily' | 'off', locale: 'en' | 'zh-CN' = 'en'): Promise<TestUser> {
  const user = await createUser(p, { displayName: `Pref ${preference}` });
  await p.deps.db.updateTable('users').set({ email_notifications: preference, locale }).where('id', '=', user.id).execute();
  return user;
}

function input(title: string, extra: Partial<NotificationInput> = {}): NotificationInput {
  return { kind: 'proposal.answered', resourceType: 'proposal', resourceId: 'p-9', title, path: '/processes/p/proposals/p-9', ...extra };
}

async function send(userIds: string[], title: string, extra: Partial<NotificationInput> = {}) {
  await p.deps.db.transaction().execute((trx) => notify(trx, userIds, input(title, extra), p.clock.now()));
}

async function emailedAt(userId: string) {
  return p.deps.db.selectFrom('notifications').select(['title', 'emailed_at']).where('user_id', '=', userId).orderBy('id').execute();
}

test('immediate: one e-mail per notification, in the person\'s language, never twice', async () => {
  const ana = await userWith('immediate');
  const li = await userWith('immediate', 'zh-CN');
  await send([ana.id, li.id], 'A safer crossing');
  assert.equal(mailer.sent.length, 0, 'nothing is sent inside the transaction');

  await p.runJobs();
  assert.equal(mailer.to(ana.email).length, 1);
  assert.equal(mailer.to(li.email).length, 1);
  const en = mailer.to(ana.email)[0]!;
  assert.equal(en.subject, 'Civitas: The department has answered the proposal "A safer crossing".');
  assert.match(en.text, /Hello Pref immediate,/);
  assert.match(en.text, /https:\/\/civitas\.example\.org\/processes\/p\/proposals\/p-9/);
  assert.match(en.text, /change your e-mail settings: https:\/\/civitas\.example\.org\/me/);
  assert.match(en.html, /<a href="https:\/\/civitas\.example\.org\/processes\/p\/proposals\/p-9">/);
  const zh = mailer.to(li.email)[0]!;
  assert.equal(zh.subject, 'Civitas：主管部门已答复提案「A safer crossing」。');
  assert.match(zh.text, /点击查看：https:\/\/civitas\.example\.org/);
  assert.ok((await emailedAt(ana.id)).every((n) => n.emailed_at !== null));

  p.clock.advance(10 * MINUTE);
  await p.runJobs();
  await p.runJobs();
  assert.equal(mailer.sent.length, 2, 'running the job again sends nothing new');
});

test('off: no e-mail at all, but the notification is in the app', async () => {
  const off = await userWith('off');
  await send([off.id], 'Quiet please');
  await p.runJobs();
  p.clock.advance(2 * 24 * HOUR);
  await p.runJobs();
  assert.equal(mailer.to(off.email).length, 0);
  const rows = await emailedAt(off.id);
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.emailed_at, null);
});

test('a failing mail server: the write that caused the notification is committed, the e-mail is retried later and sent once', async () => {
  const ana = await userWith('immediate');
  mailer.failWith = new Error('connect ECONNREFUSED 127.0.0.1:25');
  // The "write": a display name change and its notification, in one transaction.
  await p.deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ display_name: 'Ana Changed' }).where('id', '=', ana.id).execute();
    await notify(trx, [ana.id], input('Retry me'), p.clock.now());
  });
  await p.runJobs();
  assert.equal(mailer.sent.length, 0);
  const user = await p.deps.db.selectFrom('users').select('display_name').where('id', '=', ana.id).executeTakeFirstOrThrow();
  assert.equal(user.display_name, 'Ana Changed', 'the write was committed');
  const rows = await emailedAt(ana.id);
  assert.equal(rows.length, 1, 'the notification remains');
  assert.equal(rows[0]!.emailed_at, null);
  const outbox = await p.deps.db.selectFrom('outbox').selectAll().where('topic', '=', EMAIL_TOPIC).where('done_at', 'is', null).execute();
  assert.equal(outbox.length, 1);
  assert.equal(outbox[0]!.attempts, 1);
  assert.match(outbox[0]!.last_error ?? '', /ECONNREFUSED/);
  const inApp = await api(p, { method: 'GET', url: '/api/v1/notifications/unread-count', as: ana });
  assert.equal(inApp.json().count, 1, 'in-app notification is there while the mail server is down');

  mailer.failWith = null;
  await p.runJobs();
  assert.equal(mailer.sent.length, 0, 'not before its retry time');
  p.clock.advance(2 * MINUTE);
  await p.runJobs();
  assert.equal(mailer.to(ana.email).length, 1);
  p.clock.advance(HOUR);
  await p.runJobs();
  assert.equal(mailer.to(ana.email).length, 1, 'never twice');
});

test('a failure half-way through one message: what was sent stays sent, only the rest is retried', async () => {
  const [a, b, c] = [await userWith('immediate'), await userWith('immediate'), await userWith('immediate')];
  await send([a.id, b.id, c.id], 'Three readers');
  const realSend = mailer.send.bind(mailer);
  let calls = 0;
  mailer.send = async (mail) => {
    calls++;
    if (calls === 2) throw new Error('451 try again later');
    return realSend(mail);
  };
  try {
    await p.runJobs();
    assert.equal(mailer.sent.length, 1);
    p.clock.advance(2 * MINUTE);
    await p.runJobs();
  } finally {
    mailer.send = realSend;
  }
  assert.deepEqual([a, b, c].map((u) => mailer.to(u.email).length), [1, 1, 1]);
});

test('a message that keeps failing is given up after its last attempt; the notification stays in the app', async () => {
  const ana = await userWith('immediate');
  await send([ana.id], 'Never delivered');
  await p.deps.db.updateTable('outbox').set({ attempts: MAX_EMAIL_ATTEMPTS }).where('topic', '=', EMAIL_TOPIC).where('done_at', 'is', null).execute();
  await sendNotificationEmails(p.deps, deliveryEnvironment());
  assert.equal(mailer.sent.length, 0);
  assert.equal((await p.deps.db.selectFrom('outbox').select('id').where('topic', '=', EMAIL_TOPIC).where('done_at', 'is', null).execute()).length, 0);
  assert.equal((await emailedAt(ana.id)).length, 1);
});

test('daily: one digest a day listing the day\'s notifications; the job is safe to run every few minutes', async () => {
  p.clock.set('2026-06-10T09:00:00Z'); // calendar time zone UTC, digest at 08:00
  const dan = await userWith('daily');
  const mei = await userWith('daily', 'zh-CN');
  const off = await userWith('off');
  await send([dan.id, mei.id, off.id], 'Morning news');
  p.clock.advance(3 * HOUR);
  await send([dan.id, mei.id, off.id], 'Noon news', { kind: 'no.template.kind' });

  // No immediate e-mail, and no digest before tomorrow's digest hour.
  for (let t = 0; t < 6; t++) {
    p.clock.advance(5 * MINUTE);
    await p.runJobs();
  }
  assert.equal(mailer.sent.length, 0);

  p.clock.set('2026-06-11T07:59:00Z');
  await p.runJobs();
  assert.equal(mailer.sent.length, 0, 'not before 08:00');

  p.clock.set('2026-06-11T08:00:00Z');
  await p.runJobs();
  assert.equal(mailer.to(dan.email).length, 1);
  assert.equal(mailer.to(mei.email).length, 1);
  assert.equal(mailer.to(off.email).length, 0);
  const digest = mailer.to(dan.email)[0]!;
  assert.equal(digest.subject, 'Civitas: 2 new notifications');
  assert.match(digest.text, /There is news about "Noon news"\.[\s\S]*The department has answered the proposal "Morning news"\./);
  assert.equal(mailer.to(mei.email)[0]!.subject, 'Civitas：2 条新通知');

  for (let t = 0; t < 10; t++) {
    p.clock.advance(5 * MINUTE);
    await p.runJobs();
  }
  assert.equal(mailer.to(dan.email).length, 1, 'once per day');

  // Something new on the 11th goes into the digest of the 12th.
  await send([dan.id], 'Evening news');
  p.clock.set('2026-06-11T23:00:00Z');
  await p.runJobs();
  assert.equal(mailer.to(dan.email).length, 1);
  p.clock.set('2026-06-12T08:03:00Z');
  await p.runJobs();
  await p.runJobs();
  assert.equal(mailer.to(dan.email).length, 2);
  assert.equal(mailer.to(dan.email)[1]!.subject, 'Civitas: 1 new notification');
  assert.doesNotMatch(mailer.to(dan.email)[1]!.text, /Morning news/, 'nothing is e-mailed twice');
  const rows = await p.deps.db.selectFrom('notification_digests').select(['day', 'notifications']).where('user_id', '=', dan.id).orderBy('day').execute();
  assert.deepEqual(rows, [{ day: '2026-06-11', notifications: 2 }, { day: '2026-06-12', notifications: 1 }]);

  // A day without notifications sends no digest.
  p.clock.set('2026-06-13T09:00:00Z');
  await p.runJobs();
  assert.equal(mailer.to(dan.email).length, 2);
});

test('the digest follows the installation\'s time zone', async () => {
  await p.deps.db.updateTable('settings').set({ value: JSON.stringify({ timeZone: 'Asia/Shanghai' }) }).where('key', '=', 'calendar').execute();
  try {
    p.clock.set('2026-07-01T02:00:00Z'); // 10:00 in Shanghai
    const zhao = await userWith('daily');
    await send([zhao.id], 'Shanghai news');
    p.clock.set('2026-07-01T23:59:00Z'); // 07:59 on July 2nd in Shanghai
    await p.runJobs();
    assert.equal(mailer.to(zhao.email).length, 0);
    p.clock.set('2026-07-02T00:00:00Z'); // 08:00 in Shanghai
    await p.runJobs();
    assert.equal(mailer.to(zhao.email).length, 1);
  } finally {
    await p.deps.db.updateTable('settings').set({ value: JSON.stringify({ timeZone: 'UTC' }) }).where('key', '=', 'calendar').execute();
  }
});

test('a digest that fails to send is rolled back and sent on a later run, once', async () => {
  p.clock.set('2026-08-03T10:00:00Z');
  const dan = await userWith('daily');
  await send([dan.id], 'Digest retry');
  p.clock.set('2026-08-04T08:05:00Z');
  mailer.failWith = new Error('421 service not available');
  const failed = await sendDailyDigests(p.deps, deliveryEnvironment());
  assert.equal(failed.sent, 0);
  assert.match(failed.error ?? '', /421/);
  assert.equal((await p.deps.db.selectFrom('notification_digests').select('day').where('user_id', '=', dan.id).execute()).length, 0);
  assert.equal((await emailedAt(dan.id))[0]!.emailed_at, null);

  mailer.failWith = null;
  p.clock.advance(5 * MINUTE);
  await p.runJobs();
  await p.runJobs();
  assert.equal(mailer.to(dan.email).length, 1);
  assert.notEqual((await emailedAt(dan.id))[0]!.emailed_at, null);
});

test('switching from immediate to daily: what was not e-mailed yet goes into the digest instead', async () => {
  p.clock.set('2026-09-01T10:00:00Z');
  const ana = await userWith('immediate');
  await send([ana.id], 'Before the switch');
  const res = await api(p, { method: 'PATCH', url: '/api/v1/me', as: ana, body: { emailNotifications: 'daily' } });
  assert.equal(res.statusCode, 200);
  await p.runJobs();
  assert.equal(mailer.to(ana.email).length, 0);
  p.clock.set('2026-09-02T08:00:00Z');
  await p.runJobs();
  assert.equal(mailer.to(ana.email).length, 1);
  assert.match(mailer.to(ana.email)[0]!.text, /Before the switch/);
});

test('two delivery runs at once (two app processes) still send each e-mail and each digest once', async () => {
  p.clock.set('2026-10-05T10:00:00Z');
  const readers = await Promise.all(Array.from({ length: 6 }, () => userWith('immediate')));
  const daily = await Promise.all(Array.from({ length: 4 }, () => userWith('daily')));
  for (let i = 0; i < 5; i++) await send([...readers, ...daily].map((u) => u.id), `Concurrent ${i}`);
  const env = deliveryEnvironment();
  // Called directly, without the scheduler's advisory lock, as two processes would race.
  await Promise.all([sendNotificationEmails(p.deps, env), sendNotificationEmails(p.deps, env), sendNotificationEmails(p.deps, env)]);
  for (const u of readers) assert.equal(mailer.to(u.email).length, 5);
  p.clock.set('2026-10-06T08:00:00Z');
  await Promise.all([sendDailyDigests(p.deps, env), sendDailyDigests(p.deps, env), sendDailyDigests(p.deps, env)]);
  for (const u of daily) assert.equal(mailer.to(u.email).length, 1);
  assert.equal(mailer.sent.length, 6 * 5 + 4);
});
