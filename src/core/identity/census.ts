import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import { transact } from '../db/transact.js';
import type { Executor } from '../db/database.js';
import { fail, ok, type Result } from '../errors.js';
import { writeAudit } from '../audit/audit-log.js';
import type { Actor } from '../permissions/actor.js';
import { parseCsv } from '../csv.js';

/** Document numbers compare without spaces, hyphens or case, and full-width digits count as digits. */
export function normalizeDocumentNumber(raw: string): string {
  return raw.normalize('NFKC').toUpperCase().replace(/[\s\-./]/g, '');
}

/** The installation's secret salt for document-number hashes, created by the first migration. */
export async function censusSalt(db: Executor): Promise<string> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'census_salt').executeTakeFirstOrThrow();
  return row.value as string;
}

/** HMAC-SHA256 of the normalized document number: the only form in which it is ever stored. */
export function documentHash(salt: string, documentNumber: string): string {
  return createHmac('sha256', salt).update(normalizeDocumentNumber(documentNumber)).digest('hex');
}

export type CensusLineProblem =
  | 'census_missing_value'
  | 'census_bad_date'
  | 'census_bad_hash'
  | 'census_unknown_area'
  | 'census_duplicate_in_file';

export interface CensusImportReport {
  batchId: number;
  total: number;
  inserted: number;
  updated: number;
  rejected: { line: number; code: CensusLineProblem }[];
}

const MAX_REJECTED_LISTED = 200;

/**
 * Imports a census CSV. Header `document_number,birth_date,area` (numbers are hashed on the way
 * in and never stored) or `document_hash,birth_date,area` (already hashed with this installation's
 * salt); `area` is an area slug. Valid lines are upserted by document hash in one transaction;
 * bad lines are reported by number and skipped. Progress is reported as lines are written.
 */
export async function importCensus(
  { db, clock }: Deps,
  actor: Actor,
  input: { fileName: string; csv: string },
  onProgress: (done: number, total: number) => void = () => {},
): Promise<Result<CensusImportReport, 'census_file_invalid'>> {
  const rows = parseCsv(input.csv);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const numberCol = header.indexOf('document_number');
  const hashCol = header.indexOf('document_hash');
  const dateCol = header.indexOf('birth_date');
  const areaCol = header.indexOf('area');
  if ((numberCol < 0 && hashCol < 0) || dateCol < 0 || areaCol < 0) {
    return fail('census_file_invalid', { params: { header: header.join(',') } });
  }
  const salt = await censusSalt(db);
  const areas = new Map((await db.selectFrom('areas').select(['id', 'slug']).execute()).map((a) => [a.slug, a.id]));
  const rejected: CensusImportReport['rejected'] = [];
  const valid: { document_hash: string; birth_date: string; area_id: string }[] = [];
  const seen = new Set<string>();
  rows.slice(1).forEach((cells, index) => {
    const line = index + 2;
    if (cells.length === 1 && cells[0]!.trim() === '') return; // blank line
    const rawId = (cells[numberCol >= 0 ? numberCol : hashCol] ?? '').trim();
    const birthDate = (cells[dateCol] ?? '').trim();
    const areaSlug = (cells[areaCol] ?? '').trim();
    if (!rawId || !birthDate || !areaSlug) return void rejected.push({ line, code: 'census_missing_value' });
    if (!isCalendarDate(birthDate)) return void rejected.push({ line, code: 'census_bad_date' });
    const hash = numberCol >= 0 ? documentHash(salt, rawId) : rawId.toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(hash)) return void rejected.push({ line, code: 'census_bad_hash' });
    const areaId = areas.get(areaSlug);
    if (!areaId) return void rejected.push({ line, code: 'census_unknown_area' });
    if (seen.has(hash)) return void rejected.push({ line, code: 'census_duplicate_in_file' });
    seen.add(hash);
    valid.push({ document_hash: hash, birth_date: birthDate, area_id: areaId });
  });
  const now = clock.now();
  return transact(db, async (trx) => {
    const batch = await trx
      .insertInto('census_batches')
      .values({ imported_by: actor.kind === 'user' ? actor.id : null, imported_at: now, file_name: input.fileName, rows_total: valid.length + rejected.length, rows_inserted: 0, rows_updated: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    let inserted = 0;
    const chunk = 1000;
    for (let start = 0; start < valid.length; start += chunk) {
      const part = valid.slice(start, start + chunk).map((v) => ({ ...v, batch_id: batch.id }));
      const result = await trx
        .insertInto('census_entries')
        .values(part)
        .onConflict((oc) =>
          oc.column('document_hash').doUpdateSet((eb) => ({
            birth_date: eb.ref('excluded.birth_date'),
            area_id: eb.ref('excluded.area_id'),
            batch_id: eb.ref('excluded.batch_id'),
          })),
        )
        .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
        .execute();
      inserted += result.filter((r) => r.inserted).length;
      onProgress(Math.min(start + chunk, valid.length), valid.length);
    }
    const updated = valid.length - inserted;
    await trx.updateTable('census_batches').set({ rows_inserted: inserted, rows_updated: updated }).where('id', '=', batch.id).execute();
    // Verified residents follow their census entry to a new area.
    await trx
      .updateTable('users')
      .set({ area_id: sql`(select area_id from census_entries c where c.verified_user_id = users.id)` })
      .where('id', 'in', trx.selectFrom('census_entries').select('verified_user_id').where('batch_id', '=', batch.id).where('verified_user_id', 'is not', null).$narrowType<{ verified_user_id: string }>())
      .execute();
    await writeAudit(
      trx,
      actor,
      {
        action: 'census.imported',
        resourceType: 'census_batch',
        resourceId: String(batch.id),
        data: { total: valid.length + rejected.length, inserted, updated, rejected: rejected.length },
        public: true,
      },
      now,
    );
    return ok({
      batchId: Number(batch.id),
      total: valid.length + rejected.length,
      inserted,
      updated,
      rejected: rejected.slice(0, MAX_REJECTED_LISTED),
    });
  });
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && date.getUTCFullYear() >= 1900;
}
