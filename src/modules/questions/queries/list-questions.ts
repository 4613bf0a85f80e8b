import { sql, type ExpressionBuilder } from 'kysely';
import type { Executor, Tables } from '../../../core/db/database.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { searchQuery } from '../../../core/search/text-search.js';
import type { QuestionState } from '../tables.js';

export interface ListFilters {
  q?: string;
  departmentId?: string;
  /** The area and its sub-areas. */
  areaIds?: string[];
  /** As residents see states: `overdue` includes questions past due before the sweep ran. */
  state?: QuestionState;
  category?: string;
  /** Only the caller's own questions, hidden ones included. */
  mine: boolean;
  /** Only answered and declined questions (the latest answers). */
  responded?: boolean;
  sort: 'newest' | 'cosigns' | 'due' | 'answered';
  limit: number;
  offset: number;
}

type Scope = Tables & { q: Tables['questions'] };

/** The caller's own questions: asked by them, or for an organization they represent. */
export function askedBy(actor: Actor) {
  return (eb: ExpressionBuilder<Scope, 'q'>) => {
    if (actor.kind !== 'user') return eb.val(false);
    const organizations = actor.memberships.filter((m) => m.role === 'representative').map((m) => m.organizationId);
    return eb.or([eb('q.author_id', '=', actor.id), ...(organizations.length > 0 ? [eb('q.organization_id', 'in', organizations)] : [])]);
  };
}

const PENDING = ['published', 'transferred', 'overdue'] as const;

/**
 * Questions as a list, filtered in SQL by what the caller may see (not hidden, or the caller's own
 * with `mine`), by department, area, category, state as residents see it now, and English or
 * Chinese words; newest first, most co-signed first, or soonest due first.
 */
export async function listQuestions(db: Executor, actor: Actor, now: Date, filters: ListFilters) {
  let query = db.selectFrom('questions as q');
  if (filters.mine) query = query.where(askedBy(actor));
  else query = query.where('q.hidden_at', 'is', null);
  if (filters.departmentId) query = query.where('q.department_id', '=', filters.departmentId);
  if (filters.category) query = query.where('q.category', '=', filters.category);
  if (filters.areaIds) query = query.where('q.area_id', 'in', filters.areaIds.length > 0 ? filters.areaIds : ['00000000-0000-0000-0000-000000000000']);
  if (filters.responded) query = query.where('q.state', 'in', ['answered', 'declined']);
  if (filters.state === 'overdue') query = query.where('q.state', 'in', [...PENDING]).where('q.answer_due_at', '<=', now);
  else if (filters.state === 'published' || filters.state === 'transferred') query = query.where('q.state', '=', filters.state).where('q.answer_due_at', '>', now);
  else if (filters.state) query = query.where('q.state', '=', filters.state);
  const tsQuery = filters.q ? searchQuery(filters.q) : null;
  if (filters.q && !tsQuery) query = query.where(sql<boolean>`false`);
  if (tsQuery) query = query.where((eb) => eb(eb.ref('q.tsv'), '@@', tsQuery as never));

  const me = actor.kind === 'user' ? actor.id : null;
  let rows = query
    .innerJoin('users as u', 'u.id', 'q.author_id')
    .innerJoin('organizations as d', 'd.id', 'q.department_id')
    .leftJoin('organizations as o', 'o.id', 'q.organization_id')
    .leftJoin('posts as p', 'p.id', 'q.post_id')
    .select([
      'q.id', 'q.title', 'q.body', 'q.state', 'q.department_id', 'q.area_id', 'q.category', 'q.cosigns_count', 'q.created_at', 'q.answer_due_at',
      'q.answered_at', 'q.hidden_at', 'q.parent_id', 'u.display_name',
      'd.slug as dept_slug', 'd.name as dept_name', 'd.name_zh as dept_name_zh',
      'o.id as org_id', 'o.slug as org_slug', 'o.name as org_name', 'o.name_zh as org_name_zh',
      'p.id as post_id', 'p.title as post_title', 'p.title_zh as post_title_zh',
    ])
    .select((eb) =>
      me
        ? eb.exists(eb.selectFrom('question_cosigns as c').select('c.user_id').whereRef('c.question_id', '=', 'q.id').where('c.user_id', '=', me)).as('cosigned_by_me')
        : sql<boolean>`false`.as('cosigned_by_me'),
    );
  if (filters.sort === 'cosigns') rows = rows.orderBy('q.cosigns_count', 'desc').orderBy('q.created_at', 'desc');
  else if (filters.sort === 'due') rows = rows.orderBy(sql`case when q.state in ('published', 'transferred', 'overdue') then 0 else 1 end`).orderBy('q.answer_due_at');
  else if (filters.sort === 'answered') rows = rows.orderBy(sql`q.answered_at desc nulls last`).orderBy('q.created_at', 'desc');
  else rows = rows.orderBy('q.created_at', 'desc');
  const [list, total] = await Promise.all([
    rows.orderBy('q.id').limit(filters.limit).offset(filters.offset).execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: list, total: total.n };
}

export type ListedQuestion = Awaited<ReturnType<typeof listQuestions>>['rows'][number];

/** Categories already used by visible questions, for suggestions. */
export async function questionCategories(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('questions')
    .select('category')
    .distinct()
    .where('hidden_at', 'is', null)
    .where('category', 'is not', null)
    .orderBy('category')
    .limit(100)
    .execute();
  return rows.map((r) => r.category!);
}
