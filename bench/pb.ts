/**
 * Benchmark of the participatory-budgeting counting rules on the 16 real Pabulib elections in
 * ../shared/data/pabulib, against the reference times in expected.json: pabutools (Python, exact
 * rationals) and the equalshares.net compute tool (JavaScript, floats), both measured on this kind
 * of machine; and, in this process, against a straightforward MES + add-one (bench/pb-naive-mes.ts).
 *
 *   npm run bench:pb [-- --runs 5] [-- --only Lodz] [-- --no-baseline]
 *
 * Our time is the median over the runs of `tally` alone (the file is parsed once, outside the
 * timing). Goals: MES with add-one completion, summed over the instances, at least 100x faster than
 * pabutools and 10x faster than the equalshares.net tool; Poland_Lodz_2022 under 1 s.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { electionFromPabulib, parsePabulib } from '../src/modules/budgeting/counting/pabulib.js';
import { tally, type TallyParams } from '../src/modules/budgeting/counting/tally.js';
import type { Election } from '../src/modules/budgeting/counting/types.js';
import { naiveMesAddOne } from './pb-naive-mes.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const dataDir = path.resolve(repoRoot, '..', 'shared', 'data', 'pabulib');

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, only: { type: 'string' }, 'no-baseline': { type: 'boolean', default: false } },
});
const runs = Math.max(1, Number(values.runs));

interface Expected {
  rules: Record<string, { selected: string[]; pabutools_seconds: number }>;
  equalshares_js?: Record<string, { selected: string[]; seconds: number }>;
  file_selected: string[] | null;
}

/** Our parameters for each equalshares.net tool configuration in expected.json. */
const equalSharesVariants: Record<string, { rule: string; params: TallyParams }> = {
  es_default_add1u: { rule: 'mes_cost_add1', params: { start: 'floor', stop: 'exhaustive', completion: 'greedy' } },
  es_add1u_tb: { rule: 'mes_cost_add1', params: { start: 'floor', stop: 'exhaustive', completion: 'greedy', tieBreaking: 'votes-cost' } },
  es_add1_pabutoolslike: { rule: 'mes_cost_add1', params: {} },
  es_add1u_tb_fractions: { rule: 'mes_cost_add1', params: { start: 'floor', stop: 'exhaustive', completion: 'greedy', tieBreaking: 'votes-cost' } },
  es_add1_comparison_tb: { rule: 'mes_cost_add1', params: { start: 'floor', stop: 'exhaustive', comparison: 'satisfaction', tieBreaking: 'votes-cost' } },
  es_add1_noexh_integral_tb: { rule: 'mes_cost_add1', params: { start: 'floor', stop: 'never', tieBreaking: 'votes-cost' } },
  es_add1_noexh_integral_tb_comparison: { rule: 'mes_cost_add1', params: { start: 'floor', stop: 'never', comparison: 'satisfaction', tieBreaking: 'votes-cost' } },
  es_add1_noexh_integral_tb_fractions: { rule: 'mes_cost_add1', params: { start: 'floor', stop: 'never', tieBreaking: 'votes-cost' } },
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
}

/** Median time of `tally` alone: at least `runs` runs, and more (up to 50) until 0.3 s were measured, so short counts are not one noisy sample. */
function time(election: Election, rule: string, params: TallyParams): { seconds: number; selected: string[] } {
  let selected: string[] = tally(election, rule, params).selected; // warm-up, and the outcome
  const samples: number[] = [];
  let total = 0;
  while (samples.length < runs || (total < 0.3 && samples.length < 50)) {
    const started = performance.now();
    selected = tally(election, rule, params).selected;
    const seconds = (performance.now() - started) / 1000;
    samples.push(seconds);
    total += seconds;
  }
  return { seconds: median(samples), selected };
}

