import { randomUUID } from 'node:crypto';
import type { Deps } from '../../../core/deps.js';
import type { Executor } from '../../../core/db/database.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { loadCalendar } from '../../../core/calendar/load-calendar.js';
import { deadlineFor, localDate } from '../../../core/calendar/working-days.js';
import { findDepartment } from '../../../core/organizations/departments.js';
import { newReceipt, newReportKey, receiptSecrets, seal, sealJson } from '../crypto.js';
import { loadSupervisionSettings, receiptSalt, routingFor } from '../settings.js';
import type { ComplaintCategory } from '../tables.js';
import { aad, checkEvidence, shareWithHandlers, storeFiles, type EvidenceFile, type ReportContent } from './report-store.js';

export interface SubmitReportInput {
  /** The department concerned, if the reporter names one (it routes the report and keeps its people out). */
  departmentId?: string | null;
  category: ComplaintCategory;
  description: string;
  files?: EvidenceFile[];
}

/** Today in the installation's calendar: the only time anonymous reports keep. */
export async function today(db: Executor, now: Date): Promise<string> {
  return localDate(now, await loadCalendar(db));
}

/**
 * Takes an anonymous report. Nobody is signed in as far as this is concerned: no account, address,
 * browser or time finer than the day is stored, and no audit row or notification is written now
 * (a precise time would be one); the handlers hear of it from the batched notice job.
 * The report gets a random key; content and files are sealed with it; the key is wrapped for each
 * eligible handler of the body who has set up a key, and for the reporter under the receipt. The
 * receipt is returned once and never stored. `receipt` may be given by the demo seed and tests only.
 */
export async function submitReport(
  { db, clock }: Deps,
  input: SubmitReportInput,
  options: { receipt?: string } = {},
): Promise<Result<{ receipt: string }, 'validation_failed' | 'no_supervisory_body'>> {
  const now = clock.now();
  const checked = checkEvidence(input.files ?? []);
  if (!checked.ok) return checked;
  const departmentId = input.departmentId ?? null;
  if (departmentId) {
    const department = await findDepartment(db, departmentId);
    if (!department) return fail('validation_failed', { fields: [{ path: 'departmentId', code: 'supervision_department_unknown' }] });
  }
  const routing = await routingFor(db, departmentId);
  if (!routing) return fail('no_supervisory_body');
  const receipt = options.receipt ?? newReceipt();
  const secrets = await receiptSecrets(receipt, await receiptSalt(db));
  const key = newReportKey();
  const id = randomUUID();
  const content: ReportContent = { category: input.category, description: input.description.trim() };
  return transact(db, async (trx) => {
    const calendar = await loadCalendar(trx);
    const day = localDate(now, calendar);
    const days = (await loadSupervisionSettings(trx)).deadlines.reportReview;
    await trx
      .insertInto('supervision_reports')
      .values({
        id,
        body_id: routing.bodyId,
        department_id: departmentId,
        received_on: day,
        updated_on: day,
        due_at: deadlineFor(now, days, calendar)!,
        lookup_id: secrets.lookupId,
        verifier: secrets.verifier,
        reporter_key: seal(secrets.wrapKey, key, aad.reporter(id)),
        content: sealJson(key, content, aad.content(id)),
      })
      .execute();
    await storeFiles(trx, id, null, checked.value, key, day);
    await shareWithHandlers(trx, { id, body_id: routing.bodyId, department_id: departmentId }, key);
    return ok({ receipt });
  });
}
