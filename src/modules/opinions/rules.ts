/**
 * When participation is open, and what a statement may look like: pure rules shared by the
 * operations and the pages' abilities.
 */
import type { ModerationMode, StatementStatus } from './tables.js';

/** Polis's limit: a statement is one short idea. */
export const STATEMENT_MAX_LENGTH = 140;

/** Why nobody can vote now (the process phase decides), or null. */
export function voteRefusal(open: boolean): 'conversation_vote_closed' | null {
  return open ? null : 'conversation_vote_closed';
}

/** Why nobody can write now, or null. */
export function writeRefusal(open: boolean): 'conversation_write_closed' | null {
  return open ? null : 'conversation_write_closed';
}

/** Whether participants see (and vote on) a statement: accepted ones, and unmoderated ones under post-moderation. */
export function isVisible(status: StatementStatus, moderation: ModerationMode): boolean {
  return status === 'accepted' || (status === 'pending' && moderation === 'post');
}

/** The statuses participants see under a moderation mode. */
export function visibleStatuses(moderation: ModerationMode): StatementStatus[] {
  return moderation === 'post' ? ['accepted', 'pending'] : ['accepted'];
}

/**
 * The text duplicates are found by: Unicode NFKC, lower case, runs of whitespace and punctuation
 * collapsed into one space, trimmed. "Cars OUT of the centre!" and "cars out of the centre" match.
 */
export function statementKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{Z}\s]+/gu, ' ').trim();
}

/** The moderation value the math reads: rejected statements are moderated out. */
export function moderatedValue(status: StatementStatus): -1 | 0 | 1 {
  return status === 'accepted' ? 1 : status === 'rejected' ? -1 : 0;
}

export type VoteName = 'agree' | 'disagree' | 'pass';
export const VOTE_VALUE: Record<VoteName, -1 | 0 | 1> = { agree: 1, disagree: -1, pass: 0 };
export function voteName(value: number): VoteName {
  return value > 0 ? 'agree' : value < 0 ? 'disagree' : 'pass';
}
