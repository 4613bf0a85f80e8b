import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { createUser } from '../../../test/helpers/factories.js';
import { loadConfig } from '../config.js';
import { notify } from '../notifications/notify.js';
import { deliveryEnvironment } from '../notifications/delivery.js';
import { FileMailer, MemoryMailer, createMailer } from './mailer.js';
import { smtpMailer } from './smtp-mailer.js';
import { startSmtpCapture, type SmtpCapture } from './smtp-capture.js';

let capture: SmtpCapture;
before(async () => {
  capture = await startSmtpCapture();
});
after(async () => {
  await capture.close();
});

const mail = { to: 'resident@example.test', subject: 'Civitas：主管部门已答复提案', text: 'Hello,\n\nSee it here: https://civitas.example.org/x\n', html: '<p>Hello,</p>' };

test('the SMTP mailer hands mail to an SMTP server with nodemailer (local capture, with authentication)', async () => {
  const mailer = smtpMailer({ url: capture.url, from: 'Civitas <no-reply@civitas.test>' });
  try {
    await mailer.send(mail);
  } finally {
    await mailer.close?.();
  }
  const received = capture.received.at(-1)!;
  assert.deepEqual(received.to, ['resident@example.test']);
  assert.equal(received.from, 'no-reply@civitas.test');
  assert.equal(received.user, 'capture');
  assert.match(received.raw, /^Subject: =\?UTF-8\?/m, 'a Chinese subject is encoded');
  assert.match(received.raw, /multipart\/alternative/, 'plain text and HTML');
});

test('a mail server that refuses, or is not there, makes send reject (so the job retries)', async () => {
  const mailer = smtpMailer({ url: capture.url, from: 'Civitas <no-reply@civitas.test>' });
  capture.refuse = true;
  try {
    await assert.rejects(mailer.send(mail), /451|busy/i);
  } finally {
    capture.refuse = false;
    await mailer.close?.();
  }
  // A port nobody listens on.
  const port = await new Promise<number>((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as net.AddressInfo;
      server.close(() => resolve(free));
    });
  });
  const nowhere = smtpMailer({ url: `smtp://127.0.0.1:${port}`, from: 'Civitas <no-reply@civitas.test>' });
  await assert.rejects(nowhere.send(mail));
});

test('without SMTP_URL, mail is captured: in memory for tests, in DATA_DIR/mail-outbox.jsonl otherwise', async () => {
  assert.ok(createMailer(loadConfig({ NODE_ENV: 'test' })) instanceof MemoryMailer);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civitas-mail-'));
  try {
    const fileMailer = createMailer(loadConfig({ NODE_ENV: 'development', DATA_DIR: dir }));
    assert.ok(fileMailer instanceof FileMailer);
    await fileMailer.send(mail);
    await fileMailer.send({ ...mail, to: 'second@example.test' });
    const lines = fs.readFileSync(path.join(dir, 'mail-outbox.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.to), ['resident@example.test', 'second@example.test']);
    assert.equal(lines[0].subject, mail.subject);
    assert.ok(lines[0].at);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(createMailer(loadConfig({ NODE_ENV: 'production', SMTP_URL: capture.url })).kind, 'smtp');
});

test('SMTP_URL and MAIL_FROM are validated at start-up', () => {
  assert.throws(() => loadConfig({ SMTP_URL: 'http://mail.example.org' }), /SMTP_URL/);
  assert.throws(() => loadConfig({ NOTIFICATION_DIGEST_HOUR: '24' }), /NOTIFICATION_DIGEST_HOUR/);
  const config = loadConfig({ SMTP_URL: 'smtps://user:pass@mail.example.org:465', MAIL_FROM: 'City <news@city.example>' });
  assert.equal(config.MAIL_FROM, 'City <news@city.example>');
  assert.equal(config.NOTIFICATION_DIGEST_HOUR, 8);
});

test('end to end: with SMTP_URL set, the notification e-mail job sends through SMTP', async () => {
  let p: TestPlatform | undefined;
  try {
    p = await createTestPlatform({ SMTP_URL: capture.url, MAIL_FROM: 'Civitas <no-reply@civitas.test>', PUBLIC_URL: 'https://civitas.example.org' });
    assert.equal(deliveryEnvironment().mailer.kind, 'smtp');
    const ana = await createUser(p);
    const before = capture.received.length;
    await p.deps.db.transaction().execute((trx) =>
      notify(trx, [ana.id], { kind: 'proposal.answered', resourceType: 'proposal', resourceId: 'x', title: 'Street lights', path: '/p/x' }, p!.clock.now()),
    );
    await p.runJobs();
    const received = capture.received.slice(before);
    assert.equal(received.length, 1);
    assert.deepEqual(received[0]!.to, [ana.email]);
    assert.match(received[0]!.raw, /Street lights/);
  } finally {
    await deliveryEnvironment().mailer.close?.();
    await p?.close();
  }
});
