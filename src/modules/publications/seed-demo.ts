import type { Deps } from '../../core/deps.js';
import { orFail } from '../../core/errors.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import type { UserActor } from '../../core/permissions/actor.js';
import type { ResourceAdapter } from '../../core/resources.js';
import { uploadAttachment } from '../../core/attachments/upload-attachment.js';
import { simplePdf } from '../../core/attachments/simple-pdf.js';
import { loadCalendar } from '../../core/calendar/load-calendar.js';
import { localDate } from '../../core/calendar/working-days.js';
import { processesManifest } from '../processes/index.js';
import { hearingsManifest } from '../hearings/index.js';
import { createPublication } from './operations/create-publication.js';
import { updatePublication } from './operations/update-publication.js';
import { withdrawPublication } from './operations/withdraw-publication.js';
import type { PublicationCategory } from './tables.js';

const DAY = 86_400_000;
const demo = (name: string) => `${name}@lakeview.demo`;

interface DemoFile {
  name: string;
  /** PDF lines (Latin text), or the text of a .csv / .txt file. */
  pdf?: string[];
  text?: string;
}

interface DemoPublication {
  department: string;
  by: string;
  category: PublicationCategory;
  title: string;
  summary: string;
  area?: string;
  /** Days before now: the document's date and when it was published (null: a draft). */
  dated: number;
  published: number | null;
  /** Validity in days relative to now (negative: past). */
  validFrom?: number;
  validUntil?: number;
  files: DemoFile[];
  process?: string;
  hearing?: string;
  correction?: { at: number; note: string; summary: string };
  withdrawal?: { at: number; reason: string };
}

/**
 * The demo's register, in English and Chinese: fare decisions after the fares hearing (corrected
 * once), the lake water tests as a spreadsheet, the street-vending consultation report, a budget,
 * school admission zones in force, a canteen contract as plain Chinese text, night-bus minutes, an
 * expired noise plan, a withdrawn notice and a draft only the Urban Management Bureau sees. The PDFs
 * are real, so searching a phrase from inside one finds it.
 */
