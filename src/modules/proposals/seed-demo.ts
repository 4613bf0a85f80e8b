import type { Deps } from '../../core/deps.js';
import { orFail } from '../../core/errors.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import type { UserActor } from '../../core/permissions/actor.js';
import { createProposal } from './operations/create-proposal.js';
import { supportProposal } from './operations/support-proposal.js';
import { answerProposal } from './operations/answer-proposal.js';
import { assignEvaluator } from './operations/assign-evaluator.js';
import { addEvaluationNote } from './operations/add-evaluation-note.js';
import { flagOverdueAnswers } from './operations/flag-overdue-answers.js';

const DAY = 86_400_000;

interface DemoProposal {
  process: string;
  author: string;
  /** Slug of the organization the author proposes for. */
  organization?: string;
  coauthors?: string[];
  title: string;
  body: string;
  category: string;
  area?: string;
  location?: { latitude?: number; longitude?: number; address?: string };
  /** Days before now. */
  published: number;
  draft?: boolean;
  supports?: { at: number; count: number };
  evaluator?: { at: number; by: string; email: string; note: string };
  evaluating?: { at: number; by: string };
  answer?: { at: number; by: string; state: 'accepted' | 'rejected'; text: string };
}

const demo = (name: string) => `${name}@lakeview.demo`;

/**
 * The demo's proposals, in English and Chinese, with a history played through the real operations
 * at past times: in the open Green Streets process one accepted with reasons, one qualified and
 * awaiting its answer, one overdue (flagged by the sweep), others with a few supports, and a draft;
 * in the finished night-bus review one accepted and one rejected.
 */
const proposals: DemoProposal[] = [
  {
    process: 'night-bus-review', author: demo('priya.nair'), title: 'A night bus from Station Square to the City Hospital',
    body: 'Nurses and carers finish late shifts after midnight and have no way home. A bus every 30 minutes from Station Square past the City Hospital until 2 a.m. would help hundreds of workers.',
    category: 'Buses', area: 'station-square', published: 85, supports: { at: 84, count: 4 },
    answer: { at: 76, by: demo('transport'), state: 'accepted', text: 'Accepted. Night route N7 (Station Square – City Hospital – Harbour Lane) runs every 30 minutes from 23:00 to 02:00 from next month; the timetable is on the Transport Bureau page.' },
  },
  {
    process: 'night-bus-review', author: demo('zheng.xin'), title: '夜班公交延长至凌晨四点',
    body: '建议所有夜班公交线路运营至凌晨四点，方便夜间工作的市民出行。',
    category: 'Buses', published: 84, supports: { at: 83, count: 3 },
    answer: { at: 72, by: demo('transport'), state: 'rejected', text: '不予采纳。凌晨两点至四点的客流调查显示平均每班不足三人，延长全部线路的费用过高。我们已将 N7 线延长至凌晨两点，并将在一年后根据客流重新评估。' },
  },
  {
    process: 'lakeview-green-streets', author: demo('rep'), organization: 'riverside-residents-association', coauthors: [demo('xu.hui')],
    title: 'A safe crossing at Willow Bank Primary School',
    body: 'Children cross four lanes of Riverside Avenue to reach the school gate. We ask for a raised zebra crossing, a 30 km/h zone at school times and a crossing guard in the mornings.',
    category: 'Road safety', area: 'willow-bank', location: { address: 'Riverside Avenue at Willow Bank Primary School' },
    published: 20, supports: { at: 19, count: 6 },
  },
  {
    process: 'lakeview-green-streets', author: demo('resident'), title: 'Shade trees along Lakeshore Road',
    body: 'Lakeshore Road has no shade between the ferry pier and the market. Planting a row of plane trees would make the walk bearable in summer and cool the pavement.',
    category: 'Green space', area: 'willow-bank', location: { latitude: 31.2243, longitude: 121.4768, address: 'Lakeshore Road, ferry pier to market' },
    published: 19, supports: { at: 18, count: 7 },
    evaluating: { at: 15, by: demo('official') },
    evaluator: { at: 15, by: demo('official'), email: demo('chen.jing'), note: 'Checked the pavement width: 3.5 m, enough for tree pits. Budget line 4.2 covers 40 trees.' },
    answer: { at: 10, by: demo('official'), state: 'accepted', text: 'Accepted. We will plant 40 plane trees along Lakeshore Road between the ferry pier and the market this autumn, with tree pits that keep the pavement accessible.' },
  },
  {
    process: 'lakeview-green-streets', author: demo('he.ping'), title: '老城区小巷增设夜间路灯',
    body: '鼓楼和丝绸街一带的小巷晚上很暗，老人和下夜班的居民走路不安全。建议在主要小巷每隔三十米增设一盏节能路灯。',
    category: 'Lighting', area: 'drum-tower', published: 8, supports: { at: 7, count: 3 },
  },
  {
    process: 'lakeview-green-streets', author: demo('xu.hui'), title: '社区公园改造：增加儿童游乐设施和无障碍步道',
    body: '枫林社区公园设施老旧，没有适合幼儿的游乐设施，轮椅和婴儿车也很难通行。建议更新游乐设施、铺设无障碍步道，并增加遮阳座椅。',
    category: 'Parks', area: 'maple-heights', published: 6, supports: { at: 2, count: 5 },
    evaluator: { at: 1, by: demo('official'), email: demo('chen.jing'), note: '已联系园林所核实场地；需与枫林社区居委会一起开一次现场会。' },
  },
  {
    process: 'lakeview-green-streets', author: demo('omar.haddad'), title: 'A protected bike lane on Harbour Street',
    body: 'Harbour Street is the shortest way from the ferry to the station, but cars park in the painted bike lane. Kerb-separated lanes on both sides would make it safe for everyone.',
    category: 'Cycling', area: 'harbour-lane', location: { latitude: 31.2301, longitude: 121.4912 }, published: 5, supports: { at: 4, count: 2 },
  },
  {
    process: 'lakeview-green-streets', author: demo('lin.yu'), title: '湖边步道增设休息座椅',
    body: '湖边步道很长，但几乎没有座椅。建议每隔两百米设置一张带靠背的座椅，方便老人和带孩子的家庭休息。',
    category: 'Green space', area: 'willow-bank', published: 1, supports: { at: 0.5, count: 1 },
  },
  {
    process: 'lakeview-green-streets', author: demo('resident'), title: 'Tidy up the canal path (draft)',
    body: 'Notes for a proposal: broken paving near the lock, overflowing bins at weekends, no lighting after the footbridge.',
    category: 'Green space', published: 0.2, draft: true,
  },
];

