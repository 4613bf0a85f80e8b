import type { Deps } from '../../core/deps.js';
import { orFail } from '../../core/errors.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import type { UserActor } from '../../core/permissions/actor.js';
import { createGovernmentOrganization } from '../../core/organizations/manage-organizations.js';
import { createPost } from '../../core/organizations/manage-posts.js';
import { DEFAULT_SETTINGS } from './settings.js';
import type { ComplaintCategory, ComplaintOutcome } from './tables.js';
import { fileComplaint } from './operations/file-complaint.js';
import { advanceComplaint } from './operations/advance-complaint.js';
import { addInformation, writeToCase } from './operations/complaint-messages.js';
import { sweepComplaintDeadlines } from './operations/sweep-deadlines.js';
import { addConflict, configureSupervision } from './operations/configure.js';
import { setUpHandlerKey } from './operations/handler-keys.js';
import { submitReport } from './operations/submit-report.js';
import { openWithReceipt, reporterReply } from './operations/reporter-access.js';
import { concludeReport, messageReporter, openForHandler } from './operations/handle-report.js';

const DAY = 86_400_000;
const demo = (name: string) => `${name}@lakeview.demo`;
/** The demo's one password; the demo handlers chose it as their supervision key passphrase too. */
export const DEMO_KEY_PASSPHRASE = 'civitas-demo-2026';
/** The higher body's case handler in the demo (a demo resident account holds the post). */
export const DEMO_HIGHER_HANDLER = demo('song.yan');

interface Played {
  by: string;
  department: string;
  category: ComplaintCategory;
  description: string;
  summary?: string;
  filed: number;
  /** Days ago of each stage after filing, in order (open_review, accept, start_investigation, conclude). */
  stages?: number[];
  outcome?: ComplaintOutcome;
  findings?: string;
  measures?: string;
  dismiss?: { at: number; reasons: string };
  question?: { at: number; text: string; answer?: { at: number; text: string } };
}

/**
 * The demo's supervision: a higher body (the provincial commission's office) above the city's
 * commission, routing and one conflict; the handlers' keys (passphrase: the demo password); named
 * complaints at every stage (one escalated by the sweep after a missed deadline, one waiting for the
 * complainant's answer), enough concluded ones for the statistics to show numbers; and anonymous
 * reports (one with a question to the reporter, one concluded).
 */