const publications: DemoPublication[] = [
  {
    department: 'Transport Bureau', by: demo('transport'), category: 'regulations', area: 'lakeview', dated: 24, published: 23, validFrom: -15,
    title: 'Decision on bus and ferry fares after the public hearing',
    summary: 'After the public hearing on fare changes, the Transport Bureau sets the single bus fare at 2.5 yuan and the ferry fare at 3.5 yuan (not 4 as proposed), introduces a monthly pass at 80 yuan and free travel for residents over 70.',
    hearing: 'Public hearing on bus and ferry fare changes',
    files: [{
      name: 'fare-decision-2026.pdf',
      pdf: [
        'Lakeview Transport Bureau - Decision No. 2026-14 on public transport fares',
        'Having held the public hearing on bus and ferry fare changes, the Bureau decides:',
        '1. The single bus fare is 2.5 yuan on every line, including night buses.',
        '2. The ferry fare is 3.5 yuan; the hearing showed that 4 yuan was too steep for commuters.',
        '3. A monthly pass valid on buses and ferries costs 80 yuan.',
        '4. Residents over 70 travel free with their resident card.',
        '5. Students keep the half-price fare on school days.',
        'The hearing report answers every opinion heard and explains the ferry fare decision.',
      ],
    }],
    correction: { at: 20, note: 'Corrected the start of the monthly pass sale: it goes on sale one week before the new fares apply.', summary: 'After the public hearing on fare changes, the Transport Bureau sets the single bus fare at 2.5 yuan and the ferry fare at 3.5 yuan (not 4 as proposed), introduces a monthly pass at 80 yuan (on sale one week before the new fares apply) and free travel for residents over 70.' },
  },
  {
    department: 'Environment Bureau', by: demo('liu.yang'), category: 'statistics', area: 'riverside-district', dated: 9, published: 8,
    title: '湖泊水质月度检测结果（2026年第一季度）',
    summary: '按照水质改善方案的承诺，生态环境局每月在四个采样点公开检测湖水的溶解氧、总磷和大肠菌群。附件为第一季度的全部检测数据（CSV 表格，可用任何电子表格软件打开）。',
    hearing: 'Public hearing on the lake water-quality plan',
    files: [{
      name: 'lake-water-tests-2026-q1.csv',
      text: [
        'station,station_zh,month,dissolved_oxygen_mg_l,total_phosphorus_mg_l,coliform_per_100ml',
        'Willow Bank pier,柳岸码头,2026-01,7.9,0.08,120',
        'Willow Bank pier,柳岸码头,2026-02,8.1,0.07,95',
        'Willow Bank pier,柳岸码头,2026-03,7.4,0.11,340',
        'Harbour Lane outfall,港湾巷排水口,2026-01,6.2,0.15,860',
        'Harbour Lane outfall,港湾巷排水口,2026-02,6.5,0.13,610',
        'Harbour Lane outfall,港湾巷排水口,2026-03,5.8,0.19,1450',
        'Lake centre buoy,湖心浮标,2026-01,8.8,0.04,20',
        'Lake centre buoy,湖心浮标,2026-02,9.0,0.04,15',
        'Lake centre buoy,湖心浮标,2026-03,8.6,0.05,40',
        'North shore beach,北岸浴场,2026-01,8.3,0.06,75',
        'North shore beach,北岸浴场,2026-02,8.4,0.06,60',
        'North shore beach,北岸浴场,2026-03,7.9,0.08,210',
        '',
      ].join('\n'),
    }],
  },
  {
    department: 'Urban Management Bureau', by: demo('official'), category: 'reports', area: 'old-town-district', dated: 14, published: 14,
    title: 'Street vending regulation: report on the first consultation',
    summary: 'What residents, vendors and shops said in the first consultation on the street vending regulation, article by article, and how the revised draft answers it: fixed vending hours, a quiet zone around schools and a fee waiver for the first year.',
    process: 'street-vending-regulation',
    files: [{
      name: 'vending-consultation-report.pdf',
      pdf: [
        'Street vending regulation - report on the first consultation',
        '412 comments were received on 18 articles; 61 amendments were proposed.',
        'Article 4 (vending hours): most comments asked for evening markets until 22:00.',
        'The revised draft allows evening markets on Drum Tower Square until 22:00.',
        'Article 7 (schools): a quiet zone of 50 metres around every school gate.',
        'Article 11 (fees): vendors registering in the first year pay no pitch fee.',
        'Every comment and the answer to it is published on the consultation page.',
      ],
    }],
  },
  {
    department: 'Urban Management Bureau', by: demo('official'), category: 'budgets_spending', area: 'lakeview', dated: 60, published: 58, validFrom: -80, validUntil: 285,
    title: '城市管理局 2026 年部门预算',
    summary: '城市管理局 2026 年部门预算共 3,860 万元，其中道路照明维护 420 万元、市容环境整治 1,150 万元、菜市场周边秩序管理 300 万元。附件为预算说明全文。',
    files: [{
      name: 'urban-management-budget-2026.pdf',
      pdf: [
        'Lakeview Urban Management Bureau - departmental budget 2026',
        'Total expenditure: 38.6 million yuan.',
        'Street lighting maintenance: 4.2 million yuan (1,900 lamps replaced with LED).',
        'City appearance and sanitation: 11.5 million yuan.',
        'Order around fresh markets: 3.0 million yuan, including the Drum Tower market.',
        'Public space improvements chosen by residents: 2.0 million yuan.',
        'Staff and administration: 17.9 million yuan.',
      ],
    }],
  },
  {
    department: 'Education Bureau', by: demo('maria.rossi'), category: 'plans', area: 'riverside-district', dated: 31, published: 30, validFrom: -5, validUntil: 360,
    title: 'Primary school admission zones for the 2026 school year',
    summary: 'Which addresses belong to which primary school in Riverside District for the 2026 intake, with the new zone of Harbour Lane Primary after its extension, and how families apply.',
    files: [{
      name: 'admission-zones-2026.pdf',
      pdf: [
        'Riverside District primary school admission zones, school year 2026',
        'Harbour Lane Primary: Harbour Lane, Pier Street and the east side of Riverside Avenue.',
        'Willow Bank Primary: Willow Bank, Lakeshore Road numbers 1 to 120.',
        'Families apply online or at the service desk between 1 and 31 May.',
        'Siblings of current pupils are admitted first within each zone.',
      ],
    }],
  },
  {
    department: 'Civil Affairs Bureau', by: demo('huang.wei'), category: 'contracts', area: 'maple-heights', dated: 12, published: 10, validFrom: -10, validUntil: 355,
    title: '枫林社区老年食堂委托运营服务合同',
    summary: '民政局与湖景康乐餐饮服务有限公司签订的枫林社区老年食堂委托运营合同：每餐标准价 15 元，70 岁以上老人每餐补贴 5 元，合同期一年。',
    files: [{
      name: '老年食堂运营合同.txt',
      text: [
        '枫林社区老年食堂委托运营服务合同（公开文本）',
        '',
        '甲方：湖景市民政局',
        '乙方：湖景康乐餐饮服务有限公司',
        '',
        '第一条 服务内容：乙方负责枫林社区老年食堂的日常运营，每日供应午餐和晚餐。',
        '第二条 价格：每餐标准价 15 元；70 岁以上老人凭老年卡每餐补贴 5 元，由甲方按月结算。',
        '第三条 食品安全：乙方每日公示菜单和食材来源，接受社区居民监督。',
        '第四条 合同期限：一年，期满经评估合格可续签。',
        '',
      ].join('\n'),
    }],
  },
  {
    department: 'Transport Bureau', by: demo('transport'), category: 'meeting_minutes', area: 'lakeview', dated: 40, published: 38,
    title: 'Night bus network review: minutes of the evaluation meeting',
    summary: 'Minutes of the meeting where the Transport Bureau evaluated the proposals of the night bus review: two new night lines, later last buses on line 3, and why the airport night shuttle was not adopted.',
    process: 'night-bus-review',
    files: [{
      name: 'night-bus-evaluation-minutes.pdf',
      pdf: [
        'Minutes - evaluation of proposals in the night bus network review',
        'Present: Deputy Director (chair), network planning office, two resident observers.',
        'Adopted: night line N1 Station Square - Harbour Lane, every 30 minutes until 01:30.',
        'Adopted: night line N2 Drum Tower - Maple Heights.',
        'Adopted: the last bus on line 3 leaves at 23:40 instead of 22:50.',
        'Not adopted: an airport night shuttle (fewer than 40 riders a night expected).',
      ],
    }],
  },
  {
    department: 'Environment Bureau', by: demo('liu.yang'), category: 'plans', area: 'north-district', dated: 500, published: 495, validFrom: -480, validUntil: -30,
    title: 'Night-time construction noise control plan 2025',
    summary: 'Limits and permits for construction work between 22:00 and 06:00 in North District, with the inspection schedule. The plan has expired; a new plan is being prepared.',
    files: [{
      name: 'noise-plan-2025.pdf',
      pdf: [
        'North District night-time construction noise control plan 2025',
        'Work between 22:00 and 06:00 needs a night work permit from the Environment Bureau.',
        'Pile driving is never permitted at night next to homes.',
        'Inspectors measure noise at the nearest window; the limit is 55 decibels.',
      ],
    }],
  },
  {
    department: 'Urban Management Bureau', by: demo('official'), category: 'other', area: 'drum-tower', dated: 20, published: 19,
    title: 'Notice: summer opening hours of the Drum Tower market',
    summary: 'The Drum Tower fresh market opens at 05:30 from June to August, and the street in front of it is closed to cars from 05:00 to 09:00.',
    files: [],
    withdrawal: { at: 16, reason: 'Withdrawn: the street closure in this notice was not agreed with the Transport Bureau. A corrected notice will be published after the agreement.' },
  },
  {
    department: 'Urban Management Bureau', by: demo('official'), category: 'plans', area: 'lakeview', dated: 2, published: null,
    title: 'Street tree planting plan 2026 (draft)',
    summary: 'A draft of the plan to plant 1,200 street trees in 2026, street by street; it will be published after the Environment Bureau has commented on the species list.',
    files: [{ name: 'street-trees-2026-draft.pdf', pdf: ['Street tree planting plan 2026 - draft for internal review', '1,200 trees on 34 streets; species list to be checked by the Environment Bureau.'] }],
  },
];

