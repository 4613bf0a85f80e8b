import type { Deps } from '../../core/deps.js';
import { orFail } from '../../core/errors.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import type { UserActor } from '../../core/permissions/actor.js';
import { createProcess, publishProcess } from '../processes/index.js';
import { recomputeConversation, settleOpinionMath } from './math-runner.js';
import { castVote } from './operations/cast-vote.js';
import { createConversation } from './operations/create-conversation.js';
import { moderateStatement } from './operations/moderate-statement.js';
import { writeStatement } from './operations/write-statement.js';
import type { VoteName } from './rules.js';

const DAY = 86_400_000;
const demo = (name: string) => `${name}@lakeview.demo`;
/** The demo's own accounts (listed on the sign-in page): they have not taken part, so visitors can. */
const DEMO_ACCOUNTS = ['admin', 'moderator', 'official', 'transport', 'supervisor', 'clerk', 'resident', 'newcomer'].map(demo);

/**
 * The seed statements and how three kinds of residents see them (1 agree, -1 disagree, 0 pass):
 * drivers and shopkeepers, people who walk and cycle, and families and older residents who care
 * most about safety. Three of them (wide pavements, benches and shade, trying changes first) are
 * what everyone agrees on.
 */
const SEEDS: { body: string; bodyZh: string; stance: [number, number, number] }[] = [
  { body: 'Cars should stay out of the old town centre on weekends.', bodyZh: '周末应禁止汽车驶入老城区中心。', stance: [-1, 1, 1] },
  { body: 'Shops need parking in front of them, or customers go elsewhere.', bodyZh: '商店门前需要停车位，否则顾客会去别处。', stance: [1, -1, 0] },
  { body: 'Protected bike lanes should connect every school.', bodyZh: '每所学校都应有受保护的自行车道相连。', stance: [-1, 1, 1] },
  { body: 'A 30 km/h limit near homes and schools makes streets safer.', bodyZh: '住宅区和学校附近限速每小时30公里能让街道更安全。', stance: [-1, 1, 1] },
  { body: 'Delivery vans need loading zones on every shopping street.', bodyZh: '每条商业街都需要货车装卸区。', stance: [1, 0, -1] },
  { body: 'Pavements should be wide enough for wheelchairs and prams everywhere.', bodyZh: '人行道应处处足够宽，方便轮椅和婴儿车通行。', stance: [1, 1, 1] },
  { body: 'More benches and shade would help older residents walk more.', bodyZh: '更多座椅和树荫能让老年人多走路。', stance: [1, 1, 1] },
  { body: 'Removing parking spaces to plant trees is a good trade.', bodyZh: '拆除停车位来种树是值得的。', stance: [-1, 1, 0] },
  { body: 'Buses should get their own lanes at rush hour.', bodyZh: '高峰时段公交车应有专用车道。', stance: [0, 1, 1] },
  { body: 'Street changes should be tried for a month before they are made permanent.', bodyZh: '街道改造应先试行一个月，再决定是否永久实施。', stance: [1, 1, 1] },
  { body: 'Parking fees in the centre should go up.', bodyZh: '市中心的停车费应该上涨。', stance: [-1, 1, -1] },
  { body: 'E-scooters should not be allowed on pavements.', bodyZh: '电动滑板车不应在人行道上行驶。', stance: [1, -1, 1] },
];

/** Statements residents wrote: one accepted by the moderator, one waiting, one rejected as off topic. */
const WRITTEN: { by: string; body: string; decision: 'accept' | 'reject' | null; stance: [number, number, number] }[] = [
  { by: 'omar.haddad', body: 'Green lights are too short for older people to cross Harbour Street.', decision: 'accept', stance: [0, 1, 1] },
  { by: 'he.ping', body: '老城区的小巷应该只允许步行和骑自行车。', decision: null, stance: [-1, 1, 0] },
  { by: 'lucas.silva', body: 'My neighbour plays loud music every night.', decision: 'reject', stance: [0, 0, 0] },
];

/** A small deterministic generator, so the demo map is the same on every fresh installation. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * The demo's opinion map: the Transport Bureau asks "How should Lakeview share its streets?" in a
 * process open now; about thirty residents have voted on twelve seed statements in both languages
 * (and on statements residents wrote, one waiting for the moderator), forming three groups; the
 * map is computed at seed time. The demo's own accounts have not taken part, so visitors can.
 */
