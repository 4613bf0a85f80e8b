import type { Tx } from '../../../core/db/database.js';
import { notify } from '../../../core/notifications/notify.js';
import { complaintPath } from '../queries/load-complaint.js';
import { eligibleHandlers } from '../settings.js';

/** Notification title of a complaint: its number only, never its content (notifications may be e-mailed). */
export function complaintTitle(number: number): { title: string; titleZh: string } {
  return { title: `Complaint no. ${number}`, titleZh: `第 ${number} 号投诉` };
}

/** Tells the handlers of a complaint (the body's eligible post holders) about it. */
export async function notifyHandlers(
  trx: Tx,
  complaint: { id: string; number: number; body_id: string; department_id: string; complainant_id: string },
  kind: string,
  now: Date,
  exceptUserId?: string,
): Promise<void> {
  const ids = (await eligibleHandlers(trx, complaint.body_id, complaint.department_id, [complaint.complainant_id])).filter((id) => id !== exceptUserId);
  const { title, titleZh } = complaintTitle(complaint.number);
  await notify(trx, ids, { kind, resourceType: 'supervision_complaint', resourceId: complaint.id, title, path: complaintPath(complaint.id), data: { titleZh } }, now);
}

/** Tells the complainant about their complaint. */
export async function notifyComplainant(trx: Tx, complaint: { id: string; number: number; complainant_id: string }, kind: string, now: Date, data: Record<string, unknown> = {}): Promise<void> {
  const { title, titleZh } = complaintTitle(complaint.number);
  await notify(trx, [complaint.complainant_id], { kind, resourceType: 'supervision_complaint', resourceId: complaint.id, title, path: complaintPath(complaint.id), data: { titleZh, ...data } }, now);
}

/** The largest file and the most files a complaint, a piece of information or a report takes. */
export const MAX_COMPLAINT_FILES = 10;
export const EVIDENCE_KINDS = ['image', 'document', 'spreadsheet', 'text'] as const;
