import type { JobDefinition } from '../jobs/scheduler.js';
import { storeOf } from './store.js';

/** Uploads nobody attached within this time are deleted. */
export const UNATTACHED_TTL_MS = 24 * 60 * 60_000;

/** Deletes uploads left unattached for a day (an abandoned form); idempotent. */
export const attachmentJobs: JobDefinition[] = [
  {
    name: 'attachments.purge-unattached',
    everyMs: 60 * 60_000,
    async run(deps) {
      const cutoff = new Date(deps.clock.now().getTime() - UNATTACHED_TTL_MS);
      await deps.db.deleteFrom('attachments').where('owner_id', 'is', null).where('created_at', '<', cutoff).execute();
      await storeOf(deps).sweep(deps.db);
    },
  },
];
