import type { Deps } from '../../core/deps.js';
import { orFail } from '../../core/errors.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import { systemActor, type Actor } from '../../core/permissions/actor.js';
import { createProcess } from './operations/create-process.js';
import { publishProcess } from './operations/publish-process.js';

const DAY = 86_400_000;

async function officialOf(deps: Deps, email: string): Promise<Actor> {
  const user = await deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  return (user && (await loadUserActor(deps.db, user.id))) || systemActor('demo-seed');
}

async function departmentId(deps: Deps, slug: string): Promise<string> {
  return (await deps.db.selectFrom('organizations').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

/**
 * The demo's processes, in both languages: one open now for proposals and debates
 * (`lakeview-green-streets`), one consulting on a draft regulation (`street-vending-regulation`),
 * one coming soon, one finished.
 */
export async function seedProcessesDemo(deps: Deps): Promise<void> {
  const now = deps.clock.now().getTime();
  const at = (days: number) => new Date(Math.floor((now + days * DAY) / 3_600_000) * 3_600_000);
  const urban = await departmentId(deps, 'urban-management-bureau');
  const transport = await departmentId(deps, 'transport-bureau');
  const city = (await deps.db.selectFrom('areas').select('id').where('slug', '=', 'lakeview').executeTakeFirstOrThrow()).id;
  const riverside = (await deps.db.selectFrom('areas').select('id').where('slug', '=', 'riverside-district').executeTakeFirstOrThrow()).id;
  const director = await officialOf(deps, 'official@lakeview.demo');
  const deputy = await officialOf(deps, 'transport@lakeview.demo');

  const processes = [
    {
      actor: director,
      input: {
        slug: 'lakeview-green-streets',
        title: 'Green Streets 2026', titleZh: '2026 绿色街道计划',
        summary: 'Which streets should get trees, benches and safer crossings first? Propose, support and discuss.',
        summaryZh: '哪些街道应优先种树、设座椅、建更安全的过街设施？欢迎提出建议、联署支持并参与讨论。',
        body: 'The city has set aside a budget for greener, safer streets in every district.\n\nResidents and organizations propose changes; proposals with enough supports get an official answer from the Urban Management Bureau within the legal deadline.',
        bodyZh: '市政府已为各区更绿色、更安全的街道安排预算。\n\n居民和组织可以提出改造建议；获得足够联署的建议将由城市管理局在法定期限内正式答复。',
        areaId: city, departmentId: urban,
        legalBasis: 'Lakeview Public Participation Ordinance, art. 12: proposals supported by 5 residents must be answered within 10 working days.',
        legalBasisZh: '《湖景市公众参与条例》第十二条：获得 5 名居民联署的建议须在 10 个工作日内答复。',
        legalReference: 'Lakeview Public Participation Ordinance (2024), art. 12',
        components: ['proposals', 'debates'] as ('proposals' | 'debates')[],
        supportThreshold: 5, answerWorkingDays: 10, supportsPerPerson: 10, editWindowMinutes: 120,
        phases: [
          { title: 'Proposals and debate', titleZh: '提出建议与讨论', description: 'Propose changes to your street, support others, discuss.', descriptionZh: '为您的街道提出改造建议，支持他人的建议，参与讨论。', startsAt: at(-21), endsAt: at(14), actions: { proposals: ['propose', 'support', 'comment'], debates: ['create', 'comment'] } },
          { title: 'Evaluation by the department', titleZh: '部门评估', description: 'The department evaluates qualified proposals and answers each one.', descriptionZh: '部门评估达到联署门槛的建议并逐一答复。', startsAt: at(14), endsAt: at(35), actions: { proposals: ['comment'] } },
          { title: 'Results', titleZh: '结果公布', description: 'Accepted proposals become commitments with a budget and dates.', descriptionZh: '采纳的建议将成为有预算和时间表的承诺事项。', startsAt: at(35), endsAt: at(60), actions: {} },
        ],
      },
    },
    {
      actor: director,
      input: {
        slug: 'street-vending-regulation',
        title: 'Street vending regulation: public consultation', titleZh: '街头摊贩管理办法公开征求意见',
        summary: 'The draft rules for street vendors, market hours and pavement space. Comment on each article.',
        summaryZh: '关于街头摊贩、市场时间和人行道空间的管理办法草案，欢迎逐条提出意见。',
        body: 'Read the draft article by article, say whether you support each one, and suggest better wording. The Bureau will publish a response report explaining what changed and why.',
        bodyZh: '请逐条阅读草案，表明是否支持，并提出更好的表述。城市管理局将发布反馈报告，说明修改内容及理由。',
        areaId: city, departmentId: urban,
        legalBasis: 'Regulations on Open Government Rule-Making, art. 15: drafts affecting residents are open for comment for at least 30 days.',
        legalBasisZh: '《规章制定公开条例》第十五条：涉及居民切身利益的草案须公开征求意见不少于 30 日。',
        legalReference: 'Regulations on Open Government Rule-Making, art. 15',
        components: ['regulations'] as 'regulations'[],
        supportThreshold: 5, answerWorkingDays: 15,
        phases: [
          { title: 'First consultation', titleZh: '第一轮征求意见', description: 'Comment on the first draft, article by article.', descriptionZh: '逐条评论第一稿。', startsAt: at(-40), endsAt: at(-15), actions: { regulations: ['comment', 'support', 'amend'] } },
          { title: 'First response report', titleZh: '第一轮反馈报告', description: 'The Bureau answers every article that received comments, and revises the draft.', descriptionZh: '城市管理局对收到意见的每一条作出回应，并修改草案。', startsAt: at(-15), endsAt: at(-10), actions: {} },
          { title: 'Consultation on the revised draft', titleZh: '修改稿征求意见', description: 'Comment on the revised draft.', descriptionZh: '评论修改稿。', startsAt: at(-10), endsAt: at(20), actions: { regulations: ['comment', 'support', 'amend'] } },
          { title: 'Final response report', titleZh: '最终反馈报告', description: 'The Bureau answers the comments on the revised draft.', descriptionZh: '城市管理局回应对修改稿的意见。', startsAt: at(20), endsAt: at(40), actions: {} },
        ],
      },
    },
    {
      actor: deputy,
      input: {
        slug: 'riverside-safe-routes',
        title: 'Safe routes to school in Riverside', titleZh: '滨江区安全上学路',
        summary: 'Coming soon: tell us where children need safer crossings on their way to school.',
        summaryZh: '即将开始：请告诉我们孩子上学路上哪些地方需要更安全的过街设施。',
        areaId: riverside, departmentId: transport,
        legalBasis: 'Lakeview Public Participation Ordinance, art. 12.', legalBasisZh: '《湖景市公众参与条例》第十二条。',
        components: ['proposals', 'debates'] as ('proposals' | 'debates')[],
        supportThreshold: 10, answerWorkingDays: 15,
        phases: [
          { title: 'Proposals', titleZh: '提出建议', startsAt: at(7), endsAt: at(37), actions: { proposals: ['propose', 'support', 'comment'], debates: ['create', 'comment'] } },
          { title: 'Answers', titleZh: '答复', startsAt: at(37), endsAt: at(60), actions: {} },
        ],
      },
    },
    {
      actor: deputy,
      input: {
        slug: 'night-bus-review',
        title: 'Night bus network review', titleZh: '夜间公交线网调整',
        summary: 'Finished: residents proposed new night bus routes; the Transport Bureau answered each qualified proposal.',
        summaryZh: '已结束：居民提出了新的夜间公交线路建议，交通运输局已逐一答复达到门槛的建议。',
        areaId: city, departmentId: transport,
        legalBasis: 'Lakeview Public Participation Ordinance, art. 12.', legalBasisZh: '《湖景市公众参与条例》第十二条。',
        components: ['proposals'] as 'proposals'[],
        supportThreshold: 3, answerWorkingDays: 10,
        phases: [
          { title: 'Proposals', titleZh: '提出建议', startsAt: at(-90), endsAt: at(-60), actions: { proposals: ['propose', 'support', 'comment'] } },
          { title: 'Answers', titleZh: '答复', startsAt: at(-60), endsAt: at(-30), actions: {} },
        ],
      },
    },
  ];
  for (const { actor, input } of processes) {
    const { id } = orFail(await createProcess(deps, actor, input));
    orFail(await publishProcess(deps, actor, { id }));
  }
}
