import type { Deps } from '../../core/deps.js';
import { orFail } from '../../core/errors.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import { systemActor, type UserActor } from '../../core/permissions/actor.js';
import { createCategory } from './operations/save-category.js';
import { setCategoryRoutes } from './operations/set-category-routes.js';
import { createReport } from './operations/create-report.js';
import { updateReportStatus } from './operations/update-report-status.js';
import { transferReport } from './operations/transfer-report.js';
import { confirmReport } from './operations/confirm-report.js';
import { reopenReport } from './operations/reopen-report.js';
import { createApiKey } from './operations/manage-api-keys.js';
import { submitOpen311Request } from './operations/submit-open311-request.js';
import { saveOpen311Settings } from './operations/save-open311-settings.js';
import { flagOverdueReports } from './operations/flag-overdue-reports.js';

const DAY = 86_400_000;
const demo = (name: string) => `${name}@lakeview.demo`;

/** The demo's routing table, by the department's English name; `districts` are area-specific overrides. */
const categories = [
  { code: 'POTHOLE', group: 'Streets and pavements', groupZh: '街道与人行道', name: 'Pothole or damaged road', nameZh: '路面坑洞或破损', department: 'Transport Bureau', days: 10, keywords: 'road, hole, asphalt' },
  { code: 'STREETLIGHT', group: 'Streets and pavements', groupZh: '街道与人行道', name: 'Street light not working', nameZh: '路灯不亮', department: 'Urban Management Bureau', days: 5, keywords: 'lamp, light, dark', districts: { 'riverside-district': 'Riverside District Office' } },
  { code: 'PAVEMENT', group: 'Streets and pavements', groupZh: '街道与人行道', name: 'Broken pavement or kerb', nameZh: '人行道或路缘石破损', department: 'Urban Management Bureau', days: 10, keywords: 'sidewalk, kerb, tiles' },
  { code: 'LITTER', group: 'Clean streets', groupZh: '市容整洁', name: 'Litter or overflowing bins', nameZh: '垃圾或垃圾桶满溢', department: 'Urban Management Bureau', days: 3, keywords: 'rubbish, bin, trash', districts: { 'riverside-district': 'Riverside District Office' } },
  { code: 'GRAFFITI', group: 'Clean streets', groupZh: '市容整洁', name: 'Graffiti or fly-posting', nameZh: '涂鸦或乱张贴', department: 'Urban Management Bureau', days: 10, keywords: 'paint, posters' },
  { code: 'DUMPING', group: 'Clean streets', groupZh: '市容整洁', name: 'Illegal dumping', nameZh: '非法倾倒', department: 'Environment Bureau', days: 5, keywords: 'waste, rubble, fly-tipping' },
  { code: 'TREE', group: 'Parks and nature', groupZh: '公园与自然', name: 'Fallen or dangerous tree', nameZh: '倒伏或危险树木', department: 'Environment Bureau', days: 3, keywords: 'branch, storm' },
  { code: 'PARK', group: 'Parks and nature', groupZh: '公园与自然', name: 'Broken park or playground equipment', nameZh: '公园或游乐设施损坏', department: 'Environment Bureau', days: 10, keywords: 'swing, bench, playground' },
  { code: 'NOISE', group: 'Parks and nature', groupZh: '公园与自然', name: 'Noise at night', nameZh: '夜间噪音', department: 'Environment Bureau', days: 5, keywords: 'construction, music' },
  { code: 'BUSSTOP', group: 'Buses and traffic', groupZh: '公交与交通', name: 'Damaged bus stop or shelter', nameZh: '公交站台或候车亭损坏', department: 'Transport Bureau', days: 10, keywords: 'shelter, timetable' },
  { code: 'SIGNAL', group: 'Buses and traffic', groupZh: '公交与交通', name: 'Traffic light fault', nameZh: '交通信号灯故障', department: 'Transport Bureau', days: 2, keywords: 'traffic light, crossing' },
] as const;

type Step =
  | { kind: 'status'; at: number; by: string; state: 'acknowledged' | 'in_progress' | 'fixed'; note?: string }
  | { kind: 'transfer'; at: number; by: string; to: string; reason: string }
  | { kind: 'confirm'; at: number }
  | { kind: 'reopen'; at: number; reason: string };

interface DemoReport {
  code: (typeof categories)[number]['code'];
  /** A resident's e-mail, or `open311` for the demo app. */
  by: string;
  description: string;
  area: string;
  address?: string;
  location?: { latitude: number; longitude: number };
  showName?: boolean;
  /** Days before now. */
  at: number;
  steps?: Step[];
}

/**
 * Reports at every stage, in English and Chinese: new, acknowledged (routed by area to the district
 * office), in progress, fixed and confirmed, reopened then fixed again (awaiting confirmation),
 * transferred as not the department's responsibility, fixed late, and one from the Open311 app
 * that is overdue now.
 */
