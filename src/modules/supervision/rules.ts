import type { ComplaintOutcome, ComplaintState } from './tables.js';
import type { StageDeadlines } from './settings.js';

/** What a handler may do to move a complaint on. */
export type StageAction = 'open_review' | 'accept' | 'dismiss' | 'start_investigation' | 'conclude';

/** Each action: the state it starts from and the state it leads to. */
export const STAGE_ACTIONS: Record<StageAction, { from: ComplaintState; to: ComplaintState }> = {
  open_review: { from: 'received', to: 'preliminary_review' },
  accept: { from: 'preliminary_review', to: 'accepted' },
  dismiss: { from: 'preliminary_review', to: 'dismissed' },
  start_investigation: { from: 'accepted', to: 'investigating' },
  conclude: { from: 'investigating', to: 'concluded' },
};

/** The deadline setting that applies while a complaint is in an open state (null: closed). */
export function stageDeadlineKey(state: ComplaintState): keyof StageDeadlines | null {
  switch (state) {
    case 'received':
      return 'intake';
    case 'preliminary_review':
      return 'review';
    case 'accepted':
      return 'start';
    case 'investigating':
      return 'investigation';
    default:
      return null;
  }
}

export function isOpen(state: ComplaintState): boolean {
  return stageDeadlineKey(state) !== null;
}

/** The actions open to a handler at this state. */
export function actionsAt(state: ComplaintState): StageAction[] {
  return (Object.keys(STAGE_ACTIONS) as StageAction[]).filter((a) => STAGE_ACTIONS[a].from === state);
}

export const OUTCOMES: readonly ComplaintOutcome[] = ['substantiated', 'partially_substantiated', 'not_substantiated'];
