import type { Deps } from '../../core/deps.js';
import { orFail } from '../../core/errors.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import { systemActor, type UserActor } from '../../core/permissions/actor.js';
import { areaSubtreeIds } from '../../core/areas/routes.js';
import { createProcess, publishProcess } from '../processes/index.js';
// The processes module offers no public operation to create a process yet; the demo uses its own.
import { createBudget } from './operations/create-budget.js';
import { submitProject } from './operations/submit-project.js';
import { reviewProject } from './operations/review-project.js';
import { withdrawProject } from './operations/withdraw-project.js';
import { castBallot } from './operations/cast-ballot.js';
import { countBudget } from './operations/count-budget.js';
import { setImplementationStatus } from './operations/set-implementation-status.js';

const DAY = 86_400_000;
const demo = (name: string) => `${name}@lakeview.demo`;

interface DemoProject {
  by: string;
  title: string;
  titleZh: string;
  description: string;
  cost: number;
  category: string;
  area: string;
  address?: string;
  review?: { decision: 'feasible' | 'infeasible'; reason: string; cost?: number };
  withdraw?: boolean;
  implementation?: 'in_progress' | 'done';
}

/** The open budget: voting now, projects reviewed (one with a corrected cost, one not feasible, one withdrawn). */
const lakeviewProjects: DemoProject[] = [
  {
    by: 'chen.jing', title: 'Shade sails and drinking fountains in Maple Heights Park', titleZh: '枫林公园遮阳棚和饮水机',
    description: 'The playground in Maple Heights Park has no shade and no water. Four shade sails over the play area and two drinking fountains (one at child height) would make summer afternoons safe for children and grandparents.',
    cost: 180_000, category: 'Parks', area: 'maple-heights', address: 'Maple Heights Park, playground',
    review: { decision: 'feasible', reason: 'Feasible. The park has a water main 30 m from the playground; the Parks Office confirmed the cost estimate.' },
  },
  {
    by: 'priya.nair', title: 'Covered bicycle parking at Station Square', titleZh: '车站广场有顶自行车停车棚',
    description: 'Commuters leave bicycles in the rain on railings around the station. A covered rack for 120 bicycles with CCTV would free the pavement and encourage cycling to the train.',
    cost: 260_000, category: 'Cycling', area: 'station-square', address: 'Station Square, east side',
    review: { decision: 'feasible', reason: 'Feasible, at a higher cost: the site needs a foundation slab and lighting, which the estimate left out.', cost: 310_000 },
  },
  {
    by: 'zheng.xin', title: 'Reading corner for older residents in Drum Tower', titleZh: '鼓楼社区长者阅读角',
    description: '鼓楼社区的老人希望有一个安静、明亮的地方读报、下棋。建议把社区中心一楼的空房间改造成阅读角，配备大字书籍、报刊和舒适的座椅。',
    cost: 95_000, category: 'Community', area: 'drum-tower', address: 'Drum Tower Community Centre, ground floor',
    review: { decision: 'feasible', reason: '可行。社区中心一楼房间可用，民政局同意提供家具。' },
  },
  {
    by: 'omar.haddad', title: 'Safe crossing and speed cushions on Harbour Lane', titleZh: '港湾巷安全过街设施和减速垫',
    description: 'Cars speed down Harbour Lane past the primary school. A raised crossing at the school gate and three speed cushions along the lane would slow traffic where children walk.',
    cost: 220_000, category: 'Road safety', area: 'harbour-lane', address: 'Harbour Lane at the primary school',
    review: { decision: 'feasible', reason: 'Feasible. The Transport Bureau approved the layout; works can be done in the school holidays.' },
  },
  {
    by: 'lin.yu', title: 'Lakeside path lighting from the ferry pier to Willow Bank', titleZh: '渡口至柳岸湖边步道照明',
    description: '湖边步道从渡口到柳岸一段晚上没有路灯，夜跑和下班回家的居民都觉得不安全。建议安装四十盏节能太阳能路灯。',
    cost: 340_000, category: 'Lighting', area: 'willow-bank', address: 'Lakeside path, ferry pier to Willow Bank',
    review: { decision: 'feasible', reason: '可行。太阳能路灯无需铺设电缆，对湖岸植被影响小。' },
  },
  {
    by: 'emma.weber', title: 'Community vegetable garden in Silk Street', titleZh: '丝绸街社区菜园',
    description: 'An empty lot behind Silk Street market could become a community garden with raised beds, a tool shed and a rainwater tank, tended by neighbours and the primary school.',
    cost: 75_000, category: 'Green space', area: 'silk-street', address: 'Lot behind Silk Street market',
    review: { decision: 'feasible', reason: 'Feasible. The lot belongs to the city; a five-year use agreement with the residents’ committee is ready.' },
  },
  {
    by: 'lucas.silva', title: 'Indoor swimming pool for North District', titleZh: '北区室内游泳馆',
    description: 'North District has no public swimming pool. A 25-metre indoor pool next to the sports ground would serve schools and residents all year.',
    cost: 1_400_000, category: 'Sport', area: 'north-district',
    review: { decision: 'infeasible', reason: 'Not feasible within this budget: a pool costs far more than the 1.4 million estimated (about 12 million with running costs), and it needs land the city does not own. The request is passed to the city’s sports facilities plan.' },
  },
  {
    by: 'kenji.sato', title: 'Free Wi-Fi in Station Square', titleZh: '车站广场免费无线网络',
    description: 'Free public Wi-Fi across Station Square for travellers and residents.',
    cost: 60_000, category: 'Digital', area: 'station-square', withdraw: true,
  },
];

