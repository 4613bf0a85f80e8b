import type { Deps } from '../../core/deps.js';
import { orFail } from '../../core/errors.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import type { UserActor } from '../../core/permissions/actor.js';
import { askQuestion } from './operations/ask-question.js';
import { askFollowUp } from './operations/ask-follow-up.js';
import { cosignQuestion } from './operations/cosign-question.js';
import { answerQuestion, declineQuestion } from './operations/answer-question.js';
import { transferQuestion } from './operations/transfer-question.js';
import { rateAnswer } from './operations/rate-answer.js';
import { updateDepartmentSettings } from './operations/update-department-settings.js';
import { flagOverdueQuestions } from './operations/flag-overdue-questions.js';
import { DEFAULT_DECLINE_GROUNDS } from './settings.js';

const DAY = 86_400_000;
const demo = (name: string) => `${name}@lakeview.demo`;

interface DemoQuestion {
  asker: string;
  /** Slug of the organization the asker represents. */
  organization?: string;
  department: string;
  /** Title of the post asked (in that department). */
  post?: string;
  title: string;
  body: string;
  category: string;
  area?: string;
  /** Days before now. */
  asked: number;
  cosigns?: number;
  transfer?: { at: number; by: string; to: string; reason: string };
  answer?: { at: number; by: string; text: string };
  decline?: { at: number; by: string; ground: string; explanation: string };
  rating?: { at: number; resolved: boolean; comment?: string };
  followUp?: { at: number; title: string; body: string };
}

/**
 * The demo's questions to the government, in English and Chinese, played through the real
 * operations at past times: one answered on time and rated resolved; one answered late, rated not
 * resolved and followed up (the follow-up waits for its answer); one transferred to the competent
 * department (whose setting restarts the clock); one declined on a published legal ground; one left
 * unanswered until the sweep flags it overdue; and one just asked.
 */
const questions: DemoQuestion[] = [
  {
    asker: demo('resident'), department: 'Transport Bureau', post: 'Deputy Director', category: 'Buses', area: 'willow-bank', asked: 40, cosigns: 3,
    title: 'When will the Willow Bank bus stop get a shelter?',
    body: 'The stop on Riverside Avenue serves four lines but has no roof and no seat. Older residents wait in the rain and in the summer sun. Is a shelter planned, and when?',
    answer: { at: 35, by: demo('transport'), text: 'A shelter with two benches and a real-time display will be installed at the Riverside Avenue stop in the week of the 14th. The work is in this year\'s stop upgrade programme (item 23); it takes two days, and the stop stays in use.' },
    rating: { at: 33, resolved: true, comment: 'The shelter is there now. Thank you!' },
  },
  {
    asker: demo('he.ping'), department: 'Urban Management Bureau', post: 'Director', category: 'Markets', area: 'drum-tower', asked: 45, cosigns: 4,
    title: '鼓楼菜市场门口占道经营何时整治？',
    body: '鼓楼菜市场门口的人行道每天早上都被流动摊贩占满，老人和推婴儿车的居民只能走到机动车道上，非常危险。请问城管部门是否有整治计划？',
    answer: { at: 14, by: demo('official'), text: '我局已将鼓楼菜市场周边列为重点整治路段，将会同街道设置临时疏导区，引导摊贩入场经营，并加强早间巡查。' },
    rating: { at: 12, resolved: false, comment: '答复没有说明开始整治的具体时间，早上人行道还是被占着。' },
    followUp: { at: 11, title: '请公布鼓楼菜市场整治的具体时间表', body: '上次答复说将设置临时疏导区并加强巡查，请问疏导区什么时候启用？早间巡查从哪一天开始、几点到几点？' },
  },
  {
    asker: demo('rep'), organization: 'riverside-residents-association', department: 'Urban Management Bureau', category: 'Water', area: 'willow-bank', asked: 6, cosigns: 2,
    title: 'Who checks the water quality of the river at Willow Bank?',
    body: 'After heavy rain the river at Willow Bank turns brown and smells. Children play on the bank. Which department tests the water, how often, and where are the results published?',
    transfer: { at: 4, by: demo('official'), to: 'Environment Bureau', reason: 'Water quality monitoring is a duty of the Environment Bureau, which runs the river sampling stations; we have passed the question on.' },
  },
  {
    asker: demo('omar.haddad'), department: 'Education Bureau', category: 'Schools', area: 'harbour-lane', asked: 12,
    title: 'Why was a teacher at Harbour Lane Primary suspended?',
    body: 'Parents heard that the Year 3 teacher at Harbour Lane Primary was suspended last month. What did the teacher do, and what happens to the class now?',
    decline: {
      at: 8, by: demo('maria.rossi'), ground: 'personal_data',
      explanation: 'We cannot discuss the conduct or the employment of a named teacher. The class has a qualified replacement teacher until the end of the term, and parents can raise concerns with the school board.',
    },
  },
  {
    asker: demo('lin.yu'), department: 'Civil Affairs Bureau', post: 'Director', category: 'Older people', area: 'maple-heights', asked: 35, cosigns: 5,
    title: '枫林社区老年食堂何时开业？',
    body: '去年区里说枫林社区要建老年食堂，房子已经装修好几个月了，但一直没有开业。请问什么时候能开业？每餐的价格和补贴标准是多少？',
  },
  {
    asker: demo('priya.nair'), department: 'Environment Bureau', category: 'Noise', area: 'station-square', asked: 2, cosigns: 2,
    title: 'Night-time construction noise at Station Square',
    body: 'The building site next to Station Square works with pile drivers after 22:00 several nights a week. Is night work permitted there, and who enforces the limits?',
  },
];