/** Adds the demo's register; skips a publication whose department or official the demo does not have. */
export async function seedPublicationsDemo(deps: Deps): Promise<void> {
  const base = deps.clock.now().getTime();
  const at = (daysAgo: number, minutes = 0): Deps => ({ db: deps.db, clock: { now: () => new Date(base - daysAgo * DAY + minutes * 60_000) } });
  const calendar = await loadCalendar(deps.db);
  const day = (daysAgo: number) => localDate(new Date(base - daysAgo * DAY), calendar);
  const resources = new Map<string, ResourceAdapter>(Object.entries({ ...processesManifest.resources, ...hearingsManifest.resources }));

  const actors = new Map<string, UserActor | null>();
  async function actor(email: string): Promise<UserActor | null> {
    if (!actors.has(email)) {
      const user = await deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
      actors.set(email, user ? await loadUserActor(deps.db, user.id) : null);
    }
    return actors.get(email)!;
  }

  for (const p of publications) {
    const official = await actor(p.by);
    const department = await deps.db.selectFrom('organizations').select('id').where('name', '=', p.department).where('sector', '=', 'government').executeTakeFirst();
    if (!official || !department) continue;
    const created = p.published ?? p.dated;
    const attachmentIds: string[] = [];
    for (const file of p.files) {
      const bytes = file.pdf ? simplePdf(file.pdf, p.title) : Buffer.from(file.text ?? '', 'utf8');
      attachmentIds.push(orFail(await uploadAttachment(at(created, -5), official, { fileName: file.name, bytes, maxBytes: 10 * 1024 * 1024 })).id);
    }
    const links: { type: string; id: string }[] = [];
    if (p.process) {
      const process = await deps.db.selectFrom('processes').select('id').where('slug', '=', p.process).executeTakeFirst();
      if (process) links.push({ type: 'process', id: process.id });
    }
    if (p.hearing) {
      const hearing = await deps.db.selectFrom('hearings').select('id').where('title', '=', p.hearing).executeTakeFirst();
      if (hearing) links.push({ type: 'hearing', id: hearing.id });
    }
    const area = p.area ? await deps.db.selectFrom('areas').select('id').where('slug', '=', p.area).executeTakeFirst() : undefined;
    const fields = {
      title: p.title,
      summary: p.summary,
      category: p.category,
      documentDate: day(p.dated),
      validFrom: p.validFrom !== undefined ? day(-p.validFrom) : null,
      validUntil: p.validUntil !== undefined ? day(-p.validUntil) : null,
      areaId: area?.id ?? null,
      attachmentIds,
      links,
    };
    const { id } = orFail(await createPublication({ ...at(created), resources }, official, { departmentId: department.id, ...fields, publish: p.published !== null }));
    if (p.correction) {
      orFail(await updatePublication({ ...at(p.correction.at), resources }, official, { id, ...fields, summary: p.correction.summary, changeNote: p.correction.note }));
    }
    if (p.withdrawal) orFail(await withdrawPublication(at(p.withdrawal.at), official, { id, reason: p.withdrawal.reason }));
  }
}
