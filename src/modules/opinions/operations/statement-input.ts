import type { FieldError } from '../../../core/errors.js';
import type { Executor } from '../../../core/db/database.js';
import { statementKey } from '../rules.js';

export interface SeedStatementInput {
  body: string;
  bodyZh?: string | null;
}

/** An existing statement with the same normalized text, if any. */
export async function findDuplicate(db: Executor, conversationId: string, key: string): Promise<{ id: string; tid: number; body: string } | null> {
  const row = await db
    .selectFrom('opinion_statements')
    .select(['id', 'tid', 'body'])
    .where('conversation_id', '=', conversationId)
    .where('body_key', '=', key)
    .executeTakeFirst();
  return row ?? null;
}

/** The keys of a list of new statements, and the problems: empty ones, duplicates within the list. */
export function keysOf(statements: readonly SeedStatementInput[], path: (i: number) => string): { keys: string[]; problems: FieldError[] } {
  const keys = statements.map((s) => statementKey(s.body));
  const problems: FieldError[] = [];
  const seen = new Map<string, number>();
  keys.forEach((key, i) => {
    if (key === '') problems.push({ path: path(i), code: 'statement_empty' });
    else if (seen.has(key)) problems.push({ path: path(i), code: 'statement_duplicate_in_list', params: { number: seen.get(key)! + 1 } });
    else seen.set(key, i);
  });
  return { keys, problems };
}
