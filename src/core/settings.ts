import type { Executor } from './db/database.js';

export interface Installation {
  demo: boolean;
  installation: { name: string; nameZh: string };
}

/** Installation-wide settings: whether this is the demo, and the municipality's name. */
export async function readInstallation(db: Executor): Promise<Installation> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', ['demo', 'installation']).execute();
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  const installation = (byKey.get('installation') as { name?: string; nameZh?: string } | undefined) ?? {};
  return {
    demo: byKey.get('demo') === true,
    installation: { name: installation.name ?? 'Civitas', nameZh: installation.nameZh ?? installation.name ?? 'Civitas' },
  };
}

export async function writeSetting(db: Executor, key: string, value: unknown): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
    .execute();
}
