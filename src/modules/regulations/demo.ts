import type { Deps } from '../../core/deps.js';
import type { Clock } from '../../core/clock.js';
import { orFail } from '../../core/errors.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import type { UserActor } from '../../core/permissions/actor.js';
import type { ResourceAdapter } from '../../core/resources.js';
import { createComment } from '../../core/comments/operations/create-comment.js';
import type { Stance } from '../../core/comments/tables.js';
import { loadProcess, type PhaseView, type ProcessContext } from '../processes/index.js';
import { canRegulation } from './policy.js';
import { createRegulation } from './operations/create-regulation.js';
import { saveDraft } from './operations/save-draft.js';
import { publishVersion } from './operations/publish-version.js';
import { setOpinion } from './operations/set-opinion.js';
import { proposeAlternative } from './operations/propose-alternative.js';
import { publishReport } from './operations/publish-report.js';
import { clauseTexts } from './queries/clause-texts.js';
import type { ReportDecision } from './tables.js';

const HOUR = 3_600_000;
const fixedClock = (at: Date): Clock => ({ now: () => new Date(at) });

type ClauseKey = 'purpose' | 'zones' | 'hours' | 'deposit' | 'pavement' | 'penalties' | 'support';

interface DemoClause {
  key: ClauseKey;
  label: string;
  labelZh: string;
  text: string;
  textZh: string;
}

const first: DemoClause[] = [
  {
    key: 'purpose', label: 'Article 1 Purpose', labelZh: '第一条 目的',
    text: 'These rules set out where, when and how street vendors may trade in Lakeview, to keep pavements safe and clean while supporting small traders.',
    textZh: '为规范本市街头摊贩经营活动，保障人行道安全整洁，扶持小本经营，制定本办法。',
  },
  {
    key: 'zones', label: 'Article 2 Vending zones', labelZh: '第二条 经营区域',
    text: 'Vendors may trade only in zones marked by the Urban Management Bureau. The zones are published on a public map and reviewed every year.',
    textZh: '摊贩只能在城市管理局划定的区域内经营。经营区域在公开地图上公布，每年复核一次。',
  },
  { key: 'hours', label: 'Article 3 Trading hours', labelZh: '第三条 经营时间', text: 'Vending is allowed every day from 7:00 to 21:00.', textZh: '经营时间为每日7时至21时。' },
  {
    key: 'deposit', label: 'Article 4 Registration deposit', labelZh: '第四条 登记保证金',
    text: 'Each vendor pays a deposit of 2,000 yuan when registering, returned when they stop trading.',
    textZh: '摊贩登记时须缴纳保证金2000元，停止经营时退还。',
  },
  {
    key: 'pavement', label: 'Article 5 Pavement and cleanliness', labelZh: '第五条 人行道与环境卫生',
    text: 'Stalls must leave at least 1.5 metres of pavement clear for pedestrians and must be cleaned within 30 minutes after closing.',
    textZh: '摊位须为行人留出不少于1.5米的通道，收摊后30分钟内清理干净。',
  },
  {
    key: 'penalties', label: 'Article 6 Penalties', labelZh: '第六条 法律责任',
    text: 'A vendor who breaks these rules is fined 200 yuan; a vendor fined three times in a year loses their registration.',
    textZh: '违反本办法的，处200元罚款；一年内被罚款三次的，取消登记。',
  },
];

