import type { JobDefinition } from '../jobs/scheduler.js';
import { deliveryEnvironment } from './delivery.js';
import { sendDailyDigests } from './send-daily-digests.js';
import { sendNotificationEmails } from './send-notification-emails.js';

/**
 * The e-mail side of notifications, run after commit: immediate e-mails from the outbox every 30
 * seconds, daily digests checked every five minutes. Both are idempotent. Mail server errors are
 * kept in the outbox row (immediate) or retried on the next run (digest), never logged, since
 * they may name a recipient.
 */
export const notificationJobs: JobDefinition[] = [
  {
    name: 'notifications.email',
    everyMs: 30_000,
    async run(deps) {
      await sendNotificationEmails(deps, deliveryEnvironment());
    },
  },
  {
    name: 'notifications.digest',
    everyMs: 5 * 60_000,
    async run(deps) {
      await sendDailyDigests(deps, deliveryEnvironment());
    },
  },
];
