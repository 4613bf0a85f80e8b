import type { Deps } from '../../core/deps.js';
import { orFail } from '../../core/errors.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import type { UserActor } from '../../core/permissions/actor.js';
import { announceHearing, type AnnounceHearingInput } from './operations/announce-hearing.js';
import { registerForHearing } from './operations/register-for-hearing.js';
import { drawPlaces } from './operations/draw-places.js';
import { submitQuestion } from './operations/submit-question.js';
import { cosignSubmission } from './operations/cosign-submission.js';
import { recordMinutes } from './operations/record-minutes.js';
import { publishReport } from './operations/publish-report.js';
import { flagOverdueReports } from './operations/flag-overdue-reports.js';
import type { Position, ReportDecision } from './tables.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const demo = (name: string) => `${name}@lakeview.demo`;

interface DemoRegistration {
  who: string;
  speak?: boolean;
  position: Position;
  statement: string;
  /** Slug of the organization a representative registers for. */
  organization?: string;
}

interface DemoSubmission {
  who: string;
  kind: 'question' | 'opinion';
  body: string;
  /** How many of the other registrants co-sign it. */
  cosigns: number;
}

interface DemoHearing {
  department: string;
  official: string;
  area: string | null;
  /** Days from now (negative: in the past). */
  announced: number;
  opens: number;
  closes: number;
  starts: number;
  input: Omit<AnnounceHearingInput, 'departmentId' | 'startsAt' | 'endsAt' | 'registrationOpensAt' | 'registrationClosesAt' | 'panel'>;
  panel: { department: string; title: string; role: 'chair' | 'member' }[];
  registrations: DemoRegistration[];
  submissions: DemoSubmission[];
  draw?: { at: number; publicValue: string };
  minutes?: { at: number; text: string; textZh: string; answers: { question: string; questionZh: string; askedBy: string; answer: string; answerZh: string; fromSubmission?: number }[] };
  report?: { at: number; summary: string; summaryZh: string; items: { opinion: string; opinionZh: string; decision: ReportDecision; response: string; responseZh: string; reference?: string }[] };
}

/** The start of a day `days` from now at 14:30 in Lakeview (06:30 UTC), so hearings sit at a sensible hour. */
function afternoon(base: number, days: number): Date {
  const date = new Date(base + days * DAY);
  date.setUTCHours(6, 30, 0, 0);
  return date;
}

/**
 * The demo's hearings: the pedestrian-zone hearing next week with registration open (applicants,
 * questions with co-signatures, a draw announced for the lottery numbers), the fares hearing a
 * month ago, oversubscribed and drawn by lot, with its minutes, answers and response report, and
 * a water-quality hearing whose report is overdue, flagged by the sweep.
 */
