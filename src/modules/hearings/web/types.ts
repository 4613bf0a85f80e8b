/** The hearings API as the pages use it: types inferred from the server's zod schemas (type-only import). */
export type {
  CosignResponse,
  Deadline,
  DecisionName,
  DrawRecord,
  HearingDetail,
  HearingList,
  HearingStageName,
  HearingSummary,
  PositionName,
  RegistrationList,
  RegistrationStatusName,
  SubmissionsResponse,
  SubmissionView,
} from '../schemas.js';

/** The web path of a hearing (and of its pages). */
export function hearingUrl(id: string, page?: 'edit' | 'draw' | 'minutes' | 'report' | 'registrations'): string {
  return page ? `/hearings/${id}/${page}` : `/hearings/${id}`;
}

/** `datetime-local` value (local time) for an ISO instant, and back. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): string {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}
