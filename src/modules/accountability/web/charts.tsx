/**
 * The scorecards' and ratings' charts as SVG: horizontal bars (one value per department, or counts
 * of each score) and a line chart of quarters. Each is an image with a title and a description, with
 * the same numbers as a table next to it (in a details element), and scales to a 360 px phone.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Table } from '@trussworks/react-uswds';

export interface Bar {
  label: string;
  value: number | null;
  /** How the value reads ("83%", "4.2"). */
  text: string;
}

const WIDTH = 320;
const PALETTE = ['#005ea2', '#d54309', '#00a91c', '#8168b3', '#936f38', '#1a4480', '#e5a000', '#4d8055'];

/** One bar per row; missing values are listed as such, not drawn as zero. */
export function BarChart({ title, bars, max, testId }: { title: string; bars: Bar[]; max: number; testId?: string }) {
  const { t } = useTranslation();
  const id = `bar-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const LEFT = 112;
  const ROW = 22;
  const height = bars.length * ROW + 8;
  const plot = WIDTH - LEFT - 40;
  const top = max > 0 ? max : 1;
  const short = (s: string) => (s.length > 18 ? `${s.slice(0, 17)}…` : s);
  return (
    <figure className="margin-x-0 margin-y-2" data-testid={testId}>
      <figcaption className="text-bold margin-bottom-1">{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: `${WIDTH * 1.6}px`, height: 'auto', display: 'block' }} role="img" aria-labelledby={`${id}-t ${id}-d`} focusable="false">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{bars.map((b) => `${b.label}: ${b.text}`).join('; ')}</desc>
        {bars.map((b, i) => {
          const y = 4 + i * ROW;
          const w = b.value === null ? 0 : Math.max(1, (b.value / top) * plot);
          return (
            <g key={`${b.label}-${i}`}>
              <text x={LEFT - 6} y={y + 13} textAnchor="end" fontSize="10" fill="#1b1b1b">
                {short(b.label)}
              </text>
              <rect x={LEFT} y={y + 2} width={w} height={ROW - 8} fill={PALETTE[0]} />
              <text x={LEFT + w + 4} y={y + 13} fontSize="10" fill="#1b1b1b">
                {b.text}
              </text>
            </g>
          );
        })}
        <line x1={LEFT} x2={LEFT} y1={2} y2={height - 2} stroke="#1b1b1b" />
      </svg>
      <details className="civitas-details margin-top-1">
        <summary>{t('accountability.charts.asTable')}</summary>
        <div className="civitas-table-wrap">
          <Table fullWidth striped>
            <caption className="usa-sr-only">{title}</caption>
            <tbody>
              {bars.map((b, i) => (
                <tr key={`${b.label}-${i}`}>
                  <th scope="row">{b.label}</th>
                  <td>{b.text}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      </details>
    </figure>
  );
}

export interface Series {
  label: string;
  /** One value per x label; null where there was nothing to measure. */
  values: (number | null)[];
  texts: string[];
}

/** A line per series over the x labels (quarters); gaps where a value is missing; each line has its own dash pattern too. */
export function LineChart({ title, xLabels, series, max, testId, format }: { title: string; xLabels: string[]; series: Series[]; max: number; testId?: string; format?: (value: number) => string }) {
  const { t } = useTranslation();
  const id = `line-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const LEFT = 38;
  const RIGHT = 24;
  const TOP = 8;
  const HEIGHT = 170;
  const BOTTOM = 22;
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const top = max > 0 ? max : 1;
  const x = (i: number) => LEFT + (xLabels.length > 1 ? (i / (xLabels.length - 1)) * plotW : plotW / 2);
  const y = (v: number) => TOP + plotH - (v / top) * plotH;
  const dashes = ['', '4 2', '1 2', '6 2 1 2', '8 3'];
  return (
    <figure className="margin-x-0 margin-y-2" data-testid={testId}>
      <figcaption className="text-bold margin-bottom-1">{title}</figcaption>
      <ul className="usa-list usa-list--unstyled display-flex flex-wrap margin-bottom-1" aria-hidden="true">
        {series.map((s, i) => (
          <li key={s.label} className="margin-right-2 font-ui-2xs display-flex flex-align-center">
            <svg width="18" height="8" className="margin-right-05" focusable="false">
              <line x1="0" x2="18" y1="4" y2="4" stroke={PALETTE[i % PALETTE.length]} strokeWidth="2" strokeDasharray={dashes[i % dashes.length]} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" style={{ maxWidth: `${WIDTH * 1.6}px`, height: 'auto', display: 'block' }} role="img" aria-labelledby={`${id}-t ${id}-d`} focusable="false">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{series.map((s) => `${s.label}: ${xLabels.map((l, i) => `${l} ${s.texts[i]}`).join(', ')}`).join('; ')}</desc>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(top * f)} y2={y(top * f)} stroke="#dfe1e2" />
            <text x={LEFT - 4} y={y(top * f) + 3} textAnchor="end" fontSize="8" fill="#1b1b1b">
              {format ? format(top * f) : String(top * f)}
            </text>
          </g>
        ))}
        {xLabels.map((l, i) => (
          <text key={l} x={x(i)} y={HEIGHT - 6} textAnchor="middle" fontSize="8" fill="#1b1b1b">
            {l}
          </text>
        ))}
        {series.map((s, si) => {
          const color = PALETTE[si % PALETTE.length];
          const segments: string[] = [];
          let current = '';
          s.values.forEach((v, i) => {
            if (v === null) {
              if (current) segments.push(current);
              current = '';
            } else current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
          });
          if (current) segments.push(current);
          return (
            <g key={s.label}>
              {segments.map((d) => (
                <path key={d} d={d} fill="none" stroke={color} strokeWidth="2" strokeDasharray={dashes[si % dashes.length]} />
              ))}
              {s.values.map((v, i) =>
                v === null ? null : (
                  <circle key={i} cx={x(i)} cy={y(v)} r="2.5" fill={color}>
                    <title>{`${s.label}, ${xLabels[i]}: ${s.texts[i]}`}</title>
                  </circle>
                ),
              )}
            </g>
          );
        })}
        <line x1={LEFT} x2={LEFT} y1={TOP} y2={TOP + plotH} stroke="#1b1b1b" />
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={TOP + plotH} y2={TOP + plotH} stroke="#1b1b1b" />
      </svg>
      <details className="civitas-details margin-top-1">
        <summary>{t('accountability.charts.asTable')}</summary>
        <div className="civitas-table-wrap">
          <Table fullWidth striped>
            <caption className="usa-sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accountability.charts.series')}</th>
                {xLabels.map((l) => (
                  <th key={l} scope="col">
                    {l}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {series.map((s) => (
                <tr key={s.label}>
                  <th scope="row">{s.label}</th>
                  {s.texts.map((text, i) => (
                    <td key={i}>{text}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      </details>
    </figure>
  );
}