/** Adds the demo's proposals; skips a process the demo does not have. */
export async function seedProposalsDemo(deps: Deps): Promise<void> {
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
  // Verified demo residents who hold no post: the supporters, taken in turn.
  const supporters = await deps.db
    .selectFrom('users')
    .select('email')
    .where('email', 'like', '%@lakeview.demo')
    .where('verified_at', 'is not', null)
    .where('id', 'not in', deps.db.selectFrom('posts').select('holder_user_id').where('holder_user_id', 'is not', null).$narrowType<{ holder_user_id: string }>())
    .orderBy('email')
    .execute();
  let next = 0;

  type Step = { daysAgo: number; order: number; run: () => Promise<void> };
  const steps: Step[] = [];
  const ids = new Map<DemoProposal, string>();
  for (const [order, item] of proposals.entries()) {
    const process = await deps.db.selectFrom('processes').select(['id']).where('slug', '=', item.process).executeTakeFirst();
    if (!process) continue;
    steps.push({
      daysAgo: item.published,
      order,
      run: async () => {
        const author = await actor(item.author);
        if (!author) return;
        const area = item.area ? await deps.db.selectFrom('areas').select('id').where('slug', '=', item.area).executeTakeFirst() : undefined;
        const organization = item.organization ? await deps.db.selectFrom('organizations').select('id').where('slug', '=', item.organization).executeTakeFirst() : undefined;
        const created = orFail(
          await createProposal(at(item.published), author, {
            processId: process.id,
            organizationId: organization?.id ?? null,
            title: item.title,
            body: item.body,
            category: item.category,
            areaId: area?.id ?? null,
            latitude: item.location?.latitude ?? null,
            longitude: item.location?.longitude ?? null,
            address: item.location?.address ?? null,
            coauthorEmails: item.coauthors ?? [],
            publish: !item.draft,
          }),
        );
        ids.set(item, created.id);
      },
    });
    if (item.supports) {
      const { at: when, count } = item.supports;
      steps.push({
        daysAgo: when,
        order,
        run: async () => {
          const id = ids.get(item);
          if (!id) return;
          let given = 0;
          for (let tries = 0; given < count && tries < supporters.length; tries++) {
            const email = supporters[next++ % supporters.length]!.email;
            if (email === item.author) continue;
            const supporter = await actor(email);
            if (supporter && (await supportProposal(at(when, given * 37), supporter, { id })).ok) given++;
          }
        },
      });
    }
    if (item.evaluating) {
      const { at: when, by } = item.evaluating;
      steps.push({ daysAgo: when, order, run: async () => { const id = ids.get(item); const official = await actor(by); if (id && official) orFail(await answerProposal(at(when), official, { id, state: 'evaluating' })); } });
    }
    if (item.evaluator) {
      const { at: when, by, email, note } = item.evaluator;
      steps.push({
        daysAgo: when,
        order,
        run: async () => {
          const id = ids.get(item);
          const [official, evaluator] = [await actor(by), await actor(email)];
          if (!id || !official || !evaluator) return;
          if ((await assignEvaluator(at(when, 5), official, { id, userId: evaluator.id })).ok) orFail(await addEvaluationNote(at(when, 90), evaluator, { id, body: note }));
        },
      });
    }
    if (item.answer) {
      const { at: when, by, state, text } = item.answer;
      steps.push({ daysAgo: when, order, run: async () => { const id = ids.get(item); const official = await actor(by); if (id && official) orFail(await answerProposal(at(when), official, { id, state, answer: text })); } });
    }
  }
  // Played in the order they happened, so the audit log and the timelines read naturally.
  steps.sort((a, b) => b.daysAgo - a.daysAgo || a.order - b.order);
  for (const step of steps) await step.run();
  // The overdue answer is found by the sweep, as it would be on a running platform.
  await flagOverdueAnswers(deps);
}
