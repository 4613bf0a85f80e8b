import { sql, type Kysely } from 'kysely';
import type { Db } from './database.js';

/** One schema change. Migrations never change once they have run anywhere; add a new one instead. */
export interface Migration {
  name: string;
  // Migrations see the database untyped: the schema they create is what the types describe.
  up(db: Kysely<any>): Promise<void>;
}

/** A named group of migrations (core or one module), applied in the order given. */
export interface MigrationSet {
  module: string;
  migrations: Migration[];
}

export interface MigrationReport {
  applied: string[];
}

const MIGRATION_LOCK = 7_301_001;

/**
 * Applies every migration not yet recorded, each in its own transaction together with its record,
 * module by module in the order given. An advisory lock keeps concurrent starts from racing.
 */
export async function migrate(
  db: Db,
  sets: MigrationSet[],
  onProgress: (name: string) => void = () => {},
): Promise<MigrationReport> {
  await sql`create table if not exists civitas_migrations (
    module text not null,
    name text not null,
    applied_at timestamptz not null default now(),
    primary key (module, name)
  )`.execute(db);
  const applied: string[] = [];
  for (const set of sets) {
    for (const migration of set.migrations) {
      await db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
        const done = await sql<{ n: number }>`select count(*)::int as n from civitas_migrations
          where module = ${set.module} and name = ${migration.name}`.execute(trx);
        if ((done.rows[0]?.n ?? 0) > 0) return;
        onProgress(`${set.module}/${migration.name}`);
        await migration.up(trx as unknown as Kysely<any>);
        await sql`insert into civitas_migrations (module, name) values (${set.module}, ${migration.name})`.execute(trx);
        applied.push(`${set.module}/${migration.name}`);
      });
    }
  }
  return { applied };
}
