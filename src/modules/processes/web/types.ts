/** The processes API as the pages use it (mirrors `../schemas.ts`). */
export type ComponentName = 'proposals' | 'debates' | 'regulations' | 'budgeting' | 'opinions' | 'surveys' | 'hearings';
export type Stage = 'upcoming' | 'active' | 'between_phases' | 'finished';

export interface Phase {
  id: string;
  position: number;
  title: string;
  titleZh: string | null;
  description: string;
  descriptionZh: string | null;
  startsAt: string;
  endsAt: string;
  actions: Partial<Record<ComponentName, string[]>>;
}

export interface ProcessSummary {
  id: string;
  slug: string;
  title: string;
  titleZh: string | null;
  summary: string;
  summaryZh: string | null;
  areaId: string | null;
  department: { id: string; slug: string; name: string; nameZh: string | null };
  status: 'draft' | 'published';
  stage: Stage;
  currentPhase: Phase | null;
  components: ComponentName[];
  startsAt: string | null;
  endsAt: string | null;
}

export interface ProcessDetail {
  process: ProcessSummary & {
    body: string;
    bodyZh: string | null;
    legalBasis: string;
    legalBasisZh: string | null;
    legalReference: string | null;
    supportThreshold: number;
    answerWorkingDays: number;
    supportsPerPerson: number | null;
    editWindowMinutes: number;
    post: { id: string; title: string; titleZh: string | null } | null;
    publishedAt: string | null;
  };
  phases: Phase[];
  openActions: { component: ComponentName; action: string; until: string }[];
  nextPhase: Phase | null;
  abilities: { update: boolean; publish: boolean; advance: boolean };
}

/** Components that have pages inside a process, with their path segment. */
export const componentPaths: Partial<Record<ComponentName, string>> = {
  proposals: 'proposals',
  debates: 'debates',
  regulations: 'regulations',
  budgeting: 'budgets',
  opinions: 'conversations',
};
