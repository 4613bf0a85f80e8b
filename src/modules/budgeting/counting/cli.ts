/**
 * `civitas pb ...`: count a Pabulib file from the command line.
 *   civitas pb tally <file.pb> --rule <name> [--explain] [--param key=value ...]
 * prints JSON { selected, cost, seconds } (seconds: counting only, not reading the file); --explain
 * adds the parameters, the rounds and why the other projects were not selected. greedy_threshold
 * takes its threshold from the file's min_project_score_threshold unless --param threshold=... is given.
 * Exit codes: 0 counted, 1 the file or the election cannot be counted, 2 wrong usage (unknown rule).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { CountingError, PabulibError } from './errors.js';
import { electionFromPabulib, parsePabulib } from './pabulib.js';
import { ruleNames, rules, tally, type TallyParams } from './tally.js';

export interface PbCliIo {
  stdout(text: string): void;
  stderr(line: string): void;
}

const usage = `Usage: civitas pb tally <file.pb> --rule <name> [--explain] [--param key=value ...]

Rules:
${ruleNames.map((name) => `  ${name.padEnd(28)}${rules[name]!.description}`).join('\n')}

Parameters (--param, repeatable): tieBreaking (id, or criteria joined by "-": cost, maxcost, votes, lot, id),
seed; MES: start (exact|floor), step, stop (pabutools|exhaustive|never), completion (none|greedy),
comparison (none|satisfaction|exclusion), utility, addOne; greedy: score (votes|points), threshold, noSkip.`;

export async function runPbCli(args: string[], io: PbCliIo): Promise<number> {
  const [command, ...rest] = args;
  if (command !== 'tally') {
    io.stderr(usage);
    return command === undefined || command === 'help' || command === '--help' ? (command === undefined ? 2 : 0) : 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { rule: { type: 'string' }, explain: { type: 'boolean' }, param: { type: 'string', multiple: true } },
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const file = parsed.positionals[0];
  const rule = parsed.values.rule;
  if (!file || parsed.positionals.length > 1 || !rule) {
    io.stderr(usage);
    return 2;
  }
  if (!rules[rule]) {
    io.stderr(`unknown rule "${rule}"; the rules are: ${ruleNames.join(', ')}`);
    return 2;
  }
  const params: TallyParams = {};
  for (const pair of parsed.values.param ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0) {
      io.stderr(`--param needs key=value, got "${pair}"`);
      return 2;
    }
    params[pair.slice(0, at)] = pair.slice(at + 1);
  }

  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    io.stderr(`cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }
  try {
    const file = parsePabulib(text);
    const election = electionFromPabulib(file);
    // Pabulib's greedy-threshold: the file says its threshold unless the command line does.
    const threshold = file.meta.min_project_score_threshold;
    if (rules[rule]!.defaults.threshold !== undefined && params.threshold === undefined && threshold !== undefined && threshold !== '') params.threshold = threshold;
    const started = performance.now();
    const result = tally(election, rule, params);
    const seconds = (performance.now() - started) / 1000;
    const output: Record<string, unknown> = { selected: result.selected, cost: result.cost, seconds: Number(seconds.toFixed(6)) };
    if (parsed.values.explain) {
      output.rule = result.rule;
      output.params = result.params;
      if (result.endowment !== undefined) output.endowment = result.endowment;
      output.rounds = result.rounds;
      output.notSelected = result.notSelected;
    }
    io.stdout(`${JSON.stringify(output, null, parsed.values.explain ? 2 : undefined)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof PabulibError) {
      io.stderr(`${file}: ${error.message}`);
      return 1;
    }
    if (error instanceof CountingError) {
      io.stderr(`${file}: ${error.message}`);
      return error.code === 'invalid_params' ? 2 : 1;
    }
    throw error;
  }
}
