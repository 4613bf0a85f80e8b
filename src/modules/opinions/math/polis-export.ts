/**
 * Readers for the JSON a Polis server hands out for a conversation: `votes.json` and `comments.json`
 * (as in shared/data/polis/fixtures, agree = +1) and the math worker's stored output `math-pca2.json`
 * (in Polis's internal sign, agree = -1). Pure: texts in, data out.
 */
import type { MathSeed } from './conversation.js';
import type { CommentRecord, MathInput, VoteRecord, VoteValue } from './types.js';

export class PolisExportError extends Error {}

type Json = Record<string, unknown>;

function asArray(text: string, file: string): Json[] {
  const data: unknown = JSON.parse(text);
  if (!Array.isArray(data)) throw new PolisExportError(`${file} is not a JSON array`);
  return data as Json[];
}

function field(row: Json, names: readonly string[], file: string): unknown {
  for (const name of names) if (row[name] !== undefined && row[name] !== null) return row[name];
  throw new PolisExportError(`${file}: a row lacks ${names.join(' / ')}`);
}

/** Reads Polis's `votes.json` and `comments.json` (keys `pid`/`participant_id`, `tid`/`statement_id`, `mod`/`moderated`). */
export function readPolisExport(files: { votes: string; comments: string }): MathInput {
  const votes: VoteRecord[] = asArray(files.votes, 'votes.json').map((row) => {
    const vote = Number(field(row, ['vote'], 'votes.json'));
    if (vote !== 1 && vote !== -1 && vote !== 0) throw new PolisExportError(`votes.json: bad vote ${String(vote)}`);
    return {
      participant: String(field(row, ['pid', 'participant_id'], 'votes.json')),
      comment: String(field(row, ['tid', 'statement_id'], 'votes.json')),
      vote: vote as VoteValue,
      time: Number(row['modified'] ?? row['created'] ?? 0),
    };
  });
  const comments: CommentRecord[] = asArray(files.comments, 'comments.json').map((row) => {
    const mod = Number(field(row, ['mod', 'moderated'], 'comments.json'));
    return {
      id: String(field(row, ['tid', 'statement_id'], 'comments.json')),
      moderated: mod === -1 ? -1 : mod === 1 ? 1 : 0,
      isMeta: row['is_meta'] === true,
    };
  });
  return { votes, comments };
}

/** The parts of Polis's `math-pca2.json` that tests and imports use, converted to agree = +1. */
export interface PolisMath {
  raw: Json;
  inConv: string[];
  tids: string[];
  seed: MathSeed;
  groups: { id: number; baseClusters: number[]; members: string[] }[];
}

/** Reads `math-pca2.json`; the seed restores what Polis restores after a restart (`load-or-init`). */
export function readPolisMath(text: string): PolisMath {
  const raw = JSON.parse(text) as Json;
  const inConv = ((raw['in-conv'] as number[] | undefined) ?? []).map(String);
  const tids = ((raw['tids'] as number[] | undefined) ?? []).map(String);
  const pca = raw['pca'] as { comps?: number[][] } | undefined;
  const folded = raw['base-clusters'] as { id: number[]; members: number[][]; x: number[]; y: number[] } | undefined;
  const baseClusters = folded
    ? folded.id.map((id, i) => ({
        id,
        members: folded.members[i]!.map(String),
        center: [-folded.x[i]!, -folded.y[i]!] as [number, number],
      }))
    : [];
  const memberOf = new Map(baseClusters.map((b) => [b.id, b.members]));
  const groups = ((raw['group-clusters'] as { id: number; members: number[] }[] | undefined) ?? []).map((g) => ({
    id: g.id,
    baseClusters: [...g.members],
    members: g.members.flatMap((bid) => memberOf.get(bid) ?? []),
  }));
  const seed: MathSeed = { clustered: inConv, baseClusters };
  if (pca?.comps) seed.pca = { comments: tids, comps: pca.comps };
  return { raw, inConv, tids, seed, groups };
}
