import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { cjkTerms, searchQuery, searchVector } from './text-search.js';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/platform.js';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
  const db = database.handle.db;
  await sql`create table docs (id int, tsv tsvector)`.execute(db);
  const docs: [number, string, string][] = [
    [1, '社区公园改造', '把老旧的街心公园改造成适合老人和孩子的活动场所。'],
    [2, 'Safer crossings near schools', 'Raised crossings and lower speed limits around the primary schools.'],
    [3, '公交线路优化 Bus routes', 'Better connections between the districts.'],
  ];
  for (const [id, title, body] of docs) await sql`insert into docs values (${id}, ${searchVector(title, body)})`.execute(db);
});
after(async () => {
  await database.handle.close();
  await database.drop();
});

async function find(q: string): Promise<number[]> {
  const query = searchQuery(q);
  if (!query) return [];
  const rows = await sql<{ id: number }>`select id from docs where tsv @@ ${query} order by id`.execute(database.handle.db);
  return rows.rows.map((r) => r.id);
}

test('CJK text is indexed as unigrams and bigrams', () => {
  assert.deepEqual(cjkTerms('公园改造'), ['公', '园', '改', '造', '公园', '园改', '改造']);
});

test('Chinese search finds 社区公园改造 from 公园, and words anywhere in it', async () => {
  assert.deepEqual(await find('公园'), [1]);
  assert.deepEqual(await find('公园改造'), [1]);
  assert.deepEqual(await find('园'), [1]);
  assert.deepEqual(await find('老人'), [1]);
  assert.deepEqual(await find('公交'), [3]);
  assert.deepEqual(await find('火车'), []);
});

test('English search is stemmed and prefix-matched, and mixes with Chinese', async () => {
  assert.deepEqual(await find('crossing'), [2]);
  assert.deepEqual(await find('school'), [2]);
  assert.deepEqual(await find('bus 公交'), [3]);
  assert.deepEqual(await find('distr'), [3]);
  assert.deepEqual(await find("o'brien & | ! ( )"), []);
  assert.equal(searchQuery('  !!  '), null);
});

test('a very long document (the text of a large PDF) stays within the 1 MB a tsvector can hold', async () => {
  let zh = '';
  for (let i = 0; i < 200_000; i++) zh += String.fromCharCode(0x4e00 + ((i * 7919) % 3000));
  const english = Array.from({ length: 60_000 }, (_, i) => `word${i}`).join(' ');
  const rows = await sql<{ size: number }>`select pg_column_size(${searchVector('Annual report', `${zh} ${english}`)}) as size`.execute(database.handle.db);
  assert.ok(rows.rows[0]!.size < 1024 * 1024, `size ${rows.rows[0]!.size}`);
});
