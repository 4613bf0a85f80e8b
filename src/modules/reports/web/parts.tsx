/**
 * Small pieces every reports page shares: the state tag, the fix deadline in working days, who
 * reported it, and the place as a static picture (a marker on a coordinate grid, no map tiles to
 * load) with the coordinates as text and a link out to OpenStreetMap.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Tag } from '@trussworks/react-uswds';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { reportUrl, type Deadline, type ReportStateName, type ReportSummary } from './types.js';

const stateClass: Record<ReportStateName, string> = {
  submitted: 'bg-primary',
  acknowledged: 'bg-primary-darker',
  in_progress: 'civitas-tag--pending',
  fixed: 'civitas-tag--verified',
  confirmed: 'civitas-tag--verified',
  reopened: 'civitas-tag--rejected',
};

export function StateTag({ state, hidden }: { state: ReportStateName; hidden?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="civitas-tags">
      <Tag className={`civitas-tag ${stateClass[state]}`} data-testid="report-state">
        {t(`reports.state.${state}`)}
      </Tag>
      {hidden ? <Tag className="civitas-tag bg-error-dark">{t('reports.hidden')}</Tag> : null}
    </span>
  );
}

/** "Fix due in 3 working days" / "overdue by 2 working days" (in red) / fixed on time or late. */
export function DeadlineText({ deadline }: { deadline: Deadline }) {
  const { t } = useTranslation();
  const { date } = useLocalize();
  const dueDay = date(new Date(new Date(deadline.dueAt).getTime() - 1).toISOString());
  if (deadline.state === 'overdue') {
    return (
      <strong className="text-error-dark" data-testid="deadline">
        {t('reports.deadline.overdue', { count: deadline.workingDays })}
      </strong>
    );
  }
  if (deadline.state === 'fixed') {
    return (
      <span className={deadline.fixedLate ? 'text-error-dark' : undefined} data-testid="deadline">
        {deadline.fixedLate ? t('reports.deadline.fixedLate', { date: dueDay }) : t('reports.deadline.fixedInTime', { date: dueDay })}
      </span>
    );
  }
  return <strong data-testid="deadline">{deadline.workingDays === 0 ? t('reports.deadline.dueToday') : t('reports.deadline.due', { count: deadline.workingDays })}</strong>;
}

/** "Reported by Ana", "Reported by a resident", or "Sent through the FixIt app". */
export function ReporterLine({ reporter }: { reporter: ReportSummary['reporter'] }) {
  const { t } = useTranslation();
  const { pick } = useLocalize();
  if (reporter.source === 'open311') return <>{t('reports.reporter.via', { client: reporter.via ? pick(reporter.via, reporter.viaZh) : 'Open311' })}</>;
  return <>{reporter.displayName ? t('reports.reporter.named', { name: reporter.displayName }) : t('reports.reporter.anonymous')}</>;
}

/** The category's name in the page's language. */
export function useCategoryName() {
  const { pick } = useLocalize();
  return (category: { name: string; nameZh: string | null }) => pick(category.name, category.nameZh);
}

export function osmLink(latitude: number, longitude: number): string {
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=18/${latitude}/${longitude}`;
}

/**
 * A place shown without any map service: a marker at the centre of a small grid, the coordinates
 * as text, and a link that opens OpenStreetMap in a new page (nothing is loaded from it here).
 */
export function PlaceMarker({ latitude, longitude, address }: { latitude: number | null; longitude: number | null; address: string | null }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <div className="display-flex flex-align-center flex-wrap" data-testid="place">
      {latitude !== null && longitude !== null ? (
        <svg width="120" height="90" viewBox="0 0 120 90" role="img" aria-labelledby={titleId} className="margin-right-2 margin-bottom-1 flex-auto">
          <title id={titleId}>{t('reports.place.markerTitle', { latitude, longitude })}</title>
          <rect x="0.5" y="0.5" width="119" height="89" rx="4" fill="#f0f0f0" stroke="#a9aeb1" />
          {[30, 60, 90].map((x) => (
            <line key={`x${x}`} x1={x} y1="0" x2={x} y2="90" stroke="#dfe1e2" />
          ))}
          {[30, 60].map((y) => (
            <line key={`y${y}`} x1="0" y1={y} x2="120" y2={y} stroke="#dfe1e2" />
          ))}
          <path d="M60 22c-8 0-14 6-14 14 0 10 14 26 14 26s14-16 14-26c0-8-6-14-14-14z" fill="#b50909" />
          <circle cx="60" cy="36" r="5" fill="#fff" />
        </svg>
      ) : null}
      <div>
        {address ? <p className="margin-y-05">{address}</p> : null}
        {latitude !== null && longitude !== null ? (
          <>
            <p className="margin-y-05 text-base-dark">{t('reports.place.coordinates', { latitude, longitude })}</p>
            <a className="usa-link" href={osmLink(latitude, longitude)} target="_blank" rel="noopener noreferrer">
              {t('reports.place.openMap')}
            </a>
          </>
        ) : null}
      </div>
    </div>
  );
}

/**
 * The listed reports that have coordinates, placed relative to each other (north up) in a box: a
 * picture of where problems are, with each dot a link; the list below is its text alternative.
 */
export function ReportsSketch({ reports }: { reports: ReportSummary[] }) {
  const { t } = useTranslation();
  const name = useCategoryName();
  const titleId = useId();
  const placed = reports.filter((r) => r.latitude !== null && r.longitude !== null);
  if (placed.length < 2) return null;
  const lats = placed.map((r) => r.latitude!);
  const lons = placed.map((r) => r.longitude!);
  const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const width = 320;
  const height = 180;
  const pad = 16;
  const x = (lon: number) => pad + (maxLon === minLon ? 0.5 : (lon - minLon) / (maxLon - minLon)) * (width - 2 * pad);
  const y = (lat: number) => pad + (maxLat === minLat ? 0.5 : (maxLat - lat) / (maxLat - minLat)) * (height - 2 * pad);
  return (
    <figure className="margin-x-0 margin-y-2" data-testid="reports-sketch">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: `${width * 1.5}px` }} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{t('reports.list.sketchTitle', { count: placed.length })}</title>
        <rect x="0.5" y="0.5" width={width - 1} height={height - 1} rx="4" fill="#f0f0f0" stroke="#a9aeb1" />
        {placed.map((r) => (
          <Link key={r.id} to={reportUrl(r.id)} aria-label={`${name(r.category)}: ${r.address ?? t('reports.place.coordinates', { latitude: r.latitude, longitude: r.longitude })}`}>
            <circle cx={x(r.longitude!)} cy={y(r.latitude!)} r="6" fill={r.deadline.state === 'overdue' ? '#b50909' : r.deadline.state === 'fixed' ? '#00a91c' : '#005ea2'} stroke="#fff" strokeWidth="2" />
          </Link>
        ))}
      </svg>
      <figcaption className="font-ui-2xs text-base-dark">{t('reports.list.sketchCaption')}</figcaption>
    </figure>
  );
}
