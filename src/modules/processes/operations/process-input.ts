import type { FieldError } from '../../../core/errors.js';
import { searchVector } from '../../../core/search/text-search.js';
import { componentActions } from '../phases.js';
import type { ComponentName, PhaseActions } from '../tables.js';

export interface PhaseInput {
  title: string;
  titleZh?: string | null;
  description?: string;
  descriptionZh?: string | null;
  startsAt: Date;
  endsAt: Date;
  actions: PhaseActions;
}

export interface ProcessInput {
  /** A short address for the process; made from the title when not given. */
  slug?: string;
  title: string;
  titleZh?: string | null;
  summary: string;
  summaryZh?: string | null;
  body?: string;
  bodyZh?: string | null;
  areaId?: string | null;
  departmentId: string;
  postId?: string | null;
  legalBasis: string;
  legalBasisZh?: string | null;
  legalReference?: string | null;
  components: ComponentName[];
  supportThreshold: number;
  answerWorkingDays: number;
  supportsPerPerson?: number | null;
  editWindowMinutes?: number;
  phases: PhaseInput[];
}

/** Rules a schema cannot express: phases in order without overlap, actions that belong to enabled components. */
export function phaseProblems(input: Pick<ProcessInput, 'components' | 'phases'>): FieldError[] {
  const problems: FieldError[] = [];
  input.phases.forEach((phase, i) => {
    if (phase.endsAt.getTime() <= phase.startsAt.getTime()) problems.push({ path: `phases.${i}.endsAt`, code: 'phase_ends_before_start' });
    const previous = input.phases[i - 1];
    if (previous && phase.startsAt.getTime() < previous.endsAt.getTime()) problems.push({ path: `phases.${i}.startsAt`, code: 'phases_overlap' });
    for (const [component, actions] of Object.entries(phase.actions) as [ComponentName, string[]][]) {
      if (!input.components.includes(component)) {
        problems.push({ path: `phases.${i}.actions.${component}`, code: 'component_not_enabled' });
        continue;
      }
      for (const action of actions) {
        if (!componentActions[component].includes(action)) problems.push({ path: `phases.${i}.actions.${component}`, code: 'unknown_action' });
      }
    }
  });
  return problems;
}

/** The columns a process's details fill, the same on creation and on every later change. */
export function detailColumns(input: Omit<ProcessInput, 'departmentId' | 'slug' | 'phases' | 'postId'>) {
  return {
    title: input.title.trim(),
    title_zh: input.titleZh?.trim() || null,
    summary: input.summary.trim(),
    summary_zh: input.summaryZh?.trim() || null,
    body: input.body?.trim() ?? '',
    body_zh: input.bodyZh?.trim() || null,
    area_id: input.areaId ?? null,
    legal_basis: input.legalBasis.trim(),
    legal_basis_zh: input.legalBasisZh?.trim() || null,
    legal_reference: input.legalReference?.trim() || null,
    components: input.components,
    support_threshold: input.supportThreshold,
    answer_working_days: input.answerWorkingDays,
    supports_per_person: input.supportsPerPerson ?? null,
    edit_window_minutes: input.editWindowMinutes ?? 60,
    tsv: searchVector(`${input.title} ${input.titleZh ?? ''}`, `${input.summary} ${input.summaryZh ?? ''} ${input.body ?? ''} ${input.bodyZh ?? ''}`) as never,
  };
}
