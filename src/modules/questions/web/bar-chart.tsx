/**
 * Questions month by month as an SVG bar chart (asked, answered on time, late), with the same
 * numbers as a table for screen readers and anyone who prefers reading them. The chart scales to
 * the width of a phone; late bars are hatched as well as red, so colour is never the only cue.
 */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Table } from '@trussworks/react-uswds';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import type { MonthRow } from './types.js';

const SERIES = [
  { key: 'asked', color: '#565c65' },
  { key: 'answeredOnTime', color: '#00a91c' },
  { key: 'late', color: '#d54309' },
] as const;

// Horizontal bars, one group of three per month: on a 360 px phone the chart keeps about its own
// size (320 units wide), so labels stay readable; a long year just makes it taller.
const WIDTH = 320;
const LEFT = 64;
const RIGHT = 28;
const TOP = 4;
const BAR = 7;
const GAP = 8;
const GROUP = 3 * BAR + GAP;

/** A "nice" end for the axis: 1, 2, 5 or 10 times a power of ten, at least 4. */
function niceMax(value: number): number {
  const max = Math.max(4, value);
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

export function MonthlyChart({ months }: { months: MonthRow[] }) {
  const { t } = useTranslation();
  const { language, number } = useLocalize();
  // A plain id: it is referenced from url(#...) inside the SVG.
  const id = `qchart-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const monthName = useMemo(() => new Intl.DateTimeFormat(language, { month: 'short', year: '2-digit', timeZone: 'UTC' }), [language]);
  const longMonth = useMemo(() => new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }), [language]);
  const label = (month: string) => monthName.format(new Date(`${month}-01T00:00:00Z`));
  const fullLabel = (month: string) => longMonth.format(new Date(`${month}-01T00:00:00Z`));
  const top = niceMax(Math.max(0, ...months.map((m) => m.asked)));
  const plot = WIDTH - LEFT - RIGHT;
  const height = TOP + months.length * GROUP + 18;
  const x = (value: number) => LEFT + (value / top) * plot;
  const ticks = [0, top / 2, top];
  const totals = months.reduce((sum, m) => ({ asked: sum.asked + m.asked, onTime: sum.onTime + m.answeredOnTime, late: sum.late + m.late }), { asked: 0, onTime: 0, late: 0 });
  const first = months[0]?.month;
  const last = months.at(-1)?.month;
  const seriesLabel = (key: (typeof SERIES)[number]['key']) => t(`questions.chart.${key}`);

  return (
    <figure className="margin-x-0 margin-y-2" data-testid="monthly-chart">
      <figcaption className="text-bold margin-bottom-1" id={`${id}-caption`}>
        {t('questions.chart.caption')}
      </figcaption>
      <ul className="usa-list usa-list--unstyled display-flex flex-wrap margin-bottom-1" aria-hidden="true">
        {SERIES.map((s) => (
          <li key={s.key} className="margin-right-2 font-ui-2xs display-flex flex-align-center">
            <svg width="14" height="14" className="margin-right-05" focusable="false">
              <rect width="14" height="14" fill={s.key === 'late' ? `url(#${id}-hatch)` : s.color} stroke={s.color} />
            </svg>
            {seriesLabel(s.key)}
          </li>
        ))}
      </ul>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ maxWidth: `${WIDTH * 1.5}px`, height: 'auto', display: 'block' }}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        focusable="false"
      >
        <title id={`${id}-title`}>{t('questions.chart.caption')}</title>
        <desc id={`${id}-desc`}>
          {first && last
            ? t('questions.chart.summary', { from: fullLabel(first), to: fullLabel(last), asked: number(totals.asked), onTime: number(totals.onTime), late: number(totals.late) })
            : ''}
        </desc>
        <defs>
          <pattern id={`${id}-hatch`} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="4" height="4" fill="#d54309" />
            <line x1="0" y1="0" x2="0" y2="4" stroke="#ffffff" strokeWidth="1.5" />
          </pattern>
        </defs>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={TOP} y2={height - 16} stroke="#dfe1e2" />
            <text x={x(tick)} y={height - 4} textAnchor="middle" fontSize="10" fill="#1b1b1b">
              {number(tick)}
            </text>
          </g>
        ))}
        {months.map((m, i) => {
          const y = TOP + i * GROUP + GAP / 2;
          return (
            <g key={m.month}>
              <text x={LEFT - 6} y={y + (3 * BAR) / 2 + 4} textAnchor="end" fontSize="11" fill="#1b1b1b">
                {label(m.month)}
              </text>
              {SERIES.map((s, j) => {
                const value = m[s.key];
                return (
                  <g key={s.key}>
                    <rect x={LEFT} y={y + j * BAR} width={Math.max(0, x(value) - LEFT)} height={BAR - 1} fill={s.key === 'late' ? `url(#${id}-hatch)` : s.color}>
                      <title>{`${fullLabel(m.month)}: ${seriesLabel(s.key)} ${number(value)}`}</title>
                    </rect>
                    {value > 0 ? (
                      <text x={x(value) + 3} y={y + j * BAR + BAR - 1.5} fontSize="8" fill="#1b1b1b">
                        {number(value)}
                      </text>
                    ) : null}
                  </g>
                );
              })}
            </g>
          );
        })}
        <line x1={LEFT} x2={LEFT} y1={TOP} y2={height - 16} stroke="#1b1b1b" />
      </svg>
      <details className="civitas-details margin-top-2">
        <summary>{t('questions.chart.asTable')}</summary>
        <div className="civitas-table-wrap">
          <Table fullWidth striped stackedStyle="headers">
            <caption className="usa-sr-only">{t('questions.chart.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('questions.chart.month')}</th>
                <th scope="col">{t('questions.chart.asked')}</th>
                <th scope="col">{t('questions.chart.answeredOnTime')}</th>
                <th scope="col">{t('questions.chart.late')}</th>
                <th scope="col">{t('questions.chart.declined')}</th>
                <th scope="col">{t('questions.chart.open')}</th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month}>
                  <th scope="row" data-label={t('questions.chart.month')}>
                    {fullLabel(m.month)}
                  </th>
                  <td data-label={t('questions.chart.asked')}>{number(m.asked)}</td>
                  <td data-label={t('questions.chart.answeredOnTime')}>{number(m.answeredOnTime)}</td>
                  <td data-label={t('questions.chart.late')}>{number(m.late)}</td>
                  <td data-label={t('questions.chart.declined')}>{number(m.declined)}</td>
                  <td data-label={t('questions.chart.open')}>{number(m.open)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      </details>
    </figure>
  );
}
