import type { Executor } from '../db/database.js';

/**
 * What a module tells about each department's record for the public scorecards (issue 9): answers
 * on time, spend against plan, substantiated complaints, ... Each module computes its own figures
 * from its own records; the scorecards page composes whatever modules are present, so a city that
 * does not run a module simply has no row for it.
 */
export interface DepartmentMetric {
  /** Stable, module-prefixed: `questions.on_time_share`, `requests.refusal_rate`, ... */
  key: string;
  /** Short label for tables and charts, in both languages. */
  label: { en: string; zh: string };
  /** Null when there is nothing to measure yet (no question was due in the period). */
  value: number | null;
  /** How to show the value: a share 0..1 as a percentage, a count, working days, a 1..5 rating, money in the installation's currency. */
  unit: 'share' | 'count' | 'days' | 'rating' | 'money';
  /** Which direction is good, for colouring and ranking. */
  better: 'higher' | 'lower';
  /** How many records the value is computed from (shown as "of n"); 0 with a null value. */
  basis: number;
}

export interface DepartmentMetricsSource {
  /** The figures of each department in [from, to), by department id (departments without records may be absent). */
  metrics(db: Executor, input: { departmentIds: string[]; from: Date; to: Date }): Promise<Map<string, DepartmentMetric[]>>;
}
