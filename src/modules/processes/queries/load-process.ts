import type { Executor } from '../../../core/db/database.js';
import { actionOpen, currentPhase, type PhaseLike, type ProcessStage } from '../phases.js';
import type { ComponentName, PhaseActions, ProcessesTable } from '../tables.js';
import type { Selectable } from 'kysely';

export interface PhaseView extends PhaseLike {
  title: string;
  titleZh: string | null;
  description: string;
  descriptionZh: string | null;
}

export interface ProcessContext {
  process: Omit<Selectable<ProcessesTable>, 'tsv'>;
  phases: PhaseView[];
  current: PhaseView | null;
  stage: ProcessStage;
  /** Whether an action of a component is open now, and until when. */
  isOpen(component: ComponentName, action: string): { open: boolean; until: Date | null };
}

/** A process with its phases and where it stands at `now`; by id or slug. Visibility is the caller's check. */
export async function loadProcess(db: Executor, key: { id?: string; slug?: string }, now: Date): Promise<ProcessContext | null> {
  let query = db.selectFrom('processes').selectAll();
  if (key.id) query = query.where('id', '=', key.id);
  else if (key.slug) query = query.where('slug', '=', key.slug);
  else return null;
  const row = await query.executeTakeFirst();
  if (!row) return null;
  const { tsv: _tsv, ...process } = row;
  const phaseRows = await db.selectFrom('process_phases').selectAll().where('process_id', '=', process.id).orderBy('position').execute();
  const phases: PhaseView[] = phaseRows.map((p) => ({
    id: p.id,
    position: p.position,
    title: p.title,
    titleZh: p.title_zh,
    description: p.description,
    descriptionZh: p.description_zh,
    startsAt: p.starts_at,
    endsAt: p.ends_at,
    actions: p.actions as PhaseActions,
  }));
  const { phase, stage } = currentPhase(phases, now, process.phase_override_id);
  const enabled = new Set(process.components);
  return {
    process,
    phases,
    current: phase,
    stage,
    isOpen: (component, action) =>
      process.status === 'published' && enabled.has(component) ? actionOpen(phase, component, action) : { open: false, until: null },
  };
}
