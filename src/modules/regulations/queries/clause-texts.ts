import type { Executor } from '../../../core/db/database.js';
import type { ClauseText } from '../text-diff.js';

/** The clauses of one version in order, as the comparison needs them. */
export async function clauseTexts(db: Executor, versionId: string): Promise<ClauseText[]> {
  const rows = await db
    .selectFrom('regulation_clause_texts')
    .select(['clause_id', 'position', 'label', 'label_zh', 'body', 'body_zh'])
    .where('version_id', '=', versionId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ id: r.clause_id, position: r.position, label: r.label, labelZh: r.label_zh, text: r.body, textZh: r.body_zh }));
}
