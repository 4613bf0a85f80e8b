import type { Executor } from '../../core/db/database.js';
import type { RefusalGround } from './tables.js';

/** A department's rules for information requests, as operations and pages use them. */
export interface RequestSettings {
  departmentId: string;
  responseWorkingDays: number;
  /** What the one extension adds (0: no extension). */
  extensionWorkingDays: number;
  reviewWorkingDays: number;
  /** Working days past the deadline after which a request is very overdue (defaults to the response period). */
  veryOverdueWorkingDays: number;
  /** As configured (null: the default). */
  veryOverdueConfigured: number | null;
  /** The department that decides internal reviews, as configured (null: the default). */
  supervisorConfigured: string | null;
  legalBasis: string;
  legalBasisZh: string | null;
  refusalGrounds: RefusalGround[];
  /** False while the department works with the defaults. */
  configured: boolean;
  updatedAt: Date | null;
}

export const DEFAULT_RESPONSE_WORKING_DAYS = 20;
export const DEFAULT_EXTENSION_WORKING_DAYS = 20;
export const DEFAULT_REVIEW_WORKING_DAYS = 20;

/** The grounds every department may refuse on until it configures its own list. */
export const DEFAULT_REFUSAL_GROUNDS: RefusalGround[] = [
  {
    code: 'state_secrets',
    label: 'The information is a state secret; disclosing it could harm national security.',
    label_zh: '所申请信息属于国家秘密，公开后可能危及国家安全。',
    legal_reference: 'Regulations on Open Government Information, art. 14',
  },
  {
    code: 'personal_privacy',
    label: 'Disclosing it would reveal personal data of other people without their consent.',
    label_zh: '公开将在未经本人同意的情况下披露他人的个人信息。',
    legal_reference: 'Regulations on Open Government Information, art. 15; Personal Information Protection Law, art. 13',
  },
  {
    code: 'commercial_secrets',
    label: "Disclosing it would reveal a company's trade secrets and harm its legitimate interests.",
    label_zh: '公开将泄露企业的商业秘密，损害其合法权益。',
    legal_reference: 'Regulations on Open Government Information, art. 15',
  },
  {
    code: 'internal_deliberation',
    label: 'It is an internal working document or a record of deliberation before a decision is taken.',
    label_zh: '属于行政机关的内部事务信息或决策前的过程性信息。',
    legal_reference: 'Regulations on Open Government Information, art. 16',
  },
  {
    code: 'law_enforcement',
    label: 'Disclosing it could obstruct an investigation, a prosecution or the enforcement of the law.',
    label_zh: '公开可能妨碍调查、起诉或执法活动。',
    legal_reference: 'Regulations on Open Government Information, art. 14',
  },
  {
    code: 'not_government_information',
    label: 'What is asked for is not information the government made or holds in its duties (for example a request for advice or a new analysis).',
    label_zh: '所申请内容不属于行政机关在履行职责中制作或获取的政府信息（例如咨询或要求另行加工分析）。',
    legal_reference: 'Regulations on Open Government Information, art. 2 and art. 38',
  },
];

export const DEFAULT_LEGAL_BASIS =
  'Regulations on Open Government Information, art. 33: a department answers a request within {days} working days of receiving it; it may extend the period once, by at most {extension} working days, with a stated reason.';
export const DEFAULT_LEGAL_BASIS_ZH = '《政府信息公开条例》第三十三条：行政机关应自收到申请之日起 {days} 个工作日内予以答复；需要延长答复期限的，应说明理由，延长期限最长不超过 {extension} 个工作日，且只能延长一次。';

export function defaultSettings(departmentId: string): RequestSettings {
  const fill = (text: string) => text.replace('{days}', String(DEFAULT_RESPONSE_WORKING_DAYS)).replace('{extension}', String(DEFAULT_EXTENSION_WORKING_DAYS));
  return {
    departmentId,
    responseWorkingDays: DEFAULT_RESPONSE_WORKING_DAYS,
    extensionWorkingDays: DEFAULT_EXTENSION_WORKING_DAYS,
    reviewWorkingDays: DEFAULT_REVIEW_WORKING_DAYS,
    veryOverdueWorkingDays: DEFAULT_RESPONSE_WORKING_DAYS,
    veryOverdueConfigured: null,
    supervisorConfigured: null,
    legalBasis: fill(DEFAULT_LEGAL_BASIS),
    legalBasisZh: fill(DEFAULT_LEGAL_BASIS_ZH),
    refusalGrounds: DEFAULT_REFUSAL_GROUNDS,
    configured: false,
    updatedAt: null,
  };
}

/** The settings of each department (the defaults where it has none), by department id. */
export async function loadRequestSettings(db: Executor, departmentIds: string[]): Promise<Map<string, RequestSettings>> {
  const ids = [...new Set(departmentIds)];
  const out = new Map<string, RequestSettings>();
  if (ids.length === 0) return out;
  for (const id of ids) out.set(id, defaultSettings(id));
  const rows = await db.selectFrom('information_request_settings').selectAll().where('department_id', 'in', ids).execute();
  for (const r of rows) {
    out.set(r.department_id, {
      departmentId: r.department_id,
      responseWorkingDays: r.response_working_days,
      extensionWorkingDays: r.extension_working_days,
      reviewWorkingDays: r.review_working_days,
      veryOverdueWorkingDays: r.very_overdue_working_days ?? r.response_working_days,
      veryOverdueConfigured: r.very_overdue_working_days,
      supervisorConfigured: r.supervisor_department_id,
      legalBasis: r.legal_basis,
      legalBasisZh: r.legal_basis_zh,
      refusalGrounds: r.refusal_grounds,
      configured: true,
      updatedAt: r.updated_at,
    });
  }
  return out;
}

export async function settingsOf(db: Executor, departmentId: string): Promise<RequestSettings> {
  return (await loadRequestSettings(db, [departmentId])).get(departmentId)!;
}

/**
 * The department that decides internal reviews of a department's requests: the one configured, or
 * else the supervisory body when the installation has exactly one, or else the department itself.
 */
export async function supervisorOf(db: Executor, settings: RequestSettings): Promise<string> {
  if (settings.supervisorConfigured) return settings.supervisorConfigured;
  const bodies = await db
    .selectFrom('organizations')
    .select('id')
    .where('sector', '=', 'government')
    .where('status', '=', 'verified')
    .where('is_supervisory', '=', true)
    .limit(2)
    .execute();
  return bodies.length === 1 ? bodies[0]!.id : settings.departmentId;
}
