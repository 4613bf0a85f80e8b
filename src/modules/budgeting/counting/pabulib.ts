/**
 * Reading and writing Pabulib (.pb) files, the open format of participatory-budgeting data
 * (pabulib.org; Stolicki, Szufa, Talmon, arXiv:2012.06539). Text in, values out: no file system.
 */
import { fail, ok, type Result } from '../../../core/errors.js';
import { PabulibError } from './errors.js';
import type { Election, VoteType } from './types.js';

export interface PabulibProject {
  /** Compared as a string (pabutools' tie-breaking). */
  id: string;
  cost: number;
  name?: string;
  /** The `category` (or `categories`) column, split on commas. */
  category?: string[];
  /** The `target` (or `targets`) column, split on commas. */
  target?: string[];
  votes?: number;
  score?: number;
  /** 1 selected, 0 not; 2 and 3 mark special cases explained in the file's `comment`. */
  selected?: number;
  latitude?: number;
  longitude?: number;
  district?: string;
  description?: string;
  proposer?: string;
  /** Every other column, as text (`None` left out). */
  extra: Record<string, string>;
}

export interface PabulibBallot {
  voterId: string;
  /** Approved or ranked project ids, in the file's order (most preferred first for ordinal ballots). */
  projects: string[];
  /** Aligned with `projects` for cumulative and scoring ballots. */
  points?: number[];
  /** The other voter columns (age, sex, voting_method, district, ...), as text; `None` left out. */
  attributes: Record<string, string>;
}

export interface PabulibFile {
  /** Every META key as written (values trimmed). */
  meta: Record<string, string>;
  /** `choose-1` is read as `approval`; `meta.vote_type` keeps the original. */
  voteType: VoteType;
  budget: number;
  projects: PabulibProject[];
  ballots: PabulibBallot[];
  /** Column names of the PROJECTS and VOTES sections, in file order. */
  projectColumns: string[];
  voterColumns: string[];
  /** Things that are odd but do not stop the reading (num_votes that does not match, ...). */
  warnings: string[];
}

interface CsvRecord {
  fields: string[];
  line: number;
}

/** Splits the text into `;`-separated records with CSV quoting; quoted fields may span lines. */
function* csvRecords(text: string): Generator<CsvRecord> {
  const length = text.length;
  let pos = 0;
  let line = 1;
  while (pos < length) {
    const start = line;
    let end = text.indexOf('\n', pos);
    if (end < 0) end = length;
    let lineText = text.slice(pos, end);
    if (lineText.endsWith('\r')) lineText = lineText.slice(0, -1);
    if (!lineText.includes('"')) {
      // The common case: no quoting on this line.
      pos = end + 1;
      line += 1;
      yield { fields: lineText.split(';'), line: start };
      continue;
    }
    // Quoted fields: scan character by character, possibly over several lines.
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let atFieldStart = true;
    let i = pos;
    for (;;) {
      if (i >= length) {
        if (quoted) throw new PabulibError(start, 'a quoted field is not closed');
        fields.push(field);
        pos = length;
        break;
      }
      const ch = text[i]!;
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            quoted = false;
            i += 1;
          }
        } else {
          if (ch === '\n') line += 1;
          field += ch;
          i += 1;
        }
        continue;
      }
      if (ch === '"' && atFieldStart) {
        quoted = true;
        atFieldStart = false;
        i += 1;
      } else if (ch === ';') {
        fields.push(field);
        field = '';
        atFieldStart = true;
        i += 1;
      } else if (ch === '\n' || ch === '\r') {
        fields.push(field);
        if (ch === '\r' && text[i + 1] === '\n') i += 1;
        pos = i + 1;
        line += 1;
        break;
      } else {
        field += ch;
        atFieldStart = false;
        i += 1;
      }
    }
    yield { fields, line: start };
  }
}

const sectionTitles = new Set(['meta', 'projects', 'votes']);

function isBlank(fields: string[]): boolean {
  return fields.every((f) => f.trim() === '');
}

function missing(value: string | undefined): boolean {
  return value === undefined || value === '' || (value.length === 4 && value.toLowerCase() === 'none');
}