export async function seedSupervisionDemo(deps: Deps): Promise<void> {
  const db = deps.db;
  const base = deps.clock.now().getTime();
  const at = (daysAgo: number): Deps => ({ db, clock: { now: () => new Date(base - daysAgo * DAY) } });
  const orgId = async (name: string) => (await db.selectFrom('organizations').select('id').where('name', '=', name).where('sector', '=', 'government').executeTakeFirst())?.id ?? null;
  const actor = async (email: string): Promise<UserActor | null> => {
    const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    return user ? loadUserActor(db, user.id) : null;
  };
  const commission = await orgId('Lakeview Supervision Commission');
  const admin = await actor(demo('admin'));
  if (!commission || !admin) return;

  const higher = orFail(await createGovernmentOrganization(deps, admin, {
    kind: 'supervisory_body', name: 'Provincial Supervision Commission, Lakeview Office', nameZh: '省监察委员会驻湖景办公室', isSupervisory: true,
    description: 'The higher supervisory body: takes over complaints the city commission did not handle in time.',
  }));
  if (await actor(DEMO_HIGHER_HANDLER)) orFail(await createPost(deps, admin, { organizationId: higher.id, title: 'Inspector', titleZh: '督察员', holderEmail: DEMO_HIGHER_HANDLER }));
  orFail(await configureSupervision(at(90), admin, { defaultBodyId: commission, defaultHigherBodyId: higher.id, deadlines: DEFAULT_SETTINGS.deadlines, retentionDays: DEFAULT_SETTINGS.retentionDays, minCellCount: DEFAULT_SETTINGS.minCellCount, routes: [] }));
  const urban = await orgId('Urban Management Bureau');
  const environment = await orgId('Environment Bureau');
  if (urban && environment) {
    orFail(await addConflict(at(90), admin, { departmentA: urban, departmentB: environment, reason: 'The two bureaus run the joint river-bank enforcement team: neither reviews the other.' }));
  }

  const supervisor = await actor(demo('supervisor'));
  if (!supervisor) return;
  const supervisorKey = orFail(await setUpHandlerKey(at(90), supervisor, { passphrase: DEMO_KEY_PASSPHRASE }));
  const higherHandler = await actor(DEMO_HIGHER_HANDLER);
  if (higherHandler) orFail(await setUpHandlerKey(at(90), higherHandler, { passphrase: DEMO_KEY_PASSPHRASE }));

  const played: Played[] = [
    {
      by: demo('resident'), department: 'Urban Management Bureau', category: 'negligence', filed: 70, stages: [68, 62, 60, 30], outcome: 'substantiated',
      description: 'For three months the bureau ignored reports that the railing of the Willow Bank footbridge is broken. A child nearly fell into the river. Photos and the reference numbers of six reports are attached in my message.',
      summary: 'Broken footbridge railing left unrepaired for months despite repeated reports.',
      findings: 'The reports were received and closed without an inspection by two staff members of the street maintenance section.',
      measures: 'The railing was repaired within a week; the two staff members received a formal warning; reports of safety hazards now require a site visit within two working days.',
    },
    {
      by: demo('he.ping'), department: 'Transport Bureau', category: 'bribery', filed: 40, stages: [39, 30, 28],
      description: '一家停车场承包商声称，只要向交通运输局某科室负责人支付"咨询费"，就能续签鼓楼停车场的经营合同。我有与中间人的聊天记录。',
    },
    {
      by: demo('resident'), department: 'Education Bureau', category: 'vanity_project', filed: 12, stages: [10],
      description: 'The bureau is building a "smart campus" display wall at the Willow Bank primary school for 2.4 million while the classrooms have no heating that works. Parents were never asked.',
      summary: 'Costly display wall at a primary school whose classrooms lack working heating.',
      question: { at: 8, text: 'Do you have the tender notice or the invoice for the display wall? Please add them if you do.' },
    },
    {
      by: demo('liu.yang'), department: 'Civil Affairs Bureau', category: 'abuse_of_power', filed: 25,
      description: 'A caseworker of the Civil Affairs Bureau made the approval of my mother\'s care allowance depend on hiring his cousin\'s care company. The application has been on hold for two months.',
      summary: 'Care allowance approval made dependent on hiring a particular care company.',
    },
    {
      by: demo('guo.mei'), department: 'Environment Bureau', category: 'other', filed: 50, stages: [49], dismiss: { at: 44, reasons: 'The matter (a neighbour\'s barbecue smoke) is a private dispute, not misconduct of the bureau. Mediation at the community service centre can help.' },
      description: 'The Environment Bureau does nothing about my neighbour\'s barbecue smoke every weekend, although I called them five times.',
    },
  ];
  // Older concluded cases across departments, so the statistics have cells above the threshold.
  const departments = ['Urban Management Bureau', 'Transport Bureau', 'Education Bureau', 'Environment Bureau', 'Civil Affairs Bureau'];
  const residents = ['chen.jing', 'huang.wei', 'zhou.na', 'wu.lei', 'xu.hui', 'sun.tao', 'ma.li', 'zhu.qing', 'hu.jun', 'lin.yu', 'luo.dan', 'gao.feng'];
  const categories: ComplaintCategory[] = ['negligence', 'negligence', 'abuse_of_power', 'vanity_project', 'negligence', 'conflict_of_interest', 'bribery'];
  const outcomes: ComplaintOutcome[] = ['substantiated', 'not_substantiated', 'partially_substantiated', 'not_substantiated', 'substantiated'];
  for (let i = 0; i < 24; i++) {
    const filed = 330 - i * 11;
    played.push({
      by: demo(residents[i % residents.length]!), department: departments[i % 2 === 0 ? 0 : (i % 5)]!, category: categories[i % categories.length]!, filed,
      stages: [filed - 2, filed - 8, filed - 10, filed - 30 - (i % 4) * 6], outcome: outcomes[i % outcomes.length]!,
      description: 'Complaint from the earlier part of the year about how the department handled a resident\'s matter; the supervisory body investigated it.',
      findings: 'The investigation reviewed the files and heard the staff involved.', measures: 'Procedures were clarified and the staff involved were instructed.',
    });
  }

  type StageName = 'open_review' | 'accept' | 'start_investigation' | 'conclude';
  const order: StageName[] = ['open_review', 'accept', 'start_investigation', 'conclude'];
  for (const item of played.sort((a, b) => b.filed - a.filed)) {
    const complainant = await actor(item.by);
    const department = await orgId(item.department);
    if (!complainant || !department) continue;
    await sweepComplaintDeadlines(at(item.filed + 0.01));
    const { id } = orFail(await fileComplaint(at(item.filed), complainant, { departmentId: department, category: item.category, description: item.description, confidentiality: item.summary ? 'public_summary' : 'confidential', publicSummary: item.summary ?? null }));
    for (const [i, when] of (item.stages ?? []).entries()) {
      const action = order[i]!;
      orFail(await advanceComplaint(at(when), supervisor, { id, action, ...(action === 'conclude' ? { outcome: item.outcome!, text: item.findings!, measures: item.measures! } : {}) }));
    }
    if (item.dismiss) orFail(await advanceComplaint(at(item.dismiss.at), supervisor, { id, action: 'dismiss', text: item.dismiss.reasons }));
    if (item.question) {
      orFail(await writeToCase(at(item.question.at), supervisor, { id, kind: 'question', text: item.question.text }));
      if (item.question.answer) orFail(await addInformation(at(item.question.answer.at), complainant, { id, text: item.question.answer.text }));
    }
  }
  // The civil affairs complaint was never reviewed: its intake deadline passed and the sweep sent it up.
  await sweepComplaintDeadlines(deps);

  // Anonymous reports: the demo handler's key opens them.
  const reports = [
    { daysAgo: 20, department: 'Urban Management Bureau', category: 'bribery' as const, description: 'Market stall permits at the Drum Tower market are only granted to traders who pay a "management fee" in cash to an inspector. Nobody gets a receipt.', question: 'Which days of the week is the cash collected, and roughly at what time?' },
    { daysAgo: 60, department: 'Transport Bureau', category: 'conflict_of_interest' as const, description: 'The road resurfacing contract for Station Road went to a company owned by the brother-in-law of a section chief who sat on the evaluation panel.', conclude: { outcome: 'partially_substantiated' as const, text: 'The section chief did not declare the relationship; he was removed from evaluation panels. The award itself met the rules.' } },
  ];
  for (const r of reports) {
    const { receipt } = orFail(await submitReport(at(r.daysAgo), { departmentId: await orgId(r.department), category: r.category, description: r.description }));
    const opened = orFail(await openWithReceipt(db, receipt));
    const key = orFail(await openForHandler(db, supervisor, opened.id, supervisorKey));
    if (r.question) orFail(await messageReporter(at(r.daysAgo - 3), supervisor, { id: opened.id, key, text: r.question, question: true }));
    if (r.conclude) {
      orFail(await messageReporter(at(r.daysAgo - 2), supervisor, { id: opened.id, key, text: 'Thank you. We have opened a review.', question: false }));
      orFail(await reporterReply(at(r.daysAgo - 5), opened, { text: 'The panel met on the 3rd; the minutes list him as a member.' }));
      orFail(await concludeReport(at(r.daysAgo - 30), supervisor, { id: opened.id, key, ...r.conclude }));
    }
  }
}
