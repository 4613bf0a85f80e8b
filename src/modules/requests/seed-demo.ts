import type { Deps } from '../../core/deps.js';
import { orFail } from '../../core/errors.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import type { UserActor } from '../../core/permissions/actor.js';
import { uploadAttachment } from '../../core/attachments/upload-attachment.js';
import { simplePdf } from '../../core/attachments/simple-pdf.js';
import { fileRequest } from './operations/file-request.js';
import { askClarification, respondToRequest } from './operations/department-actions.js';
import { requestReview } from './operations/internal-review.js';
import { publishReply } from './operations/publish-reply.js';
import { flagOverdueRequests } from './operations/flag-overdue-requests.js';
import { updateRequestSettings } from './operations/update-settings.js';
import { defaultSettings } from './settings.js';

const DAY = 86_400_000;
const demo = (name: string) => `${name}@lakeview.demo`;

/**
 * The demo's information requests, in English and Chinese, played through the real operations at
 * past times: one awaiting its response; one left unanswered until the sweep flags it overdue; one
 * (under a pseudonym) waiting for the requester's clarification with its clock paused; one refused
 * in part on a legal ground, with personal data redacted, now in internal review at the
 * Supervision Commission; and one answered with a document that was published in the register.
 */
export async function seedRequestsDemo(deps: Deps): Promise<void> {
  const base = deps.clock.now().getTime();
  const at = (daysAgo: number): Deps => ({ ...deps, clock: { now: () => new Date(base - daysAgo * DAY) } });
  const actors = new Map<string, UserActor | null>();
  async function actor(email: string): Promise<UserActor | null> {
    if (!actors.has(email)) {
      const user = await deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
      actors.set(email, user ? await loadUserActor(deps.db, user.id) : null);
    }
    return actors.get(email) ?? null;
  }
  const department = async (name: string) => (await deps.db.selectFrom('organizations').select('id').where('name', '=', name).where('sector', '=', 'government').executeTakeFirst())?.id ?? null;
  const organization = async (slug: string) => (await deps.db.selectFrom('organizations').select('id').where('slug', '=', slug).executeTakeFirst())?.id ?? null;

  // The city's Supervision Commission decides internal reviews of every department (configured, as
  // the installation has more than one supervisory body); the rest are the defaults.
  const admin = await actor(demo('admin'));
  const commission = await department('Lakeview Supervision Commission');
  if (admin && commission) {
    const departments = await deps.db.selectFrom('organizations').select('id').where('sector', '=', 'government').where('kind', '=', 'department').where('status', '=', 'verified').execute();
    const defaults = defaultSettings('');
    for (const d of departments) {
      orFail(await updateRequestSettings(at(90), admin, {
        departmentId: d.id,
        responseWorkingDays: defaults.responseWorkingDays,
        extensionWorkingDays: defaults.extensionWorkingDays,
        reviewWorkingDays: defaults.reviewWorkingDays,
        supervisorDepartmentId: commission,
        legalBasis: defaults.legalBasis,
        legalBasisZh: defaults.legalBasisZh,
        refusalGrounds: defaults.refusalGrounds.map((g) => ({ code: g.code, label: g.label, labelZh: g.label_zh, legalReference: g.legal_reference })),
      }));
    }
  }

  // 1. Awaiting response.
  const resident = await actor(demo('resident'));
  const transport = await department('Transport Bureau');
  if (resident && transport) {
    orFail(await fileRequest(at(3), resident, {
      departmentId: transport,
      title: 'Passenger counts for bus line 12, 2023 to 2025',
      body: 'Please send the monthly passenger counts for bus line 12 from January 2023 to December 2025, and the counts per stop if you hold them.',
    }));
  }

  // 2. Overdue: nobody answered within 20 working days.
  const heping = await actor(demo('he.ping'));
  const urban = await department('Urban Management Bureau');
  if (heping && urban) {
    orFail(await fileRequest(at(40), heping, {
      departmentId: urban,
      title: '2025 年城管执法罚没款收支明细',
      body: '请公开 2025 年度城市管理执法罚没款的收入总额、按月明细，以及这些款项的使用情况。',
    }));
  }

  // 3. Awaiting clarification, under a pseudonym.
  const linyu = await actor(demo('lin.yu'));
  const environment = await department('Environment Bureau');
  const envOfficial = await actor(demo('liu.yang'));
  if (linyu && environment && envOfficial) {
    const { id } = orFail(await fileRequest(at(10), linyu, {
      departmentId: environment,
      pseudonym: '湖畔观察者',
      title: '车站广场工地夜间施工许可',
      body: '请公开车站广场旁建筑工地的夜间施工许可文件，包括许可的时间段和噪声限值。',
    }));
    orFail(await askClarification(at(6), envOfficial, { id, body: '车站广场周边有两处工地，请说明您指的是北侧的住宅项目还是东侧的地铁出入口工程？' }));
  }

  // 4. Refused in part on a legal ground (a name redacted), then in internal review.
  const priya = await actor(demo('priya.nair'));
  const education = await department('Education Bureau');
  const eduOfficial = await actor(demo('maria.rossi'));
  if (priya && education && eduOfficial) {
    const { id } = orFail(await fileRequest(at(32), priya, {
      departmentId: education,
      title: 'Inspection reports of Harbour Lane Primary School',
      body: 'Please send the school inspection reports of Harbour Lane Primary School for 2024 and 2025, including the follow-up letters to the school.',
    }));
    orFail(await respondToRequest(at(20), eduOfficial, {
      id,
      decision: 'partially_successful',
      ground: 'personal_privacy',
      body: 'The summary findings of both inspections are below. The follow-up letter of 2025 concerns the conduct of one teacher, Mr Daniel Okafor, and is withheld to protect his personal data.\n\n2024: good overall; playground safety to improve.\n2025: good overall; reading support praised.',
      redactPhrases: ['Mr Daniel Okafor'],
    }));
    orFail(await requestReview(at(15), priya, { id, body: 'The letter can be released with the teacher\'s name and personal details removed; the school\'s response to the inspection is of public interest.' }));
  }

  // 5. Successful, with a document published in the register.
  const rep = await actor(demo('rep'));
  const riverside = await organization('riverside-residents-association');
  if (rep && riverside && environment && envOfficial) {
    const { id } = orFail(await fileRequest(at(25), rep, {
      departmentId: environment,
      organizationId: riverside,
      title: 'River water quality at Willow Bank, 2025 sampling results',
      body: 'Please send the results of the water quality sampling of the river at Willow Bank in 2025 (E. coli, dissolved oxygen, ammonia), with the sampling dates.',
    }));
    const bytes = simplePdf(
      ['Lakeview Environment Bureau', 'River sampling station Willow Bank - 2025 results', 'Jan: E. coli 120/100ml, DO 8.1 mg/l', 'Jul: E. coli 950/100ml, DO 5.2 mg/l', 'Oct: E. coli 310/100ml, DO 7.0 mg/l'],
      'Willow Bank water quality 2025',
    );
    const file = orFail(await uploadAttachment(at(12), envOfficial, { fileName: 'willow-bank-water-quality-2025.pdf', bytes, maxBytes: 10 * 1024 * 1024 }));
    const reply = orFail(await respondToRequest(at(12), envOfficial, {
      id,
      decision: 'successful',
      body: 'The 2025 results of the Willow Bank sampling station are attached. Samples are taken monthly; the July value followed two days of heavy rain.',
      attachmentIds: [file.id],
    }));
    orFail(await publishReply(at(11), envOfficial, { id, messageId: reply.messageId, category: 'statistics', summary: 'Monthly water quality results of the Willow Bank river sampling station in 2025, released on request.' }));
  }

  await flagOverdueRequests(deps);
}
