/**
 * The opinion map as an accessible SVG: each group as a hatched or dotted area (its convex hull)
 * with its letter, every placed participant as a point whose shape and colour say the group, the
 * caller's own point ringed and labelled "You" (only they get it), and optionally the statements
 * as numbers where someone who only agreed with them would be. Colour is never the only cue: each
 * group also has its own pattern, shape and letter. The figure has a text description; the page
 * gives a table alternative next to it.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MathView, Me } from './types.js';

/** Okabe–Ito colours, distinguishable with the common colour-vision deficiencies. */
export const GROUP_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross'] as const;
type Shape = (typeof SHAPES)[number];

export function groupColour(index: number): string {
  return GROUP_COLOURS[index % GROUP_COLOURS.length]!;
}
export function groupShape(index: number): Shape {
  return SHAPES[index % SHAPES.length]!;
}

type Point = [number, number];

/** The convex hull of points (Andrew's monotone chain), counter-clockwise. */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (sorted.length < 3) return sorted;
  const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Point[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (const p of [...sorted].reverse()) {
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** A marker of a group's shape centred on (x, y). */
export function Marker({ shape, x, y, r, fill, stroke }: { shape: Shape; x: number; y: number; r: number; fill: string; stroke?: string }) {
  const common = { fill, stroke: stroke ?? '#1b1b1b', strokeWidth: 0.8 };
  switch (shape) {
    case 'circle':
      return <circle cx={x} cy={y} r={r} {...common} />;
    case 'square':
      return <rect x={x - r * 0.9} y={y - r * 0.9} width={r * 1.8} height={r * 1.8} {...common} />;
    case 'triangle':
      return <polygon points={`${x},${y - r * 1.1} ${x + r},${y + r * 0.8} ${x - r},${y + r * 0.8}`} {...common} />;
    case 'diamond':
      return <polygon points={`${x},${y - r * 1.2} ${x + r * 1.1},${y} ${x},${y + r * 1.2} ${x - r * 1.1},${y}`} {...common} />;
    case 'star': {
      const pts: string[] = [];
      for (let k = 0; k < 10; k++) {
        const radius = k % 2 === 0 ? r * 1.25 : r * 0.55;
        const angle = (Math.PI / 5) * k - Math.PI / 2;
        pts.push(`${x + radius * Math.cos(angle)},${y + radius * Math.sin(angle)}`);
      }
      return <polygon points={pts.join(' ')} {...common} />;
    }
    case 'cross':
      return <path d={`M${x - r},${y - r}L${x + r},${y + r}M${x + r},${y - r}L${x - r},${y + r}`} stroke={fill} strokeWidth={2.2} fill="none" />;
  }
}

/** The fill pattern of a group: diagonal lines, dots, cross-hatching, ... so areas differ without colour. */
function GroupPattern({ id, index }: { id: string; index: number }) {
  const colour = groupColour(index);
  const kind = index % 5;
  return (
    <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform={kind === 0 ? 'rotate(45)' : kind === 3 ? 'rotate(-45)' : undefined}>
      <rect width="8" height="8" fill={colour} fillOpacity={0.08} />
      {kind === 0 || kind === 3 ? <line x1="0" y1="0" x2="0" y2="8" stroke={colour} strokeWidth="2" strokeOpacity={0.45} /> : null}
      {kind === 1 ? <circle cx="4" cy="4" r="1.4" fill={colour} fillOpacity={0.5} /> : null}
      {kind === 2 ? <path d="M0,4H8M4,0V8" stroke={colour} strokeWidth="1.2" strokeOpacity={0.45} /> : null}
      {kind === 4 ? <line x1="0" y1="4" x2="8" y2="4" stroke={colour} strokeWidth="2" strokeOpacity={0.45} /> : null}
    </pattern>
  );
}

const WIDTH = 400;
const HEIGHT = 300;
const PAD = 22;

export interface OpinionMapProps {
  math: MathView;
  me: Me | null;
  showStatements: boolean;
  /** The statement text for its number, in the page's language (for the statements' tooltips). */
  statementText: (number: number) => string;
}

export function OpinionMap({ math, me, showStatements, statementText }: OpinionMapProps) {
  const { t } = useTranslation();
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const placedStatements = showStatements ? math.statements.filter((s) => s.position !== null && !s.isMeta) : [];
  const xs = [...math.points.map((p) => p.x), ...placedStatements.map((s) => s.position![0])];
  const ys = [...math.points.map((p) => p.y), ...placedStatements.map((s) => s.position![1])];
  const minX = Math.min(...xs, -1);
  const maxX = Math.max(...xs, 1);
  const minY = Math.min(...ys, -1);
  const maxY = Math.max(...ys, 1);
  // One scale for both axes, so distances mean the same in every direction.
  const scale = Math.min((WIDTH - 2 * PAD) / (maxX - minX), (HEIGHT - 2 * PAD) / (maxY - minY));
  const offsetX = (WIDTH - scale * (maxX - minX)) / 2;
  const offsetY = (HEIGHT - scale * (maxY - minY)) / 2;
  const sx = (x: number) => offsetX + (x - minX) * scale;
  const sy = (y: number) => HEIGHT - (offsetY + (y - minY) * scale);
  const maxWeight = Math.max(1, ...math.points.map((p) => p.weight));
  const radius = (weight: number) => (maxWeight === 1 ? 4 : 3 + 7 * Math.sqrt(weight / maxWeight));

  const titleId = `${uid}-title`;
  const descId = `${uid}-desc`;
  const description = [
    t('opinions.map.describe', { count: math.clustered, groups: math.groups.length }),
    ...math.groups.map((g, i) => t('opinions.map.describeGroup', { label: g.label, count: g.memberCount, shape: t(`opinions.map.shape.${groupShape(i)}`) })),
    me?.position ? t('opinions.map.describeMe', { label: me.group !== null ? (math.groups[me.group]?.label ?? '') : '' }) : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={`${titleId} ${descId}`} className="display-block border-1px border-base-lighter radius-md bg-white" data-testid="opinion-map">
      <title id={titleId}>{t('opinions.map.title')}</title>
      <desc id={descId}>{description}</desc>
      <defs>
        {math.groups.map((g, i) => (
          <GroupPattern key={g.id} id={`${uid}-pattern-${i}`} index={i} />
        ))}
      </defs>
      <g aria-hidden="true">
        <line x1={sx(0)} y1={PAD / 2} x2={sx(0)} y2={HEIGHT - PAD / 2} stroke="#dfe1e2" strokeDasharray="3 3" />
        <line x1={PAD / 2} y1={sy(0)} x2={WIDTH - PAD / 2} y2={sy(0)} stroke="#dfe1e2" strokeDasharray="3 3" />
        {math.groups.map((g, i) => {
          const members = math.points.filter((p) => p.group === i).map((p): Point => [sx(p.x), sy(p.y)]);
          const hull = convexHull(members);
          if (hull.length < 3) return null;
          return <polygon key={`hull-${g.id}`} points={hull.map(([x, y]) => `${x},${y}`).join(' ')} fill={`url(#${uid}-pattern-${i})`} stroke={groupColour(i)} strokeWidth={1.5} strokeLinejoin="round" />;
        })}
        {math.points.map((p, k) =>
          p.group === null ? (
            <circle key={k} cx={sx(p.x)} cy={sy(p.y)} r={2.5} fill="#a9aeb1" />
          ) : (
            <Marker key={k} shape={groupShape(p.group)} x={sx(p.x)} y={sy(p.y)} r={radius(p.weight)} fill={groupColour(p.group)} stroke="#ffffff" />
          ),
        )}
        {placedStatements.map((s) => (
          <g key={`s-${s.number}`}>
            <title>{statementText(s.number)}</title>
            <rect x={sx(s.position![0]) - 9} y={sy(s.position![1]) - 7} width={18} height={14} rx={3} fill="#ffffff" stroke="#565c65" strokeWidth={0.8} />
            <text x={sx(s.position![0])} y={sy(s.position![1]) + 3.5} textAnchor="middle" fontSize="9" fill="#1b1b1b">
              {s.number}
            </text>
          </g>
        ))}
        {math.groups.map((g, i) => (
          <g key={`label-${g.id}`}>
            <circle cx={sx(g.center[0])} cy={sy(g.center[1])} r={11} fill="#ffffff" stroke={groupColour(i)} strokeWidth={2} />
            <text x={sx(g.center[0])} y={sy(g.center[1]) + 4.5} textAnchor="middle" fontSize="13" fontWeight="bold" fill="#1b1b1b">
              {g.label}
            </text>
          </g>
        ))}
        {me?.position ? (
          <g data-testid="map-me">
            <circle cx={sx(me.position[0])} cy={sy(me.position[1])} r={8} fill="none" stroke="#1b1b1b" strokeWidth={2.5} />
            <circle cx={sx(me.position[0])} cy={sy(me.position[1])} r={3} fill="#1b1b1b" />
            <text x={sx(me.position[0]) + 11} y={sy(me.position[1]) - 9} fontSize="12" fontWeight="bold" fill="#1b1b1b" stroke="#ffffff" strokeWidth={3} paintOrder="stroke">
              {t('opinions.map.you')}
            </text>
          </g>
        ) : null}
      </g>
    </svg>
  );
}

/** The legend: each group's shape, pattern and letter, with its size; and the caller's own marker. */
export function MapLegend({ math, me }: { math: MathView; me: Me | null }) {
  const { t } = useTranslation();
  return (
    <ul className="usa-list usa-list--unstyled display-flex flex-wrap margin-y-1" aria-label={t('opinions.map.legend')}>
      {math.groups.map((g, i) => (
        <li key={g.id} className="margin-right-3 margin-bottom-1 display-flex flex-align-center">
          <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" className="margin-right-05">
            <Marker shape={groupShape(i)} x={9} y={9} r={6} fill={groupColour(i)} />
          </svg>
          {t('opinions.map.groupSize', { label: g.label, count: g.memberCount })}
        </li>
      ))}
      {me?.position ? (
        <li className="margin-bottom-1 display-flex flex-align-center">
          <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" className="margin-right-05">
            <circle cx="9" cy="9" r="7" fill="none" stroke="#1b1b1b" strokeWidth="2.5" />
            <circle cx="9" cy="9" r="2.5" fill="#1b1b1b" />
          </svg>
          {t('opinions.map.youLegend')}
        </li>
      ) : null}
    </ul>
  );
}