const reports: DemoReport[] = [
  {
    code: 'NOISE', by: demo('gao.feng'), area: 'station-square', address: '站前路 18 号工地',
    description: '站前路工地每天晚上十一点以后还在打桩，噪音很大，附近居民无法休息。请依法限制夜间施工。',
    at: 16,
    steps: [
      { kind: 'status', at: 15, by: demo('liu.yang'), state: 'acknowledged', note: '已收到，将安排夜间执法检查。' },
      { kind: 'status', at: 4, by: demo('liu.yang'), state: 'fixed', note: '已对施工单位立案处罚，夜间施工许可已撤销，晚十点后停止作业。' },
    ],
  },
  {
    code: 'GRAFFITI', by: demo('lin.yu'), area: 'silk-street', address: '丝绸街 42 号老茶馆外墙', showName: true,
    description: '老茶馆外墙上新出现大片涂鸦，影响历史街区风貌，希望尽快清理。',
    at: 14,
    steps: [
      { kind: 'status', at: 13, by: demo('official'), state: 'in_progress', note: '已派清洗队，需使用不损伤砖墙的清洗剂。' },
      { kind: 'status', at: 10, by: demo('official'), state: 'fixed', note: '外墙已清洗完毕。' },
      { kind: 'confirm', at: 9 },
    ],
  },
  {
    code: 'TREE', by: demo('priya.nair'), area: 'maple-heights', address: 'Maple Heights Park, north gate', location: { latitude: 31.2412, longitude: 121.4655 }, showName: true,
    description: 'A large branch of the plane tree by the north gate cracked in the storm and hangs over the path where children walk to school.',
    at: 9,
    steps: [
      { kind: 'status', at: 9, by: demo('liu.yang'), state: 'fixed', note: 'The hanging branch was cut down the same afternoon.' },
      { kind: 'reopen', at: 7, reason: 'The branch is gone, but the trunk has a deep crack and leans further after the rain. Please have an arborist look at it.' },
      { kind: 'status', at: 6, by: demo('liu.yang'), state: 'in_progress', note: 'An arborist will inspect the tree this week; the path is closed meanwhile.' },
      { kind: 'status', at: 5, by: demo('liu.yang'), state: 'fixed', note: 'The arborist found the trunk rotten: the tree was felled safely and a new plane tree will be planted in the autumn.' },
    ],
  },
  {
    code: 'PAVEMENT', by: demo('xie.ning'), area: 'station-square', address: '车站广场 3 路公交站',
    description: '车站广场 3 路公交站的候车亭玻璃碎了，地面全是玻璃碴，很危险。',
    at: 6,
    steps: [
      { kind: 'transfer', at: 5, by: demo('official'), to: 'Transport Bureau', reason: '公交候车亭由交通运输局负责维护，已转交。' },
      { kind: 'status', at: 4, by: demo('transport'), state: 'acknowledged', note: '已通知候车亭维护单位，先清理碎玻璃并设置围挡。' },
    ],
  },
  {
    code: 'LITTER', by: demo('omar.haddad'), area: 'drum-tower', address: 'Drum Tower market, east entrance',
    description: 'The bins at the east entrance of the market overflow every weekend and the rubbish blows into the lane.',
    at: 2,
    steps: [{ kind: 'status', at: 1, by: demo('official'), state: 'in_progress', note: 'Two more bins will be placed and emptied on Saturday and Sunday evenings from next weekend.' }],
  },
  {
    code: 'STREETLIGHT', by: demo('he.ping'), area: 'willow-bank', address: '柳岸路与滨江大道路口',
    description: '柳岸路与滨江大道路口的两盏路灯已经一周不亮了，晚上过马路很危险。',
    at: 3,
    steps: [{ kind: 'status', at: 2, by: demo('zhou.na'), state: 'acknowledged', note: '区里已安排电工本周检修。' }],
  },
  {
    code: 'POTHOLE', by: demo('resident'), area: 'harbour-lane', address: 'Harbour Street 27, in front of the bakery', location: { latitude: 31.2301, longitude: 121.4912 }, showName: true,
    description: 'A deep pothole in the cycle lane in front of the bakery. Cyclists swerve into traffic to avoid it.',
    at: 1,
  },
  {
    code: 'DUMPING', by: 'open311', area: 'willow-bank', address: 'Canal path behind Willow Bank Primary School', location: { latitude: 31.2266, longitude: 121.4801 },
    description: 'Someone dumped a pile of rubble and old furniture on the canal path. It blocks half of the path.',
    at: 12,
  },
];

