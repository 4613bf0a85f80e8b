import { randomUUID } from 'node:crypto';
import type { Executor, Tx } from '../../../core/db/database.js';
import { fail, ok, type FieldError, type Result } from '../../../core/errors.js';
import { detectFileType, extensionMatches, cleanFileName, isSafeFileName, stripMetadata, type AttachmentKind } from '../../../core/attachments/file-types.js';
import { openJson, seal, sealJson, open, wrapForHandler } from '../crypto.js';
import { eligibleHandlers } from '../settings.js';
import { publicKeysOf } from './handler-keys.js';
import type { ComplaintCategory, ReportOutcome, ReportState } from '../tables.js';

/** What an anonymous report and its files may be. */
export const REPORT_LIMITS = { maxFiles: 5, maxFileBytes: 5 * 1024 * 1024, maxTotalBytes: 12 * 1024 * 1024 } as const;

/** Associated data binding each sealed item to its report (and place), so nothing can be moved. */
export const aad = {
  content: (reportId: string) => `report:${reportId}:content`,
  reporter: (reportId: string) => `report:${reportId}:reporter`,
  conclusion: (reportId: string) => `report:${reportId}:conclusion`,
  message: (reportId: string, messageId: string) => `report:${reportId}:message:${messageId}`,
  fileMeta: (reportId: string, fileId: string) => `report:${reportId}:file-meta:${fileId}`,
  file: (reportId: string, fileId: string) => `report:${reportId}:file:${fileId}`,
};

/** What the reporter wrote first (sealed as one JSON document). */
export interface ReportContent {
  category: ComplaintCategory;
  description: string;
}

export interface FileMeta {
  fileName: string;
  contentType: string;
  kind: AttachmentKind;
}

export interface EvidenceFile {
  fileName: string;
  bytes: Buffer;
}

export interface CheckedFile extends FileMeta {
  bytes: Buffer;
}

/**
 * Checks evidence for a report: the type recognised from the content (never the name), the name
 * matching it, metadata (EXIF) stripped, within the size limits. Field errors name `files.<n>`.
 */
export function checkEvidence(files: EvidenceFile[], alreadyStored = 0): Result<CheckedFile[], 'validation_failed'> {
  const fields: FieldError[] = [];
  if (files.length + alreadyStored > REPORT_LIMITS.maxFiles) return fail('validation_failed', { fields: [{ path: 'files', code: 'too_many_attachments', params: { max: REPORT_LIMITS.maxFiles } }] });
  const out: CheckedFile[] = [];
  let total = 0;
  for (const [i, file] of files.entries()) {
    const path = `files.${i}`;
    if (!isSafeFileName(file.fileName)) {
      fields.push({ path, code: 'attachment_name_invalid' });
      continue;
    }
    if (file.bytes.length === 0) {
      fields.push({ path, code: 'attachment_empty' });
      continue;
    }
    if (file.bytes.length > REPORT_LIMITS.maxFileBytes) {
      fields.push({ path, code: 'attachment_too_large', params: { maxMb: REPORT_LIMITS.maxFileBytes / 1024 / 1024 } });
      continue;
    }
    const type = detectFileType(file.bytes, file.fileName);
    if (!type) {
      fields.push({ path, code: 'attachment_type_not_allowed' });
      continue;
    }
    if (!extensionMatches(file.fileName, type)) {
      fields.push({ path, code: 'attachment_name_mismatch', params: { type: type.extension.toUpperCase() } });
      continue;
    }
    const bytes = stripMetadata(file.bytes, type);
    total += bytes.length;
    out.push({ fileName: cleanFileName(file.fileName, type), contentType: type.contentType, kind: type.kind, bytes });
  }
  if (total > REPORT_LIMITS.maxTotalBytes) fields.push({ path: 'files', code: 'attachment_too_large', params: { maxMb: REPORT_LIMITS.maxTotalBytes / 1024 / 1024 } });
  if (fields.length > 0) return fail('validation_failed', { fields });
  return ok(out);
}

/** Stores checked files of a report, each sealed (name and type apart from the bytes). */
export async function storeFiles(trx: Tx, reportId: string, messageId: string | null, files: CheckedFile[], key: Buffer, day: string): Promise<void> {
  for (const file of files) {
    const id = randomUUID();
    await trx
      .insertInto('supervision_report_files')
      .values({
        id,
        report_id: reportId,
        message_id: messageId,
        size: file.bytes.length,
        meta: sealJson(key, { fileName: file.fileName, contentType: file.contentType, kind: file.kind } satisfies FileMeta, aad.fileMeta(reportId, id)),
        content: seal(key, file.bytes, aad.file(reportId, id)),
        created_on: day,
      })
      .execute();
  }
}

