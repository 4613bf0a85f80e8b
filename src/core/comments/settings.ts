import type { Executor } from '../db/database.js';

export const DEFAULT_COMMENT_EDIT_MINUTES = 15;

/** How long after writing a comment its author may still edit it (setting `comment_edit_minutes`, default 15). */
export async function readCommentEditMinutes(db: Executor): Promise<number> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'comment_edit_minutes').executeTakeFirst();
  const value = Number(row?.value);
  return Number.isInteger(value) && value >= 0 ? value : DEFAULT_COMMENT_EDIT_MINUTES;
}