const second: DemoClause[] = [
  first[0]!,
  first[1]!,
  {
    ...first[2]!,
    text: 'Vending is allowed every day from 7:00 to 21:00, and until 23:00 on Fridays, Saturdays and the eve of public holidays.',
    textZh: '经营时间为每日7时至21时；周五、周六及法定节假日前一日可延长至23时。',
  },
  {
    key: 'support', label: 'Article 4 Support for small vendors', labelZh: '第四条 扶持小商户',
    text: 'Registration is free. Vendors with low incomes may ask the Civil Affairs Bureau for help with the cost of a stall.',
    textZh: '登记不收取任何费用。低收入摊贩可向民政局申请摊位费用补助。',
  },
  {
    ...first[4]!,
    text: 'Stalls must leave at least 2 metres of pavement clear for pedestrians, including wheelchairs and prams, and must be cleaned within 30 minutes after closing.',
    textZh: '摊位须为行人（包括轮椅和婴儿车）留出不少于2米的通道，收摊后30分钟内清理干净。',
  },
  {
    ...first[5]!,
    text: 'A vendor who breaks these rules first receives a written warning. Further breaches are fined 200 yuan; a vendor fined three times in a year loses their registration.',
    textZh: '违反本办法的，首次给予书面警告；再次违反的，处200元罚款；一年内被罚款三次的，取消登记。',
  },
];

const firstRoundComments: { by: string; on: ClauseKey | null; stance: Stance; body: string }[] = [
  { by: 'chen.jing@lakeview.demo', on: 'hours', stance: 'against', body: 'In summer the streets are busiest after nine. Closing at 21:00 sends customers home hungry.' },
  { by: 'he.ping@lakeview.demo', on: 'hours', stance: 'against', body: '建议周末延长到晚上11点，平时保持9点收摊。' },
  { by: 'lin.yu@lakeview.demo', on: 'hours', stance: 'in_favour', body: '支持现在的时间安排，晚上居民需要安静休息。' },
  { by: 'resident@lakeview.demo', on: 'deposit', stance: 'against', body: '2,000 yuan is a month of income for many vendors. This will push the poorest ones out, or into trading without registration.' },
  { by: 'sun.tao@lakeview.demo', on: 'deposit', stance: 'against', body: '保证金太高了，很多老人摆摊只是补贴家用。' },
  { by: 'maria.rossi@lakeview.demo', on: 'pavement', stance: 'against', body: '1.5 metres is not enough for a wheelchair to pass a pram. Please make it 2 metres.' },
  { by: 'omar.haddad@lakeview.demo', on: 'penalties', stance: 'neutral', body: 'A written warning before the first fine would be fairer for new vendors who do not know the rules yet.' },
  { by: 'priya.nair@lakeview.demo', on: null, stance: 'in_favour', body: 'Thank you for publishing the draft in both languages and article by article.' },
];

const secondRoundComments: { by: string; on: ClauseKey | null; stance: Stance; body: string }[] = [
  { by: 'guo.mei@lakeview.demo', on: 'support', stance: 'in_favour', body: '免费登记和摊位补助很好，希望申请流程简单一些。' },
  { by: 'kenji.sato@lakeview.demo', on: 'hours', stance: 'in_favour', body: 'Friday and Saturday until 23:00 is a fair compromise.' },
];

const alternatives: { by: string; organizationSlug?: string; on: ClauseKey; text: string; reason: string }[] = [
  {
    by: 'ma.li@lakeview.demo', organizationSlug: 'old-town-small-business-association', on: 'hours',
    text: 'Vending is allowed every day from 7:00 to 21:00, and until 23:00 on Fridays and Saturdays.',
    reason: "Weekend evenings bring half of our members' takings. Weekdays can stay as drafted.",
  },
  {
    by: 'lucas.silva@lakeview.demo', on: 'penalties',
    text: 'A vendor who breaks these rules first receives a written warning; after that, a fine of 200 yuan.',
    reason: 'People who are new to the rules should get a chance to put things right before paying.',
  },
];

