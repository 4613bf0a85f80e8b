import type { OpenDataSource } from '../../core/opendata/types.js';
import { iso } from '../../core/opendata/rows.js';
import { ratingAggregates } from './queries/ratings.js';

/**
 * Commitments and programs with their milestones, and the residents' ratings as aggregates only:
 * counts of each score per criterion and round, never who rated or what they wrote.
 */
export const accountabilityOpenData: OpenDataSource = {
  tables: [
    {
      name: 'commitments',
      description: {
        en: 'One commitment or innovation program of a department: what, legal basis, responsible post, area, planned budget and dates, the expected benefit as an indicator, status, progress, money spent, origin, consultation and decision.',
        zh: '部门的一项承诺或创新项目：内容、法律依据、负责职务、区域、计划预算和日期、以指标表述的预期效益、状态、进度、已支出金额、来源、意见征求和决定。',
      },
      fields: [
        { name: 'id', type: 'string', description: 'Identifier.' },
        { name: 'kind', type: 'string', description: 'commitment or innovation_program.' },
        { name: 'title', type: 'string', description: 'Title.' },
        { name: 'title_zh', type: 'string', description: 'Title in Chinese.' },
        { name: 'description', type: 'string', description: 'Description.' },
        { name: 'legal_basis', type: 'string', description: 'The legal basis.' },
        { name: 'department_id', type: 'string', description: 'The responsible department (see organizations).' },
        { name: 'department', type: 'string', description: "That department's name." },
        { name: 'post_title', type: 'string', description: 'The responsible post.' },
        { name: 'area_id', type: 'string', description: 'The area it serves (see areas); empty: everywhere.' },
        { name: 'planned_budget', type: 'number', description: 'Planned budget.' },
        { name: 'spent', type: 'number', description: 'Money spent to date.' },
        { name: 'currency', type: 'string', description: 'ISO 4217 currency.' },
        { name: 'planned_start', type: 'date', description: 'Planned start.' },
        { name: 'planned_end', type: 'date', description: 'Planned end.' },
        { name: 'benefit_indicator', type: 'string', description: 'The indicator residents should see improve.' },
        { name: 'benefit_unit', type: 'string', description: 'Its unit.' },
        { name: 'benefit_baseline', type: 'number', description: 'Its value before.' },
        { name: 'benefit_target', type: 'number', description: 'Its target.' },
        { name: 'benefit_current', type: 'number', description: 'Its latest reported value.' },
        { name: 'status', type: 'string', description: 'proposed, in_consultation, adopted, in_progress, completed or cancelled.' },
        { name: 'progress', type: 'integer', description: 'Percentage done, as last reported.' },
        { name: 'origin_type', type: 'string', description: 'proposal, budget_project, hearing or regulation.' },
        { name: 'origin_id', type: 'string', description: 'The record it came from.' },
        { name: 'consultation_opens_at', type: 'datetime', description: 'When the consultation opened.' },
        { name: 'consultation_ends_at', type: 'datetime', description: 'When it ended.' },
        { name: 'decided_at', type: 'datetime', description: 'When it was adopted or dropped.' },
        { name: 'decision', type: 'string', description: 'The decision.' },
        { name: 'consultation_response', type: 'string', description: 'What the department took from the consultation.' },
        { name: 'consultation_results', type: 'json', description: 'The consultation results frozen with the decision (stance comments, approval ratings).' },
        { name: 'started_at', type: 'datetime', description: 'When work started.' },
        { name: 'completed_at', type: 'datetime', description: 'When it was completed.' },
        { name: 'cancelled_at', type: 'datetime', description: 'When it was cancelled.' },
        { name: 'cancel_reason', type: 'string', description: 'Why.' },
        { name: 'created_at', type: 'datetime', description: 'When it was registered.' },
      ],
      async rows(db) {
        const rows = await db
          .selectFrom('commitments as c')
          .innerJoin('organizations as o', 'o.id', 'c.department_id')
          .leftJoin('posts as p', 'p.id', 'c.post_id')
          .select([
            'c.id', 'c.kind', 'c.title', 'c.title_zh', 'c.description', 'c.legal_basis', 'c.department_id', 'o.name as department', 'p.title as post_title', 'c.area_id',
            'c.planned_budget', 'c.spent', 'c.currency', 'c.planned_start', 'c.planned_end', 'c.benefit_indicator', 'c.benefit_unit', 'c.benefit_baseline', 'c.benefit_target',
            'c.benefit_current', 'c.status', 'c.progress', 'c.origin_type', 'c.origin_id', 'c.consultation_opens_at', 'c.consultation_ends_at', 'c.decided_at', 'c.decision',
            'c.consultation_response', 'c.consultation_summary', 'c.started_at', 'c.completed_at', 'c.cancelled_at', 'c.cancel_reason', 'c.created_at',
          ])
          .orderBy('c.created_at')
          .orderBy('c.id')
          .execute();
        return rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          title: r.title,
          title_zh: r.title_zh,
          description: r.description,
          legal_basis: r.legal_basis,
          department_id: r.department_id,
          department: r.department,
          post_title: r.post_title ?? null,
          area_id: r.area_id,
          planned_budget: Number(r.planned_budget),
          spent: Number(r.spent),
          currency: r.currency,
          planned_start: r.planned_start,
          planned_end: r.planned_end,
          benefit_indicator: r.benefit_indicator,
          benefit_unit: r.benefit_unit,
          benefit_baseline: Number(r.benefit_baseline),
          benefit_target: Number(r.benefit_target),
          benefit_current: r.benefit_current === null ? null : Number(r.benefit_current),
          status: r.status,
          progress: r.progress,
          origin_type: r.origin_type,
          origin_id: r.origin_id,
          consultation_opens_at: iso(r.consultation_opens_at),
          consultation_ends_at: iso(r.consultation_ends_at),
          decided_at: iso(r.decided_at),
          decision: r.decision,
          consultation_response: r.consultation_response,
          consultation_results: r.consultation_summary,
          started_at: iso(r.started_at),
          completed_at: iso(r.completed_at),
          cancelled_at: iso(r.cancelled_at),
          cancel_reason: r.cancel_reason,
          created_at: iso(r.created_at),
        }));
      },
    },
    {
      name: 'commitment_milestones',
      description: { en: 'One milestone of a commitment, with its due date, status and when it was completed.', zh: '承诺的一个里程碑，含截止日期、状态和完成时间。' },
      fields: [
        { name: 'id', type: 'string', description: 'Identifier.' },
        { name: 'commitment_id', type: 'string', description: 'The commitment (see commitments).' },
        { name: 'title', type: 'string', description: 'Title.' },
        { name: 'title_zh', type: 'string', description: 'Title in Chinese.' },
        { name: 'due_on', type: 'date', description: 'Due date.' },
        { name: 'status', type: 'string', description: 'planned, in_progress, completed or cancelled.' },
        { name: 'completed_at', type: 'datetime', description: 'When it was completed.' },
      ],
      async rows(db) {
        const rows = await db.selectFrom('commitment_milestones').select(['id', 'commitment_id', 'title', 'title_zh', 'due_on', 'status', 'completed_at']).orderBy('commitment_id').orderBy('due_on').orderBy('position').execute();
        return rows.map((r) => ({ ...r, completed_at: iso(r.completed_at) }));
      },
    },
    {
      name: 'commitment_ratings_aggregate',
      description: {
        en: "Residents' ratings of one commitment in one round (after start, after completion), as counts of each score 1-5 per criterion: never who rated.",
        zh: '居民在某一轮（开始后、完成后）对一项承诺的评价，以各项标准 1-5 分的人数表示，不含评价人。',
      },
      fields: [
        { name: 'commitment_id', type: 'string', description: 'The commitment (see commitments).' },
        { name: 'round', type: 'string', description: 'after_start or after_completion.' },
        { name: 'ratings', type: 'integer', description: 'How many residents rated.' },
        ...(['benefit', 'value_for_money', 'openness', 'delivered'] as const).flatMap((c) => [
          { name: `${c}_average`, type: 'number' as const, description: `Average score for ${c.replace(/_/g, ' ')}.` },
          { name: `${c}_counts`, type: 'json' as const, description: `How many gave 1, 2, 3, 4 and 5 for ${c.replace(/_/g, ' ')}.` },
        ]),
      ],
      async rows(db) {
        const ids = (await db.selectFrom('commitments').select('id').orderBy('created_at').orderBy('id').execute()).map((r) => r.id);
        const aggregates = await ratingAggregates(db, ids);
        return ids.flatMap((id) =>
          aggregates.get(id)!.filter((r) => r.count > 0).map((r) => ({
            commitment_id: id,
            round: r.round,
            ratings: r.count,
            benefit_average: r.benefit.average,
            benefit_counts: r.benefit.distribution,
            value_for_money_average: r.valueForMoney.average,
            value_for_money_counts: r.valueForMoney.distribution,
            openness_average: r.openness.average,
            openness_counts: r.openness.distribution,
            delivered_average: r.delivered.average,
            delivered_counts: r.delivered.distribution,
          })),
        );
      },
    },
  ],
};
