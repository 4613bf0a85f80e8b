import type { Deps } from '../../../core/deps.js';
import type { Tx } from '../../../core/db/database.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { slugify } from '../../../core/slug.js';
import { detailColumns, phaseProblems, type PhaseInput, type ProcessInput } from './process-input.js';
import { randomBytes } from 'node:crypto';

/** The post the actor acts in for a department, if they hold one there. */
export function postIn(actor: Actor, departmentId: string): string | null {
  return actor.kind === 'user' ? (actor.posts.find((p) => p.organizationId === departmentId)?.id ?? null) : null;
}

export async function insertPhases(trx: Tx, processId: string, phases: PhaseInput[]): Promise<void> {
  await trx.deleteFrom('process_phases').where('process_id', '=', processId).execute();
  if (phases.length === 0) return;
  await trx
    .insertInto('process_phases')
    .values(
      phases.map((p, i) => ({
        process_id: processId,
        position: i + 1,
        title: p.title.trim(),
        title_zh: p.titleZh?.trim() || null,
        description: p.description?.trim() ?? '',
        description_zh: p.descriptionZh?.trim() || null,
        starts_at: p.startsAt,
        ends_at: p.endsAt,
        actions: JSON.stringify(p.actions),
      })),
    )
    .execute();
}

async function freeSlug(trx: Tx, title: string): Promise<string> {
  const base = slugify(title) || 'process';
  for (let n = 1; n < 50; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await trx.selectFrom('processes').select('id').where('slug', '=', candidate).executeTakeFirst())) return candidate;
  }
  return `${base}-${randomBytes(3).toString('hex')}`;
}

/** Creates a participatory process as a draft, with its phases, in the name of the responsible department. */
export async function createProcess(
  { db, clock }: Deps,
  actor: Actor,
  input: ProcessInput,
): Promise<Result<{ id: string; slug: string }, 'validation_failed' | 'not_found' | 'slug_taken'>> {
  const problems = phaseProblems(input);
  if (problems.length > 0) return fail('validation_failed', { fields: problems });
  const now = clock.now();
  return transact(db, async (trx) => {
    const department = await trx.selectFrom('organizations').select(['id', 'sector']).where('id', '=', input.departmentId).executeTakeFirst();
    if (!department || department.sector !== 'government') return fail('not_found', { fields: [{ path: 'departmentId', code: 'not_found' }] });
    if (input.postId) {
      const post = await trx.selectFrom('posts').select('organization_id').where('id', '=', input.postId).executeTakeFirst();
      if (!post || post.organization_id !== input.departmentId) return fail('not_found', { fields: [{ path: 'postId', code: 'not_found' }] });
    }
    if (input.areaId && !(await trx.selectFrom('areas').select('id').where('id', '=', input.areaId).executeTakeFirst())) {
      return fail('not_found', { fields: [{ path: 'areaId', code: 'not_found' }] });
    }
    if (input.slug && (await trx.selectFrom('processes').select('id').where('slug', '=', input.slug).executeTakeFirst())) {
      return fail('slug_taken', { fields: [{ path: 'slug', code: 'slug_taken' }] });
    }
    const slug = input.slug ?? (await freeSlug(trx, input.title));
    const row = await trx
      .insertInto('processes')
      .values({
        slug,
        ...detailColumns(input),
        department_id: input.departmentId,
        post_id: input.postId ?? postIn(actor, input.departmentId),
        status: 'draft',
        created_by: actor.kind === 'user' ? actor.id : null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertPhases(trx, row.id, input.phases);
    await writeAudit(
      trx,
      actor,
      { action: 'process.created', resourceType: 'process', resourceId: row.id, postId: postIn(actor, input.departmentId), data: { title: input.title, phases: input.phases.length }, public: false },
      now,
    );
    return ok({ id: row.id, slug });
  });
}
