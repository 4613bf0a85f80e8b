/**
 * The state machine of commitments and programs, and when residents may rate them, as pure functions
 * (no database, no clock): the policy says who may act, these say when.
 */
import type { CommitmentStatus, RatingRound } from './tables.js';

export const MAX_COMMITMENT_DOCUMENTS = 20;
export const RATING_CRITERIA = ['benefit', 'valueForMoney', 'openness', 'delivered'] as const;
export type RatingCriterion = (typeof RATING_CRITERIA)[number];

/** Closed: nothing changes any more (ratings after completion stay open). */
export function isClosed(status: CommitmentStatus): boolean {
  return status === 'completed' || status === 'cancelled';
}

export function editRefusal(status: CommitmentStatus): 'commitment_closed' | null {
  return isClosed(status) ? 'commitment_closed' : null;
}

/** A proposed commitment that was never consulted on may be put to residents. */
export function consultationRefusal(status: CommitmentStatus, consultedBefore: boolean): 'consultation_not_allowed' | null {
  return status === 'proposed' && !consultedBefore ? null : 'consultation_not_allowed';
}

/** Whether the consultation takes approvals and stance comments at `now`. */
export function consultationOpen(c: { status: CommitmentStatus; consultationOpensAt: Date | null; consultationEndsAt: Date | null }, now: Date): boolean {
  return c.status === 'in_consultation' && c.consultationOpensAt !== null && c.consultationEndsAt !== null && now >= c.consultationOpensAt && now < c.consultationEndsAt;
}

/** Adopting or dropping: a proposed commitment, or one whose consultation has ended. */
export function decisionRefusal(c: { status: CommitmentStatus; consultationEndsAt: Date | null }, now: Date): 'decision_not_allowed' | 'consultation_open' | null {
  if (c.status === 'proposed') return null;
  if (c.status !== 'in_consultation') return 'decision_not_allowed';
  return c.consultationEndsAt && now < c.consultationEndsAt ? 'consultation_open' : null;
}

/** Progress and milestones: adopted or under way. */
export function progressRefusal(status: CommitmentStatus): 'progress_not_allowed' | 'commitment_closed' | null {
  if (isClosed(status)) return 'commitment_closed';
  return status === 'adopted' || status === 'in_progress' ? null : 'progress_not_allowed';
}

/** Milestones can be planned from the start, and changed until the commitment closes. */
export function milestoneRefusal(status: CommitmentStatus): 'commitment_closed' | null {
  return isClosed(status) ? 'commitment_closed' : null;
}

/**
 * The rating round open now: "after start" while the work is under way, "after completion" once it
 * is completed. One rating per resident per round, changeable while the round is open.
 */
export function openRound(status: CommitmentStatus): RatingRound | null {
  if (status === 'in_progress') return 'after_start';
  if (status === 'completed') return 'after_completion';
  return null;
}