/** Adds the demo's question settings and questions; skips what the demo does not have. */
export async function seedQuestionsDemo(deps: Deps): Promise<void> {
  const base = deps.clock.now().getTime();
  const at = (daysAgo: number, minutes = 0): Deps => ({ db: deps.db, clock: { now: () => new Date(base - daysAgo * DAY + minutes * 60_000) } });
  const actors = new Map<string, UserActor>();
  async function actor(email: string): Promise<UserActor | null> {
    if (!actors.has(email)) {
      const user = await deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
      const loaded = user ? await loadUserActor(deps.db, user.id) : null;
      if (!loaded) return null;
      actors.set(email, loaded);
    }
    return actors.get(email)!;
  }
  const departmentId = async (name: string) =>
    (await deps.db.selectFrom('organizations').select('id').where('name', '=', name).where('sector', '=', 'government').executeTakeFirst())?.id ?? null;

  // Two departments with their own rules: Transport answers faster and keeps the clock on transfers;
  // Education adds a ground of its own. The others work with the defaults.
  const admin = await actor(demo('admin'));
  const transport = await departmentId('Transport Bureau');
  const education = await departmentId('Education Bureau');
  if (admin && transport) {
    orFail(await updateDepartmentSettings(at(60), admin, {
      departmentId: transport,
      answerWorkingDays: 10,
      legalBasis: 'Lakeview Transport Service Charter, art. 4: questions about public transport are answered within 10 working days.',
      legalBasisZh: '《湖景市公共交通服务承诺》第四条：有关公共交通的问询在 10 个工作日内答复。',
      transferRestartsClock: false,
      declineGrounds: DEFAULT_DECLINE_GROUNDS.map((g) => ({ code: g.code, label: g.label, labelZh: g.label_zh, legalReference: g.legal_reference })),
    }));
  }
  if (admin && education) {
    orFail(await updateDepartmentSettings(at(60), admin, {
      departmentId: education,
      answerWorkingDays: 15,
      legalBasis: 'Rules on Public Questions to the Government, art. 6: a department answers within 15 working days.',
      legalBasisZh: '《政府公开问询规则》第六条：部门应在 15 个工作日内答复。',
      transferRestartsClock: true,
      declineGrounds: [
        ...DEFAULT_DECLINE_GROUNDS.map((g) => ({ code: g.code, label: g.label, labelZh: g.label_zh, legalReference: g.legal_reference })),
        {
          code: 'exam_security',
          label: 'Answering would reveal examination papers or marking before the results are published.',
          labelZh: '答复将在成绩公布前泄露试题或评分信息。',
          legalReference: 'Examination Regulations, art. 31',
        },
      ],
    }));
  }

  // Verified demo residents who hold no post: the co-signers, taken in turn.
  const cosigners = await deps.db
    .selectFrom('users')
    .select('email')
    .where('email', 'like', '%@lakeview.demo')
    .where('verified_at', 'is not', null)
    .where('id', 'not in', deps.db.selectFrom('posts').select('holder_user_id').where('holder_user_id', 'is not', null).$narrowType<{ holder_user_id: string }>())
    .orderBy('email', 'desc')
    .execute();
  let next = 0;

  type Step = { daysAgo: number; order: number; run: () => Promise<void> };
  const steps: Step[] = [];
  const ids = new Map<DemoQuestion, string>();
  for (const [order, item] of questions.entries()) {
    const deptId = await departmentId(item.department);
    if (!deptId) continue;
    const step = (daysAgo: number, run: (id: string) => Promise<void>) =>
      steps.push({ daysAgo, order, run: async () => { const id = ids.get(item); if (id) await run(id); } });
    steps.push({
      daysAgo: item.asked,
      order,
      run: async () => {
        const asker = await actor(item.asker);
        if (!asker) return;
        const post = item.post ? await deps.db.selectFrom('posts').select('id').where('organization_id', '=', deptId).where('title', '=', item.post).executeTakeFirst() : undefined;
        const area = item.area ? await deps.db.selectFrom('areas').select('id').where('slug', '=', item.area).executeTakeFirst() : undefined;
        const organization = item.organization ? await deps.db.selectFrom('organizations').select('id').where('slug', '=', item.organization).executeTakeFirst() : undefined;
        const created = orFail(
          await askQuestion(at(item.asked), asker, {
            departmentId: deptId,
            postId: post?.id ?? null,
            organizationId: organization?.id ?? null,
            title: item.title,
            body: item.body,
            category: item.category,
            areaId: area?.id ?? null,
          }),
        );
        ids.set(item, created.id);
      },
    });
    if (item.cosigns) {
      const count = item.cosigns;
      step(item.asked - 0.5, async (id) => {
        let given = 0;
        for (let tries = 0; given < count && tries < cosigners.length; tries++) {
          const email = cosigners[next++ % cosigners.length]!.email;
          if (email === item.asker) continue;
          const cosigner = await actor(email);
          if (cosigner && (await cosignQuestion(at(item.asked - 0.5, given * 41), cosigner, { id, cosign: true })).ok) given++;
        }
      });
    }
    if (item.transfer) {
      const { at: when, by, to, reason } = item.transfer;
      step(when, async (id) => {
        const official = await actor(by);
        const target = await departmentId(to);
        if (official && target) orFail(await transferQuestion(at(when), official, { id, departmentId: target, reason }));
      });
    }
    if (item.answer) {
      const { at: when, by, text } = item.answer;
      step(when, async (id) => {
        const official = await actor(by);
        if (official) orFail(await answerQuestion(at(when), official, { id, answer: text }));
      });
    }
    if (item.decline) {
      const { at: when, by, ground, explanation } = item.decline;
      step(when, async (id) => {
        const official = await actor(by);
        if (official) orFail(await declineQuestion(at(when), official, { id, ground, explanation }));
      });
    }
    if (item.rating) {
      const { at: when, resolved, comment } = item.rating;
      step(when, async (id) => {
        const asker = await actor(item.asker);
        if (asker) orFail(await rateAnswer(at(when), asker, { id, resolved, comment }));
      });
    }
    if (item.followUp) {
      const { at: when, title, body } = item.followUp;
      step(when, async (id) => {
        const asker = await actor(item.asker);
        if (asker) orFail(await askFollowUp(at(when), asker, { id, title, body }));
      });
    }
  }
  // Played in the order they happened, so the audit log and the timelines read naturally; the sweep
  // runs at each step's time too, as it would on a running platform (so the late answer was flagged first).
  steps.sort((a, b) => b.daysAgo - a.daysAgo || a.order - b.order);
  for (const step of steps) {
    await flagOverdueQuestions(at(step.daysAgo, -1));
    await step.run();
  }
  await flagOverdueQuestions(deps);
}
