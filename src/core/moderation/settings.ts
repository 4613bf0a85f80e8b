import type { Executor } from '../db/database.js';

export const DEFAULT_MODERATION_THRESHOLD = 3;

/** How many distinct people's reports hide content until a moderator reviews it (setting `moderation_threshold`, default 3). */
export async function readModerationThreshold(db: Executor): Promise<number> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'moderation_threshold').executeTakeFirst();
  const value = Number(row?.value);
  return Number.isInteger(value) && value >= 1 ? value : DEFAULT_MODERATION_THRESHOLD;
}
