import type { Executor } from '../../core/db/database.js';
import type { DeclineGround } from './tables.js';

/** A department's rules for public questions, as operations and pages use them. */
export interface DepartmentQuestionSettings {
  departmentId: string;
  answerWorkingDays: number;
  legalBasis: string;
  legalBasisZh: string | null;
  /** When a question is transferred to this department, its answer clock starts again here. */
  transferRestartsClock: boolean;
  declineGrounds: DeclineGround[];
  /** False while the department uses the defaults below (never saved its own). */
  configured: boolean;
  updatedAt: Date | null;
}

/** Working days a department has to answer when it has not configured its own period. */
export const DEFAULT_ANSWER_WORKING_DAYS = 15;

/** The grounds every department may decline on until it configures its own list. */
export const DEFAULT_DECLINE_GROUNDS: DeclineGround[] = [
  {
    code: 'outside_competence',
    label: 'The question is not about a public duty of any department of this government.',
    label_zh: '所问事项不属于本级政府任何部门的公共职责。',
    legal_reference: 'Rules on Public Questions, art. 9(1)(a)',
  },
  {
    code: 'already_answered',
    label: 'The same question was already answered in public; the earlier answer is linked.',
    label_zh: '相同问题已公开答复，请见所附的原答复。',
    legal_reference: 'Rules on Public Questions, art. 9(1)(b)',
  },
  {
    code: 'court_proceedings',
    label: 'The matter is before a court or another body that decides it; answering could prejudice the proceedings.',
    label_zh: '该事项正由法院或其他机关依法处理，答复可能影响处理程序。',
    legal_reference: 'Rules on Public Questions, art. 9(1)(c)',
  },
  {
    code: 'personal_data',
    label: 'Answering would disclose personal data of another person or information protected by law.',
    label_zh: '答复将披露他人的个人信息或依法受保护的信息。',
    legal_reference: 'Rules on Public Questions, art. 9(1)(d); Personal Information Protection Law, art. 13',
  },
];

export const DEFAULT_LEGAL_BASIS =
  'Rules on Public Questions to the Government, art. 6: a department answers a public question within {days} working days of receiving it, in public, signed by the responsible post.';
export const DEFAULT_LEGAL_BASIS_ZH = '《政府公开问询规则》第六条：部门应自收到公开问询之日起 {days} 个工作日内公开答复，并由负责职务署名。';

/** The defaults a department works with until it saves its own settings. */
export function defaultSettings(departmentId: string): DepartmentQuestionSettings {
  return {
    departmentId,
    answerWorkingDays: DEFAULT_ANSWER_WORKING_DAYS,
    legalBasis: DEFAULT_LEGAL_BASIS.replace('{days}', String(DEFAULT_ANSWER_WORKING_DAYS)),
    legalBasisZh: DEFAULT_LEGAL_BASIS_ZH.replace('{days}', String(DEFAULT_ANSWER_WORKING_DAYS)),
    transferRestartsClock: true,
    declineGrounds: DEFAULT_DECLINE_GROUNDS,
    configured: false,
    updatedAt: null,
  };
}

/** The settings of each department (the defaults where it has none), by department id. */
export async function loadDepartmentSettings(db: Executor, departmentIds: string[]): Promise<Map<string, DepartmentQuestionSettings>> {
  const ids = [...new Set(departmentIds)];
  const out = new Map<string, DepartmentQuestionSettings>();
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('question_department_settings').selectAll().where('department_id', 'in', ids).execute();
  for (const id of ids) out.set(id, defaultSettings(id));
  for (const r of rows) {
    out.set(r.department_id, {
      departmentId: r.department_id,
      answerWorkingDays: r.answer_working_days,
      legalBasis: r.legal_basis,
      legalBasisZh: r.legal_basis_zh,
      transferRestartsClock: r.transfer_restarts_clock,
      declineGrounds: r.decline_grounds,
      configured: true,
      updatedAt: r.updated_at,
    });
  }
  return out;
}

export async function loadSettingsOf(db: Executor, departmentId: string): Promise<DepartmentQuestionSettings> {
  return (await loadDepartmentSettings(db, [departmentId])).get(departmentId)!;
}
