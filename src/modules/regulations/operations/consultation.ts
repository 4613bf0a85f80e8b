import type { Tx } from '../../../core/db/database.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { loadProcess } from '../../processes/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ConsultedClause {
  regulationId: string;
  clauseId: string;
  departmentId: string;
  processSlug: string;
  title: string;
  currentVersion: number;
  label: string;
}

/**
 * A clause people act on during the consultation: it belongs to the published regulation, the
 * process has this action open now, and the clause is in the current version.
 */
export async function clauseOpenFor(
  trx: Tx,
  input: { regulationId: string; clauseId: string },
  action: 'comment' | 'support' | 'amend',
  now: Date,
): Promise<Result<ConsultedClause, 'not_found' | 'consultation_closed' | 'clause_not_current'>> {
  if (!UUID.test(input.clauseId) || !UUID.test(input.regulationId)) return fail('not_found');
  const regulation = await trx
    .selectFrom('regulations')
    .select(['id', 'process_id', 'department_id', 'status', 'current_version', 'title'])
    .where('id', '=', input.regulationId)
    .executeTakeFirst();
  if (!regulation || regulation.status !== 'published' || regulation.current_version === null) return fail('not_found');
  const clause = await trx.selectFrom('regulation_clauses').select('id').where('id', '=', input.clauseId).where('regulation_id', '=', regulation.id).executeTakeFirst();
  if (!clause) return fail('not_found');
  const context = await loadProcess(trx, { id: regulation.process_id }, now);
  if (!context) return fail('not_found');
  if (!context.isOpen('regulations', action).open) return fail('consultation_closed');
  const current = await trx
    .selectFrom('regulation_clause_texts as t')
    .innerJoin('regulation_versions as v', 'v.id', 't.version_id')
    .select('t.label')
    .where('v.regulation_id', '=', regulation.id)
    .where('v.number', '=', regulation.current_version)
    .where('t.clause_id', '=', clause.id)
    .executeTakeFirst();
  if (!current) return fail('clause_not_current');
  return ok({
    regulationId: regulation.id,
    clauseId: clause.id,
    departmentId: regulation.department_id,
    processSlug: context.process.slug,
    title: regulation.title,
    currentVersion: regulation.current_version,
    label: current.label,
  });
}
