import type { Deps } from '../../core/deps.js';
import { orFail } from '../../core/errors.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import { systemActor, type UserActor } from '../../core/permissions/actor.js';
import { addCalendarDays } from '../../core/calendar/working-days.js';
import { createCommitment, type CreateCommitmentInput } from './operations/create-commitment.js';
import { openConsultation, recordApproval } from './operations/consultation.js';
import { reportProgress } from './operations/report-progress.js';
import { addMilestone, updateMilestone } from './operations/milestones.js';
import { rateCommitment } from './operations/rate-commitment.js';
import { commitmentsFromBudgetResults } from './operations/commitments-from-budgets.js';

const DAY = 86_400_000;
const demo = (name: string) => `${name}@lakeview.demo`;
const seeder = systemActor('demo');

/**
 * The demo's commitments and programs, in English and Chinese, played through the real operations
 * at past times: the winning projects of the Riverside 2025 budget (imported from its results, two
 * under way and one done); a commitment from the accepted "shade trees" proposal with milestones; a
 * smart recycling pilot in consultation with residents' approvals; bus shelters completed on time and
 * rated in both rounds; kerb ramps running late; and a lake light show that spends far more than its
 * peers while residents rate its benefit low, so the image-project formula flags it.
 */
export async function seedAccountabilityDemo(deps: Deps): Promise<void> {
  const { db } = deps;
  const base = deps.clock.now().getTime();
  const at = (daysAgo: number, minutes = 0): Deps => ({ ...deps, clock: { now: () => new Date(base - daysAgo * DAY + minutes * 60_000) } });
  const day = (daysAgo: number) => addCalendarDays(new Date(base).toISOString().slice(0, 10), -daysAgo);

  const org = async (name: string) => (await db.selectFrom('organizations').select('id').where('name', '=', name).executeTakeFirst())?.id ?? null;
  const area = async (slug: string) => (await db.selectFrom('areas').select('id').where('slug', '=', slug).executeTakeFirst())?.id ?? null;
  const person = async (email: string): Promise<UserActor | null> => {
    const row = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    return row ? ((await loadUserActor(db, row.id)) as UserActor | null) : null;
  };
  const postOf = async (orgId: string, title: string) => (await db.selectFrom('posts').select('id').where('organization_id', '=', orgId).where('title', '=', title).executeTakeFirst())?.id ?? null;
  const [urban, transport, civil, city, willowBank, drumTower, mapleHeights] = await Promise.all([
    org('Urban Management Bureau'), org('Transport Bureau'), org('Civil Affairs Bureau'), area('lakeview'), area('willow-bank'), area('drum-tower'), area('maple-heights'),
  ]);
  const [director, deputy, civilDirector] = await Promise.all([person(demo('official')), person(demo('transport')), person(demo('huang.wei'))]);
  if (!urban || !transport || !civil || !director || !deputy || !civilDirector) return;

  /** Verified residents (optionally of one area), in a stable order, as raters. */
  const residents = async (areaId?: string | null) => {
    let query = db.selectFrom('users').select('id').where('verified_at', 'is not', null).where('email', 'like', '%@lakeview.demo').orderBy('email');
    if (areaId) query = query.where('area_id', '=', areaId);
    const rows = await query.execute();
    return (await Promise.all(rows.map((r) => loadUserActor(db, r.id)))).filter((a): a is UserActor => a !== null && a.kind === 'user' && a.posts.length === 0);
  };
  const create = async (when: number, input: CreateCommitmentInput) => orFail(await createCommitment(at(when), seeder, input)).id;

  // 1. The Riverside 2025 budget's winners become commitments from its results, as the job does.
  await commitmentsFromBudgetResults(at(0, -30));
  const districtHead = await person(demo('zhou.na'));
  const riverProjects = await db.selectFrom('commitments').select(['id', 'status', 'planned_budget']).where('origin_type', '=', 'budget_project').orderBy('title').execute();
  if (districtHead) {
    for (const [i, c] of riverProjects.entries()) {
      if (c.status !== 'in_progress') continue;
      orFail(await addMilestone(at(0, -25 + i), districtHead, { commitmentId: c.id, title: 'Works contract signed', titleZh: '签订施工合同', dueOn: day(20) }));
      orFail(await reportProgress(at(0, -20 + i), districtHead, { id: c.id, progress: 40 + i * 10, spent: Math.round(Number(c.planned_budget) * (0.35 + i * 0.1)), note: 'Works are under way; see the milestones for what comes next.', noteZh: '工程正在进行，后续安排见里程碑。' }));
    }
  }

  // 2. From the accepted proposal "Shade trees along Lakeshore Road".
  const proposal = await db.selectFrom('proposals').select('id').where('title', '=', 'Shade trees along Lakeshore Road').executeTakeFirst();
  const trees = await create(9, {
    kind: 'commitment',
    title: 'Plant 40 shade trees along Lakeshore Road',
    titleZh: '湖滨路种植 40 棵遮荫树',
    description: 'Forty plane trees between the ferry pier and the market, in tree pits that keep the pavement at least 1.5 m wide, watered for two summers.',
    descriptionZh: '在渡口至市场之间种植 40 棵法桐，树池保证人行道净宽不少于 1.5 米，连续浇灌两个夏季。',
    legalBasis: 'Lakeview Urban Greening Regulations, art. 14; budget line 4.2',
    legalBasisZh: '《湖景市城市绿化条例》第十四条；预算科目 4.2',
    departmentId: urban,
    postId: await postOf(urban, 'Director'),
    areaId: willowBank,
    plannedBudget: 320_000,
    plannedStart: day(9),
    plannedEnd: day(-120),
    benefitIndicator: 'Shaded share of the pavement between the pier and the market at noon in July',
    benefitIndicatorZh: '7 月正午渡口至市场人行道的遮荫比例',
    benefitUnit: '%',
    benefitBaseline: 5,
    benefitTarget: 60,
    origin: proposal ? { type: 'proposal', id: proposal.id } : null,
    status: 'adopted',
  });
  const pits = orFail(await addMilestone(at(8), director, { commitmentId: trees, title: 'Tree pits dug', titleZh: '完成树池开挖', dueOn: day(-10) }));
  orFail(await addMilestone(at(8, 5), director, { commitmentId: trees, title: 'All 40 trees planted', titleZh: '40 棵树全部种植完成', dueOn: day(-90) }));
  orFail(await reportProgress(at(3), director, { id: trees, progress: 15, spent: 45_000, note: 'The first 12 tree pits are dug; the pavement stays open.', noteZh: '已完成前 12 个树池开挖，人行道保持通行。' }));
  orFail(await updateMilestone(at(3, 5), director, { commitmentId: trees, milestoneId: pits.id, status: 'in_progress' }));

  // 3. An innovation program put to the residents of Drum Tower, open for another nine days.
  const recycling = await create(6, {
    kind: 'innovation_program',
    title: 'Smart recycling stations pilot in Drum Tower',
    titleZh: '鼓楼社区智能回收站试点',
    description: 'Six staffed recycling stations that weigh what residents bring and credit points on their resident card, replacing the open bins in the lanes for one year.',
    descriptionZh: '设置六个有人值守的智能回收站，称重居民投放的可回收物并积分到居民卡，试点一年，取代巷子里的敞开式垃圾桶。',
    legalBasis: 'Lakeview Household Waste Sorting Measures, art. 22 (pilot schemes)',
    legalBasisZh: '《湖景市生活垃圾分类管理办法》第二十二条（试点）',
    departmentId: urban,
    postId: await postOf(urban, 'Director'),
    areaId: drumTower,
    plannedBudget: 850_000,
    plannedStart: day(-30),
    plannedEnd: day(-395),
    benefitIndicator: 'Share of household waste sorted correctly in Drum Tower',
    benefitIndicatorZh: '鼓楼社区生活垃圾正确分类率',
    benefitUnit: '%',
    benefitBaseline: 31,
    benefitTarget: 65,
  });
  orFail(await openConsultation(at(5), director, { id: recycling, endsAt: new Date(base + 9 * DAY) }));
  const drumResidents = await residents(drumTower);
  for (const [i, r] of drumResidents.slice(0, 4).entries()) await recordApproval(at(4 - i * 0.5), r, { id: recycling, approval: [4, 5, 2, 4][i]! });

  // 4. A program of the Civil Affairs Bureau under way.
  const meals = await create(60, {
    kind: 'innovation_program',
    title: 'Meal delivery for older residents of Maple Heights',
    titleZh: '枫林社区老年人送餐试点',
    description: 'Hot lunches delivered from the community canteen to residents over 75 who cannot come in person, five days a week.',
    descriptionZh: '每周五天，由社区食堂为行动不便的 75 岁以上老人送热午餐。',
    legalBasis: 'Lakeview Elderly Care Services Plan 2025-2027, measure 3.4',
    legalBasisZh: '《湖景市养老服务规划（2025-2027）》第 3.4 项',
    departmentId: civil,
    postId: await postOf(civil, 'Director'),
    areaId: mapleHeights,
    plannedBudget: 400_000,
    plannedStart: day(50),
    plannedEnd: day(-180),
    benefitIndicator: 'Older residents receiving a hot meal every weekday',
    benefitIndicatorZh: '每个工作日获得热餐的老人数',
    benefitUnit: 'people',
    benefitBaseline: 0,
    benefitTarget: 120,
    status: 'adopted',
  });
  orFail(await reportProgress(at(45), civilDirector, { id: meals, progress: 30, spent: 150_000, benefitCurrent: 46, note: 'Deliveries started with 46 residents; two more delivery routes follow next month.', noteZh: '已为 46 位老人开始送餐，下月再增加两条配送线路。' }));

  // 5. City-wide commitments: bus shelters (done on time, rated twice), kerb ramps (late), lake path lights, and the light show.
  const everyone = await residents();
  const shelters = await create(200, {
    kind: 'commitment',
    title: 'Shelters with seats at 12 bus stops',
    titleZh: '为 12 个公交站增设带座椅的候车亭',
    description: 'Shelters with benches and real-time displays at the 12 busiest stops without a roof, starting with Riverside Avenue.',
    descriptionZh: '在 12 个客流最大、没有遮挡的公交站设置带长椅和实时到站显示屏的候车亭，首先是滨江大道站。',
    legalBasis: 'Lakeview Public Transport Stop Standards, art. 9',
    legalBasisZh: '《湖景市公交站点设置标准》第九条',
    departmentId: transport,
    postId: await postOf(transport, 'Deputy Director'),
    areaId: city,
    plannedBudget: 1_200_000,
    plannedStart: day(190),
    plannedEnd: day(40),
    benefitIndicator: 'Busy stops with a shelter and a seat',
    benefitIndicatorZh: '有候车亭和座椅的繁忙站点数',
    benefitUnit: 'stops',
    benefitBaseline: 8,
    benefitTarget: 20,
    status: 'adopted',
  });
  orFail(await reportProgress(at(150), deputy, { id: shelters, progress: 40, spent: 480_000, benefitCurrent: 13, note: 'Five shelters are up, including Riverside Avenue.', noteZh: '已建成五个候车亭，包括滨江大道站。' }));
  for (const [i, r] of everyone.slice(0, 6).entries()) await rateCommitment(at(140 - i), r, { id: shelters, benefit: 4, valueForMoney: 3 + (i % 2), openness: 3, delivered: 4 });
  orFail(await reportProgress(at(50), deputy, { id: shelters, progress: 100, spent: 1_150_000, benefitCurrent: 20, note: 'All 12 shelters are in place, under budget.', noteZh: '12 个候车亭全部建成，未超预算。', complete: true }));
  for (const [i, r] of everyone.slice(0, 8).entries()) await rateCommitment(at(45 - i), r, { id: shelters, benefit: 5 - (i % 2), valueForMoney: 4, openness: 4, delivered: 5, comment: i === 0 ? 'The shelter at my stop makes the winter wait bearable.' : null });

  const ramps = await create(150, {
    kind: 'commitment',
    title: 'Kerb ramps at 40 crossings',
    titleZh: '40 个路口增设无障碍坡道',
    description: 'Lowered kerbs with tactile paving at 40 crossings on the routes to hospitals and markets.',
    descriptionZh: '在通往医院和市场的路线上的 40 个路口设置缘石坡道和盲道。',
    legalBasis: 'Barrier-Free Environment Construction Law, art. 18',
    legalBasisZh: '《无障碍环境建设法》第十八条',
    departmentId: transport,
    postId: await postOf(transport, 'Deputy Director'),
    areaId: city,
    plannedBudget: 900_000,
    plannedStart: day(140),
    plannedEnd: day(20),
    benefitIndicator: 'Crossings on key routes with kerb ramps',
    benefitIndicatorZh: '主要路线上设有坡道的路口数',
    benefitUnit: 'crossings',
    benefitBaseline: 12,
    benefitTarget: 52,
    status: 'adopted',
  });
  orFail(await reportProgress(at(60), deputy, { id: ramps, progress: 35, spent: 300_000, benefitCurrent: 26, note: 'Fourteen crossings done; the contractor is behind schedule.', noteZh: '已完成 14 个路口，施工方进度滞后。' }));

  await create(30, {
    kind: 'commitment',
    title: 'Lights along the lake path',
    titleZh: '湖边步道照明',
    description: 'Low, warm lights every 25 m on the lake path between the pier and the bridge.',
    descriptionZh: '在渡口至桥之间的湖边步道每隔 25 米安装低位暖光灯。',
    legalBasis: 'Lakeview Urban Lighting Plan, section 5',
    legalBasisZh: '《湖景市城市照明规划》第五节',
    departmentId: urban,
    postId: await postOf(urban, 'Director'),
    areaId: city,
    plannedBudget: 600_000,
    plannedStart: day(-30),
    plannedEnd: day(-150),
    benefitIndicator: 'Lit length of the lake path',
    benefitIndicatorZh: '湖边步道照明长度',
    benefitUnit: 'm',
    benefitBaseline: 0,
    benefitTarget: 1800,
    status: 'adopted',
  });

  const show = await create(240, {
    kind: 'commitment',
    title: 'Lakeview light show on the lake',
    titleZh: '湖景湖面灯光秀',
    description: 'A nightly light and laser show on the lake with a floating stage, to attract visitors and present the city.',
    descriptionZh: '在湖面建设浮动舞台，每晚举办灯光激光秀，以吸引游客、展示城市形象。',
    legalBasis: 'City government decision on night-time economy, item 2',
    legalBasisZh: '市政府关于夜间经济的决定第二项',
    departmentId: urban,
    postId: await postOf(urban, 'Director'),
    areaId: city,
    plannedBudget: 8_000_000,
    plannedStart: day(230),
    plannedEnd: day(-60),
    benefitIndicator: 'Visitors to the lakeside at night',
    benefitIndicatorZh: '夜间湖边游客人数',
    benefitUnit: 'per night',
    benefitBaseline: 2000,
    benefitTarget: 6000,
    status: 'adopted',
  });
  orFail(await reportProgress(at(200), director, { id: show, progress: 50, spent: 4_200_000, note: 'The floating stage is built.', noteZh: '浮动舞台已建成。' }));
  orFail(await reportProgress(at(90), director, { id: show, progress: 85, spent: 7_600_000, benefitCurrent: 2300, note: 'Shows run nightly; lasers and sound system installed.', noteZh: '每晚演出，激光和音响系统已安装。' }));
  const low = [
    [1, 1, 2, 3, 'Loud every night and nothing for the people who live here.'],
    [2, 1, 2, 3, null],
    [1, 2, 1, 4, '灯光秀很漂亮，但对我们的生活没有帮助，钱应该花在老旧小区。'],
    [2, 1, 2, 3, null],
    [1, 1, 1, 3, null],
    [3, 2, 2, 4, null],
    [2, 1, 3, 3, null],
    [1, 1, 2, 2, 'Eight million yuan for lasers while the bus stops had no roof.'],
  ] as const;
  for (const [i, r] of everyone.slice(0, low.length).entries()) {
    const [benefit, valueForMoney, openness, delivered, comment] = low[i]!;
    await rateCommitment(at(80 - i), r, { id: show, benefit, valueForMoney, openness, delivered, comment });
  }
}
