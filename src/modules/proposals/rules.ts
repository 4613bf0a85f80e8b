/**
 * The proposal state machine and the timing rules, as pure functions over a proposal's state and
 * what the process has open: operations refuse with these codes, and the routes compute the
 * caller's abilities from the same functions, so the page and the server never disagree.
 */
import type { ProposalState } from './tables.js';

/** States in which the public sees the proposal (everything except a draft). */
export const PUBLIC_STATES: ProposalState[] = ['published', 'qualified', 'evaluating', 'accepted', 'rejected', 'withdrawn'];

/** States waiting for the department's answer, against a deadline once qualified. */
export const PENDING_ANSWER: ProposalState[] = ['qualified', 'evaluating'];

export type AnswerTarget = 'evaluating' | 'accepted' | 'rejected';

/** Which states each answer may come from; an accepted or rejected proposal keeps its answer. */
const ANSWER_FROM: Record<AnswerTarget, ProposalState[]> = {
  evaluating: ['published', 'qualified'],
  accepted: ['published', 'qualified', 'evaluating'],
  rejected: ['published', 'qualified', 'evaluating'],
};

export function answerRefusal(state: ProposalState, target: AnswerTarget): 'proposal_already_answered' | 'proposal_invalid_transition' | null {
  if (state === 'accepted' || state === 'rejected') return 'proposal_already_answered';
  return ANSWER_FROM[target].includes(state) ? null : 'proposal_invalid_transition';
}

/** Supports count while the process's support action is open, on proposals not yet answered or withdrawn. */
export function supportRefusal(state: ProposalState, supportOpen: boolean): 'supporting_closed' | 'proposal_not_supportable' | null {
  if (!['published', 'qualified', 'evaluating'].includes(state)) return 'proposal_not_supportable';
  return supportOpen ? null : 'supporting_closed';
}

/** Drafts can always be edited; a published proposal only within the process's edit window. */
export function editRefusal(state: ProposalState, publishedAt: Date | null, editWindowMinutes: number, now: Date): 'edit_window_closed' | null {
  if (state === 'draft') return null;
  if (state === 'published' && publishedAt && now.getTime() < publishedAt.getTime() + editWindowMinutes * 60_000) return null;
  return 'edit_window_closed';
}

export function publishRefusal(state: ProposalState, proposeOpen: boolean): 'proposal_not_draft' | 'proposing_closed' | null {
  if (state !== 'draft') return 'proposal_not_draft';
  return proposeOpen ? null : 'proposing_closed';
}

/** Authors may withdraw a proposal until it is answered. */
export function withdrawRefusal(state: ProposalState): 'proposal_not_withdrawable' | null {
  return ['published', 'qualified', 'evaluating'].includes(state) ? null : 'proposal_not_withdrawable';
}

/** How many files (photos, plans, PDFs) a proposal may carry. */
export const MAX_PROPOSAL_ATTACHMENTS = 10;
