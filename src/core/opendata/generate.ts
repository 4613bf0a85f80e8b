import type { Deps } from '../deps.js';
import type { Executor } from '../db/database.js';
import { platformModules, type ModuleManifest } from '../module.js';
import type { ResourceAdapter } from '../resources.js';
import type { Actor } from '../permissions/actor.js';
import type { JobDefinition } from '../jobs/scheduler.js';
import { transact } from '../db/transact.js';
import { ok } from '../errors.js';
import { writeAudit } from '../audit/audit-log.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import { localDate } from '../calendar/working-days.js';
import { buildArchive, type ModuleOpenData } from './archive.js';
import { coreOpenData } from './core-source.js';
import type { ArchiveDataset, ArchiveFile } from './tables.js';

/** The core's tables first, then each module's, in the platform's module order. */
export function openDataSources(modules: readonly ModuleManifest[], now: Date): ModuleOpenData[] {
  const resources = new Map<string, ResourceAdapter>();
  for (const m of modules) for (const [type, adapter] of Object.entries(m.resources ?? {})) resources.set(type, adapter);
  return [
    { module: 'core', source: coreOpenData(resources, now) },
    ...modules.filter((m) => m.openData).map((m) => ({ module: m.name, source: m.openData! })),
  ];
}

/** What the open-data page and API tell about the stored archive. */
export interface ArchiveMeta {
  id: number;
  generatedAt: Date;
  trigger: 'schedule' | 'manual';
  size: number;
  sha256: string;
  auditHeadSeq: number | null;
  auditHeadHash: string | null;
  datasets: ArchiveDataset[];
  files: ArchiveFile[];
}

/** The newest archive's metadata, without its bytes; null before the first one is made. */
export async function latestArchiveMeta(db: Executor): Promise<ArchiveMeta | null> {
  const row = await db
    .selectFrom('open_data_archives')
    .select(['id', 'generated_at', 'trigger', 'size', 'sha256', 'audit_head_seq', 'audit_head_hash', 'datasets', 'files'])
    .orderBy('generated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: Number(row.id),
    generatedAt: row.generated_at,
    trigger: row.trigger,
    size: row.size,
    sha256: row.sha256,
    auditHeadSeq: row.audit_head_seq === null ? null : Number(row.audit_head_seq),
    auditHeadHash: row.audit_head_hash,
    datasets: row.datasets,
    files: row.files,
  };
}

/** The newest archive's bytes and hash. */
export async function latestArchiveBytes(db: Executor): Promise<{ bytes: Buffer; sha256: string; generatedAt: Date } | null> {
  const row = await db
    .selectFrom('open_data_archives')
    .select(['bytes', 'sha256', 'generated_at'])
    .orderBy('generated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { bytes: Buffer.from(row.bytes), sha256: row.sha256, generatedAt: row.generated_at } : null;
}

/**
 * Makes a new archive from one consistent snapshot of the database and stores it in place of the
 * previous one. A regeneration an administrator asked for is written to the audit log with the
 * archive's hash, in the same transaction as the stored archive.
 */
export async function generateOpenDataArchive(
  deps: Deps,
  options: { trigger: 'schedule' | 'manual'; actor: Actor; modules?: readonly ModuleManifest[] },
): Promise<ArchiveMeta> {
  const now = deps.clock.now();
  const modules = options.modules ?? platformModules(deps);
  const sources = openDataSources(modules, now);
  const built = await deps.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((trx) => buildArchive(trx, sources, now));
  const stored = await transact(deps.db, async (trx) => {
    const row = await trx
      .insertInto('open_data_archives')
      .values({
        generated_at: now,
        trigger: options.trigger,
        size: built.size,
        sha256: built.sha256,
        audit_head_seq: built.auditHead?.seq ?? null,
        audit_head_hash: built.auditHead?.hash ?? null,
        datasets: JSON.stringify(built.datasets),
        files: JSON.stringify(built.files),
        bytes: Buffer.from(built.zip),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('open_data_archives').where('id', '<>', row.id).execute();
    if (options.trigger === 'manual') {
      await writeAudit(
        trx,
        options.actor,
        {
          action: 'open_data.regenerated',
          resourceType: 'open_data_archive',
          resourceId: String(row.id),
          data: { sha256: built.sha256, size: built.size, datasets: built.datasets.length },
          public: true,
        },
        now,
      );
    }
    return ok(Number(row.id));
  });
  if (!stored.ok) throw new Error('open data: the archive could not be stored');
  return {
    id: stored.value,
    generatedAt: now,
    trigger: options.trigger,
    size: built.size,
    sha256: built.sha256,
    auditHeadSeq: built.auditHead?.seq ?? null,
    auditHeadHash: built.auditHead?.hash ?? null,
    datasets: built.datasets,
    files: built.files,
  };
}

/**
 * Regenerates the archive once a day: when there is none yet, or the newest was made on an
 * earlier day of the installation's calendar. Running it again the same day does nothing.
 */
export const openDataJob: JobDefinition = {
  name: 'open-data.daily-archive',
  everyMs: 15 * 60_000,
  async run(deps) {
    const now = deps.clock.now();
    const latest = await deps.db
      .selectFrom('open_data_archives')
      .select('generated_at')
      .orderBy('generated_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (latest) {
      const calendar = await loadCalendar(deps.db);
      if (localDate(latest.generated_at, calendar) === localDate(now, calendar)) return;
    }
    await generateOpenDataArchive(deps, { trigger: 'schedule', actor: { kind: 'system', label: 'open-data' } });
  },
};
