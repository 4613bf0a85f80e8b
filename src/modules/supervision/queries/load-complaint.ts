import type { Selectable } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { conflictingDepartments } from '../settings.js';
import type { ComplaintRef } from '../policy.js';
import type { SupervisionComplaintsTable } from '../tables.js';

export type ComplaintRow = Selectable<SupervisionComplaintsTable>;

export interface ComplaintRecord {
  row: ComplaintRow;
  ref: ComplaintRef;
}

/** The web path of a complaint's case page. */
export function complaintPath(id: string): string {
  return `/supervision/complaints/${id}`;
}

/** A complaint with what the policy needs (the conflicts of its accused department, the accused post's holder). */
export async function loadComplaint(db: Executor, id: string): Promise<ComplaintRecord | null> {
  const row = await db.selectFrom('supervision_complaints').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return { row, ref: await refOf(db, row) };
}

export async function refOf(db: Executor, row: Pick<ComplaintRow, 'complainant_id' | 'department_id' | 'post_id' | 'body_id'>): Promise<ComplaintRef> {
  const [conflicts, post] = await Promise.all([
    conflictingDepartments(db, row.department_id),
    row.post_id ? db.selectFrom('posts').select('holder_user_id').where('id', '=', row.post_id).executeTakeFirst() : undefined,
  ]);
  return { complainantId: row.complainant_id, departmentId: row.department_id, conflictingDepartmentIds: conflicts, postHolderId: post?.holder_user_id ?? null, bodyId: row.body_id };
}

/** The organizations an actor belongs to (posts held and memberships): the accused side test in SQL. */
export function organizationsOf(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return [...new Set([...actor.posts.map((p) => p.organizationId), ...actor.memberships.map((m) => m.organizationId)])];
}

/** The supervisory bodies in which the actor holds a post. */
export async function bodiesOf(db: Executor, actor: Actor): Promise<string[]> {
  if (actor.kind !== 'user' || actor.blocked || actor.assistedBy || actor.posts.length === 0) return [];
  const ids = [...new Set(actor.posts.map((p) => p.organizationId))];
  const rows = await db.selectFrom('organizations').select('id').where('id', 'in', ids).where('is_supervisory', '=', true).where('sector', '=', 'government').execute();
  return rows.map((r) => r.id);
}

/** The ids of all supervisory bodies (for the policy's "is a handler anywhere" check). */
export async function allBodyIds(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('organizations').select('id').where('is_supervisory', '=', true).where('sector', '=', 'government').execute();
  return rows.map((r) => r.id);
}