/** Adds the demo's routing table, an Open311 key and reports at every stage; skips what the demo lacks. */
export async function seedReportsDemo(deps: Deps): Promise<void> {
  const admin = systemActor('demo-seed');
  const base = deps.clock.now().getTime();
  const at = (daysAgo: number, minutes = 0): Deps => ({ db: deps.db, clock: { now: () => new Date(base - daysAgo * DAY + minutes * 60_000) } });
  const early = at(30);

  const orgId = async (name: string) => (await deps.db.selectFrom('organizations').select('id').where('name', '=', name).executeTakeFirst())?.id ?? null;
  const areaId = async (slug: string) => (await deps.db.selectFrom('areas').select('id').where('slug', '=', slug).executeTakeFirst())?.id ?? null;
  const actors = new Map<string, UserActor | null>();
  async function actor(email: string): Promise<UserActor | null> {
    if (!actors.has(email)) {
      const user = await deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
      actors.set(email, user ? await loadUserActor(deps.db, user.id) : null);
    }
    return actors.get(email)!;
  }

  const city = await deps.db.selectFrom('areas').select('slug').where('parent_id', 'is', null).orderBy('created_at').executeTakeFirst();
  orFail(await saveOpen311Settings(early, admin, { jurisdictionId: city?.slug ?? 'lakeview', contact: 'Lakeview City service desk: open311@lakeview.demo', keyService: 'Write to open311@lakeview.demo; the administrators issue keys to apps and organizations.' }));

  const categoryIds = new Map<string, string>();
  for (const [position, c] of categories.entries()) {
    const departmentId = await orgId(c.department);
    if (!departmentId) continue;
    const { id } = orFail(await createCategory(early, admin, { code: c.code, name: c.name, nameZh: c.nameZh, group: c.group, groupZh: c.groupZh, keywords: c.keywords, departmentId, workingDays: c.days, position }));
    categoryIds.set(c.code, id);
    if ('districts' in c) {
      const routes: { areaId: string; departmentId: string }[] = [];
      for (const [slug, department] of Object.entries(c.districts)) {
        const [area, dept] = [await areaId(slug), await orgId(department)];
        if (area && dept) routes.push({ areaId: area, departmentId: dept });
      }
      orFail(await setCategoryRoutes(early, admin, { categoryId: id, routes }));
    }
  }

  const ngo = await orgId('Green Lake Environmental Society');
  const key = orFail(await createApiKey(early, admin, { label: 'Green Lake FixIt app', organizationId: ngo }));
  const keyRef = { id: key.id, label: 'Green Lake FixIt app', organizationId: ngo };

  type Planned = { daysAgo: number; order: number; run: () => Promise<void> };
  const plan: Planned[] = [];
  for (const [order, item] of reports.entries()) {
    const categoryId = categoryIds.get(item.code);
    if (!categoryId) continue;
    let id: string | null = null;
    plan.push({
      daysAgo: item.at,
      order,
      run: async () => {
        const area = await areaId(item.area);
        if (item.by === 'open311') {
          id = orFail(
            await submitOpen311Request(at(item.at), keyRef, {
              serviceCode: item.code,
              latitude: item.location?.latitude ?? null,
              longitude: item.location?.longitude ?? null,
              addressString: item.address ?? null,
              description: item.description,
              areaSlug: area ? item.area : null,
              mediaUrl: null,
              contact: { email: 'volunteer@greenlake.demo', firstName: 'Kim', lastName: 'Volunteer', phone: '+86 21 5555 0101', deviceId: null, accountId: null },
            }),
          ).id;
          return;
        }
        const reporter = await actor(item.by);
        if (!reporter) return;
        id = orFail(
          await createReport(at(item.at), reporter, {
            categoryId,
            description: item.description,
            areaId: area,
            address: item.address ?? null,
            latitude: item.location?.latitude ?? null,
            longitude: item.location?.longitude ?? null,
            showName: item.showName ?? false,
          }),
        ).id;
      },
    });
    for (const step of item.steps ?? []) {
      plan.push({
        daysAgo: step.at,
        order,
        run: async () => {
          if (!id) return;
          const when = at(step.at, 30);
          if (step.kind === 'confirm' || step.kind === 'reopen') {
            const reporter = await actor(item.by);
            if (!reporter) return;
            if (step.kind === 'confirm') orFail(await confirmReport(when, reporter, { id }));
            else orFail(await reopenReport(when, reporter, { id, reason: step.reason }));
            return;
          }
          const official = await actor(step.by);
          if (!official) return;
          if (step.kind === 'status') orFail(await updateReportStatus(when, official, { id, state: step.state, note: step.note ?? null }));
          else {
            const to = await orgId(step.to);
            if (to) orFail(await transferReport(when, official, { id, departmentId: to, reason: step.reason }));
          }
        },
      });
    }
  }
  // The overdue sweep runs every day on a living platform: it flags what passed its deadline then.
  for (let daysAgo = 15; daysAgo >= 1; daysAgo--) plan.push({ daysAgo: daysAgo - 0.5, order: Number.MAX_SAFE_INTEGER, run: async () => void (await flagOverdueReports(at(daysAgo - 0.5))) });
  plan.sort((a, b) => b.daysAgo - a.daysAgo || a.order - b.order);
  for (const step of plan) await step.run();
  await flagOverdueReports(deps);
}
