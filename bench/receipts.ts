/**
 * Timing of receipt lookups for anonymous reports (issue 8): a right receipt, a wrong one (one digit
 * off) and a malformed one must take the same time within noise, so that timing tells a guesser
 * nothing. Each lookup is one argon2id derivation, one indexed read, one constant-time comparison
 * (against a dummy when nothing matched) and one AEAD open. Measured through `openWithReceipt` on a
 * fresh embedded database (or DATABASE_URL), medians over interleaved runs; the right receipt is
 * the reference and the others are printed as ratios to it.
 *
 *   npm run bench:receipts [-- --runs 31]
 */
import { parseArgs } from 'node:util';
import { createTestPlatform } from '../test/helpers/platform.js';
import { createDepartment } from '../test/helpers/factories.js';
import { createSupervisoryBody, routeAllTo } from '../src/modules/supervision/testing.js';
import { openWithReceipt } from '../src/modules/supervision/operations/reporter-access.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '31' } } });
const runs = Math.max(3, Number(values.runs));

const p = await createTestPlatform();
try {
  const body = await createSupervisoryBody(p, 'Bench Commission');
  const dept = await createDepartment(p, 'Bench Office');
  await routeAllTo(p, body.id);
  const res = await p.app.inject({
    method: 'POST',
    url: '/api/v1/supervision/anonymous/reports',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ departmentId: dept.id, category: 'bribery', description: 'A report for the receipt timing benchmark: permits sold for cash.' }),
  });
  if (res.statusCode !== 201) throw new Error(`could not submit a report: ${res.body}`);
  const right = (res.json() as { receipt: string }).receipt;
  const wrong = right.slice(0, 15) + String((Number(right[15]) + 1) % 10);
  const cases = { right, wrong, malformed: 'not a receipt' } as const;
  const times: Record<keyof typeof cases, number[]> = { right: [], wrong: [], malformed: [] };
  for (const receipt of Object.values(cases)) await openWithReceipt(p.deps.db, receipt); // warm-up
  for (let i = 0; i < runs; i++) {
    for (const name of Object.keys(cases) as (keyof typeof cases)[]) {
      const start = process.hrtime.bigint();
      const result = await openWithReceipt(p.deps.db, cases[name]);
      times[name].push(Number(process.hrtime.bigint() - start) / 1e6);
      if (result.ok !== (name === 'right')) throw new Error(`${name} receipt gave ${result.ok ? 'a report' : 'nothing'}`);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const reference = median(times.right);
  console.log(`Receipt lookups, median of ${runs} interleaved runs (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})\n`);
  console.log('| receipt | median ms | ratio to a right receipt |');
  console.log('|---|---:|---:|');
  for (const name of Object.keys(cases) as (keyof typeof cases)[]) console.log(`| ${name} | ${median(times[name]).toFixed(1)} | ${(median(times[name]) / reference).toFixed(2)} |`);
  console.log('\nGoal: every ratio within 0.9–1.1 (the same work on every path).');
} finally {
  await p.close();
}
