/**
 * The request state machine as pure functions: operations refuse with these codes, and the routes
 * compute the caller's abilities from the same functions, so the page and the server agree.
 */
import type { RequestDecision, RequestState } from './tables.js';

export const DECISIONS: RequestDecision[] = ['successful', 'partially_successful', 'not_held', 'refused'];
/** States in which the department still owes its decision (the clock may be paused). */
export const OPEN: RequestState[] = ['awaiting_response', 'awaiting_clarification'];

export function isDecision(state: RequestState): state is RequestDecision {
  return (DECISIONS as string[]).includes(state);
}

/** Whether a decision needs a legal ground: a refusal, in whole or in part. */
export function needsGround(decision: RequestDecision): boolean {
  return decision === 'refused' || decision === 'partially_successful';
}

/** The department replies with its decision, or asks for clarification: only while it owes one. */
export function respondRefusal(state: RequestState): 'request_already_answered' | null {
  return OPEN.includes(state) ? null : 'request_already_answered';
}

/** Asking for clarification pauses a running clock: only while awaiting the response. */
export function askClarificationRefusal(state: RequestState): 'request_not_awaiting_response' | null {
  return state === 'awaiting_response' ? null : 'request_not_awaiting_response';
}

export function clarifyRefusal(state: RequestState): 'request_not_awaiting_clarification' | null {
  return state === 'awaiting_clarification' ? null : 'request_not_awaiting_clarification';
}

/** One extension per request, with the clock running, before the deadline passed. */
export function extendRefusal(
  state: RequestState,
  extendedAt: Date | null,
  dueAt: Date | null,
  extensionDays: number,
  now: Date,
): 'request_not_awaiting_response' | 'extension_used' | 'extension_not_available' | 'extension_too_late' | null {
  if (state !== 'awaiting_response' || !dueAt) return 'request_not_awaiting_response';
  if (extendedAt) return 'extension_used';
  if (extensionDays <= 0) return 'extension_not_available';
  return now.getTime() < dueAt.getTime() ? null : 'extension_too_late';
}

export function withdrawRefusal(state: RequestState): 'request_not_withdrawable' | null {
  return OPEN.includes(state) ? null : 'request_not_withdrawable';
}

/** The requester classifies the outcome once the department (or the review) decided. */
export function classifyRefusal(state: RequestState): 'request_not_answered' | null {
  return isDecision(state) ? null : 'request_not_answered';
}

/**
 * The requester may appeal once: against a refusal, a partial answer or "not held", or against
 * lateness (still no decision after the deadline).
 */
export function reviewRefusal(
  state: RequestState,
  reviewRequestedAt: Date | null,
  dueAt: Date | null,
  now: Date,
): 'review_already_requested' | 'review_not_available' | null {
  if (reviewRequestedAt) return 'review_already_requested';
  if (state === 'refused' || state === 'partially_successful' || state === 'not_held') return null;
  if (state === 'awaiting_response' && dueAt && now.getTime() >= dueAt.getTime()) return null;
  return 'review_not_available';
}

export function decideReviewRefusal(state: RequestState): 'review_not_pending' | null {
  return state === 'internal_review' ? null : 'review_not_pending';
}

/**
 * The state a review decision leaves: upheld keeps the department's decision; partly upheld
 * releases part (partially successful); overturned releases all (successful). After an appeal
 * against lateness (no decision to uphold) the reviewer names the resulting state.
 */
export function stateAfterReview(outcome: 'upheld' | 'partly_upheld' | 'overturned', from: RequestState, chosen: RequestDecision | null): RequestDecision | null {
  if (chosen) return chosen;
  if (outcome === 'partly_upheld') return 'partially_successful';
  if (outcome === 'overturned') return 'successful';
  return isDecision(from) ? from : null;
}

/** How many files one message may carry. */
export const MAX_MESSAGE_ATTACHMENTS = 10;
/** Kinds of file a department may attach to a reply. */
export const MESSAGE_ATTACHMENT_KINDS = ['image', 'document', 'spreadsheet', 'text'] as const;