const hearings: DemoHearing[] = [
  {
    department: 'Urban Management Bureau', official: demo('official'), area: 'lakeview',
    announced: -4, opens: -3, closes: 5, starts: 7,
    input: {
      title: 'Public hearing on the Lakeshore Road weekend pedestrian zone',
      titleZh: '湖滨路周末步行区公开听证会',
      description: 'The Urban Management Bureau proposes to close Lakeshore Road between the ferry pier and the market to cars on Saturdays and Sundays from 10:00 to 20:00, with deliveries allowed in the morning and a shuttle bus for residents with reduced mobility. Before deciding, we want to hear residents, shops and organizations.',
      descriptionZh: '城市管理局拟于每周六、周日 10:00 至 20:00 在湖滨路轮渡码头至菜市场路段禁止机动车通行，早间允许送货，并为行动不便的居民开通接驳车。决定之前，我们希望听取居民、商户和社会组织的意见。',
      legalBasis: 'Lakeview Public Hearing Rules, art. 7 (decisions that restrict the use of public roads are heard in public before they are taken).',
      legalBasisZh: '《湖景市公开听证规则》第七条（限制公共道路使用的决定，应在作出前举行公开听证）。',
      legalReference: 'https://lakeview.example/rules/public-hearings#art-7',
      location: 'Lakeview City Hall, Hearing Room 301, 1 Civic Square',
      locationZh: '湖景市政府大楼 301 听证室（市民广场 1 号）',
      onlineUrl: 'https://live.lakeview.example/hearings/lakeshore-road',
      agenda: [
        { title: 'Opening by the chair; rules of the hearing', titleZh: '主持人宣布开会及听证规则' },
        { title: 'The plan, presented by the Urban Management Bureau', titleZh: '城市管理局介绍方案' },
        { title: 'Speakers drawn from the applicants (5 minutes each)', titleZh: '抽签产生的发言人发言（每人五分钟）' },
        { title: 'The most co-signed written questions, answered by the panel', titleZh: '听证人回答联署最多的书面问题' },
        { title: 'Closing: what happens next', titleZh: '总结：后续安排' },
      ],
      seats: 30,
      speakingSlots: 6,
      stratification: 'proportional',
      drawPublicSource: 'The Welfare Lottery (福利彩票) double-colour-ball numbers drawn on the evening registration closes, in the order drawn',
      agendaQuestions: 3,
      responseWorkingDays: 20,
    },
    panel: [
      { department: 'Urban Management Bureau', title: 'Director', role: 'chair' },
      { department: 'Urban Management Bureau', title: 'Public Space Officer', role: 'member' },
      { department: 'Transport Bureau', title: 'Deputy Director', role: 'member' },
      { department: 'Riverside District Office', title: 'District Head', role: 'member' },
    ],
    registrations: [
      { who: 'rep', speak: true, position: 'for', organization: 'riverside-residents-association', statement: 'Our members want a safe, quiet lakefront at weekends; we ask for the shuttle to run every 15 minutes.' },
      { who: 'resident', speak: true, position: 'for', statement: 'I walk my children to the lake every Saturday. Fewer cars would make it safer.' },
      { who: 'ma.li', speak: true, position: 'against', statement: '周末是老城小商户最忙的时候，禁车会让顾客无法停车，生意会受影响。' },
      { who: 'zhu.qing', position: 'against', statement: 'Our bakery needs deliveries until noon on Saturdays, not only in the early morning.' },
      { who: 'he.ping', speak: true, position: 'neutral', statement: '支持步行区，但需要保证老人和残障人士能够方便到达。' },
      { who: 'lin.yu', position: 'for', statement: '湖边步行区可以吸引更多游客，对社区有好处。' },
      { who: 'omar.haddad', speak: true, position: 'for', statement: 'Please include a protected bike route through the zone.' },
      { who: 'priya.nair', position: 'neutral', statement: 'I work night shifts; the shuttle must also run late on Sundays.' },
      { who: 'xie.ning', position: 'for', statement: 'Less noise on weekends for the families living on Lakeshore Road.' },
      { who: 'guo.mei', position: 'against', statement: '周边小区停车位本来就不够，禁车后车会停到小区里。' },
    ],
    submissions: [
      { who: 'ma.li', kind: 'question', body: '禁车期间，周边能否增设临时停车场？商户的顾客在哪里停车？', cosigns: 5 },
      { who: 'resident', kind: 'question', body: 'How will residents with reduced mobility reach the lakefront? How often will the shuttle run?', cosigns: 4 },
      { who: 'zhu.qing', kind: 'question', body: 'Can deliveries be allowed until 12:00 on Saturdays instead of 10:00?', cosigns: 4 },
      { who: 'omar.haddad', kind: 'question', body: 'Will cyclists be allowed to ride through the zone, and at what speed?', cosigns: 1 },
      { who: 'he.ping', kind: 'opinion', body: '建议先试行三个月，期间收集居民和商户的意见，再决定是否长期实施。', cosigns: 3 },
    ],
  },
  {
    department: 'Transport Bureau', official: demo('transport'), area: 'lakeview',
    announced: -46, opens: -45, closes: -33, starts: -30,
    input: {
      title: 'Public hearing on bus and ferry fare changes',
      titleZh: '公交和轮渡票价调整听证会',
      description: 'The Transport Bureau proposed raising the single bus fare from 2 to 2.5 yuan and the ferry fare from 3 to 4 yuan, with a new monthly pass at 80 yuan and free travel for residents over 70.',
      descriptionZh: '交通运输局拟将公交单程票价由 2 元调整为 2.5 元，轮渡票价由 3 元调整为 4 元，同时推出 80 元月票，并为 70 岁以上居民提供免费乘车。',
      legalBasis: 'Price Law art. 23; Lakeview Public Hearing Rules, art. 5 (public transport fares are set after a public hearing).',
      legalBasisZh: '《价格法》第二十三条；《湖景市公开听证规则》第五条（公共交通票价须经公开听证后确定）。',
      legalReference: 'https://lakeview.example/rules/public-hearings#art-5',
      location: 'Lakeview City Hall, Hearing Room 301, 1 Civic Square',
      locationZh: '湖景市政府大楼 301 听证室（市民广场 1 号）',
      onlineUrl: null,
      agenda: [
        { title: 'The fare proposal and the cost figures', titleZh: '票价方案及成本数据' },
        { title: 'Speakers drawn from the applicants', titleZh: '抽签产生的发言人发言' },
        { title: 'Written questions, answered by the panel', titleZh: '听证人回答书面问题' },
      ],
      seats: 6,
      speakingSlots: 3,
      stratification: 'proportional',
      drawPublicSource: 'The Welfare Lottery (福利彩票) double-colour-ball numbers drawn on the evening registration closed, in the order drawn',
      agendaQuestions: 3,
      responseWorkingDays: 20,
    },
    panel: [
      { department: 'Transport Bureau', title: 'Deputy Director', role: 'chair' },
      { department: 'Lakeview City Government', title: 'Mayor', role: 'member' },
    ],
    registrations: [
      { who: 'priya.nair', speak: true, position: 'against', statement: 'Shift workers already pay the most; a monthly pass at 80 yuan is too dear for part-time staff.' },
      { who: 'zheng.xin', speak: true, position: 'against', statement: '轮渡是滨江居民进城的唯一方式，涨价三分之一太多了。' },
      { who: 'resident', speak: true, position: 'neutral', statement: 'A fare rise can be fair if service improves: publish the punctuality figures.' },
      { who: 'rep', speak: true, position: 'neutral', organization: 'riverside-residents-association', statement: 'Free travel for over-70s is welcome; keep the ferry fare as it is.' },
      { who: 'lucas.silva', speak: true, position: 'for', statement: 'The buses need new vehicles; a small fare rise is acceptable.' },
      { who: 'luo.dan', position: 'against', statement: '学生票也应该保留优惠。' },
      { who: 'liang.bo', position: 'for', statement: 'Fares have not changed in ten years.' },
      { who: 'xu.hui', position: 'neutral', statement: 'I would like to understand the cost figures.' },
      { who: 'kenji.sato', position: 'against', statement: 'Please keep a cheap single fare for occasional riders.' },
      { who: 'song.yan', position: 'against', statement: '希望推出周票，方便临时工。' },
      { who: 'omar.haddad', position: 'for', statement: 'The monthly pass is a good deal for daily commuters.' },
      { who: 'he.ping', position: 'neutral', statement: '关注无障碍公交车的数量。' },
    ],
    submissions: [
      { who: 'zheng.xin', kind: 'question', body: '轮渡票价上涨后，滨江居民是否有专门的优惠？', cosigns: 6 },
      { who: 'priya.nair', kind: 'question', body: 'Will there be a cheaper weekly pass for part-time and shift workers?', cosigns: 5 },
      { who: 'xu.hui', kind: 'question', body: 'What share of the operating cost do fares cover today, and after the change?', cosigns: 3 },
      { who: 'luo.dan', kind: 'question', body: '学生是否仍然享受半价？', cosigns: 1 },
      { who: 'resident', kind: 'opinion', body: 'Link any fare rise to published punctuality targets, and review it after a year.', cosigns: 4 },
    ],
    draw: { at: -32.5, publicValue: '04 09 15 22 27 31 + 12' },
    minutes: {
      at: -29,
      text: 'The Deputy Director presented the proposal and the cost figures (fares cover 41% of operating costs today, 48% after the change). Five speakers drawn by lot spoke: three against the ferry fare rise, one neutral asking for punctuality figures, one for. The panel answered the three most co-signed written questions and two questions from the floor. The hearing lasted two hours and ten minutes; 6 members of the public attended in the room.',
      textZh: '交通运输局副局长介绍了调价方案和成本数据（目前票款覆盖运营成本的 41%，调价后为 48%）。抽签产生的五位发言人发言：三位反对轮渡涨价，一位中立并要求公布准点率数据，一位赞成。听证人回答了联署最多的三个书面问题和两个现场提问。听证会历时两小时十分钟，现场旁听市民 6 人。',
      answers: [
        { fromSubmission: 0, question: 'Will Riverside residents get a discount on the ferry after the rise?', questionZh: '轮渡票价上涨后，滨江居民是否有专门的优惠？', askedBy: 'Written question (6 co-signatures)', answer: 'We will study a resident ferry pass; the current proposal has none.', answerZh: '我们将研究推出居民轮渡卡；目前的方案中没有。' },
        { fromSubmission: 1, question: 'Will there be a cheaper weekly pass for part-time and shift workers?', questionZh: '是否会为兼职和倒班人员推出更便宜的周票？', askedBy: 'Written question (5 co-signatures)', answer: 'A weekly pass at 22 yuan is technically possible with the new card system.', answerZh: '新的乘车卡系统在技术上可以支持 22 元的周票。' },
        { fromSubmission: 2, question: 'What share of the operating cost do fares cover?', questionZh: '票款目前覆盖多少运营成本？调价后呢？', askedBy: 'Written question (3 co-signatures)', answer: '41% today, 48% after the change; the city pays the rest.', answerZh: '目前为 41%，调价后为 48%，其余由市财政补贴。' },
        { question: 'Are students still at half fare?', questionZh: '学生是否仍然享受半价？', askedBy: 'From the floor', answer: 'Yes, student fares stay at half price.', answerZh: '是的，学生票继续半价。' },
      ],
    },
    report: {
      at: -12,
      summary: 'Having heard the speakers and the written questions, the Transport Bureau changes its proposal: the bus fare rises to 2.5 yuan as proposed, the ferry fare stays at 3 yuan for a year, a weekly pass is added, and punctuality figures are published every month.',
      summaryZh: '听取发言人意见和书面问题后，交通运输局调整方案：公交票价按原方案调整为 2.5 元，轮渡票价一年内维持 3 元不变，新增周票，并每月公布准点率数据。',
      items: [
        { opinion: 'Do not raise the ferry fare by a third', opinionZh: '轮渡票价不应上涨三分之一', decision: 'adopted', response: 'The ferry fare stays at 3 yuan for at least one year; we will review it with the resident ferry pass study.', responseZh: '轮渡票价至少一年内维持 3 元；我们将结合居民轮渡卡研究再作评估。' },
        { opinion: 'A cheaper weekly pass for part-time and shift workers', opinionZh: '为兼职和倒班人员推出更便宜的周票', decision: 'adopted', response: 'A weekly pass at 22 yuan starts together with the new fares.', responseZh: '22 元周票与新票价同时推出。' },
        { opinion: 'Link the fare rise to published punctuality targets', opinionZh: '将调价与公开的准点率目标挂钩', decision: 'partly_adopted', response: 'Punctuality figures per line are published every month from now on; the fare is not made conditional on them.', responseZh: '今后每月公布各线路准点率数据；票价不与之挂钩。', reference: 'Transport Bureau notice LT-2026-14' },
        { opinion: 'Keep the single bus fare at 2 yuan', opinionZh: '公交单程票维持 2 元', decision: 'not_adopted', response: 'The single fare rises to 2.5 yuan: the new vehicles need it, and over-70s and students are protected.', responseZh: '单程票调整为 2.5 元：更新车辆需要资金，70 岁以上老人和学生的优惠不变。' },
      ],
    },
  },
  {
    department: 'Environment Bureau', official: demo('liu.yang'), area: 'riverside-district',
    announced: -60, opens: -58, closes: -48, starts: -45,
    input: {
      title: 'Public hearing on the lake water-quality plan',
      titleZh: '湖泊水质改善方案听证会',
      description: 'The Environment Bureau presented its plan to reduce run-off into the lake: new storm drains, a ban on fertiliser near the shore, and monthly public water tests.',
      descriptionZh: '环境保护局介绍了减少入湖径流的方案：新建雨水管道、禁止在湖岸附近施用化肥，并每月公开水质检测结果。',
      legalBasis: 'Environmental Protection Law art. 56; Lakeview Public Hearing Rules, art. 6.',
      legalBasisZh: '《环境保护法》第五十六条；《湖景市公开听证规则》第六条。',
      location: 'Willow Bank Community Centre, 8 Lakeshore Road',
      locationZh: '柳岸社区活动中心（湖滨路 8 号）',
      onlineUrl: 'https://live.lakeview.example/hearings/lake-water',
      agenda: [{ title: 'The plan', titleZh: '方案介绍' }, { title: 'Speakers and questions', titleZh: '发言与提问' }],
      seats: 40,
      speakingSlots: 5,
      stratification: 'none',
      drawPublicSource: null,
      agendaQuestions: 3,
      responseWorkingDays: 20,
    },
    panel: [{ department: 'Environment Bureau', title: 'Director', role: 'chair' }],
    registrations: [
      { who: 'sun.tao', speak: true, position: 'for', statement: 'Green Lake Environmental Society supports the plan and offers volunteers for the water tests.' },
      { who: 'xu.hui', position: 'neutral', statement: '希望检测结果能在社区公告栏公布。' },
      { who: 'liang.bo', position: 'against', statement: 'The fertiliser ban hurts the allotment gardens.' },
    ],
    submissions: [{ who: 'xu.hui', kind: 'question', body: '水质检测结果会在哪里公布？多久公布一次？', cosigns: 2 }],
    minutes: {
      at: -44,
      text: 'The Director presented the plan. Two residents spoke. The panel promised to publish the water tests monthly on the bureau page and on the community notice board.',
      textZh: '局长介绍了方案。两位居民发言。听证人承诺每月在局网站和社区公告栏公布水质检测结果。',
      answers: [{ fromSubmission: 0, question: 'Where and how often will the water tests be published?', questionZh: '水质检测结果会在哪里公布？多久公布一次？', askedBy: 'Written question', answer: 'Monthly, on the bureau page and the community notice board.', answerZh: '每月一次，在局网站和社区公告栏公布。' }],
    },
  },
];

