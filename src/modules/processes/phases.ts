import type { ComponentName, PhaseActions } from './tables.js';

/** A phase as the pure phase logic needs it. */
export interface PhaseLike {
  id: string;
  position: number;
  startsAt: Date;
  endsAt: Date;
  actions: PhaseActions;
}

export type ProcessStage = 'upcoming' | 'active' | 'between_phases' | 'finished';

/**
 * The phase a process is in at `now`: the one whose dates contain now, unless officials advanced
 * the process to a later phase ahead of its dates (the override). The clock takes over again once
 * it reaches a phase at or after the override. Pure: no database, no clock.
 */
export function currentPhase<P extends PhaseLike>(phases: P[], now: Date, overrideId: string | null): { phase: P | null; stage: ProcessStage } {
  const ordered = [...phases].sort((a, b) => a.position - b.position);
  if (ordered.length === 0) return { phase: null, stage: 'upcoming' };
  const t = now.getTime();
  const byClock = ordered.find((p) => p.startsAt.getTime() <= t && t < p.endsAt.getTime()) ?? null;
  const override = overrideId ? (ordered.find((p) => p.id === overrideId) ?? null) : null;
  // The override lasts until its own end date, or until the clock reaches a later phase.
  if (override && t < override.endsAt.getTime() && (!byClock || byClock.position < override.position)) {
    return { phase: override, stage: 'active' };
  }
  if (byClock) return { phase: byClock, stage: 'active' };
  if (t < ordered[0]!.startsAt.getTime()) return { phase: null, stage: 'upcoming' };
  if (t >= ordered[ordered.length - 1]!.endsAt.getTime()) return { phase: null, stage: 'finished' };
  return { phase: null, stage: 'between_phases' };
}

/** Whether `action` of `component` is open in the phase, and until when. */
export function actionOpen(phase: PhaseLike | null, component: ComponentName, action: string): { open: boolean; until: Date | null } {
  if (!phase) return { open: false, until: null };
  const open = phase.actions[component]?.includes(action) ?? false;
  return { open, until: open ? phase.endsAt : null };
}

/** The phase after the current one, which officials may advance to. */
export function nextPhase<P extends PhaseLike>(phases: P[], current: P | null, now: Date): P | null {
  const ordered = [...phases].sort((a, b) => a.position - b.position);
  if (!current) return ordered.find((p) => p.startsAt.getTime() > now.getTime()) ?? null;
  return ordered.find((p) => p.position > current.position) ?? null;
}

/** The actions each component knows, for validating phase settings. */
export const componentActions: Record<ComponentName, string[]> = {
  proposals: ['propose', 'support', 'comment', 'amend'],
  debates: ['create', 'comment'],
  regulations: ['comment', 'support', 'amend'],
  budgeting: ['propose', 'review', 'vote', 'comment'],
  opinions: ['vote', 'write', 'comment'],
  surveys: ['answer'],
  hearings: ['register', 'comment'],
};