/** trim() only when there is something to trim (most fields have nothing). */
function clean(value: string): string {
  const last = value.length - 1;
  return last >= 0 && (value.charCodeAt(0) <= 32 || value.charCodeAt(last) <= 32) ? value.trim() : value;
}

/** Comma-separated project ids, trimmed, empty entries left out. */
function idList(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const comma = text.indexOf(',', from);
    const id = clean(comma < 0 ? text.slice(from) : text.slice(from, comma));
    if (id !== '') out.push(id);
    if (comma < 0) return out;
    from = comma + 1;
  }
}

/** True when some id appears twice (short lists: compare pairs; long ones: a set). */
function hasDuplicates(ids: string[]): boolean {
  if (ids.length > 16) return new Set(ids).size !== ids.length;
  for (let i = 1; i < ids.length; i += 1) for (let k = 0; k < i; k += 1) if (ids[i] === ids[k]) return true;
  return false;
}

/** A decimal number written with `.` or `,` as the separator (`2532645.83`, `12,5`); null when it is not one. */
export function parseDecimal(text: string): number | null {
  const t = text.trim();
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) return null;
  const value = Number(t.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

function parseNumberList(text: string, line: number, what: string): number[] {
  return text.split(',').map((part) => {
    const value = parseDecimal(part);
    if (value === null) throw new PabulibError(line, `${what}: "${part.trim()}" is not a number`);
    return value;
  });
}

function voteTypeOf(raw: string | undefined): VoteType {
  const value = (raw ?? '').trim().toLowerCase();
  if (value === 'approval' || value === 'choose-1') return 'approval';
  if (value === 'cumulative' || value === 'scoring' || value === 'ordinal') return value;
  throw new PabulibError(0, raw ? `unknown vote_type "${raw}" (expected approval, choose-1, cumulative, scoring or ordinal)` : 'META has no vote_type');
}

/**
 * Reads a .pb text. Accepts a BOM, section titles in any case, CSV quoting with `;`, blank lines,
 * `None` for missing values and `,` as a decimal separator. Throws `PabulibError` (with the line)
 * for anything it cannot read: missing sections or columns, unknown projects in a vote, points
 * that do not match the vote, duplicate project ids, costs that are not numbers.
 */
export function parsePabulib(input: string): PabulibFile {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const meta: Record<string, string> = {};
  const projects: PabulibProject[] = [];
  const ballots: PabulibBallot[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  let section: 'meta' | 'projects' | 'votes' | null = null;
  let header: string[] | null = null;
  let projectColumns: string[] = [];
  let voterColumns: string[] = [];
  let voteType: VoteType | null = null;
  let projectIds: Set<string> | null = null;
  let voteIndex = -1;
  let pointsIndex = -1;
  let voterIndex = -1;
  const sectionsSeen = new Set<string>();

  for (const { fields, line } of csvRecords(text)) {
    if (isBlank(fields)) continue;
    const head = fields[0]!;
    const first = head.length <= 16 ? head.trim().toLowerCase() : '';
    if (sectionTitles.has(first) && fields.slice(1).every((f) => f.trim() === '')) {
      if (sectionsSeen.has(first)) throw new PabulibError(line, `the ${first.toUpperCase()} section appears twice`);
      sectionsSeen.add(first);
      section = first as 'meta' | 'projects' | 'votes';
      header = null;
      continue;
    }
    if (section === null) throw new PabulibError(line, 'text before the META section');
    if (header === null) {
      header = fields.map((f) => f.trim());
      if (section === 'projects') {
        projectColumns = header;
        if (!header.includes('project_id') || !header.includes('cost')) {
          throw new PabulibError(line, 'the PROJECTS header needs project_id and cost columns');
        }
      } else if (section === 'votes') {
        voterColumns = header;
        voterIndex = header.indexOf('voter_id');
        voteIndex = header.indexOf('vote');
        pointsIndex = header.indexOf('points');
        if (voterIndex < 0 || voteIndex < 0) throw new PabulibError(line, 'the VOTES header needs voter_id and vote columns');
      }
      continue;
    }
    if (fields.length > header.length && !isBlank(fields.slice(header.length))) {
      throw new PabulibError(line, `${fields.length} fields but the header has ${header.length}`);
    }
    if (section === 'meta') {
      const key = fields[0]!.trim();
      const value = (fields[1] ?? '').trim();
      if (key !== '') meta[key] = value;
      continue;
    }
    if (section === 'projects') {
      const project: PabulibProject = { id: '', cost: 0, extra: {} };
      for (let c = 0; c < header.length; c += 1) {
        const key = header[c]!;
        const raw = fields[c];
        if (raw === undefined) continue;
        const value = raw.trim();
        if (key === 'project_id') {
          project.id = value;
          continue;
        }
        if (missing(value)) continue;
        switch (key) {
          case 'cost': {
            const cost = parseDecimal(value);
            if (cost === null || cost < 0) throw new PabulibError(line, `project cost "${value}" is not a non-negative number`);
            project.cost = cost;
            break;
          }
          case 'name':
          case 'district':
          case 'description':
          case 'proposer':
            project[key] = value;
            break;
          case 'category':
          case 'categories':
            project.category = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
            break;
          case 'target':
          case 'targets':
            project.target = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
            break;
          case 'votes':
          case 'score':
          case 'selected':
          case 'latitude':
          case 'longitude': {
            const number = parseDecimal(value);
            if (number === null) throw new PabulibError(line, `project ${key} "${value}" is not a number`);
            project[key] = number;
            break;
          }
          default:
            project.extra[key] = value;
        }
      }
      if (project.id === '' || missing(project.id)) throw new PabulibError(line, 'a project has no project_id');
      const costIndex = header.indexOf('cost');
      if (missing(fields[costIndex]?.trim())) throw new PabulibError(line, `project ${project.id} has no cost`);
      if (seen.has(project.id)) throw new PabulibError(line, `project ${project.id} appears twice`);
      seen.add(project.id);
      projects.push(project);
      continue;
    }
    // VOTES
    if (voteType === null) voteType = voteTypeOf(meta.vote_type);
    if (projectIds === null) projectIds = new Set(projects.map((p) => p.id));
    const voterId = clean(fields[voterIndex] ?? '');
    const voteText = clean(fields[voteIndex] ?? '');
    const ids = missing(voteText) ? [] : idList(voteText);
    for (const id of ids) {
      if (!projectIds.has(id)) throw new PabulibError(line, `voter ${voterId} votes for unknown project "${id}"`);
    }
    const ballot: PabulibBallot = { voterId, projects: ids, attributes: {} };
    if (hasDuplicates(ids)) {
      if (voteType !== 'approval') throw new PabulibError(line, `voter ${voterId} lists a project twice`);
      ballot.projects = [...new Set(ids)];
    }
    const pointsText = pointsIndex >= 0 ? clean(fields[pointsIndex] ?? '') : '';
    if (voteType === 'cumulative' || voteType === 'scoring') {
      const points = missing(pointsText) ? [] : parseNumberList(pointsText, line, 'points');
      if (points.length !== ids.length) {
        throw new PabulibError(line, `voter ${voterId} has ${ids.length} projects but ${points.length} points`);
      }
      ballot.points = points;
    } else if (!missing(pointsText)) {
      const points = parseNumberList(pointsText, line, 'points');
      if (points.length !== ids.length) {
        throw new PabulibError(line, `voter ${voterId} has ${ids.length} projects but ${points.length} points`);
      }
      ballot.points = points;
    }
    for (let c = 0; c < header.length; c += 1) {
      if (c === voterIndex || c === voteIndex || c === pointsIndex) continue;
      const raw = fields[c];
      const value = raw === undefined ? undefined : clean(raw);
      if (value !== undefined && !missing(value)) ballot.attributes[header[c]!] = value;
    }
    ballots.push(ballot);
  }

  for (const name of ['meta', 'projects', 'votes']) {
    if (!sectionsSeen.has(name)) throw new PabulibError(0, `the file has no ${name.toUpperCase()} section`);
  }
  const resolvedType = voteType ?? voteTypeOf(meta.vote_type);
  if (meta.budget === undefined || missing(meta.budget)) throw new PabulibError(0, 'META has no budget');
  const budget = parseDecimal(meta.budget);
  if (budget === null || budget < 0) throw new PabulibError(0, `the budget "${meta.budget}" is not a non-negative number`);
  if (meta.num_votes !== undefined && Number(meta.num_votes) !== ballots.length) {
    warnings.push(`num_votes is ${meta.num_votes} but the file has ${ballots.length} votes`);
  }
  if (meta.num_projects !== undefined && Number(meta.num_projects) !== projects.length) {
    warnings.push(`num_projects is ${meta.num_projects} but the file has ${projects.length} projects`);
  }
  return { meta, voteType: resolvedType, budget, projects, ballots, projectColumns, voterColumns, warnings };
}

/** `parsePabulib` as a value: `pabulib_malformed` with the line and the reason. */
export function tryParsePabulib(text: string): Result<PabulibFile, 'pabulib_malformed'> {
  try {
    return ok(parsePabulib(text));
  } catch (error) {
    if (error instanceof PabulibError) return fail('pabulib_malformed', { params: { line: error.line, reason: error.reason } });
    throw error;
  }
}

/** The election a counting rule needs: budget, vote type, project costs and ballots. */
export function electionFromPabulib(file: PabulibFile): Election {
  return {
    budget: file.budget,
    voteType: file.voteType,
    projects: file.projects.map((p) => ({ id: p.id, cost: p.cost })),
    ballots: file.ballots.map((b) => (b.points ? { projects: b.projects, points: b.points } : { projects: b.projects })),
  };
}

function csvField(value: string): string {
  return /[;"\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

function numberText(value: number): string {
  return Number.isInteger(value) ? String(value) : String(value);
}

/** A deterministic generator (mulberry32) so exports and lotteries can be reproduced from their seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface WritePabulibOptions {
  /** Seeds the shuffle of the ballots before they are numbered 1..n. */
  seed: number;
}

/**
 * An anonymized .pb text: META and PROJECTS as read (num_votes and num_projects recomputed), and
 * VOTES with only voter_id, vote and (for cumulative and scoring files) points. The ballots are
 * shuffled with the seed and renumbered 1..n, so neither the original ids nor the order of voting
 * can be traced back; no voter attribute is written.
 */
export function writePabulib(file: PabulibFile, options: WritePabulibOptions): string {
  const lines: string[] = ['META', 'key;value'];
  const meta: Record<string, string> = { ...file.meta, num_projects: String(file.projects.length), num_votes: String(file.ballots.length) };
  for (const [key, value] of Object.entries(meta)) lines.push(`${csvField(key)};${csvField(value)}`);

  lines.push('PROJECTS');
  const columns = ['project_id', 'cost'];
  const optional = ['votes', 'score', 'name', 'category', 'target', 'selected', 'district', 'latitude', 'longitude', 'description', 'proposer'] as const;
  for (const key of optional) if (file.projects.some((p) => p[key] !== undefined)) columns.push(key);
  const extraColumns = [...new Set(file.projects.flatMap((p) => Object.keys(p.extra)))];
  columns.push(...extraColumns);
  lines.push(columns.join(';'));
  for (const p of file.projects) {
    const cells = columns.map((column) => {
      if (column === 'project_id') return p.id;
      if (column === 'cost') return numberText(p.cost);
      const value = (p as unknown as Record<string, unknown>)[column] ?? p.extra[column];
      if (value === undefined) return 'None';
      if (Array.isArray(value)) return value.join(',');
      return typeof value === 'number' ? numberText(value) : String(value);
    });
    lines.push(cells.map(csvField).join(';'));
  }

  lines.push('VOTES');
  const withPoints = file.voteType === 'cumulative' || file.voteType === 'scoring';
  lines.push(withPoints ? 'voter_id;vote;points' : 'voter_id;vote');
  const order = file.ballots.map((_, i) => i);
  const random = seededRandom(options.seed);
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  order.forEach((index, k) => {
    const ballot = file.ballots[index]!;
    const vote = csvField(ballot.projects.join(','));
    lines.push(withPoints ? `${k + 1};${vote};${(ballot.points ?? []).map(numberText).join(',')}` : `${k + 1};${vote}`);
  });
  return `${lines.join('\n')}\n`;
}
