/**
 * The question state machine as pure functions over a question's state: operations refuse with
 * these codes, and the routes compute the caller's abilities from the same functions, so the page
 * and the server never disagree.
 */
import type { QuestionState } from './tables.js';

/** States in which the department still owes an answer. */
export const PENDING: QuestionState[] = ['published', 'transferred', 'overdue'];
/** States in which the department has responded (answered or declined). */
export const RESPONDED: QuestionState[] = ['answered', 'declined'];

export function isPending(state: QuestionState): boolean {
  return PENDING.includes(state);
}

/** Answering, declining and transferring: only while an answer is owed. */
export function respondRefusal(state: QuestionState): 'question_already_answered' | null {
  return isPending(state) ? null : 'question_already_answered';
}

/** Co-signatures count while the question waits for its answer. */
export function cosignRefusal(state: QuestionState): 'question_closed' | null {
  return isPending(state) ? null : 'question_closed';
}

/** The asker rates an answer once; a decline is not an answer to rate. */
export function rateRefusal(state: QuestionState, ratedAt: Date | null): 'question_not_answered' | 'question_already_rated' | null {
  if (state !== 'answered') return 'question_not_answered';
  return ratedAt ? 'question_already_rated' : null;
}

/**
 * One follow-up per question, after the department answered or declined it; a follow-up has no
 * follow-up of its own (ask a new question instead).
 */
export function followUpRefusal(
  state: QuestionState,
  isFollowUp: boolean,
  hasFollowUp: boolean,
): 'follow_up_not_allowed' | 'question_not_answered' | 'follow_up_exists' | null {
  if (isFollowUp) return 'follow_up_not_allowed';
  if (!RESPONDED.includes(state)) return 'question_not_answered';
  return hasFollowUp ? 'follow_up_exists' : null;
}

/**
 * The state after a transfer: waiting at the new department, or still overdue when the clock did
 * not restart and the due date has passed (a transfer does not wipe out lateness).
 */
export function stateAfterTransfer(dueAt: Date, now: Date): 'transferred' | 'overdue' {
  return now.getTime() >= dueAt.getTime() ? 'overdue' : 'transferred';
}

/** How many files a question may carry. */
export const MAX_QUESTION_ATTACHMENTS = 5;
