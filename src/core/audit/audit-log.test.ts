import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api } from '../../../test/helpers/factories.js';
import { systemActor } from '../permissions/actor.js';
import { canonicalJson, verifyAuditChain, writeAudit } from './audit-log.js';

let p: TestPlatform;
before(async () => {
  p = await createTestPlatform();
});
after(async () => {
  await p.close();
});

/** Rows 1..5 written through the real append path. */
async function freshChain() {
  // The audit table refuses updates and deletes; tests act as a database administrator bypassing triggers.
  await p.deps.db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await sql`delete from audit_log`.execute(trx);
  });
  for (let i = 1; i <= 5; i++) {
    await p.deps.db.transaction().execute((trx) =>
      writeAudit(trx, systemActor('test'), { action: 'test.event', resourceType: 'thing', resourceId: String(i), data: { n: i, nested: { b: 2, a: [1, 'x'] } }, public: i % 2 === 1 }, p.clock.now()),
    );
    p.clock.advance(1000);
  }
}

async function tamper(statement: ReturnType<typeof sql>) {
  await p.deps.db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await statement.execute(trx);
  });
}

describe('audit log hash chain', () => {
  beforeEach(freshChain);

  test('an untouched chain verifies', async () => {
    const result = await verifyAuditChain(p.deps.db);
    assert.equal(result.ok, true);
    assert.equal(result.checked, 5);
    assert.match(result.headHash ?? '', /^[0-9a-f]{64}$/);
  });

  test('the table refuses updates and deletes from the application', async () => {
    await assert.rejects(sql`update audit_log set action = 'x' where seq = 1`.execute(p.deps.db), /append-only/);
    await assert.rejects(sql`delete from audit_log where seq = 1`.execute(p.deps.db), /append-only/);
  });

  test('an edited row is detected and named', async () => {
    await tamper(sql`update audit_log set data = '{"n": 99}'::jsonb where seq = 3`);
    const result = await verifyAuditChain(p.deps.db);
    assert.equal(result.ok, false);
    assert.deepEqual(result.firstBad, { seq: 3, problem: 'edited' });
  });

  test('an edited timestamp or actor is detected', async () => {
    await tamper(sql`update audit_log set at = at + interval '1 second' where seq = 2`);
    assert.deepEqual((await verifyAuditChain(p.deps.db)).firstBad, { seq: 2, problem: 'edited' });
  });

  test('a row whose hash was recomputed after editing breaks the link to the next row', async () => {
    // A forger who edits row 2 and recomputes its hash still breaks row 3's link.
    const row = await p.deps.db.selectFrom('audit_log').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow();
    const { contentOfRow, hashAuditRow } = await import('./audit-log.js');
    const content = { ...contentOfRow(row), data: { forged: true } };
    await tamper(sql`update audit_log set data = ${JSON.stringify(content.data)}::jsonb, hash = ${hashAuditRow(row.prev_hash, content)} where seq = 2`);
    assert.deepEqual((await verifyAuditChain(p.deps.db)).firstBad, { seq: 3, problem: 'broken_link' });
  });

  test('a deleted row is detected at the row after the gap', async () => {
    await tamper(sql`delete from audit_log where seq = 3`);
    assert.deepEqual((await verifyAuditChain(p.deps.db)).firstBad, { seq: 4, problem: 'deleted_or_inserted' });
  });

  test('reordered rows are detected', async () => {
    await tamper(sql`update audit_log set seq = -2 where seq = 2`);
    await tamper(sql`update audit_log set seq = 2 where seq = 4`);
    await tamper(sql`update audit_log set seq = 4 where seq = -2`);
    const result = await verifyAuditChain(p.deps.db);
    assert.deepEqual(result.firstBad, { seq: 2, problem: 'reordered' });
  });

  test('GET /api/v1/audit/verify reports the first bad row', async () => {
    await tamper(sql`update audit_log set action = 'forged' where seq = 4`);
    const res = await api(p, { method: 'GET', url: '/api/v1/audit/verify' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json().firstBad, { seq: 4, problem: 'edited' });
    assert.equal(res.json().ok, false);
  });

  test('the public log lists only public rows, newest first, with paging', async () => {
    const first = await api(p, { method: 'GET', url: '/api/v1/audit?limit=2' });
    assert.equal(first.statusCode, 200);
    const body = first.json();
    assert.deepEqual(body.entries.map((e: { seq: number }) => e.seq), [5, 3]);
    assert.equal(body.nextBefore, 3);
    const second = await api(p, { method: 'GET', url: `/api/v1/audit?limit=2&before=${body.nextBefore}` });
    assert.deepEqual(second.json().entries.map((e: { seq: number }) => e.seq), [1]);
    assert.equal(second.json().nextBefore, null);
  });
});

test('rows written concurrently form one unbroken chain', async () => {
  await freshChain();
  await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      p.deps.db.transaction().execute((trx) =>
        writeAudit(trx, systemActor('test'), { action: 'test.concurrent', resourceType: 'thing', resourceId: String(i), public: true }, p.clock.now()),
      ),
    ),
  );
  const result = await verifyAuditChain(p.deps.db);
  assert.equal(result.ok, true);
  assert.equal(result.checked, 45);
});

test('canonical JSON sorts keys at every depth', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } }), '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
});
