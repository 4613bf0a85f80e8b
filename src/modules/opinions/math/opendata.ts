/**
 * Polis openData exports (see shared/data/polis/conversations/OPENDATA-README.md), read into the math
 * input and written back in the newest format. Pure: file texts in, file texts out.
 *
 * - `comments.csv`: timestamp, [datetime], comment-id, author-id, agrees, disagrees, moderated, [is-meta,
 *   is-seed, group-informed-consensus], comment-body. `agrees`/`disagrees` count every vote row, re-votes included.
 * - `votes.csv`: timestamp, [datetime], comment-id, voter-id, vote (agree = 1); may hold re-votes.
 * - `participants-votes.csv`: participant, [xid], group-id, n-comments, n-votes, n-agree, n-disagree, then
 *   one column per comment with the final vote (blank = none); `group-id` is blank when not clustered.
 */
import { formatCsv, parseCsv, parseCsvRecords } from './csv.js';
import type { CommentRecord, MathInput, MathResult, VoteRecord, VoteValue } from './types.js';
import { compareIds, sortVotesAsPolis } from './vote-matrix.js';

export interface OpenDataComment extends CommentRecord {
  author: string;
  body: string;
  time: number;
  isSeed?: boolean;
  agrees?: number;
  disagrees?: number;
  /** `group-informed-consensus` as exported (newest format only) */
  groupInformedConsensus?: number;
}

export interface OpenDataConversation extends MathInput {
  comments: OpenDataComment[];
  /** the group Polis assigned each participant (from participants-votes.csv), when known */
  groups: Map<string, number>;
  /** participants-votes.csv's participant → xid, when present */
  xids: Map<string, string>;
}

export class OpenDataError extends Error {}

function toVote(text: string, where: string): VoteValue {
  const v = Number(text);
  if (v === 1 || v === -1 || v === 0) return v;
  throw new OpenDataError(`${where}: a vote must be -1, 0 or 1, got "${text}"`);
}

function requireColumns(header: readonly string[], names: readonly string[], file: string): void {
  const missing = names.filter((name) => !header.includes(name));
  if (missing.length > 0) throw new OpenDataError(`${file} lacks column(s): ${missing.join(', ')}`);
}

/** Reads comments.csv. */
export function readOpenDataComments(text: string): OpenDataComment[] {
  const { header, records } = parseCsvRecords(text);
  requireColumns(header, ['comment-id', 'moderated'], 'comments.csv');
  return records.map((r) => {
    const moderated = Number(r['moderated']);
    const comment: OpenDataComment = {
      id: r['comment-id']!,
      moderated: moderated === -1 ? -1 : moderated === 1 ? 1 : 0,
      isMeta: r['is-meta'] === 'true',
      author: r['author-id'] ?? '',
      body: r['comment-body'] ?? '',
      time: Number(r['timestamp'] ?? 0) || 0,
    };
    if (r['is-seed'] !== undefined) comment.isSeed = r['is-seed'] === 'true';
    if (r['agrees'] !== undefined && r['agrees'] !== '') comment.agrees = Number(r['agrees']);
    if (r['disagrees'] !== undefined && r['disagrees'] !== '') comment.disagrees = Number(r['disagrees']);
    const gic = r['group-informed-consensus'];
    if (gic !== undefined && gic !== '') comment.groupInformedConsensus = Number(gic);
    return comment;
  });
}

/** Reads votes.csv (every vote row, re-votes included). */
export function readOpenDataVotes(text: string): VoteRecord[] {
  const { header, records } = parseCsvRecords(text);
  requireColumns(header, ['comment-id', 'voter-id', 'vote'], 'votes.csv');
  return records.map((r, i) => ({
    participant: r['voter-id']!,
    comment: r['comment-id']!,
    vote: toVote(r['vote']!, `votes.csv line ${i + 2}`),
    time: Number(r['timestamp'] ?? 0) || 0,
  }));
}

/** Reads participants-votes.csv: final votes (without times), Polis's group and xid per participant. */
export function readOpenDataParticipantVotes(text: string): { votes: VoteRecord[]; groups: Map<string, number>; xids: Map<string, string> } {
  const [header = [], ...rows] = parseCsv(text);
  requireColumns(header, ['participant', 'group-id', 'n-disagree'], 'participants-votes.csv');
  const first = header.indexOf('n-disagree') + 1;
  const pIndex = header.indexOf('participant');
  const gIndex = header.indexOf('group-id');
  const xIndex = header.indexOf('xid');
  const votes: VoteRecord[] = [];
  const groups = new Map<string, number>();
  const xids = new Map<string, string>();
  rows.forEach((row, i) => {
    if (row.length === 1 && row[0] === '') return;
    const participant = row[pIndex]!;
    const group = row[gIndex] ?? '';
    if (group !== '') groups.set(participant, Number(group));
    if (xIndex >= 0 && row[xIndex]) xids.set(participant, row[xIndex]!);
    for (let c = first; c < header.length; c++) {
      const cell = row[c] ?? '';
      if (cell === '') continue;
      votes.push({ participant, comment: header[c]!, vote: toVote(cell, `participants-votes.csv line ${i + 2}`), time: 0 });
    }
  });
  return { votes, groups, xids };
}

/**
 * Reads a conversation folder's files. Votes come from votes.csv, or from participants-votes.csv when
 * votes.csv is missing (final votes only, no times).
 */
