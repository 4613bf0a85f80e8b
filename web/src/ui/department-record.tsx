/**
 * Pieces of a department's public record page (questions, requests): the last day before a
 * deadline, shares as percentages, one figure of the numbers list, and one item of a list of
 * linked items with their state.
 */
import { useCallback, useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useLocalize } from './localize.js';

/** The last day of a deadline (the due instant is the midnight after it). */
export function dueDay(dueAt: string): string {
  return new Date(new Date(dueAt).getTime() - 1).toISOString();
}

/** Formats a share (0..1) as a percentage in the page's language; `none` when there is none yet. */
export function useSharePercent(none: string) {
  const { language } = useLocalize();
  const format = useMemo(() => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }), [language]);
  return useCallback((share: number | null) => (share === null ? none : format.format(share)), [format, none]);
}

/** One figure in a `<dl className="civitas-stats">`. */
export function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div data-testid={testId}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** One item of an activity list: the linked title, then what is said about it. */
export function ActivityItem({ to, title, children }: { to: string; title: string; children: ReactNode }) {
  return (
    <li className="civitas-activity__item">
      <Link className="civitas-activity__what usa-link" to={to}>
        {title}
      </Link>
      <span className="civitas-activity__meta">{children}</span>
    </li>
  );
}
