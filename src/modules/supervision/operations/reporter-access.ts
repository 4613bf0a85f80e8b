import type { Deps } from '../../../core/deps.js';
import type { Executor } from '../../../core/db/database.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { DUMMY_VERIFIER, normalizeReceipt, open, receiptComparison, receiptSecrets } from '../crypto.js';
import { receiptSalt } from '../settings.js';
import { aad, checkEvidence, decryptReport, shareWithHandlers, storeFiles, storeMessage, type DecryptedReport, type EvidenceFile } from './report-store.js';
import { today } from './submit-report.js';

/** A receipt that can never be right (wrong-format input still costs one argon2id run). */
const NOT_A_RECEIPT = '0000000000000000';

export interface OpenedReport {
  id: string;
  key: Buffer;
}

/**
 * Finds a report by its receipt. Every call costs the same: one argon2id run (also for input that
 * is not 16 digits), a lookup, a constant-time comparison of the verifier (against a dummy when no
 * report matched) and one AEAD open. A wrong receipt and an unknown one give the same failure.
 */
export async function openWithReceipt(db: Executor, receiptInput: string): Promise<Result<OpenedReport, 'receipt_not_recognised'>> {
  const receipt = normalizeReceipt(receiptInput);
  const secrets = await receiptSecrets(receipt ?? NOT_A_RECEIPT, await receiptSalt(db));
  const row = await db.selectFrom('supervision_reports').select(['id', 'verifier', 'reporter_key']).where('lookup_id', '=', secrets.lookupId).executeTakeFirst();
  const matches = receiptComparison.equal(row?.verifier ?? DUMMY_VERIFIER, secrets.verifier);
  const key = open(secrets.wrapKey, row?.reporter_key ?? DUMMY_VERIFIER, aad.reporter(row?.id ?? 'none'));
  if (!receipt || !row || !matches || !key) return fail('receipt_not_recognised');
  return ok({ id: row.id, key });
}

/** The reporter's view of their report; also shares the key with handlers who cannot open it yet. */
export async function reporterThread(db: Executor, opened: OpenedReport): Promise<DecryptedReport> {
  const report = (await decryptReport(db, opened.id, opened.key))!;
  await shareWithHandlers(db, { id: report.id, body_id: report.bodyId, department_id: report.departmentId }, opened.key);
  return report;
}

/**
 * The reporter writes back (an answer to a question, or more information) with optional evidence.
 * Only the day is kept; the handlers are told by the batched notice job.
 */
export async function reporterReply(
  { db, clock }: Deps,
  opened: OpenedReport,
  input: { text: string; files?: EvidenceFile[] },
): Promise<Result<null, 'report_closed' | 'validation_failed' | 'not_found'>> {
  const now = clock.now();
  const day = await today(db, now);
  return transact(db, async (trx) => {
    const row = await trx.selectFrom('supervision_reports').select(['id', 'state']).where('id', '=', opened.id).forUpdate().executeTakeFirst();
    if (!row) return fail('not_found');
    if (row.state === 'concluded') return fail('report_closed');
    const stored = await trx.selectFrom('supervision_report_files').select((eb) => eb.fn.countAll<number>().as('n')).where('report_id', '=', row.id).executeTakeFirstOrThrow();
    const checked = checkEvidence(input.files ?? [], Number(stored.n));
    if (!checked.ok) return checked;
    const messageId = await storeMessage(trx, { reportId: row.id, author: 'reporter', kind: 'message', handlerId: null, text: input.text.trim(), key: opened.key, day });
    await storeFiles(trx, row.id, messageId, checked.value, opened.key, day);
    await trx.updateTable('supervision_reports').set({ awaiting_reporter: false, unseen_by_handlers: true, updated_on: day }).where('id', '=', row.id).execute();
    return ok(null);
  });
}