export function readOpenData(files: { comments: string; votes?: string; participantsVotes?: string }): OpenDataConversation {
  const comments = readOpenDataComments(files.comments);
  const matrix = files.participantsVotes !== undefined ? readOpenDataParticipantVotes(files.participantsVotes) : undefined;
  let votes: VoteRecord[];
  if (files.votes !== undefined) votes = readOpenDataVotes(files.votes);
  else if (matrix) votes = matrix.votes;
  else throw new OpenDataError('a conversation needs votes.csv or participants-votes.csv');
  return { votes, comments, groups: matrix?.groups ?? new Map(), xids: matrix?.xids ?? new Map() };
}

/**
 * Pseudonymous participant numbers for an export: 0, 1, 2, ... in order of first vote (authors who never
 * voted after them, in comment order), so that no account id leaves the platform.
 */
export function pseudonymize(votes: readonly VoteRecord[], comments: readonly { author: string; time: number }[] = []): Map<string, string> {
  const ids = new Map<string, string>();
  const ordered = [...votes].sort((a, b) => a.time - b.time || compareIds(a.participant, b.participant));
  for (const v of ordered) if (!ids.has(v.participant)) ids.set(v.participant, String(ids.size));
  for (const c of [...comments].sort((a, b) => a.time - b.time)) if (c.author !== '' && !ids.has(c.author)) ids.set(c.author, String(ids.size));
  return ids;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Java's `Date.toString()` shape that Polis exports use, in UTC: "Fri Sep 20 19:29:43 UTC 2024". */
export function polisDateTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

export interface OpenDataExportInput {
  comments: readonly OpenDataComment[];
  /** every vote row, re-votes included */
  votes: readonly VoteRecord[];
  /** the math result, for group ids and group-informed consensus */
  result?: MathResult;
  /** participant id → exported id; defaults to `pseudonymize(votes, comments)` */
  pseudonyms?: ReadonlyMap<string, string>;
}

/** Writes comments.csv, votes.csv and participants-votes.csv in the newest openData format. */
export function writeOpenData(input: OpenDataExportInput): { 'comments.csv': string; 'votes.csv': string; 'participants-votes.csv': string } {
  const alias = input.pseudonyms ?? pseudonymize(input.votes, input.comments);
  const name = (id: string) => {
    const out = alias.get(id);
    if (out === undefined) throw new OpenDataError(`no pseudonym for participant ${id}`);
    return out;
  };
  const agrees = new Map<string, number>();
  const disagrees = new Map<string, number>();
  for (const v of input.votes) {
    if (v.vote === 1) agrees.set(v.comment, (agrees.get(v.comment) ?? 0) + 1);
    if (v.vote === -1) disagrees.set(v.comment, (disagrees.get(v.comment) ?? 0) + 1);
  }
  const gic = input.result?.groupAwareConsensus ?? {};
  const comments = [...input.comments].sort((a, b) => b.time - a.time || compareIds(a.id, b.id));
  const commentsCsv = formatCsv([
    ['timestamp', 'comment-id', 'author-id', 'agrees', 'disagrees', 'moderated', 'is-meta', 'is-seed', 'group-informed-consensus', 'comment-body'],
    ...comments.map((c) => [
      c.time,
      c.id,
      c.author === '' ? '' : name(c.author),
      agrees.get(c.id) ?? 0,
      disagrees.get(c.id) ?? 0,
      c.moderated,
      c.isMeta ? 'true' : 'false',
      c.isSeed ? 'true' : 'false',
      Object.hasOwn(gic, c.id) ? gic[c.id] : '',
      c.body,
    ]),
  ]);

  const votesSorted = [...input.votes].sort((a, b) => compareIds(a.comment, b.comment) || a.time - b.time || compareIds(name(a.participant), name(b.participant)));
  const votesCsv = formatCsv([
    ['timestamp', 'datetime', 'comment-id', 'voter-id', 'vote'],
    ...votesSorted.map((v) => [v.time, polisDateTime(v.time), v.comment, name(v.participant), v.vote]),
  ]);

  // The final vote per participant and comment: the last one, in Polis's order.
  const final = new Map<string, Map<string, VoteValue>>();
  for (const v of sortVotesAsPolis(input.votes)) {
    let row = final.get(v.participant);
    if (!row) final.set(v.participant, (row = new Map()));
    row.set(v.comment, v.vote);
  }
  const commentIds = [...new Set(input.comments.map((c) => c.id))].sort(compareIds);
  const authored = new Map<string, number>();
  for (const c of input.comments) if (c.author !== '') authored.set(c.author, (authored.get(c.author) ?? 0) + 1);
  const groupOf = new Map<string, number>();
  for (const g of input.result?.groups ?? []) for (const member of g.members) groupOf.set(member, g.id);
  const participants = [...new Set([...final.keys(), ...authored.keys()])].sort((a, b) => compareIds(name(a), name(b)));
  const pvCsv = formatCsv([
    ['participant', 'xid', 'group-id', 'n-comments', 'n-votes', 'n-agree', 'n-disagree', ...commentIds],
    ...participants.map((p) => {
      const row = final.get(p) ?? new Map<string, VoteValue>();
      let agree = 0;
      let disagree = 0;
      for (const v of row.values()) {
        if (v === 1) agree++;
        if (v === -1) disagree++;
      }
      return [name(p), '', groupOf.get(p) ?? '', authored.get(p) ?? 0, row.size, agree, disagree, ...commentIds.map((c) => row.get(c) ?? '')];
    }),
  ]);
  return { 'comments.csv': commentsCsv, 'votes.csv': votesCsv, 'participants-votes.csv': pvCsv };
}
