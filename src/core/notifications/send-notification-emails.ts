import type { Deps } from '../deps.js';
import { deliver } from '../outbox.js';
import { readInstallation } from '../settings.js';
import type { Locale } from '../i18n/locale.js';
import { composeNotificationEmail } from './compose-email.js';
import type { DeliveryEnvironment } from './delivery.js';

/** The outbox topic `notify` writes: one message per notify call, listing the new notifications. */
export const EMAIL_TOPIC = 'notifications.email';

/**
 * After this many failed attempts (about three days with the outbox's backoff) a message is given
 * up: its notifications stay in the app, only their e-mail is not sent.
 */
export const MAX_EMAIL_ATTEMPTS = 12;

function idsOf(payload: Record<string, unknown>): number[] {
  const ids = Array.isArray(payload.ids) ? payload.ids : [];
  return ids.map(Number).filter((id) => Number.isSafeInteger(id) && id > 0);
}

/**
 * Delivers due `notifications.email` outbox messages: one e-mail per notification whose recipient
 * wants immediate e-mails, in their language. Each sent notification gets `emailed_at` in the
 * claiming transaction, so a retry after a failure (the mail server is down) sends only what is
 * left: a notification is never e-mailed twice. Daily-digest and "off" recipients are skipped
 * here; the digest job covers the former.
 */
export async function sendNotificationEmails({ db, clock }: Deps, env: DeliveryEnvironment): Promise<{ messages: number; emails: number }> {
  const now = clock.now();
  const { installation } = await readInstallation(db);
  const ctx = { catalog: env.catalog, baseUrl: env.baseUrl, site: installation };
  let emails = 0;
  const messages = await deliver(db, EMAIL_TOPIC, now, async (message, trx) => {
    const ids = idsOf(message.payload);
    if (ids.length === 0 || message.attempts >= MAX_EMAIL_ATTEMPTS) return;
    const rows = await trx
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select(['n.id', 'n.kind', 'n.title', 'n.path', 'n.data', 'u.email', 'u.display_name', 'u.locale'])
      .where('n.id', 'in', ids)
      .where('n.emailed_at', 'is', null)
      .where('u.email_notifications', '=', 'immediate')
      .where('u.blocked_at', 'is', null)
      .orderBy('n.id')
      .forUpdate('n')
      .execute();
    for (const row of rows) {
      const locale: Locale = row.locale === 'zh-CN' ? 'zh-CN' : 'en';
      const mail = composeNotificationEmail(
        ctx,
        { email: row.email, displayName: row.display_name, locale },
        { kind: row.kind, title: row.title, path: row.path, data: row.data ?? {} },
      );
      await env.mailer.send(mail);
      await trx.updateTable('notifications').set({ emailed_at: now }).where('id', '=', row.id).execute();
      emails++;
    }
  });
  return { messages, emails };
}
