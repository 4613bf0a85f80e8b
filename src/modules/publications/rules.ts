/**
 * The publication state machine as pure functions: operations refuse with these codes, and the
 * routes compute the caller's abilities from the same functions, so page and server agree.
 */
import type { PublicationStatus } from './tables.js';

/** How many files a publication may carry. */
export const MAX_PUBLICATION_ATTACHMENTS = 20;
/** How many records a publication may link to. */
export const MAX_PUBLICATION_LINKS = 20;

export function publishRefusal(status: PublicationStatus): 'publication_not_draft' | null {
  return status === 'draft' ? null : 'publication_not_draft';
}

/** A draft may be deleted; once published, a document stays in the register (withdrawn at most). */
export function deleteRefusal(status: PublicationStatus): 'publication_not_draft' | null {
  return publishRefusal(status);
}

export function withdrawRefusal(status: PublicationStatus): 'publication_not_published' | null {
  return status === 'published' ? null : 'publication_not_published';
}

export function editRefusal(status: PublicationStatus): 'publication_withdrawn' | null {
  return status === 'withdrawn' ? 'publication_withdrawn' : null;
}

/** In force, expired, or not yet in force on `today` (a `YYYY-MM-DD` day); null without a validity period. */
export function validityOf(validFrom: string | null, validUntil: string | null, today: string): 'in_force' | 'expired' | 'not_yet' | null {
  if (!validFrom && !validUntil) return null;
  if (validUntil && today > validUntil) return 'expired';
  if (validFrom && today < validFrom) return 'not_yet';
  return 'in_force';
}
