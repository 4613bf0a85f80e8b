/**
 * A simple horizontal bar chart (SVG) with the same numbers as a table, for screen readers and
 * anyone who prefers reading them. Suppressed counts are drawn as a hatched stub and read "<k".
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Table } from '@trussworks/react-uswds';

export interface Bar {
  label: string;
  value: number | null;
}

const WIDTH = 320;
const LEFT = 120;
const BAR = 14;
const GAP = 8;

export function BarChart({ title, bars, minCell, testId }: { title: string; bars: Bar[]; minCell: number; testId?: string }) {
  const { t } = useTranslation();
  const id = `bars-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const max = Math.max(minCell, ...bars.map((b) => b.value ?? 0));
  const plot = WIDTH - LEFT - 30;
  const height = bars.length * (BAR + GAP) + 4;
  const shown = (v: number | null) => (v === null ? t('supervision.stats.suppressed', { k: minCell }) : String(v));
  return (
    <figure className="margin-x-0 margin-y-2" data-testid={testId}>
      <figcaption className="text-bold margin-bottom-1">{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: `${WIDTH * 1.6}px`, height: 'auto', display: 'block' }} role="img" aria-labelledby={`${id}-title`} focusable="false">
        <title id={`${id}-title`}>{title}</title>
        <defs>
          <pattern id={`${id}-hatch`} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="2" height="4" fill="#71767a" />
          </pattern>
        </defs>
        {bars.map((b, i) => {
          const y = 2 + i * (BAR + GAP);
          const w = b.value === null ? (minCell / max) * plot : (b.value / max) * plot;
          return (
            <g key={b.label}>
              <text x={LEFT - 6} y={y + BAR - 3} textAnchor="end" fontSize="10" fill="#1b1b1b">
                {b.label.length > 20 ? `${b.label.slice(0, 19)}…` : b.label}
              </text>
              <rect x={LEFT} y={y} width={Math.max(b.value === 0 ? 0 : 2, w)} height={BAR} fill={b.value === null ? `url(#${id}-hatch)` : '#005ea2'} />
              <text x={LEFT + Math.max(2, w) + 4} y={y + BAR - 3} fontSize="10" fill="#1b1b1b">
                {shown(b.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="margin-top-1">
        <summary>{t('supervision.stats.asTable')}</summary>
        <Table bordered compact className="font-body-xs">
          <caption className="usa-sr-only">{title}</caption>
          <tbody>
            {bars.map((b) => (
              <tr key={b.label}>
                <th scope="row">{b.label}</th>
                <td>{shown(b.value)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </details>
    </figure>
  );
}
