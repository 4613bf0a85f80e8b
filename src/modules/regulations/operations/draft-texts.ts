import type { Tx } from '../../../core/db/database.js';
import type { FieldError } from '../../../core/errors.js';
import type { Actor } from '../../../core/permissions/actor.js';

/** One clause as the department drafts it; `clauseId` keeps the identity of a clause from an earlier version. */
export interface ClauseInput {
  clauseId?: string | null;
  label: string;
  labelZh?: string | null;
  text: string;
  textZh?: string | null;
}

/** The content of a version as the department drafts it. */
export interface DraftInput {
  title: string;
  titleZh?: string | null;
  introduction?: string;
  introductionZh?: string | null;
  changeNote?: string | null;
  changeNoteZh?: string | null;
  clauses: ClauseInput[];
}

const blankToNull = (text: string | null | undefined) => text?.trim() || null;

/** The version's own fields from a draft input. */
export function versionFields(input: DraftInput) {
  return {
    title: input.title.trim(),
    title_zh: blankToNull(input.titleZh),
    introduction: input.introduction?.trim() ?? '',
    introduction_zh: blankToNull(input.introductionZh),
    change_note: blankToNull(input.changeNote),
    change_note_zh: blankToNull(input.changeNoteZh),
  };
}

/** The post the actor holds in the department, in whose name they act. */
export function postIn(actor: Actor, departmentId: string): string | null {
  return actor.kind === 'user' && !actor.assistedBy ? (actor.posts.find((p) => p.organizationId === departmentId)?.id ?? null) : null;
}

/**
 * Replaces the clauses of a draft version. A clause given with `clauseId` keeps that identity (it
 * must be one of this regulation's clauses, once); a clause without one gets a new identity.
 * Identities no version uses any more (dropped from an unpublished draft) are removed.
 * Returns the field problems instead of writing when an identity is unknown or repeated.
 */
export async function writeDraftClauses(trx: Tx, regulationId: string, versionId: string, clauses: ClauseInput[], now: Date): Promise<FieldError[]> {
  const known = new Set(
    (await trx.selectFrom('regulation_clauses').select('id').where('regulation_id', '=', regulationId).execute()).map((c) => c.id),
  );
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  clauses.forEach((clause, i) => {
    if (!clause.clauseId) return;
    if (!known.has(clause.clauseId)) problems.push({ path: `clauses.${i}.clauseId`, code: 'clause_not_found' });
    else if (seen.has(clause.clauseId)) problems.push({ path: `clauses.${i}.clauseId`, code: 'duplicate_clause' });
    seen.add(clause.clauseId);
  });
  if (problems.length > 0) return problems;

  await trx.deleteFrom('regulation_clause_texts').where('version_id', '=', versionId).execute();
  const rows = [];
  for (const [i, clause] of clauses.entries()) {
    const clauseId =
      clause.clauseId ??
      (await trx.insertInto('regulation_clauses').values({ regulation_id: regulationId, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    rows.push({
      version_id: versionId,
      clause_id: clauseId,
      position: i + 1,
      label: clause.label.trim(),
      label_zh: blankToNull(clause.labelZh),
      body: clause.text.trim(),
      body_zh: blankToNull(clause.textZh),
    });
  }
  if (rows.length > 0) await trx.insertInto('regulation_clause_texts').values(rows).execute();
  await trx
    .deleteFrom('regulation_clauses')
    .where('regulation_id', '=', regulationId)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('regulation_clause_texts as t').select('t.clause_id').whereRef('t.clause_id', '=', 'regulation_clauses.id'))),
    )
    .execute();
  return [];
}