const opinions: { by: string; on: ClauseKey; value: 'support' | 'oppose' }[] = [
  ...['chen.jing', 'liu.yang', 'xu.hui', 'sun.tao', 'he.ping', 'lin.yu', 'luo.dan', 'zheng.xin', 'liang.bo', 'xie.ning', 'song.yan', 'kenji.sato'].map((n) => ({ by: `${n}@lakeview.demo`, on: 'purpose' as const, value: 'support' as const })),
  ...['chen.jing', 'he.ping', 'zhu.qing', 'ma.li', 'omar.haddad', 'priya.nair', 'luo.dan'].map((n) => ({ by: `${n}@lakeview.demo`, on: 'hours' as const, value: 'oppose' as const })),
  ...['lin.yu', 'song.yan', 'xie.ning'].map((n) => ({ by: `${n}@lakeview.demo`, on: 'hours' as const, value: 'support' as const })),
  ...['resident', 'sun.tao', 'guo.mei', 'zheng.xin', 'liang.bo', 'lucas.silva', 'kenji.sato', 'zhu.qing', 'ma.li'].map((n) => ({ by: `${n}@lakeview.demo`, on: 'deposit' as const, value: 'oppose' as const })),
  ...['maria.rossi', 'priya.nair', 'xu.hui', 'liu.yang', 'chen.jing'].map((n) => ({ by: `${n}@lakeview.demo`, on: 'pavement' as const, value: 'oppose' as const })),
  ...['omar.haddad', 'lucas.silva', 'guo.mei'].map((n) => ({ by: `${n}@lakeview.demo`, on: 'penalties' as const, value: 'support' as const })),
];

const report: { summary: string; summaryZh: string; items: { on: ClauseKey; decision: ReportDecision; reasoning: string; reasoningZh: string; change: string; changeZh: string }[] } = {
  summary:
    'The first draft received comments on four articles, two alternative wordings and opinions from residents and the Old Town Small Business Association. We changed four articles and removed the deposit. Version 2 is open for comment.',
  summaryZh: '第一稿共收到对四个条款的评论、两条替代表述以及居民和老城小商户协会的意见。我们修改了四个条款并取消了保证金。第二稿现公开征求意见。',
  items: [
    {
      on: 'hours', decision: 'partly_accepted',
      reasoning: 'Longer evenings every day would disturb residents near the markets. We accepted later closing on Fridays, Saturdays and the eve of public holidays, as the business association proposed.',
      reasoningZh: '每天延长营业会影响市场附近居民休息。我们采纳了小商户协会的建议，在周五、周六及节假日前一日延长营业。',
      change: 'Trading until 23:00 on Fridays, Saturdays and the eve of public holidays.', changeZh: '周五、周六及节假日前一日可经营至23时。',
    },
    {
      on: 'deposit', decision: 'accepted',
      reasoning: 'The deposit would have kept low-income vendors out. Registration is now free, and the Civil Affairs Bureau can help with stall costs.',
      reasoningZh: '保证金会把低收入摊贩挡在门外。现改为免费登记，并由民政局提供摊位费用补助。',
      change: 'Article 4 (deposit) removed; new Article 4 on support for small vendors.', changeZh: '删除第四条（保证金），新增第四条扶持小商户。',
    },
    {
      on: 'pavement', decision: 'accepted',
      reasoning: 'Two metres lets a wheelchair pass a pram, as the national accessibility standard recommends.',
      reasoningZh: '2米通道可让轮椅与婴儿车错行，符合国家无障碍设计标准的建议。',
      change: 'Clear pavement widened from 1.5 to 2 metres.', changeZh: '通道宽度由1.5米调整为2米。',
    },
    {
      on: 'penalties', decision: 'accepted',
      reasoning: 'A first written warning gives new vendors a fair chance to learn the rules.',
      reasoningZh: '首次书面警告让新摊贩有机会了解并遵守规定。',
      change: 'A written warning comes before the first fine.', changeZh: '首次违规先给予书面警告。',
    },
  ],
};

async function demoUser(deps: Deps, email: string): Promise<UserActor | null> {
  const user = await deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  return user ? loadUserActor(deps.db, user.id) : null;
}

