import { createHash } from 'node:crypto';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Executor } from '../db/database.js';
import { csvCell } from '../csv.js';
import type { ArchiveDataset, ArchiveFile } from './tables.js';
import type { OpenDataField, OpenDataSource } from './types.js';
import { dataPackage, readme } from './dictionary.js';

export { OPEN_DATA_LICENCE } from './licence.js';

/** A module's contribution, with the module's name for the data dictionary. */
export interface ModuleOpenData {
  module: string;
  source: OpenDataSource;
}

export interface BuiltArchive {
  zip: Uint8Array;
  size: number;
  sha256: string;
  datasets: ArchiveDataset[];
  files: ArchiveFile[];
  auditHead: { seq: number; hash: string } | null;
}


const TABLE_NAME = /^[a-z][a-z0-9_]*$/;
const FILE_PATH = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/i;
const RESERVED = new Set(['README.md', 'datapackage.json']);

/** A row with exactly the table's fields, in their order; dates as ISO strings, missing values as null. */
function shape(row: Record<string, unknown>, fields: OpenDataField[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = row[f.name];
    out[f.name] = v === undefined ? null : v instanceof Date ? v.toISOString() : v;
  }
  return out;
}

function cell(value: unknown, type: OpenDataField['type']): string {
  if (value === null || value === undefined) return '';
  if (type === 'json' || (typeof value === 'object' && !(value instanceof Date))) return csvCell(JSON.stringify(value));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return csvCell(value);
}

/** CSV with a byte-order mark (so spreadsheet programs read Chinese as UTF-8), CRLF line ends, a header row of field names. */
export function toCsv(rows: Record<string, unknown>[], fields: OpenDataField[]): string {
  const lines = [fields.map((f) => csvCell(f.name)).join(',')];
  for (const row of rows) lines.push(fields.map((f) => cell(row[f.name], f.type)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A JSON array with one row per line: easy to read, to diff and to stream. */
export function toJson(rows: Record<string, unknown>[]): string {
  return rows.length === 0 ? '[]\n' : `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}

/**
 * Builds the archive from every module's public records: `<table>.csv` and `<table>.json` per data
 * set, the modules' files in other standards' formats at their paths, `datapackage.json`
 * (Frictionless Data) and a `README.md` data dictionary in English and Chinese. The order of files
 * and rows is fixed, so the same data gives the same contents.
 */
export async function buildArchive(db: Executor, sources: ModuleOpenData[], generatedAt: Date): Promise<BuiltArchive> {
  const datasets: ArchiveDataset[] = [];
  const files: ArchiveFile[] = [];
  const contents = new Map<string, string>();
  for (const { module, source } of sources) {
    for (const table of source.tables) {
      if (!TABLE_NAME.test(table.name)) throw new Error(`open data: bad table name ${table.name} (${module})`);
      if (datasets.some((d) => d.name === table.name)) throw new Error(`open data: table ${table.name} is declared twice (${module})`);
      const rows = (await table.rows(db)).map((r) => shape(r, table.fields));
      contents.set(`${table.name}.csv`, toCsv(rows, table.fields));
      contents.set(`${table.name}.json`, toJson(rows));
      datasets.push({ name: table.name, module, description: table.description, rows: rows.length, fields: table.fields.map((f) => ({ ...f })) });
    }
    const extra = source.files ? await source.files(db) : [];
    for (const file of [...extra].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
      if (!FILE_PATH.test(file.path) || file.path.split('/').includes('..') || RESERVED.has(file.path) || contents.has(file.path)) {
        throw new Error(`open data: bad or duplicate file path ${file.path} (${module})`);
      }
      contents.set(file.path, file.content);
      files.push({ path: file.path, module, description: file.description, bytes: Buffer.byteLength(file.content) });
    }
  }
  const head = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const auditHead = head ? { seq: Number(head.seq), hash: head.hash } : null;

  const info = { generatedAt, datasets, files, auditHead };
  const zippable: Zippable = {};
  const mtime = generatedAt;
  zippable['README.md'] = [strToU8(readme(info)), { mtime }];
  zippable['datapackage.json'] = [strToU8(`${JSON.stringify(dataPackage(info), null, 2)}\n`), { mtime }];
  for (const [path, text] of contents) zippable[path] = [strToU8(text), { mtime }];
  const zip = zipSync(zippable, { level: 6 });
  return { zip, size: zip.byteLength, sha256: createHash('sha256').update(zip).digest('hex'), datasets, files, auditHead };
}
