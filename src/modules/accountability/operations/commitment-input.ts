import type { Tx } from '../../../core/db/database.js';
import type { FieldError } from '../../../core/errors.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { searchVector } from '../../../core/search/text-search.js';
import type { CommitmentKind, OriginType } from '../tables.js';

/** The post an official acts in for a department (the preferred post first, when they hold it). */
export function officialPostIn(actor: Actor, departmentId: string, preferredPostId?: string | null): string | null {
  if (actor.kind !== 'user' || actor.assistedBy) return null;
  const posts = actor.posts.filter((p) => p.organizationId === departmentId);
  return (posts.find((p) => p.id === preferredPostId) ?? posts[0])?.id ?? null;
}

/** What a department states about a commitment (created or edited). */
export interface CommitmentDetails {
  kind: CommitmentKind;
  title: string;
  titleZh?: string | null;
  description: string;
  descriptionZh?: string | null;
  legalBasis: string;
  legalBasisZh?: string | null;
  departmentId: string;
  postId?: string | null;
  areaId?: string | null;
  plannedBudget: number;
  currency?: string;
  plannedStart: string;
  plannedEnd: string;
  benefitIndicator: string;
  benefitIndicatorZh?: string | null;
  benefitUnit: string;
  benefitBaseline: number;
  benefitTarget: number;
}

export interface Origin {
  type: OriginType;
  id: string;
}

/** The row values of the details (trimmed, empty optional texts as null), with the search vector. */
export function detailValues(d: CommitmentDetails) {
  const opt = (v: string | null | undefined) => v?.trim() || null;
  return {
    kind: d.kind,
    title: d.title.trim(),
    title_zh: opt(d.titleZh),
    description: d.description.trim(),
    description_zh: opt(d.descriptionZh),
    legal_basis: d.legalBasis.trim(),
    legal_basis_zh: opt(d.legalBasisZh),
    department_id: d.departmentId,
    post_id: d.postId ?? null,
    area_id: d.areaId ?? null,
    planned_budget: d.plannedBudget,
    currency: d.currency ?? 'CNY',
    planned_start: d.plannedStart,
    planned_end: d.plannedEnd,
    benefit_indicator: d.benefitIndicator.trim(),
    benefit_indicator_zh: opt(d.benefitIndicatorZh),
    benefit_unit: d.benefitUnit.trim(),
    benefit_baseline: d.benefitBaseline,
    benefit_target: d.benefitTarget,
    tsv: searchVector(`${d.title} ${d.titleZh ?? ''}`, `${d.description} ${d.descriptionZh ?? ''} ${d.benefitIndicator} ${d.benefitIndicatorZh ?? ''}`) as never,
  };
}

/**
 * Checks the department (a verified government organization the actor may act for: an official of
 * it, or an administrator), the post in it, the area, the dates and the origin; returns field errors.
 */
export async function checkDetails(trx: Tx, actor: Actor, d: CommitmentDetails, origin: Origin | null): Promise<FieldError[]> {
  const fields: FieldError[] = [];
  const department = await trx
    .selectFrom('organizations')
    .select('id')
    .where('id', '=', d.departmentId)
    .where('sector', '=', 'government')
    .where('status', '=', 'verified')
    .executeTakeFirst();
  const isAdmin = actor.kind === 'user' && !actor.assistedBy && actor.roles.includes('administrator');
  const holdsPost = actor.kind === 'system' || (actor.kind === 'user' && !actor.assistedBy && actor.posts.some((p) => p.organizationId === d.departmentId));
  if (!department || !(isAdmin || holdsPost)) fields.push({ path: 'departmentId', code: 'commitment_department_invalid' });
  if (d.postId) {
    const post = await trx.selectFrom('posts').select('id').where('id', '=', d.postId).where('organization_id', '=', d.departmentId).executeTakeFirst();
    if (!post) fields.push({ path: 'postId', code: 'commitment_post_invalid' });
  }
  if (d.areaId) {
    const area = await trx.selectFrom('areas').select('id').where('id', '=', d.areaId).executeTakeFirst();
    if (!area) fields.push({ path: 'areaId', code: 'commitment_area_invalid' });
  }
  if (d.plannedEnd < d.plannedStart) fields.push({ path: 'plannedEnd', code: 'planned_end_before_start' });
  if (origin && !(await originExists(trx, origin))) fields.push({ path: 'origin', code: 'commitment_origin_invalid' });
  return fields;
}

/** Whether the record a commitment says it comes from exists (its visibility is the route's check). */
export async function originExists(trx: Tx, origin: Origin): Promise<boolean> {
  switch (origin.type) {
    case 'proposal':
      return Boolean(await trx.selectFrom('proposals').select('id').where('id', '=', origin.id).where('state', '!=', 'draft').executeTakeFirst());
    case 'budget_project':
      return Boolean(await trx.selectFrom('budget_projects').select('id').where('id', '=', origin.id).executeTakeFirst());
    case 'hearing':
      return Boolean(await trx.selectFrom('hearings').select('id').where('id', '=', origin.id).executeTakeFirst());
    case 'regulation':
      return Boolean(await trx.selectFrom('regulations').select('id').where('id', '=', origin.id).executeTakeFirst());
  }
}
