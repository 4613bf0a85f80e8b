/**
 * A hearing's timing rules, as pure functions over its dates, its status and `now`: operations
 * refuse with these codes, and the routes compute the caller's abilities from the same functions,
 * so the page and the server never disagree.
 */
import type { HearingStatus, RegistrationStatus } from './tables.js';

/** What the rules need to know about a hearing. */
export interface HearingTiming {
  status: HearingStatus;
  startsAt: Date;
  endsAt: Date;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  drawnAt: Date | null;
  reportPublishedAt: Date | null;
}

/** Where a hearing stands, as residents read it. */
export type HearingStage = 'cancelled' | 'announced' | 'registration_open' | 'registration_closed' | 'in_session' | 'held' | 'reported';

export function stageOf(h: HearingTiming, now: Date): HearingStage {
  const t = now.getTime();
  if (h.status === 'cancelled') return 'cancelled';
  if (h.reportPublishedAt) return 'reported';
  if (t >= h.endsAt.getTime()) return 'held';
  if (t >= h.startsAt.getTime()) return 'in_session';
  if (t >= h.registrationClosesAt.getTime()) return 'registration_closed';
  if (t >= h.registrationOpensAt.getTime()) return 'registration_open';
  return 'announced';
}

const started = (h: HearingTiming, now: Date) => now.getTime() >= h.startsAt.getTime();

/**
 * Applying (or changing one's application) while the registration window is open and, for a
 * hearing inside a process, while the process's current phase opens `hearings.register`.
 */
export function registrationRefusal(
  h: HearingTiming,
  now: Date,
  processOpen: boolean | null,
): 'hearing_cancelled' | 'registration_not_open_yet' | 'registration_closed' | null {
  if (h.status === 'cancelled') return 'hearing_cancelled';
  if (now.getTime() < h.registrationOpensAt.getTime()) return 'registration_not_open_yet';
  if (now.getTime() >= h.registrationClosesAt.getTime() || h.drawnAt) return 'registration_closed';
  if (processOpen === false) return 'registration_closed';
  return null;
}

/** One's application can be withdrawn until the hearing starts (after the draw, the place goes to the next in line). */
export function withdrawRefusal(h: HearingTiming, now: Date, status: RegistrationStatus | null): 'hearing_cancelled' | 'hearing_already_held' | 'not_registered' | null {
  if (status === null || status === 'withdrawn') return 'not_registered';
  if (h.status === 'cancelled') return 'hearing_cancelled';
  return started(h, now) ? 'hearing_already_held' : null;
}

/** Written questions and opinions, and co-signatures, are taken until the hearing starts. */
export function submitRefusal(h: HearingTiming, now: Date): 'hearing_cancelled' | 'submissions_closed' | null {
  if (h.status === 'cancelled') return 'hearing_cancelled';
  return started(h, now) ? 'submissions_closed' : null;
}

/** The draw runs once, after registration closed and before the hearing starts. */
export function drawRefusal(h: HearingTiming, now: Date): 'hearing_cancelled' | 'registration_still_open' | 'already_drawn' | 'hearing_already_held' | null {
  if (h.status === 'cancelled') return 'hearing_cancelled';
  if (h.drawnAt) return 'already_drawn';
  if (started(h, now)) return 'hearing_already_held';
  return now.getTime() < h.registrationClosesAt.getTime() ? 'registration_still_open' : null;
}

/** Details can change until the hearing starts; the places' settings only until the draw. */
export function editRefusal(h: HearingTiming, now: Date): 'hearing_cancelled' | 'hearing_already_held' | null {
  if (h.status === 'cancelled') return 'hearing_cancelled';
  return started(h, now) ? 'hearing_already_held' : null;
}

export function cancelRefusal(h: HearingTiming, now: Date): 'hearing_cancelled' | 'hearing_already_held' | null {
  return editRefusal(h, now);
}

/** Minutes and the panel's answers are recorded once the hearing has started (and may be corrected later). */
export function minutesRefusal(h: HearingTiming, now: Date): 'hearing_cancelled' | 'hearing_not_held_yet' | null {
  if (h.status === 'cancelled') return 'hearing_cancelled';
  return started(h, now) ? null : 'hearing_not_held_yet';
}

/** The response report is published once, after the hearing. */
export function reportRefusal(h: HearingTiming, now: Date): 'hearing_cancelled' | 'hearing_not_held_yet' | 'report_already_published' | null {
  if (h.status === 'cancelled') return 'hearing_cancelled';
  if (!started(h, now)) return 'hearing_not_held_yet';
  return h.reportPublishedAt ? 'report_already_published' : null;
}

/** How many files a hearing's documents, and its minutes, may carry. */
export const MAX_HEARING_DOCUMENTS = 10;
export const MAX_MINUTES_ATTACHMENTS = 10;
export const DEFAULT_RESPONSE_WORKING_DAYS = 20;
export const DEFAULT_AGENDA_QUESTIONS = 5;