/** Adds a sealed message to a report's thread; returns its id. */
export async function storeMessage(trx: Tx, input: { reportId: string; author: 'reporter' | 'handler'; kind: 'message' | 'question'; handlerId: string | null; text: string; key: Buffer; day: string }): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('supervision_report_messages')
    .values({ id, report_id: input.reportId, author: input.author, kind: input.kind, handler_id: input.handlerId, created_on: input.day, content: seal(input.key, Buffer.from(input.text, 'utf8'), aad.message(input.reportId, id)) })
    .execute();
  return id;
}

/**
 * Wraps the report key for every eligible handler of its body who has set up a key and cannot open
 * it yet (new handlers, or handlers who set up their key after the report came in). Runs whenever
 * someone who holds the key (a handler, or the reporter with the receipt) opens the report.
 */
export async function shareWithHandlers(trx: Executor, report: { id: string; body_id: string; department_id: string | null }, key: Buffer): Promise<number> {
  const eligible = await eligibleHandlers(trx, report.body_id, report.department_id);
  if (eligible.length === 0) return 0;
  const [keys, existing] = await Promise.all([
    publicKeysOf(trx, eligible),
    trx.selectFrom('supervision_report_keys').select('user_id').where('report_id', '=', report.id).execute(),
  ]);
  const has = new Set(existing.map((e) => e.user_id));
  let wrapped = 0;
  for (const [userId, publicKey] of keys) {
    if (has.has(userId)) continue;
    await trx.insertInto('supervision_report_keys').values({ report_id: report.id, user_id: userId, wrapped: wrapForHandler(key, publicKey, report.id) }).onConflict((oc) => oc.doNothing()).execute();
    wrapped++;
  }
  return wrapped;
}

export interface ThreadMessage {
  id: string;
  author: 'reporter' | 'handler';
  kind: 'message' | 'question';
  on: string;
  text: string;
  files: ThreadFile[];
}

export interface ThreadFile extends FileMeta {
  id: string;
  size: number;
  on: string;
}

export interface DecryptedReport {
  id: string;
  seq: number;
  state: ReportState;
  outcome: ReportOutcome | null;
  receivedOn: string;
  updatedOn: string;
  concludedOn: string | null;
  dueAt: Date;
  overdue: boolean;
  awaitingReporter: boolean;
  bodyId: string;
  departmentId: string | null;
  content: ReportContent;
  conclusion: string | null;
  /** Files sent with the report itself. */
  files: ThreadFile[];
  messages: ThreadMessage[];
}

/** Opens everything of a report with its key (content, conclusion, messages, file names). */
export async function decryptReport(db: Executor, reportId: string, key: Buffer): Promise<DecryptedReport | null> {
  const row = await db.selectFrom('supervision_reports').selectAll().where('id', '=', reportId).executeTakeFirst();
  if (!row) return null;
  const content = openJson<ReportContent>(key, row.content, aad.content(row.id));
  if (!content) return null;
  const [messages, files] = await Promise.all([
    db.selectFrom('supervision_report_messages').selectAll().where('report_id', '=', row.id).orderBy('seq').execute(),
    db.selectFrom('supervision_report_files').select(['id', 'message_id', 'size', 'meta', 'created_on']).where('report_id', '=', row.id).orderBy('seq').execute(),
  ]);
  const fileViews = files.map((f) => ({ messageId: f.message_id, view: { id: f.id, size: f.size, on: f.created_on, ...(openJson<FileMeta>(key, f.meta, aad.fileMeta(row.id, f.id)) ?? { fileName: '?', contentType: 'application/octet-stream', kind: 'document' as const }) } }));
  const conclusion = row.conclusion ? open(key, row.conclusion, aad.conclusion(row.id))?.toString('utf8') ?? null : null;
  return {
    id: row.id,
    seq: row.seq,
    state: row.state,
    outcome: row.outcome,
    receivedOn: row.received_on,
    updatedOn: row.updated_on,
    concludedOn: row.concluded_on,
    dueAt: row.due_at,
    overdue: row.overdue,
    awaitingReporter: row.awaiting_reporter,
    bodyId: row.body_id,
    departmentId: row.department_id,
    content,
    conclusion,
    files: fileViews.filter((f) => f.messageId === null).map((f) => f.view),
    messages: messages.map((m) => ({
      id: m.id,
      author: m.author,
      kind: m.kind,
      on: m.created_on,
      text: open(key, m.content, aad.message(row.id, m.id))?.toString('utf8') ?? '',
      files: fileViews.filter((f) => f.messageId === m.id).map((f) => f.view),
    })),
  };
}

/** One file's bytes and meta, opened with the report key. */
export async function decryptFile(db: Executor, reportId: string, fileId: string, key: Buffer): Promise<(FileMeta & { bytes: Buffer }) | null> {
  const row = await db.selectFrom('supervision_report_files').selectAll().where('id', '=', fileId).where('report_id', '=', reportId).executeTakeFirst();
  if (!row) return null;
  const meta = openJson<FileMeta>(key, row.meta, aad.fileMeta(reportId, fileId));
  const bytes = open(key, row.content, aad.file(reportId, fileId));
  return meta && bytes ? { ...meta, bytes } : null;
}
