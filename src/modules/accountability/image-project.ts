/**
 * The "image project" flag: a program that spends a lot compared with its peers while the residents
 * it serves rate its benefit to their daily life low. Pure (no database), so the rule can be tested,
 * explained on the page and recomputed by anyone from the open data.
 *
 * The formula, with its configurable parameters (an administrator's setting):
 * 1. Peers: the commitments of the same kind (commitment or innovation program) at the same area
 *    level (the whole installation, a city, a district, a neighbourhood), not cancelled.
 * 2. The spending measure is money spent to date (`basis: 'spent'`) or the planned budget
 *    (`basis: 'planned'`). It is "high" when it is positive and at or above the `spendQuantile`
 *    quantile (0.75: the top quartile) of the peers' measures, linearly interpolated; a group needs
 *    at least `minPeers` commitments for the comparison to mean anything.
 * 3. The benefit is "low" when the average "benefit to daily life" rating (1-5, every rating of
 *    every round) is below `benefitThreshold`, from at least `minRatings` ratings.
 * 4. Flagged when both hold.
 */
import type { Executor } from '../../core/db/database.js';
import { writeSetting } from '../../core/settings.js';
import type { CommitmentKind } from './tables.js';

export interface ImageFormula {
  basis: 'spent' | 'planned';
  spendQuantile: number;
  minPeers: number;
  benefitThreshold: number;
  minRatings: number;
}

export const DEFAULT_IMAGE_FORMULA: ImageFormula = { basis: 'spent', spendQuantile: 0.75, minPeers: 3, benefitThreshold: 2.5, minRatings: 5 };
export const IMAGE_FORMULA_SETTING = 'accountability.image_formula';

export interface ImageCandidate {
  id: string;
  kind: CommitmentKind;
  /** `none` (installation-wide), `city`, `district`, `neighbourhood`. */
  areaLevel: string;
  cancelled: boolean;
  spent: number;
  plannedBudget: number;
  benefitAverage: number | null;
  ratings: number;
}

export interface ImageAssessment {
  flagged: boolean;
  spendMeasure: number;
  peers: number;
  /** The quantile of the peers' measures the spending is compared with (null: too few peers). */
  peerThreshold: number | null;
  spendHigh: boolean;
  benefitAverage: number | null;
  ratings: number;
  benefitLow: boolean;
}

/** The q-quantile of values (linear interpolation between closest ranks, as in a spreadsheet's PERCENTILE.INC). */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

export function peerGroupOf(c: Pick<ImageCandidate, 'kind' | 'areaLevel'>): string {
  return `${c.kind}/${c.areaLevel}`;
}

/** Assesses every candidate against its peers. Cancelled ones are never flagged nor peers. */
export function assessImageProjects(candidates: ImageCandidate[], formula: ImageFormula): Map<string, ImageAssessment> {
  const measure = (c: ImageCandidate) => (formula.basis === 'spent' ? c.spent : c.plannedBudget);
  const groups = new Map<string, number[]>();
  for (const c of candidates) {
    if (c.cancelled) continue;
    const list = groups.get(peerGroupOf(c)) ?? [];
    list.push(measure(c));
    groups.set(peerGroupOf(c), list);
  }
  const out = new Map<string, ImageAssessment>();
  for (const c of candidates) {
    const values = c.cancelled ? [] : (groups.get(peerGroupOf(c)) ?? []);
    const enough = values.length >= formula.minPeers;
    const threshold = enough ? quantile(values, formula.spendQuantile) : null;
    const value = measure(c);
    const spendHigh = !c.cancelled && threshold !== null && value > 0 && value >= threshold;
    const benefitLow = c.benefitAverage !== null && c.ratings >= formula.minRatings && c.benefitAverage < formula.benefitThreshold;
    out.set(c.id, { flagged: spendHigh && benefitLow, spendMeasure: value, peers: values.length, peerThreshold: threshold, spendHigh, benefitAverage: c.benefitAverage, ratings: c.ratings, benefitLow });
  }
  return out;
}

/** The formula in force (the defaults until an administrator sets it). */
export async function loadImageFormula(db: Executor): Promise<ImageFormula> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', IMAGE_FORMULA_SETTING).executeTakeFirst();
  return { ...DEFAULT_IMAGE_FORMULA, ...((row?.value as Partial<ImageFormula> | undefined) ?? {}) };
}

export async function saveImageFormula(db: Executor, formula: ImageFormula): Promise<void> {
  await writeSetting(db, IMAGE_FORMULA_SETTING, formula);
}
