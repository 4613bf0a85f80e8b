import type { Deps } from '../../core/deps.js';
import type { Clock } from '../../core/clock.js';
import { orFail } from '../../core/errors.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import type { UserActor } from '../../core/permissions/actor.js';
import type { ResourceAdapter } from '../../core/resources.js';
import { createComment } from '../../core/comments/operations/create-comment.js';
import type { Stance } from '../../core/comments/tables.js';
import { loadProcess } from '../processes/index.js';
import { createDebate } from './operations/create-debate.js';
import { closeDebate } from './operations/close-debate.js';

const HOUR = 3_600_000;
const fixedClock = (at: Date): Clock => ({ now: () => new Date(at) });

async function demoUser(deps: Deps, email: string): Promise<UserActor | null> {
  const user = await deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  return user ? loadUserActor(deps.db, user.id) : null;
}

interface DemoDebate {
  author: string;
  /** Speak for the organization with this slug, which the author represents. */
  organizationSlug?: string;
  title: string;
  description: string;
  category: string;
  comments: { by: string; stance: Stance; body: string }[];
  conclusion?: { by: string; text: string };
}

const debates: DemoDebate[] = [
  {
    author: 'resident@lakeview.demo',
    title: 'Should Harbour Lane be car-free on weekend afternoons?',
    description:
      'Harbour Lane is narrow and full of families on Saturdays and Sundays. Closing it to cars from 12:00 to 18:00 would make room for market stalls and children, but delivery vans and older residents who drive would need another way in. What do you think?',
    category: 'Traffic',
    comments: [
      { by: 'chen.jing@lakeview.demo', stance: 'in_favour', body: 'Yes please. My children could finally walk to the bakery on their own.' },
      { by: 'zhu.qing@lakeview.demo', stance: 'against', body: 'Our bakery gets flour deliveries on Saturday at noon. Please keep a loading window in the morning at least.' },
      { by: 'guo.mei@lakeview.demo', stance: 'neutral', body: '周末下午禁行可以试行三个月，再根据商户和居民的反馈决定是否长期实施。' },
      { by: 'omar.haddad@lakeview.demo', stance: 'in_favour', body: 'Other cities did this and shops earned more, not less. Start with a trial.' },
    ],
  },
  {
    author: 'liu.yang@lakeview.demo',
    title: '老城区夜市是否应该延长营业时间？',
    description: '鼓楼一带的夜市目前晚上十点收摊。不少年轻人希望延长到十二点，但附近居民担心噪音和垃圾。大家怎么看？有没有兼顾双方的办法？',
    category: '市场',
    comments: [
      { by: 'he.ping@lakeview.demo', stance: 'in_favour', body: '夏天晚上十点正是最热闹的时候，延长到十一点半比较合适。' },
      { by: 'lin.yu@lakeview.demo', stance: 'against', body: '我家就住在鼓楼旁边，现在十点以后已经很吵了，不赞成延长。' },
      { by: 'maria.rossi@lakeview.demo', stance: 'neutral', body: 'Maybe only on Fridays and Saturdays, with extra cleaning after closing?' },
    ],
    conclusion: {
      by: 'official@lakeview.demo',
      text: '感谢大家的讨论。城市管理局决定：自下月起，鼓楼夜市在周五、周六试行延长至晚上十一点半，其余日子仍为十点；收摊后增加一次保洁，并在居民楼一侧设置噪音监测点。三个月后根据监测数据和居民意见评估。\n\nThank you for the discussion. From next month the Drum Tower night market may stay open until 23:30 on Fridays and Saturdays as a trial; other days stay at 22:00. We add a cleaning round after closing and a noise monitor next to the homes, and will review after three months.',
    },
  },
  {
    author: 'rep@lakeview.demo',
    organizationSlug: 'riverside-residents-association',
    title: 'Benches or bike racks on the Willow Bank promenade?',
    description:
      "The Riverside Residents' Association asked its members: the promenade has space for either ten new benches or forty bike racks this year. Older residents want to rest; commuters want to park. Tell us which matters more to you, and where exactly.",
    category: 'Public space',
    comments: [
      { by: 'wu.lei@lakeview.demo', stance: 'in_favour', body: 'Benches near the ferry stop first: people wait there for twenty minutes.' },
      { by: 'xu.hui@lakeview.demo', stance: 'neutral', body: '长椅和自行车架可以分段设置：渡口附近放长椅，地铁口附近放车架。' },
    ],
  },
];

/**
 * Debates in the demo's open process (`lakeview-green-streets`, else any published process with
 * debates open): discussions in both languages with comments, one closed with a conclusion, one
 * started by an organization. Written through the same operations as people use, at times inside
 * the phase when debates are open.
 */
export async function seedDebatesDemo(deps: Deps, adapters: { debate: ResourceAdapter }): Promise<void> {
  const now = deps.clock.now();
  const processes = await deps.db.selectFrom('processes').select(['id', 'slug']).where('status', '=', 'published').orderBy('created_at').execute();
  const ordered = [...processes.filter((p) => p.slug === 'lakeview-green-streets'), ...processes.filter((p) => p.slug !== 'lakeview-green-streets')];
  let target = null;
  for (const p of ordered) {
    const context = await loadProcess(deps.db, { id: p.id }, now);
    if (context?.isOpen('debates', 'create').open && context.isOpen('debates', 'comment').open && context.current) {
      target = context;
      break;
    }
  }
  if (!target || !target.current) return;
  const phaseStart = target.current.startsAt.getTime();
  // Spread the debates over the days since the phase opened, ending an hour ago.
  const span = Math.max(now.getTime() - HOUR - phaseStart, debates.length * 10 * HOUR);
  const resources = new Map<string, ResourceAdapter>([['debate', adapters.debate]]);
  for (const [i, d] of debates.entries()) {
    const author = await demoUser(deps, d.author);
    if (!author) continue;
    let t = Math.max(phaseStart + HOUR, now.getTime() - span + (i * span) / debates.length);
    const organizationId = d.organizationSlug
      ? ((await deps.db.selectFrom('organizations').select('id').where('slug', '=', d.organizationSlug).executeTakeFirst())?.id ?? null)
      : null;
    const { id } = orFail(
      await createDebate({ db: deps.db, clock: fixedClock(new Date(Math.min(t, now.getTime()))) }, author, {
        processId: target.process.id,
        title: d.title,
        description: d.description,
        category: d.category,
        organizationId: organizationId && author.memberships.some((m) => m.organizationId === organizationId) ? organizationId : null,
      }),
    );
    for (const c of d.comments) {
      const by = await demoUser(deps, c.by);
      if (!by) continue;
      t += 2 * HOUR;
      orFail(await createComment({ db: deps.db, clock: fixedClock(new Date(Math.min(t, now.getTime()))), resources }, by, { resourceType: 'debate', resourceId: id, body: c.body, stance: c.stance }));
    }
    if (d.conclusion) {
      const official = await demoUser(deps, d.conclusion.by);
      if (official) {
        t += 3 * HOUR;
        orFail(await closeDebate({ db: deps.db, clock: fixedClock(new Date(Math.min(t, now.getTime()))) }, official, { id, conclusion: d.conclusion.text }));
      }
    }
  }
}