/** The process to seed into: the demo's street vending consultation, else any published process with regulations. */
async function targetProcess(deps: Deps, now: Date): Promise<ProcessContext | null> {
  const processes = await deps.db.selectFrom('processes').select(['id', 'slug']).where('status', '=', 'published').orderBy('created_at').execute();
  const ordered = [...processes.filter((p) => p.slug === 'street-vending-regulation'), ...processes.filter((p) => p.slug !== 'street-vending-regulation')];
  for (const p of ordered) {
    const context = await loadProcess(deps.db, { id: p.id }, now);
    if (context?.process.components.includes('regulations') && context.phases.some((ph) => ph.actions.regulations?.includes('comment'))) return context;
  }
  return null;
}

/**
 * The demo's draft regulation, "Lakeview Street Vending Regulation (draft)", in both languages:
 * six articles in version 1 with clause comments, opinions and alternative wording, then version 2
 * (one article changed in hours, one removed, one added, two reworded). When the process has a
 * consultation round that already ended, the department's response report answers it and version
 * 2 follows; otherwise version 2 comes mid-consultation and the report waits for the consultation
 * to end. Everything goes through the operations people use, at times inside the right phases.
 */
export async function seedRegulationsDemo(deps: Deps, adapters: { regulation: ResourceAdapter }): Promise<void> {
  const now = deps.clock.now();
  const context = await targetProcess(deps, now);
  if (!context) return;
  const department = await deps.db.selectFrom('posts').select('holder_user_id').where('organization_id', '=', context.process.department_id).where('holder_user_id', 'is not', null).orderBy('created_at').executeTakeFirst();
  const official = department?.holder_user_id ? await loadUserActor(deps.db, department.holder_user_id) : null;
  if (!official) return;
  const rounds = context.phases.filter((ph) => ph.actions.regulations?.includes('comment') && ph.startsAt.getTime() < now.getTime());
  const past: PhaseView | undefined = rounds.find((ph) => ph.endsAt.getTime() <= now.getTime());
  const current: PhaseView | undefined = rounds.find((ph) => ph.endsAt.getTime() > now.getTime());
  const round = past ?? current;
  if (!round) return;
  const at = (t: number) => ({ db: deps.db, clock: fixedClock(new Date(Math.min(t, now.getTime()))) });
  const resources = new Map<string, ResourceAdapter>([['regulation', adapters.regulation]]);

  // Version 1, published as the consultation opens.
  let t = round.startsAt.getTime() + HOUR;
  const roundEnd = Math.min(round.endsAt.getTime(), now.getTime()) - HOUR;
  const step = Math.max((roundEnd - t) / 24, 60_000);
  const { id } = orFail(
    await createRegulation(at(t - HOUR / 2), official, {
      processId: context.process.id,
      title: 'Lakeview Street Vending Regulation (draft)',
      titleZh: '湖景市街头摊贩管理办法（草案）',
      introduction:
        'Street vendors bring life and affordable food to Lakeview, but crowded pavements and litter trouble residents. This draft sets common rules for the whole city. Comment on each article, support or oppose it, and propose better wording.',
      introductionZh: '街头摊贩为湖景市带来烟火气和实惠的餐饮，但拥挤的人行道和垃圾也困扰着居民。本草案为全市制定统一规则。欢迎对每一条发表评论、表明支持或反对，并提出更好的表述。',
      clauses: first.map((c) => ({ label: c.label, labelZh: c.labelZh, text: c.text, textZh: c.textZh })),
    }),
  );
  orFail(await publishVersion(at(t), official, { regulationId: id }));
  const v1 = await deps.db.selectFrom('regulation_versions').select('id').where('regulation_id', '=', id).where('number', '=', 1).executeTakeFirstOrThrow();
  const clauseOf = new Map<ClauseKey, string>((await clauseTexts(deps.db, v1.id)).map((c, i) => [first[i]!.key, c.id]));

  const comment = async (time: number, c: { by: string; on: ClauseKey | null; stance: Stance; body: string }) => {
    const by = await demoUser(deps, c.by);
    const anchor = c.on ? clauseOf.get(c.on) : null;
    if (!by || anchor === undefined) return;
    orFail(await createComment({ ...at(time), resources }, by, { resourceType: 'regulation', resourceId: id, anchor, body: c.body, stance: c.stance }));
  };
  for (const c of firstRoundComments) await comment((t += step), c);
  for (const a of alternatives) {
    const by = await demoUser(deps, a.by);
    if (!by) continue;
    const organizationId = a.organizationSlug
      ? ((await deps.db.selectFrom('organizations').select('id').where('slug', '=', a.organizationSlug).executeTakeFirst())?.id ?? null)
      : null;
    const speaksFor = organizationId && canRegulation(by, 'regulation.amend', { organizationId }).allow ? organizationId : null;
    if (!speaksFor && !canRegulation(by, 'regulation.amend', { organizationId: null }).allow) continue;
    orFail(await proposeAlternative(at((t += step)), by, { regulationId: id, clauseId: clauseOf.get(a.on)!, text: a.text, reason: a.reason, organizationId: speaksFor }));
  }
  for (const o of opinions) {
    const by = await demoUser(deps, o.by);
    if (!by || !canRegulation(by, 'regulation.opinion', null).allow) continue;
    orFail(await setOpinion(at(t + step / 4), by, { regulationId: id, clauseId: clauseOf.get(o.on)!, value: o.value }));
  }

  // The response report once the round has ended (when it has), then version 2.
  let secondAt = t + 2 * step;
  if (past) {
    const reportAt = past.endsAt.getTime() + HOUR;
    const after = await loadProcess(deps.db, { id: context.process.id }, new Date(reportAt));
    const closed = after && !(['comment', 'support', 'amend'] as const).some((a) => after.isOpen('regulations', a).open);
    if (closed && reportAt < now.getTime()) {
      orFail(
        await publishReport(at(reportAt), official, {
          regulationId: id,
          versionNumber: 1,
          summary: report.summary,
          summaryZh: report.summaryZh,
          items: report.items.map((i) => ({ clauseId: clauseOf.get(i.on)!, decision: i.decision, reasoning: i.reasoning, reasoningZh: i.reasoningZh, change: i.change, changeZh: i.changeZh })),
        }),
      );
      secondAt = reportAt + HOUR;
    }
  }
  orFail(
    await saveDraft(at(secondAt - HOUR / 2), official, {
      regulationId: id,
      title: 'Lakeview Street Vending Regulation (draft)',
      titleZh: '湖景市街头摊贩管理办法（草案）',
      introduction:
        'Second draft, revised after the first round of comments: longer weekend hours, no deposit, wider pavements and a warning before fines. Comment on each article, support or oppose it, and propose better wording.',
      introductionZh: '根据第一轮意见修改的第二稿：周末延长经营时间、取消保证金、加宽人行通道、罚款前先警告。欢迎继续逐条发表意见。',
      changeNote: 'Article 3 and Articles 5–6 changed; the deposit (old Article 4) removed; new Article 4 on support for small vendors.',
      changeNoteZh: '修改第三、五、六条；删除原第四条（保证金）；新增第四条扶持小商户。',
      clauses: second.map((c) => ({ clauseId: clauseOf.get(c.key) ?? null, label: c.label, labelZh: c.labelZh, text: c.text, textZh: c.textZh })),
    }),
  );
  orFail(await publishVersion(at(secondAt), official, { regulationId: id }));
  const v2 = await deps.db.selectFrom('regulation_versions').select('id').where('regulation_id', '=', id).where('number', '=', 2).executeTakeFirstOrThrow();
  for (const [i, c] of (await clauseTexts(deps.db, v2.id)).entries()) clauseOf.set(second[i]!.key, c.id);

  // A few comments on version 2 while a round is open now.
  const open = await loadProcess(deps.db, { id: context.process.id }, now);
  if (open?.isOpen('regulations', 'comment').open) {
    let t2 = Math.max(secondAt + HOUR, now.getTime() - 6 * HOUR);
    for (const c of secondRoundComments) await comment((t2 += HOUR), c);
  }
}
