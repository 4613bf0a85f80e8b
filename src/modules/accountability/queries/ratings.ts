import { sql } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import type { RatingRound } from '../tables.js';

export interface CriterionAggregate {
  average: number | null;
  /** How many ratings gave 1, 2, 3, 4 and 5. */
  distribution: [number, number, number, number, number];
}

export interface RoundAggregate {
  round: RatingRound;
  count: number;
  benefit: CriterionAggregate;
  valueForMoney: CriterionAggregate;
  openness: CriterionAggregate;
  delivered: CriterionAggregate;
  comments: number;
}

const CRITERIA = [
  ['benefit', 'benefit'],
  ['valueForMoney', 'value_for_money'],
  ['openness', 'openness'],
  ['delivered', 'delivered'],
] as const;

function emptyRound(round: RatingRound): RoundAggregate {
  const empty = (): CriterionAggregate => ({ average: null, distribution: [0, 0, 0, 0, 0] });
  return { round, count: 0, benefit: empty(), valueForMoney: empty(), openness: empty(), delivered: empty(), comments: 0 };
}

/**
 * Exact aggregates of the ratings of commitments, per round: counts of each score per criterion
 * (the averages follow from them), computed in SQL from the ratings themselves at read time, so
 * concurrent ratings can never leave a stale or drifting counter. Never says who rated.
 */
export async function ratingAggregates(db: Executor, commitmentIds: string[]): Promise<Map<string, RoundAggregate[]>> {
  const out = new Map<string, RoundAggregate[]>();
  for (const id of commitmentIds) out.set(id, [emptyRound('after_start'), emptyRound('after_completion')]);
  if (commitmentIds.length === 0) return out;
  const rows = await db
    .selectFrom('commitment_ratings')
    .select([
      'commitment_id',
      'round',
      sql<number>`count(*)::int`.as('n'),
      sql<number>`count(comment)::int`.as('comments'),
      ...CRITERIA.flatMap(([, column]) =>
        [1, 2, 3, 4, 5].map((score) => sql<number>`count(*) filter (where ${sql.ref(column)} = ${score})::int`.as(`${column}_${score}`)),
      ),
    ])
    .where('commitment_id', 'in', commitmentIds)
    .groupBy(['commitment_id', 'round'])
    .execute();
  for (const r of rows as unknown as Record<string, number | string>[]) {
    const rounds = out.get(r.commitment_id as string)!;
    const agg = rounds.find((x) => x.round === r.round)!;
    agg.count = Number(r.n);
    agg.comments = Number(r.comments);
    for (const [key, column] of CRITERIA) {
      const distribution = [1, 2, 3, 4, 5].map((s) => Number(r[`${column}_${s}`])) as CriterionAggregate['distribution'];
      const total = distribution.reduce((a, b) => a + b, 0);
      const sum = distribution.reduce((a, n, i) => a + n * (i + 1), 0);
      agg[key] = { average: total > 0 ? sum / total : null, distribution };
    }
  }
  return out;
}

/** The average "benefit to daily life" over every rating of every round, and how many ratings. */
export function benefitOverall(rounds: RoundAggregate[]): { average: number | null; count: number } {
  let count = 0;
  let sum = 0;
  for (const r of rounds) {
    r.benefit.distribution.forEach((n, i) => {
      count += n;
      sum += n * (i + 1);
    });
  }
  return { average: count > 0 ? sum / count : null, count };
}
