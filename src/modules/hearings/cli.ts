/**
 * `civitas hearings draw <file.json>`: re-runs a sortition from its published inputs, with the same
 * code the server used (./sortition.ts), so anyone can check a hearing's draw.
 *
 * The file is either
 *  - a hearing's draw record, as GET /api/v1/hearings/<id>/draw gives it: the seed is recomputed
 *    from the hearing id, the public value and the applicant list (and compared with the `seed` in
 *    the file, if any), speakers and seats are drawn again, and the outcome is compared with the
 *    file's `result`, if any; or
 *  - a plain draw: { "seed": "...", "applicants": [{ "id": "a", "stratum": "north" }, ...],
 *    "seats": 3, "strata": "proportional" | { "north": 2 } (optional) }.
 * Prints JSON. Exit codes: 0 drawn (and, with a result in the file, it matches), 1 the file cannot
 * be read or drawn from, or the published result or seed does not match, 2 wrong usage.
 */
import fs from 'node:fs';
import { drawHearing, drawSortition, hearingDrawSeed, SortitionError, type DrawResult, type HearingStratification, type Strata } from './sortition.js';

export interface HearingsCliIo {
  stdout(text: string): void;
  stderr(line: string): void;
}

const usage = `Usage: civitas hearings draw <file.json>

The file is a hearing's draw record (GET /api/v1/hearings/<id>/draw) or a plain draw:
  { "seed": "...", "applicants": [{ "id": "a", "stratum": "north" }], "seats": 3, "strata": "proportional" }
Prints the draw as JSON; with a published result in the file, says whether it matches (exit 1 if not).`;

type Json = Record<string, unknown>;

class InputError extends Error {}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function wholeNumber(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new InputError(`"${name}" must be a whole number, 0 or more`);
  return value;
}

function applicantsOf(value: unknown, withSpeak: boolean) {
  if (!Array.isArray(value)) throw new InputError('"applicants" must be a list of { "id", "stratum"' + (withSpeak ? ', "speak" }' : ' }'));
  return value.map((a, i) => {
    if (!isObject(a) || typeof a.id !== 'string') throw new InputError(`applicant ${i + 1} needs an "id" (text)`);
    const stratum = a.stratum === undefined ? 'all' : a.stratum;
    if (typeof stratum !== 'string') throw new InputError(`applicant ${i + 1}: "stratum" must be text`);
    return { id: a.id, stratum, speak: a.speak === true };
  });
}

function strataOf(value: unknown): Strata | null {
  if (value === undefined || value === null || value === 'none') return null;
  if (value === 'proportional') return 'proportional';
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wholeNumber(v, `strata.${k}`)]));
  throw new InputError('"strata" must be "proportional" or an object of seats per stratum');
}

function stratificationOf(value: unknown): HearingStratification {
  if (value === undefined || value === null) return { mode: 'none' };
  if (!isObject(value) || typeof value.mode !== 'string') throw new InputError('"stratification" must be { "mode": "none" | "proportional" | "quotas", "quotas": {...} }');
  if (value.mode === 'none' || value.mode === 'proportional') return { mode: value.mode };
  if (value.mode === 'quotas') {
    const quotas = strataOf(value.quotas);
    if (!quotas || quotas === 'proportional') throw new InputError('"stratification.quotas" must give the seats per stratum');
    return { mode: 'quotas', quotas };
  }
  throw new InputError(`unknown stratification mode "${value.mode}"`);
}

const brief = (r: DrawResult) => ({ selected: r.selected, waiting: r.waiting, order: r.order, quotas: r.quotas });

function sameList(a: unknown, b: string[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Whether a published part of a result (speakers or seats) is what the draw gives. */
function matches(published: unknown, drawn: DrawResult): boolean {
  if (!isObject(published)) return false;
  return sameList(published.order, drawn.order) && sameList(published.selected, drawn.selected) && sameList(published.waiting, drawn.waiting);
}

function runHearingRecord(file: Json): { output: Json; ok: boolean } {
  const hearingId = file.hearingId;
  if (typeof hearingId !== 'string') throw new InputError('"hearingId" must be text');
  const applicants = applicantsOf(file.applicants, true);
  const seats = wholeNumber(file.seats, 'seats');
  const speakingSlots = wholeNumber(file.speakingSlots, 'speakingSlots');
  const stratification = stratificationOf(file.stratification);
  if (file.lot === false) {
    return { output: { hearingId, lot: false, note: 'No lot was drawn: everyone who applied got a place.', applicants: applicants.length }, ok: true };
  }
  let seed: string;
  let seedMatches: boolean | null = null;
  if (typeof file.publicValue === 'string') {
    seed = hearingDrawSeed({ hearingId, publicValue: file.publicValue, applicantIds: applicants.map((a) => a.id) });
    if (typeof file.seed === 'string') seedMatches = file.seed === seed;
  } else if (typeof file.seed === 'string') {
    seed = file.seed;
  } else {
    throw new InputError('the file needs "publicValue" (or "seed") to draw: the public value is known only after registration closed');
  }
  const drawn = drawHearing({ seed, applicants, seats, speakingSlots, stratification });
  const result = isObject(file.result) ? file.result : null;
  const resultMatches = result ? matches(result.speakers, drawn.speakers) && matches(result.seats, drawn.seats) : null;
  const output: Json = {
    algorithm: drawn.algorithm,
    hearingId,
    seed,
    ...(seedMatches !== null ? { seedMatches } : {}),
    speakers: brief(drawn.speakers),
    seats: brief(drawn.seats),
    ...(resultMatches !== null ? { matches: resultMatches } : {}),
  };
  return { output, ok: seedMatches !== false && resultMatches !== false };
}

function runPlain(file: Json): { output: Json; ok: boolean } {
  if (typeof file.seed !== 'string') throw new InputError('"seed" must be text');
  const applicants = applicantsOf(file.applicants, false).map(({ id, stratum }) => ({ id, stratum }));
  const result = drawSortition({ seed: file.seed, applicants, seats: wholeNumber(file.seats, 'seats'), strata: strataOf(file.strata) });
  return { output: { algorithm: result.algorithm, seed: file.seed, ...brief(result), selectedPerStratum: result.selectedPerStratum }, ok: true };
}

export async function runHearingsCli(args: string[], io: HearingsCliIo): Promise<number> {
  const [command, path, ...extra] = args;
  if (command === 'help' || command === '--help') {
    io.stdout(`${usage}\n`);
    return 0;
  }
  if (command !== 'draw' || !path || extra.length > 0) {
    io.stderr(usage);
    return 2;
  }
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (error) {
    io.stderr(`cannot read ${path}: ${(error as Error).message}`);
    return 1;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (!isObject(parsed)) throw new InputError('the file must hold one JSON object');
    const { output, ok } = 'hearingId' in parsed ? runHearingRecord(parsed) : runPlain(parsed);
    io.stdout(`${JSON.stringify(output, null, 2)}\n`);
    if (!ok) io.stderr(output.seedMatches === false ? 'the seed in the file is not the one its inputs give' : 'the published result does not match the draw');
    return ok ? 0 : 1;
  } catch (error) {
    if (error instanceof SyntaxError || error instanceof InputError || error instanceof SortitionError) {
      io.stderr(`${path}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