/** The finished budget: counted, with projects being carried out. */
const riversideProjects: DemoProject[] = [
  {
    by: 'wu.lei', title: 'Riverbank clean-up and new litter bins', titleZh: '河岸清理和新增垃圾桶',
    description: 'Clear the riverbank between Willow Bank and Harbour Lane of dumped rubbish and install twenty covered litter bins along the path.',
    cost: 60_000, category: 'Environment', area: 'willow-bank', review: { decision: 'feasible', reason: 'Feasible; the sanitation contractor can start within a month.' }, implementation: 'done',
  },
  {
    by: 'xu.hui', title: 'Benches and shade along the Harbour Lane promenade', titleZh: '港湾巷滨水步道座椅和遮阳',
    description: '在港湾巷滨水步道每隔一百五十米设置带靠背的座椅和遮阳棚，方便老人和带孩子的家庭休息。',
    cost: 120_000, category: 'Public space', area: 'harbour-lane', review: { decision: 'feasible', reason: '可行。' }, implementation: 'in_progress',
  },
  {
    by: 'resident', title: 'Outdoor gym at Willow Bank', titleZh: '柳岸户外健身区',
    description: 'Ten pieces of outdoor fitness equipment on the lawn next to Willow Bank community centre, suitable for older residents.',
    cost: 90_000, category: 'Sport', area: 'willow-bank', review: { decision: 'feasible', reason: 'Feasible; the lawn is level and drains well.' }, implementation: 'in_progress',
  },
  {
    by: 'wu.lei', title: 'Mural on the Harbour Lane underpass', titleZh: '港湾巷地下通道壁画',
    description: 'A mural by local students on the grey walls of the Harbour Lane underpass, with better lighting.',
    cost: 45_000, category: 'Culture', area: 'harbour-lane', review: { decision: 'feasible', reason: 'Feasible.' },
  },
  {
    by: 'xu.hui', title: 'Riverside Library extended opening hours', titleZh: '滨江图书馆延长开放时间',
    description: '滨江图书馆周末和晚上开放时间太短。建议增加两名兼职馆员，让图书馆每晚开放到九点。',
    cost: 150_000, category: 'Culture', area: 'riverside-district', review: { decision: 'feasible', reason: '可行，费用为一年的人员费用。' },
  },
  {
    by: 'resident', title: 'Floating wetland to clean the river', titleZh: '净化河水的浮动湿地',
    description: 'Floating islands of native plants anchored in the river filter the water and give birds a place to nest.',
    cost: 130_000, category: 'Environment', area: 'willow-bank', review: { decision: 'feasible', reason: 'Feasible; the Environment Bureau will monitor water quality before and after.' },
  },
];