export async function seedOpinionsDemo(deps: Deps): Promise<void> {
  const { db } = deps;
  const base = deps.clock.now().getTime();
  const hour = (days: number) => Math.floor((base + days * DAY) / 3_600_000) * 3_600_000;
  const at = (days: number, minutes = 0): Deps => ({ db, clock: { now: () => new Date(hour(days) + minutes * 60_000) } });
  const actor = async (email: string): Promise<UserActor | null> => {
    const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    return user ? await loadUserActor(db, user.id) : null;
  };
  const transport = await db.selectFrom('organizations').select('id').where('slug', '=', 'transport-bureau').executeTakeFirst();
  const city = await db.selectFrom('areas').select('id').where('slug', '=', 'lakeview').executeTakeFirst();
  const deputy = await actor(demo('transport'));
  const moderator = await actor(demo('moderator'));
  if (!transport || !city || !deputy || !moderator) return;

  const process = orFail(
    await createProcess(at(-14), deputy, {
      slug: 'lakeview-shared-streets',
      title: 'How should Lakeview share its streets?', titleZh: '湖景市的街道应该如何共享？',
      summary: 'Cars, bicycles, buses, deliveries and people on foot all need the same streets. Vote on statements, add your own, and see where residents agree.',
      summaryZh: '汽车、自行车、公交车、送货车和行人共用同样的街道。请对观点投票、写下您的观点，看看居民在哪些方面意见一致。',
      body: 'Before drafting the new street plan, the Transport Bureau wants to understand what residents think, including where they disagree.\n\nVote agree, disagree or pass on one statement at a time, and add statements of your own. The opinion map groups people who vote alike and shows what each group stands for and what everyone agrees on. It updates as people vote. Nobody can see how you voted.',
      bodyZh: '在起草新的街道规划之前，交通运输局希望了解居民的想法，包括大家意见不一致的地方。\n\n请逐条对观点表示同意、不同意或跳过，也可以写下您自己的观点。观点地图把投票相近的人归为一组，显示各组的主张以及大家的共识，并随投票实时更新。任何人都看不到您投了什么票。',
      areaId: city.id, departmentId: transport.id,
      legalBasis: 'Lakeview Public Participation Ordinance, art. 8: consultation before plans that change public space.',
      legalBasisZh: '《湖景市公众参与条例》第八条：改变公共空间的规划须事先征求意见。',
      legalReference: 'Lakeview Public Participation Ordinance (2024), art. 8',
      components: ['opinions'], supportThreshold: 5, answerWorkingDays: 15,
      phases: [
        { title: 'Conversation', titleZh: '讨论', description: 'Vote on statements and add your own.', descriptionZh: '对观点投票并写下您自己的观点。', startsAt: new Date(hour(-12)), endsAt: new Date(hour(18)), actions: { opinions: ['vote', 'write', 'comment'] } },
        { title: 'Report', titleZh: '报告', description: 'The Bureau publishes what it learned and how the street plan takes it into account.', descriptionZh: '交通运输局公布讨论结果以及街道规划如何采纳这些意见。', startsAt: new Date(hour(18)), endsAt: new Date(hour(45)), actions: {} },
      ],
    }),
  );
  orFail(await publishProcess(at(-13), deputy, { id: process.id }));
  const { id } = orFail(
    await createConversation(at(-13, 30), deputy, {
      processId: process.id,
      topic: 'How should Lakeview share its streets?', topicZh: '湖景市的街道应该如何共享？',
      description: 'Vote on each statement: agree, disagree, or pass if you are unsure. Add a statement if yours is missing. Keep it short: one idea, at most 140 characters.',
      descriptionZh: '请对每条观点投票：同意、不同意，不确定时可以跳过。如果缺少您的观点，请补充。请简短：一个想法，不超过140个字。',
      participation: 'registered', moderation: 'post', residentsWrite: true,
      seeds: SEEDS.map(({ body, bodyZh }) => ({ body, bodyZh })),
    }),
  );
  const statements = await db.selectFrom('opinion_statements').select(['id', 'tid']).where('conversation_id', '=', id).orderBy('tid').execute();

  const rows = await db.selectFrom('users').select(['id', 'email']).where('email', 'like', '%@lakeview.demo').where('blocked_at', 'is', null).orderBy('email').execute();
  const voters: UserActor[] = [];
  for (const r of rows) if (!DEMO_ACCOUNTS.includes(r.email)) voters.push((await loadUserActor(db, r.id))!);

  const random = generator(20260501);
  const voteOn = async (voter: UserActor, statementId: string, stance: number, when: Deps) => {
    // Most people vote their view; some pass, a few see it the other way; some skip the statement.
    const roll = random();
    if (roll < 0.12) return;
    const value = roll < 0.2 ? 0 : roll < 0.26 ? -stance : stance;
    const vote: VoteName = value > 0 ? 'agree' : value < 0 ? 'disagree' : 'pass';
    orFail(await castVote(when, voter, { conversationId: id, statementId, vote }));
  };
  for (const [n, voter] of voters.entries()) {
    const kind = n % 3;
    for (const [i, seed] of SEEDS.entries()) await voteOn(voter, statements[i]!.id, seed.stance[kind]!, at(-11 + n * 0.3, i * 3));
  }
  // Statements residents wrote, moderated the next day; then others vote on the ones shown.
  for (const [w, written] of WRITTEN.entries()) {
    const author = await actor(demo(written.by));
    if (!author) continue;
    const created = orFail(await writeStatement(at(-4, w * 41), author, { conversationId: id, body: written.body }));
    if (written.decision) orFail(await moderateStatement(at(-3, w * 17), moderator, { conversationId: id, statementId: created.id, decision: written.decision }));
    if (written.decision === 'reject') continue;
    for (const [n, voter] of voters.entries()) {
      if (voter.id === author.id || n % 2 === 1) continue;
      await voteOn(voter, created.id, written.stance[n % 3]!, at(-2 + n * 0.05, w * 7));
    }
  }
  await settleOpinionMath();
  await recomputeConversation(deps, id);
}
