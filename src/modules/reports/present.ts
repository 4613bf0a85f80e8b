import type { AttachmentView } from '../../core/attachments/attachments.js';
import type { WorkingCalendar } from '../../core/calendar/working-days.js';
import { reportDeadline } from './deadline.js';
import type { ListedReport } from './queries/list-reports.js';
import type { ReportSummary } from './schemas.js';

export function excerpt(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * A report as lists show it. The reporter's name appears only when they chose to show it; reports
 * from Open311 name the client (its organization or label), never the person behind it.
 */
export function presentSummary(r: ListedReport, photo: AttachmentView | null, now: Date, calendar: WorkingCalendar): ReportSummary {
  return {
    id: r.id,
    excerpt: excerpt(r.description),
    state: r.state,
    category: { id: r.category_id, code: r.code, name: r.category_name, nameZh: r.category_name_zh },
    department: { id: r.department_id, slug: r.department_slug, name: r.department_name, nameZh: r.department_name_zh },
    areaId: r.area_id,
    address: r.address,
    latitude: r.latitude,
    longitude: r.longitude,
    reporter:
      r.source === 'open311'
        ? { source: 'open311', displayName: null, via: r.key_organization_name ?? r.key_label, viaZh: r.key_organization_name_zh }
        : { source: 'web', displayName: r.show_name ? r.author_name : null, via: null, viaZh: null },
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    deadline: reportDeadline(r, now, calendar),
    hidden: r.hidden_at !== null,
    photo,
  };
}