/** A voter's approvals, spread so the outcome is not simply "the most votes win". */
function approvalsFor(voter: number, codes: string[]): string[] {
  const patterns = [[0, 1, 2], [0, 5], [1, 4], [0, 2, 3], [4, 5], [1, 2], [0, 3, 5], [2, 4], [0, 1], [3, 4, 5]];
  return patterns[voter % patterns.length]!.filter((i) => i < codes.length).map((i) => codes[i]!);
}

/**
 * The demo's participatory budgets, played through the real operations at past times: the
 * "Lakeview Participatory Budget 2026" with voting open now (projects reviewed in public, some
 * residents have voted; the demo resident has not, so visitors can try), and the finished
 * Riverside budget of 2025 with its results, receipts and projects being carried out.
 */
export async function seedBudgetingDemo(deps: Deps): Promise<void> {
  const { db } = deps;
  const base = deps.clock.now().getTime();
  const hour = (days: number) => Math.floor((base + days * DAY) / 3_600_000) * 3_600_000;
  const at = (days: number, minutes = 0): Deps => ({ db, clock: { now: () => new Date(hour(days) + minutes * 60_000) } });
  const date = (days: number) => new Date(hour(days));
  const slugId = async (table: 'areas' | 'organizations', slug: string) => (await db.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirst())?.id ?? null;
  const actor = async (email: string): Promise<UserActor | null> => {
    const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    return user ? await loadUserActor(db, user.id) : null;
  };
  const city = await slugId('areas', 'lakeview');
  const urban = await slugId('organizations', 'urban-management-bureau');
  const riverside = await slugId('areas', 'riverside-district');
  const riversideOffice = (await db.selectFrom('organizations').select('id').where('name', '=', 'Riverside District Office').executeTakeFirst())?.id ?? null;
  const director = await actor(demo('official'));
  const districtHead = await actor(demo('zhou.na'));
  if (!city || !urban || !riverside || !riversideOffice || !director || !districtHead) return;
  const seeder = systemActor('demo-seed');

  async function seedProjects(budgetId: string, list: DemoProject[], times: { submit: number; review: number }, official: UserActor) {
    const ids: string[] = [];
    for (const [i, p] of list.entries()) {
      const proposer = await actor(demo(p.by));
      if (!proposer) continue;
      const areaId = await slugId('areas', p.area);
      const created = orFail(
        await submitProject(at(times.submit, i * 97), proposer, {
          budgetId, title: p.title, titleZh: p.titleZh, description: p.description, cost: p.cost, category: p.category, areaId, address: p.address ?? null,
        }),
      );
      ids.push(created.id);
      if (p.withdraw) orFail(await withdrawProject(at(times.review - 2, i * 31), proposer, { id: created.id }));
      if (p.review) orFail(await reviewProject(at(times.review, i * 53), official, { id: created.id, decision: p.review.decision, reason: p.review.reason, cost: p.review.cost ?? null }));
    }
    return ids;
  }

  /** Verified residents of an area who hold no post, by e-mail, except the demo's own accounts. */
  async function voters(areaId: string, except: string[]) {
    const areaIds = await areaSubtreeIds(db, areaId);
    const rows = await db
      .selectFrom('users')
      .select(['id', 'email'])
      .where('email', 'like', '%@lakeview.demo')
      .where('verified_at', 'is not', null)
      .where('area_id', 'in', areaIds)
      .where('id', 'not in', db.selectFrom('posts').select('holder_user_id').where('holder_user_id', 'is not', null).$narrowType<{ holder_user_id: string }>())
      .orderBy('email')
      .execute();
    const out: UserActor[] = [];
    for (const r of rows) if (!except.includes(r.email)) out.push((await loadUserActor(db, r.id))!);
    return out;
  }

  // The open budget of the whole city: voting now.
  const lakeview = orFail(
    await createProcess(at(-45), director, {
      slug: 'lakeview-participatory-budget-2026',
      title: 'Lakeview Participatory Budget 2026', titleZh: '2026 湖景市参与式预算',
      summary: 'Residents decide how to spend 1.5 million yuan on projects they proposed. Voting is open: choose the projects you want, within the budget.',
      summaryZh: '居民决定如何使用 150 万元资助自己提出的项目。投票正在进行：请在预算范围内选择您支持的项目。',
      body: 'Residents proposed projects; the Urban Management Bureau checked each one in public (is it feasible, what does it really cost).\n\nEvery verified resident of Lakeview can vote once and change their vote until voting closes. Choose any projects whose total cost fits in the budget. Ballots are secret: each voter gets a receipt code to check that their ballot was counted.\n\nThe winners are chosen by the Method of Equal Shares, which gives every group of voters a fair share of the budget. Each step is explained on the results page.',
      bodyZh: '居民提出项目，城市管理局公开审查每个项目（是否可行、实际需要多少钱）。\n\n湖景市每位已核验的居民都可以投一次票，并可在投票结束前修改。请选择总费用不超过预算的项目。投票是秘密的：每位投票人都会得到一个回执码，用来核对自己的选票已被计入。\n\n入选项目按"平等份额法"产生，让每一群投票人都能公平地分到预算。每一步都会在结果页面中说明。',
      areaId: city, departmentId: urban,
      legalBasis: 'Lakeview Participatory Budgeting Regulation (2025), art. 4–9: 1.5% of the capital budget is decided by residents.',
      legalBasisZh: '《湖景市参与式预算规定》（2025）第四至九条：市级建设资金的 1.5% 由居民决定。',
      legalReference: 'Lakeview Participatory Budgeting Regulation (2025)',
      components: ['budgeting'], supportThreshold: 5, answerWorkingDays: 10,
      phases: [
        { title: 'Project submission', titleZh: '项目征集', description: 'Residents and organizations submit projects for their neighbourhood.', descriptionZh: '居民和组织为所在社区提交项目。', startsAt: date(-40), endsAt: date(-20), actions: { budgeting: ['propose', 'comment'] } },
        { title: 'Technical review', titleZh: '技术审查', description: 'The Bureau checks each project in public and corrects costs where needed.', descriptionZh: '城市管理局公开审查每个项目，必要时修正费用。', startsAt: date(-20), endsAt: date(-6), actions: { budgeting: ['review', 'comment'] } },
        { title: 'Voting', titleZh: '投票', description: 'Verified residents choose projects within the budget; ballots are secret.', descriptionZh: '已核验居民在预算范围内选择项目；投票保密。', startsAt: date(-6), endsAt: date(10), actions: { budgeting: ['vote', 'comment'] } },
        { title: 'Counting and results', titleZh: '计票与结果', description: 'The ballots are counted and the results explained step by step.', descriptionZh: '计票并逐步说明结果。', startsAt: date(10), endsAt: date(20), actions: {} },
        { title: 'Implementation', titleZh: '实施', description: 'The Bureau carries out the selected projects and reports progress.', descriptionZh: '城市管理局实施入选项目并报告进展。', startsAt: date(20), endsAt: date(380), actions: {} },
      ],
    }),
  );
  orFail(await publishProcess(at(-41), director, { id: lakeview.id }));
  const budget = orFail(
    await createBudget(at(-41, 30), director, {
      processId: lakeview.id,
      title: 'Lakeview Participatory Budget 2026', titleZh: '2026 湖景市参与式预算',
      description: 'Choose the projects you want funded. Their total cost must fit in the 1.5 million yuan budget.',
      descriptionZh: '请选择您希望资助的项目，总费用不得超过 150 万元预算。',
      areaId: city, amount: 1_500_000, currency: 'CNY', ballotType: 'knapsack', maxShare: 1, minProjects: 1,
    }),
  );
  const lakeviewIds = await seedProjects(budget.id, lakeviewProjects, { submit: -35, review: -12 }, director);
  const onBallot = lakeviewIds.filter((_, i) => lakeviewProjects[i]!.review?.decision === 'feasible');
  const costs = [180_000, 310_000, 95_000, 220_000, 340_000, 75_000];
  const cityVoters = await voters(city, [demo('resident'), demo('newcomer')]);
  for (const [n, voter] of cityVoters.slice(0, 14).entries()) {
    // Each voter takes projects in their own order until the next one no longer fits.
    const order = onBallot.map((id, i) => ({ id, cost: costs[i]!, key: (i * 7 + n * 3) % onBallot.length }));
    order.sort((a, b) => a.key - b.key);
    let left = 1_500_000;
    const chosen = order.filter((p) => (p.cost <= left ? ((left -= p.cost), true) : false)).slice(0, 2 + (n % 4));
    await castBallot(at(-5 + n * 0.3, n * 11), voter, { budgetId: budget.id, selections: chosen.map((p) => ({ projectId: p.id })) });
  }

  // The finished Riverside budget: counted, with results and projects under way.
  const river = orFail(
    await createProcess(at(-200), districtHead, {
      slug: 'riverside-participatory-budget-2025',
      title: 'Riverside Neighbourhood Budget 2025', titleZh: '2025 滨江区社区预算',
      summary: 'Finished: Riverside residents chose how to spend 400,000 yuan. See the results and how each project is going.',
      summaryZh: '已结束：滨江区居民决定了 40 万元的用途。请查看结果和各项目的进展。',
      areaId: riverside, departmentId: riversideOffice,
      legalBasis: 'Lakeview Participatory Budgeting Regulation (2025), art. 10: district budgets.',
      legalBasisZh: '《湖景市参与式预算规定》（2025）第十条：区级预算。',
      components: ['budgeting'], supportThreshold: 5, answerWorkingDays: 10,
      phases: [
        { title: 'Project submission', titleZh: '项目征集', startsAt: date(-200), endsAt: date(-170), actions: { budgeting: ['propose', 'comment'] } },
        { title: 'Technical review', titleZh: '技术审查', startsAt: date(-170), endsAt: date(-150), actions: { budgeting: ['review', 'comment'] } },
        { title: 'Voting', titleZh: '投票', startsAt: date(-150), endsAt: date(-130), actions: { budgeting: ['vote'] } },
        { title: 'Results', titleZh: '结果', startsAt: date(-130), endsAt: date(-100), actions: {} },
        { title: 'Implementation', titleZh: '实施', startsAt: date(-100), endsAt: date(200), actions: {} },
      ],
    }),
  );
  orFail(await publishProcess(at(-199), districtHead, { id: river.id }));
  const riverBudget = orFail(
    await createBudget(at(-199, 30), districtHead, {
      processId: river.id,
      title: 'Riverside Neighbourhood Budget 2025', titleZh: '2025 滨江区社区预算',
      description: 'Approve up to three projects you would like funded.', descriptionZh: '最多可赞成三个您希望资助的项目。',
      areaId: riverside, amount: 400_000, currency: 'CNY', ballotType: 'approval', minProjects: 1, maxProjects: 3,
    }),
  );
  const riverIds = await seedProjects(riverBudget.id, riversideProjects, { submit: -190, review: -160 }, districtHead);
  const riverVoters = await voters(riverside, [demo('newcomer')]);
  for (const [n, voter] of riverVoters.entries()) {
    await castBallot(at(-148 + n, n * 13), voter, { budgetId: riverBudget.id, selections: approvalsFor(n, riverIds).map((projectId) => ({ projectId })) });
  }
  const counted = await countBudget(at(-130, 5), seeder, { id: riverBudget.id });
  if (!counted.ok) return;
  for (const [i, p] of riversideProjects.entries()) {
    const id = riverIds[i];
    if (!id || !p.implementation || !counted.value.selected.includes(id)) continue;
    await setImplementationStatus(at(-60 + i), districtHead, { id, status: 'in_progress' });
    if (p.implementation === 'done') await setImplementationStatus(at(-20 + i), districtHead, { id, status: 'done' });
  }
}