/** Adds the demo's hearings; skips one whose department or official the demo does not have. */
export async function seedHearingsDemo(deps: Deps): Promise<void> {
  const base = deps.clock.now().getTime();
  const at = (days: number, minutes = 0): Deps => ({ db: deps.db, clock: { now: () => new Date(base + days * DAY + minutes * 60_000) } });
  const actors = new Map<string, UserActor | null>();
  async function actor(who: string): Promise<UserActor | null> {
    const email = who.includes('@') ? who : demo(who);
    if (!actors.has(email)) {
      const user = await deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
      actors.set(email, user ? await loadUserActor(deps.db, user.id) : null);
    }
    return actors.get(email)!;
  }
  const orgId = async (slug: string) => (await deps.db.selectFrom('organizations').select('id').where('slug', '=', slug).executeTakeFirst())?.id ?? null;

  for (const h of hearings) {
    const department = await deps.db.selectFrom('organizations').select('id').where('name', '=', h.department).where('sector', '=', 'government').executeTakeFirst();
    const official = await actor(h.official);
    if (!department || !official) continue;
    const panel: { postId: string; role: 'chair' | 'member' }[] = [];
    for (const m of h.panel) {
      const post = await deps.db
        .selectFrom('posts')
        .innerJoin('organizations', 'organizations.id', 'posts.organization_id')
        .select('posts.id')
        .where('organizations.name', '=', m.department)
        .where('posts.title', '=', m.title)
        .executeTakeFirst();
      if (post) panel.push({ postId: post.id, role: m.role });
    }
    const area = h.area ? await deps.db.selectFrom('areas').select('id').where('slug', '=', h.area).executeTakeFirst() : undefined;
    const starts = afternoon(base, h.starts);
    const { id } = orFail(
      await announceHearing(at(h.announced), official, {
        ...h.input,
        departmentId: department.id,
        areaId: area?.id ?? null,
        startsAt: starts,
        endsAt: new Date(starts.getTime() + 3 * HOUR),
        registrationOpensAt: new Date(base + h.opens * DAY),
        registrationClosesAt: afternoon(base, h.closes),
        panel,
      }),
    );

    // Applications over the first 70% of the registration window (up to now), in the order listed;
    // written questions after them, until the hearing (or now).
    const lastApplication = h.opens + 0.7 * (Math.min(h.closes, 0) - h.opens);
    const registered: UserActor[] = [];
    for (const [i, r] of h.registrations.entries()) {
      const person = await actor(r.who);
      if (!person) continue;
      const when = h.opens + ((lastApplication - h.opens) * (i + 1)) / (h.registrations.length + 1);
      const result = await registerForHearing(at(when), person, {
        hearingId: id,
        kind: r.speak ? 'speak' : 'attend',
        position: r.position,
        statement: r.statement,
        organizationId: r.organization ? await orgId(r.organization) : null,
      });
      if (result.ok) registered.push(person);
    }

    // Written questions and opinions, co-signed by other registrants.
    const submissionIds: string[] = [];
    for (const [i, s] of h.submissions.entries()) {
      const author = await actor(s.who);
      const when = lastApplication + ((Math.min(h.starts, 0) - lastApplication) * (i + 1)) / (h.submissions.length + 2);
      if (!author || !registered.some((r) => r.id === author.id)) continue;
      const created = orFail(await submitQuestion(at(when), author, { hearingId: id, kind: s.kind, body: s.body }));
      submissionIds[i] = created.id;
      const signers = registered.filter((r) => r.id !== author.id).slice(i % 3, (i % 3) + s.cosigns);
      for (const [k, signer] of signers.entries()) orFail(await cosignSubmission(at(when, 30 + k * 41), signer, { hearingId: id, submissionId: created.id, cosign: true }));
    }

    if (h.starts < 0) {
      const drawAt = h.draw?.at ?? h.closes + 0.5;
      orFail(await drawPlaces(at(drawAt), official, { hearingId: id, publicValue: h.draw?.publicValue ?? null }));
    }
    if (h.minutes) {
      const m = h.minutes;
      orFail(
        await recordMinutes(at(m.at), official, {
          hearingId: id,
          minutes: m.text,
          minutesZh: m.textZh,
          answers: m.answers.map((a) => ({ submissionId: a.fromSubmission !== undefined ? (submissionIds[a.fromSubmission] ?? null) : null, question: a.question, questionZh: a.questionZh, askedBy: a.askedBy, answer: a.answer, answerZh: a.answerZh })),
        }),
      );
    }
    if (h.report) {
      orFail(await publishReport(at(h.report.at), official, { hearingId: id, summary: h.report.summary, summaryZh: h.report.summaryZh, items: h.report.items }));
    }
  }
  // The water-quality report is past due: the sweep finds it, as it would on a running platform.
  await flagOverdueReports(deps);
}