const fmt = (s: number) => (s >= 1 ? `${s.toFixed(2)} s` : `${(s * 1000).toFixed(s < 0.01 ? 2 : 1)} ms`);
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(a / b >= 100 ? 0 : 1)}x` : '-');

if (!fs.existsSync(dataDir)) {
  console.error(`no Pabulib data at ${dataDir}`);
  process.exit(1);
}
const expected = JSON.parse(fs.readFileSync(path.join(dataDir, 'expected.json'), 'utf8')) as Record<string, Expected>;
const isAddOne = (rule: string) => rule.startsWith('mes_') && rule.includes('_add');

const totals = { oursAddOne: 0, pabutoolsAddOne: 0, oursVsJs: 0, js: 0, naive: 0, oursVsNaive: 0 };
let lodzSeconds = NaN;
let mismatches = 0;
let toolMismatches = 0;
const toolRows: Array<{ name: string; variant: string; seconds: number; tool: number; ok: boolean }> = [];
console.log(`Counting rules on ${dataDir}/instances (median of ${runs} runs; times of pabutools and the equalshares.net tool from expected.json)\n`);
console.log(['instance'.padEnd(44), 'rule'.padEnd(27), 'ours'.padStart(10), 'pabutools'.padStart(10), 'vs py'.padStart(8), 'js tool'.padStart(10), 'vs js'.padStart(7), 'naive'.padStart(10), 'vs naive'.padStart(9), ' outcome'].join(' '));
for (const [fileName, entry] of Object.entries(expected)) {
  if (values.only && !fileName.includes(values.only)) continue;
  const election = electionFromPabulib(parsePabulib(fs.readFileSync(path.join(dataDir, 'instances', fileName), 'utf8')));
  const name = fileName.replace(/\.pb$/, '').slice(0, 44);
  for (const [rule, reference] of Object.entries(entry.rules)) {
    const { seconds, selected } = time(election, rule, {});
    const ok = sameSet(selected, reference.selected);
    if (!ok) mismatches += 1;
    let js = NaN;
    let naive = NaN;
    if (isAddOne(rule)) {
      totals.oursAddOne += seconds;
      totals.pabutoolsAddOne += reference.pabutools_seconds;
      const tool = entry.equalshares_js?.es_add1_pabutoolslike;
      if (tool && rule === 'mes_cost_add1') {
        js = tool.seconds;
        totals.oursVsJs += seconds;
        totals.js += js;
      }
      if (rule === 'mes_cost_add1' && !values['no-baseline']) {
        const started = performance.now();
        const naiveSelected = naiveMesAddOne(election);
        naive = (performance.now() - started) / 1000;
        totals.naive += naive;
        totals.oursVsNaive += seconds;
        if (!sameSet(naiveSelected, reference.selected)) console.log(`  (the naive baseline selects a different set on ${fileName})`);
      }
      if (fileName === 'Poland_Lodz_2022.pb' && rule === 'mes_cost_add1') lodzSeconds = seconds;
    }
    console.log(
      [
        name.padEnd(44),
        rule.padEnd(27),
        fmt(seconds).padStart(10),
        fmt(reference.pabutools_seconds).padStart(10),
        ratio(reference.pabutools_seconds, seconds).padStart(8),
        (Number.isNaN(js) ? '' : fmt(js)).padStart(10),
        (Number.isNaN(js) ? '' : ratio(js, seconds)).padStart(7),
        (Number.isNaN(naive) ? '' : fmt(naive)).padStart(10),
        (Number.isNaN(naive) ? '' : ratio(naive, seconds)).padStart(9),
        ok ? ' same as pabutools' : ' DIFFERENT from pabutools',
      ].join(' '),
    );
  }
  for (const [variant, reference] of Object.entries(entry.equalshares_js ?? {})) {
    const ours = equalSharesVariants[variant];
    if (!ours || variant === 'es_add1_pabutoolslike') continue;
    const { seconds, selected } = time(election, ours.rule, ours.params);
    toolRows.push({ name, variant, seconds, tool: reference.seconds, ok: sameSet(selected, reference.selected) });
  }
}

console.log('\nThe equalshares.net tool configurations (our add-one parameters for each; es_add1_pabutoolslike is mes_cost_add1 above):\n');
console.log(['instance'.padEnd(44), 'configuration'.padEnd(38), 'ours'.padStart(10), 'js tool'.padStart(10), 'vs js'.padStart(8), ' outcome'].join(' '));
let toolOurs = 0;
let toolTheirs = 0;
for (const row of toolRows) {
  toolOurs += row.seconds;
  toolTheirs += row.tool;
  if (!row.ok) toolMismatches += 1;
  console.log([row.name.padEnd(44), row.variant.padEnd(38), fmt(row.seconds).padStart(10), fmt(row.tool).padStart(10), ratio(row.tool, row.seconds).padStart(8), row.ok ? ' same as the tool' : ' DIFFERENT from the tool'].join(' '));
}
if (toolRows.length > 0) console.log(`  all configurations: tool ${fmt(toolTheirs)} / ours ${fmt(toolOurs)} = ${ratio(toolTheirs, toolOurs)}`);

console.log('\nSums over the instances (MES with add-one completion):');
console.log(`  pabutools ${fmt(totals.pabutoolsAddOne)} / ours ${fmt(totals.oursAddOne)} = ${ratio(totals.pabutoolsAddOne, totals.oursAddOne)} (goal: at least 100x) ${totals.pabutoolsAddOne / totals.oursAddOne >= 100 ? 'MET' : 'NOT MET'}`);
console.log(`  equalshares.net tool (es_add1_pabutoolslike) ${fmt(totals.js)} / ours (mes_cost_add1) ${fmt(totals.oursVsJs)} = ${ratio(totals.js, totals.oursVsJs)} (goal: at least 10x) ${totals.js / totals.oursVsJs >= 10 ? 'MET' : 'NOT MET'}`);
if (totals.naive > 0) console.log(`  naive float MES + add-one in this process ${fmt(totals.naive)} / ours ${fmt(totals.oursVsNaive)} = ${ratio(totals.naive, totals.oursVsNaive)}`);
if (!Number.isNaN(lodzSeconds)) console.log(`  Poland_Lodz_2022 mes_cost_add1: ${fmt(lodzSeconds)} (goal: under 1 s) ${lodzSeconds < 1 ? 'MET' : 'NOT MET'}`);
if (mismatches > 0 || toolMismatches > 0) {
  console.log(`\n${mismatches} outcome(s) differ from pabutools, ${toolMismatches} from the equalshares.net tool`);
  process.exitCode = 1;
}
