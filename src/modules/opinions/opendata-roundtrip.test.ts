/**
 * Polis openData in and out: a real pol.is conversation (london.youth.policing, CC BY 4.0) imported
 * through the API becomes a conversation whose map equals the math's cold computation; exported
 * again it reads back to the same statements, moderation and final votes, under the same numbers,
 * and a second import of the export gives the same map.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createDepartment, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { cold, readOpenData, type MathResult } from './math/index.js';
import { polisDataDir, sharedDataGate } from './math/test-support.js';
import { settleOpinionMath } from './math-runner.js';
import { opinionsProcess, SMALL_OPENDATA } from './testing.js';

const gate = sharedDataGate();
const NAME = 'london.youth.policing';

let p: TestPlatform;
let dept: Awaited<ReturnType<typeof createDepartment>>;
let processSlug: string;
let resident: TestUser;
before(async () => {
  p = await createTestPlatform();
  dept = await createDepartment(p, 'Community Safety');
  processSlug = (await opinionsProcess(p, { departmentId: dept.id })).slug;
  resident = await createUser(p);
});
after(async () => {
  await settleOpinionMath();
  await p?.close();
});

const read = (file: string) => fs.readFileSync(path.join(polisDataDir, 'conversations', NAME, file), 'utf8');

async function importFiles(files: { comments: string; votes?: string; participantsVotes?: string }, as: TestUser = dept.official) {
  return api(p, { method: 'POST', url: `/api/v1/processes/${processSlug}/conversations/import`, as, body: { topic: 'Young people and local scrutiny of policing', files } });
}

async function storedResult(id: string): Promise<MathResult> {
  await settleOpinionMath();
  const row = await p.deps.db.selectFrom('opinion_conversations').select(['math_result']).where('id', '=', id).executeTakeFirstOrThrow();
  return row.math_result as MathResult;
}

function sameMap(a: MathResult, b: MathResult) {
  const exact = (r: MathResult) => ({
    participants: [...r.participants].sort(),
    clustered: [...r.clustered].sort(),
    groups: r.groups.map((g) => [...g.members].sort()),
    repness: r.repness,
    consensus: r.consensus,
    groupAwareConsensus: r.groupAwareConsensus,
    moderatedOut: [...r.moderatedOut].sort(),
  });
  assert.deepEqual(exact(a), exact(b));
}

test('import, map, export and re-import of a real Polis conversation', { skip: gate.skip }, async () => {
  const files = { comments: read('comments.csv'), votes: read('votes.csv') };
  const original = readOpenData(files);
  const res = await importFiles(files);
  assert.equal(res.statusCode, 201, res.body);
  const summary = res.json();
  assert.equal(summary.statements, original.comments.length);
  const finalVotes = new Map(original.votes.map((v) => [`${v.participant}/${v.comment}`, v]));
  assert.equal(summary.votes, finalVotes.size, 're-votes: the latest counts');
  assert.equal(summary.participants, new Set([...original.votes.map((v) => v.participant), ...original.comments.map((c) => c.author).filter(Boolean)]).size);

  // The map: the math's cold computation of the same votes.
  const result = await storedResult(summary.id);
  sameMap(result, cold(original));
  assert.ok(result.groups.length >= 2);
  const rejected = new Set(original.comments.filter((c) => c.moderated === -1).map((c) => c.id));
  assert.ok(result.moderatedOut.every((id) => rejected.has(id)));
  const results = (await api(p, { method: 'GET', url: `/api/v1/conversations/${summary.id}/results` })).json();
  assert.equal(results.conversation.importedFrom, 'Polis openData: comments.csv, votes.csv');
  assert.equal(results.math.groups.length, result.groups.length);

  // Export: the same statements (rejected ones without their text), moderation and final votes, same numbers.
  const exported: Record<string, string> = {};
  for (const file of ['comments.csv', 'votes.csv', 'participants-votes.csv']) {
    const out = await api(p, { method: 'GET', url: `/api/v1/conversations/${summary.id}/export/${file}` });
    assert.equal(out.statusCode, 200);
    assert.match(out.headers['content-type'] as string, /^text\/csv/);
    assert.match(out.headers['content-disposition'] as string, new RegExp(`attachment; filename="conversation-${summary.id}-${file}"`));
    exported[file] = out.body;
  }
  const back = readOpenData({ comments: exported['comments.csv']!, votes: exported['votes.csv']!, participantsVotes: exported['participants-votes.csv']! });
  const byId = new Map(back.comments.map((c) => [c.id, c]));
  for (const c of original.comments) {
    const e = byId.get(c.id)!;
    assert.ok(e, `comment ${c.id}`);
    assert.equal(e.moderated, c.moderated);
    assert.equal(e.author, c.author);
    assert.equal(e.body, c.moderated === -1 ? '' : c.body);
  }
  const key = (v: { participant: string; comment: string; vote: number }) => `${v.participant}/${v.comment}/${v.vote}`;
  assert.deepEqual(back.votes.map(key).sort(), [...finalVotes.values()].map(key).sort());
  // participants-votes.csv names each participant's group from our map.
  const groupOf = new Map<string, number>();
  for (const g of result.groups) for (const m of g.members) groupOf.set(m, g.id);
  assert.deepEqual(new Map([...back.groups].sort()), new Map([...groupOf].sort()));

  // A second import of the export gives the same map.
  const again = await importFiles({ comments: exported['comments.csv']!, votes: exported['votes.csv']! });
  assert.equal(again.statusCode, 201, again.body);
  sameMap(await storedResult(again.json().id), result);

  // participants-votes.csv alone (final votes without times) is enough.
  const matrixOnly = await importFiles({ comments: files.comments, participantsVotes: read('participants-votes.csv') });
  assert.equal(matrixOnly.statusCode, 201, matrixOnly.body);
  assert.equal(matrixOnly.json().votes, finalVotes.size);
});

test('imports are for the department: bad files are refused with a reason', async () => {
  assert.equal((await importFiles(SMALL_OPENDATA, resident)).statusCode, 403);
  const bad = await importFiles({ comments: 'not,a,polis\nfile,at,all' , votes: SMALL_OPENDATA.votes });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.code, 'opendata_invalid');
  assert.match(bad.json().error.message, /comments\.csv lacks column/);
  const noVotes = await importFiles({ comments: SMALL_OPENDATA.comments });
  assert.equal(noVotes.json().error.code, 'opendata_invalid');
  const small = await importFiles(SMALL_OPENDATA);
  assert.equal(small.statusCode, 201, small.body);
  assert.deepEqual({ ...(small.json() as object), id: undefined }, { id: undefined, statements: 3, participants: 4, votes: 8, warnings: ['1 earlier vote(s), replaced by a later vote of the same participant, were left out.'] });
  // Audited, with what was imported.
  const audit = await p.deps.db.selectFrom('audit_log').select(['action', 'data']).where('resource_id', '=', small.json().id).executeTakeFirstOrThrow();
  assert.equal(audit.action, 'opinions.conversation_imported');
  assert.deepEqual((audit.data as { votes: number }).votes, 8);
});
