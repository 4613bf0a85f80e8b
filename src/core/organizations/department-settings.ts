import type { Insertable, Kysely } from 'kysely';
import type { Tables, Tx } from '../db/database.js';
import type { Deps } from '../deps.js';
import { transact } from '../db/transact.js';
import { fail, ok, type FieldError, type Result } from '../errors.js';
import { writeAudit } from '../audit/audit-log.js';
import type { UserActor } from '../permissions/actor.js';
import { findDepartment, officialPostIn } from './departments.js';

/** A legal ground a department may rely on (to decline a question, to refuse a request) as entered. */
export interface LegalGroundInput {
  code: string;
  label: string;
  labelZh?: string | null;
  legalReference: string;
}

/** A legal ground as stored in a department's settings (JSON). */
export interface LegalGround {
  code: string;
  label: string;
  label_zh: string | null;
  legal_reference: string;
}

/** The legal grounds trimmed for storage, and a field error (`errorCode`) for each repeated code. */
export function legalGrounds(input: LegalGroundInput[], path: string, errorCode: string): { grounds: LegalGround[]; fields: FieldError[] } {
  const fields: FieldError[] = [];
  const seen = new Set<string>();
  for (const [i, g] of input.entries()) {
    if (seen.has(g.code)) fields.push({ path: `${path}.${i}.code`, code: errorCode });
    seen.add(g.code);
  }
  const grounds = input.map((g) => ({ code: g.code, label: g.label.trim(), label_zh: g.labelZh?.trim() || null, legal_reference: g.legalReference.trim() }));
  return { grounds, fields };
}

/** The tables that hold one row of settings per department, keyed by `department_id`. */
export type DepartmentSettingsTable = { [K in keyof Tables]: Tables[K] extends { department_id: unknown; updated_at: unknown; updated_by: unknown } ? K : never }[keyof Tables];

type Department = NonNullable<Awaited<ReturnType<typeof findDepartment>>>;

export interface DepartmentSettingsUpdate<T extends DepartmentSettingsTable> {
  departmentId: string;
  table: T;
  /** The row's values besides the department, the time and the person (set here). */
  values: Omit<Insertable<Tables[T]>, 'department_id' | 'updated_at' | 'updated_by'>;
  /** Module-specific checks inside the transaction, once the department is known to exist. */
  check?: (trx: Tx) => Promise<FieldError[]>;
  /** The audit action, e.g. `questions.settings_updated`. */
  action: string;
  /** What the public audit row records. */
  auditData: (department: Department) => Record<string, unknown>;
}

/**
 * Saves a department's settings row for a module (insert or replace) in one transaction with its
 * audit row, public since residents rely on these rules. A department that does not exist (or is
 * not a verified government one) is `not_found`; fields the `check` refuses are `validation_failed`.
 */
export async function saveDepartmentSettings<T extends DepartmentSettingsTable>(
  { db, clock }: Deps,
  actor: UserActor,
  update: DepartmentSettingsUpdate<T>,
): Promise<Result<null, 'not_found' | 'validation_failed'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const department = await findDepartment(trx, update.departmentId);
    if (!department) return fail('not_found');
    const fields = update.check ? await update.check(trx) : [];
    if (fields.length > 0) return fail('validation_failed', { fields });
    const values: Record<string, unknown> = { ...update.values, updated_at: now, updated_by: actor.id };
    // The table is one of several modules' settings tables, all keyed by department_id; the caller's values are typed for it.
    await (trx as unknown as Kysely<Record<string, Record<string, unknown>>>)
      .insertInto(update.table as string)
      .values({ department_id: department.id, ...values })
      .onConflict((oc) => oc.column('department_id').doUpdateSet(values))
      .execute();
    await writeAudit(
      trx,
      actor,
      { action: update.action, resourceType: 'organization', resourceId: department.id, postId: officialPostIn(actor, department.id), data: update.auditData(department), public: true },
      now,
    );
    return ok(null);
  });
}
