import type { OpenDataSource } from '../../core/opendata/types.js';
import { fieldsOf, iso } from '../../core/opendata/rows.js';
import type { Executor } from '../../core/db/database.js';
import type { StoredResult } from './operations/count-budget.js';

/** Budgets in published processes. */
function publicBudgets(db: Executor) {
  return db.selectFrom('budgets as b').innerJoin('processes as pr', 'pr.id', 'b.process_id').where('pr.status', '=', 'published');
}

/**
 * Participatory budgets, their projects and their counted results: totals per project and how
 * many took part, never a ballot, a receipt or a voter (the tables of ballots and participation
 * are not read here except for a count per channel).
 */
export const budgetingOpenData: OpenDataSource = {
  tables: [
    {
      name: 'budgets',
      description: {
        en: 'One participatory budget: the amount, the ballot rules, the counting rule and, once counted, how many took part.',
        zh: '一项参与式预算：金额、投票规则、计票规则，计票后还有参与人数。',
      },
      fields: fieldsOf({
        id: ['string', 'Identifier.'],
        process_id: ['string', 'The process (see processes).'],
        area_id: ['string', 'Whose residents vote (empty: the whole municipality).'],
        title: ['string', 'Title in English.'],
        title_zh: ['string', 'Title in Chinese.'],
        description: ['string', 'Description in English.'],
        description_zh: ['string', 'Description in Chinese.'],
        amount: ['number', 'The money to spend.'],
        currency: ['string', 'ISO 4217 currency code.'],
        ballot_type: ['string', 'approval, knapsack or cumulative.'],
        min_projects: ['integer', 'Fewest projects a ballot must choose.'],
        max_projects: ['integer', 'Most projects a ballot may choose.'],
        max_share: ['number', 'Knapsack: share of the amount a ballot may spend.'],
        points_total: ['integer', 'Cumulative: points each voter spreads.'],
        points_per_project_max: ['integer', 'Cumulative: most points one project may get from a voter.'],
        rule: ['string', 'The counting rule (e.g. greedy, equal shares).'],
        rule_params: ['json', 'The counting rule\'s parameters.'],
        status: ['string', 'open or counted.'],
        counted_at: ['datetime', 'When the votes were counted.'],
        ballots: ['integer', 'Ballots counted (empty until counted).'],
        participants_online: ['integer', 'People who voted online (empty until counted).'],
        participants_paper: ['integer', 'Paper ballots entered by officials (empty until counted).'],
        spent: ['number', 'Cost of the selected projects (empty until counted).'],
        result_hash: ['string', 'SHA-256 of the stored result.'],
        election_hash: ['string', 'SHA-256 of the counted election in canonical form (recomputable from the anonymized Pabulib export).'],
        imported_from: ['string', 'For a budget imported from a Pabulib file: that file\'s description (no one voted here).'],
      }),
      async rows(db) {
        const [rows, participation] = await Promise.all([
          publicBudgets(db)
            .select([
              'b.id', 'b.process_id', 'b.area_id', 'b.title', 'b.title_zh', 'b.description', 'b.description_zh', 'b.amount', 'b.currency', 'b.ballot_type',
              'b.min_projects', 'b.max_projects', 'b.max_share', 'b.points_total', 'b.points_per_project_max', 'b.rule', 'b.rule_params', 'b.status',
              'b.counted_at', 'b.result', 'b.result_hash', 'b.imported_from', 'b.created_at',
            ])
            .orderBy('b.created_at')
            .orderBy('b.id')
            .execute(),
          db
            .selectFrom('budget_participation')
            .select(['budget_id', 'channel', (eb) => eb.fn.countAll<string>().as('n')])
            .groupBy(['budget_id', 'channel'])
            .execute(),
        ]);
        const took = new Map(participation.map((p) => [`${p.budget_id}/${p.channel}`, Number(p.n)]));
        return rows.map(({ result, created_at: _created, ...r }) => {
          const stored = r.status === 'counted' ? (result as StoredResult | null) : null;
          return {
            ...r,
            amount: Number(r.amount),
            counted_at: iso(r.counted_at),
            ballots: stored?.ballots ?? null,
            participants_online: stored ? (took.get(`${r.id}/online`) ?? 0) : null,
            participants_paper: stored ? (took.get(`${r.id}/paper`) ?? 0) : null,
            spent: stored?.cost ?? null,
            result_hash: stored ? r.result_hash : null,
            election_hash: stored?.electionHash ?? null,
          };
        });
      },
    },
    {
      name: 'budget_projects',
      description: {
        en: 'One project put to a participatory budget: cost, place, the technical review and how far it is implemented; the proposer only as "person" or an organization\'s name.',
        zh: '参与式预算中的一个项目：费用、地点、技术审查结果和实施进度；提出者只标明为“个人”或组织名称。',
      },
      fields: fieldsOf({
        id: ['string', 'Identifier.'],
        budget_id: ['string', 'The budget (see budgets).'],
        code: ['string', 'The project\'s id in Pabulib files.'],
        title: ['string', 'Title in English.'],
        title_zh: ['string', 'Title in Chinese.'],
        description: ['string', 'Description.'],
        cost: ['number', 'Cost after review.'],
        original_cost: ['number', 'The cost asked for, when the review changed it.'],
        area_id: ['string', 'The area (see areas).'],
        category: ['string', 'Category.'],
        latitude: ['number', 'Latitude of the site.'],
        longitude: ['number', 'Longitude of the site.'],
        proposer_kind: ['string', 'person, organization or department (entered by officials).'],
        organization_name: ['string', 'The organization that proposed it.'],
        proposal_id: ['string', 'The proposal it came from (see proposals).'],
        state: ['string', 'submitted, feasible, infeasible, withdrawn, selected or not_selected.'],
        review_reason: ['string', 'The technical review\'s reasons.'],
        reviewed_post_title: ['string', 'The post in whose name the review was given.'],
        reviewed_at: ['datetime', 'When it was reviewed.'],
        implementation_status: ['string', 'not_started, in_progress or done.'],
      }),
      async rows(db) {
        const rows = await publicBudgets(db)
          .innerJoin('budget_projects as p', 'p.budget_id', 'b.id')
          .leftJoin('organizations as o', 'o.id', 'p.proposer_organization_id')
          .leftJoin('posts as po', 'po.id', 'p.reviewed_post_id')
          .select([
            'p.id', 'p.budget_id', 'p.code', 'p.title', 'p.title_zh', 'p.description', 'p.cost', 'p.original_cost', 'p.area_id', 'p.category', 'p.latitude', 'p.longitude',
            'p.proposer_user_id', 'p.proposer_organization_id', 'o.name as organization_name', 'p.proposal_id', 'p.state', 'p.review_reason', 'po.title as reviewed_post_title',
            'p.reviewed_at', 'p.implementation_status',
          ])
          .orderBy('b.created_at')
          .orderBy('p.budget_id')
          .orderBy('p.code')
          .execute();
        return rows.map(({ proposer_user_id, proposer_organization_id, ...r }) => ({
          ...r,
          cost: Number(r.cost),
          original_cost: r.original_cost === null ? null : Number(r.original_cost),
          proposer_kind: proposer_organization_id ? 'organization' : proposer_user_id ? 'person' : 'department',
          organization_name: r.organization_name ?? null,
          reviewed_post_title: r.reviewed_post_title ?? null,
          reviewed_at: iso(r.reviewed_at),
        }));
      },
    },
    {
      name: 'budget_results',
      description: {
        en: 'One project of a counted budget: the ballots (and points) it got and whether it was selected. Totals only: ballots themselves are secret.',
        zh: '已计票预算中的一个项目：获得的票数（和分数）以及是否入选。只有总数，选票本身保密。',
      },
      fields: fieldsOf({
        budget_id: ['string', 'The budget (see budgets).'],
        project_id: ['string', 'The project (see budget_projects).'],
        code: ['string', 'The project\'s id in Pabulib files.'],
        ballots: ['integer', 'Ballots that chose it.'],
        points: ['integer', 'Cumulative ballots: points it got.'],
        selected: ['boolean', 'Whether it was selected for funding.'],
        selection_order: ['integer', 'The order in which the rule selected it (1 = first).'],
        not_selected_reason: ['string', 'Why it was not selected, as the rule reports it.'],
      }),
      async rows(db) {
        const budgets = await publicBudgets(db)
          .select(['b.id', 'b.result'])
          .where('b.status', '=', 'counted')
          .orderBy('b.created_at')
          .orderBy('b.id')
          .execute();
        const out: Record<string, unknown>[] = [];
        for (const b of budgets) {
          const stored = b.result as StoredResult | null;
          if (!stored) continue;
          const projects = await db.selectFrom('budget_projects').select(['id', 'code']).where('budget_id', '=', b.id).where('state', 'in', ['selected', 'not_selected']).orderBy('code').execute();
          const order = new Map(stored.selected.map((id, i) => [id, i + 1]));
          const reasons = new Map(stored.notSelected.map((n) => [n.project, n.reason]));
          for (const p of projects) {
            const votes = stored.votes[p.id] ?? { ballots: 0, points: null };
            out.push({
              budget_id: b.id,
              project_id: p.id,
              code: p.code,
              ballots: votes.ballots,
              points: votes.points,
              selected: order.has(p.id),
              selection_order: order.get(p.id) ?? null,
              not_selected_reason: order.has(p.id) ? null : (reasons.get(p.id) ?? (votes.ballots === 0 ? 'no_support' : 'budget_exhausted')),
            });
          }
        }
        return out;
      },
    },
  ],
};
