/**
 * `civitas opinions analyze <folder>`: runs the opinion-map math on a Polis openData folder
 * (comments.csv with votes.csv or participants-votes.csv) or on a Polis fixture folder (votes.json,
 * comments.json, and math-pca2.json for `--polis-state`), and prints JSON.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cold, type MathSeed } from './conversation.js';
import { replayClustered } from './history.js';
import { readOpenData } from './opendata.js';
import { readPolisExport, readPolisMath } from './polis-export.js';
import type { MathInput, MathOptions, MathResult } from './types.js';

export interface CliIo {
  stdout(text: string): void;
  stderr(line: string): void;
}

const usage = `usage: civitas opinions analyze <folder> [--history replay|final] [--polis-state] [--full]

  <folder>        a Polis openData export (comments.csv and votes.csv, or participants-votes.csv)
                  or a Polis fixture (votes.json, comments.json[, math-pca2.json])
  --history       who is clustered: "replay" (default) replays Polis's join rule over the votes in time
                  order, as an up-to-date incremental computation would have; "final" applies it to the
                  final votes only
  --polis-state   fixture only: start from Polis's stored math (clustered participants, PCA axes, base
                  clusters), as Polis does after a restart
  --full          print the whole result instead of groups, repness and consensus

Prints JSON { groups: [{ id, members }], repness, consensus, groupAwareConsensus, seconds }, where seconds
is the time of the math alone (reading the files excluded).`;

function read(folder: string, name: string): string | undefined {
  const file = path.join(folder, name);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

/** Loads a folder into the math input and, for a fixture with `polisState`, Polis's stored math as the seed. */
export function loadConversationFolder(folder: string, polisState = false): { input: MathInput; seed: MathSeed; kind: 'opendata' | 'fixture' } {
  const comments = read(folder, 'comments.csv');
  if (comments !== undefined) {
    if (polisState) throw new Error('--polis-state needs a fixture folder with math-pca2.json');
    const conversation = readOpenData({ comments, votes: read(folder, 'votes.csv'), participantsVotes: read(folder, 'participants-votes.csv') });
    return { input: conversation, seed: {}, kind: 'opendata' };
  }
  const votes = read(folder, 'votes.json');
  const commentsJson = read(folder, 'comments.json');
  if (votes === undefined || commentsJson === undefined) {
    throw new Error(`${folder} has neither comments.csv (openData) nor votes.json and comments.json (Polis fixture)`);
  }
  const input = readPolisExport({ votes, comments: commentsJson });
  if (!polisState) return { input, seed: {}, kind: 'fixture' };
  const math = read(folder, 'math-pca2.json');
  if (math === undefined) throw new Error(`--polis-state needs ${path.join(folder, 'math-pca2.json')}`);
  return { input, seed: readPolisMath(math).seed, kind: 'fixture' };
}

/**
 * Runs the math as the CLI does: the clustered set from history unless the seed gives it; with a seed
 * of Polis's stored math, in polis mode (warm-started from its base clusters, as Polis restarts).
 */
export function analyze(input: MathInput, seed: MathSeed, history: 'replay' | 'final'): { result: MathResult; seconds: number } {
  const start = performance.now();
  const clustered = seed.clustered ?? (history === 'replay' ? replayClustered(input.votes) : undefined);
  const options: Partial<MathOptions> = seed.baseClusters ? { mode: 'polis' } : {};
  const result = cold(input, options, clustered ? { ...seed, clustered } : seed);
  return { result, seconds: (performance.now() - start) / 1000 };
}

export async function runOpinionsCli(args: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  if (command !== 'analyze') {
    io.stderr(usage);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { history: { type: 'string', default: 'replay' }, 'polis-state': { type: 'boolean', default: false }, full: { type: 'boolean', default: false } },
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const folder = parsed.positionals[0];
  const history = parsed.values.history;
  if (!folder || parsed.positionals.length > 1 || (history !== 'replay' && history !== 'final')) {
    io.stderr(usage);
    return 2;
  }
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    io.stderr(`no such folder: ${folder}`);
    return 2;
  }
  let loaded;
  try {
    loaded = loadConversationFolder(folder, parsed.values['polis-state']);
  } catch (error) {
    io.stderr(`could not read ${folder}: ${(error as Error).message}`);
    return 1;
  }
  const { result, seconds } = analyze(loaded.input, loaded.seed, history);
  const output = parsed.values.full
    ? { ...result, seconds }
    : {
        groups: result.groups.map((g) => ({ id: g.id, members: g.members })),
        repness: result.repness,
        consensus: result.consensus,
        groupAwareConsensus: result.groupAwareConsensus,
        seconds,
      };
  io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}
