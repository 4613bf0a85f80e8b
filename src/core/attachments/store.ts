/**
 * Where the bytes of attachments live, behind one interface:
 * - `database` (the default): a row of `attachment_contents`, written in the upload's transaction,
 *   so one backup holds everything and several server processes see the same files;
 * - `disk`: files under `ATTACHMENT_DIR`, named by their SHA-256 (identical files are stored once, a
 *   copy costs nothing). A file is written to a temporary name, flushed and renamed before the row
 *   that names it commits, so an acknowledged upload survives a crash; files no row names any more
 *   are swept by a job (after a grace period, so an upload still in flight is never taken).
 * Reading tries the database first and then the disk, so changing the setting loses nothing.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Executor, Tx } from '../db/database.js';

export interface StoredFile {
  id: string;
  sha256: string;
}

export interface AttachmentStore {
  readonly kind: 'database' | 'disk';
  /** Keeps the bytes durably; called inside the transaction that inserts the attachment row. */
  put(trx: Tx, file: StoredFile, bytes: Buffer): Promise<void>;
  /** The bytes, or null when they are missing. */
  get(db: Executor, file: StoredFile): Promise<Buffer | null>;
  /** Removes stored bytes that no attachment names any more; returns how many were removed. */
  sweep(db: Executor): Promise<number>;
}

async function fromDatabase(db: Executor, file: StoredFile): Promise<Buffer | null> {
  const row = await db.selectFrom('attachment_contents').select('bytes').where('attachment_id', '=', file.id).executeTakeFirst();
  return row ? Buffer.from(row.bytes) : null;
}

export const databaseStore: AttachmentStore = {
  kind: 'database',
  async put(trx, file, bytes) {
    await trx.insertInto('attachment_contents').values({ attachment_id: file.id, bytes }).execute();
  },
  get: fromDatabase,
  async sweep() {
    return 0; // rows of attachment_contents go with their attachment (on delete cascade)
  },
};

const SHA256 = /^[0-9a-f]{64}$/;
/** Files younger than this are never swept: their upload's transaction may not have committed yet. */
const SWEEP_GRACE_MS = 60 * 60_000;

/** The store the configuration names. */
export function attachmentStoreFor(config: { ATTACHMENT_STORAGE: 'database' | 'disk'; ATTACHMENT_DIR?: string | undefined; DATA_DIR: string }): AttachmentStore {
  return config.ATTACHMENT_STORAGE === 'disk' ? diskStore(config.ATTACHMENT_DIR ?? path.join(config.DATA_DIR, 'files')) : databaseStore;
}

/** The store of these dependencies (the database when none is set). */
export function storeOf(deps: { files?: AttachmentStore | undefined }): AttachmentStore {
  return deps.files ?? databaseStore;
}

/** The local-disk store, rooted at `dir`. */
export function diskStore(dir: string): AttachmentStore {
  const root = path.resolve(dir);
  const fileOf = (sha256: string) => {
    if (!SHA256.test(sha256)) throw new Error('not a SHA-256');
    return path.join(root, sha256.slice(0, 2), sha256);
  };

  async function readDisk(file: StoredFile): Promise<Buffer | null> {
    try {
      return await fs.readFile(fileOf(file.sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  return {
    kind: 'disk',
    async put(_trx, file, bytes) {
      const target = fileOf(file.sha256);
      await fs.mkdir(path.dirname(target), { recursive: true });
      try {
        await fs.access(target);
        return; // the same content is stored already
      } catch {
        // not there yet
      }
      const temporary = path.join(path.dirname(target), `.${randomUUID()}.part`);
      const handle = await fs.open(temporary, 'wx', 0o640);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temporary, target);
      const directory = await fs.open(path.dirname(target), 'r');
      try {
        await directory.sync();
      } finally {
        await directory.close();
      }
    },
    async get(db, file) {
      return (await fromDatabase(db, file)) ?? readDisk(file);
    },
    async sweep(db) {
      let removed = 0;
      let buckets: string[];
      try {
        buckets = await fs.readdir(root);
      } catch {
        return 0;
      }
      for (const bucket of buckets) {
        if (!/^[0-9a-f]{2}$/.test(bucket)) continue;
        const names = await fs.readdir(path.join(root, bucket));
        for (const name of names) {
          const full = path.join(root, bucket, name);
          const stat = await fs.stat(full).catch(() => null);
          // File times are real times, whatever the platform's clock says (a test clock may run ahead).
          if (!stat || Date.now() - stat.mtimeMs < SWEEP_GRACE_MS) continue;
          if (!SHA256.test(name)) {
            await fs.rm(full, { force: true }); // a temporary file left by a crash
            removed++;
            continue;
          }
          const used = await db.selectFrom('attachments').select('id').where('sha256', '=', name).limit(1).executeTakeFirst();
          if (used) continue;
          await fs.rm(full, { force: true });
          removed++;
        }
      }
      return removed;
    },
  };
}
