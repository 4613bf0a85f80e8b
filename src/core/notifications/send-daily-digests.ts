import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import { readInstallation } from '../settings.js';
import type { Locale } from '../i18n/locale.js';
import './tables.js';
import { composeDigestEmail } from './compose-email.js';
import type { DeliveryEnvironment } from './delivery.js';
import { digestSlot } from './digest-schedule.js';

class NothingToSend extends Error {}

/** The mail server refused or could not be reached (as opposed to a bug, which is thrown on). */
class MailFailure extends Error {}

export interface DigestRun {
  day: string;
  sent: number;
  /** Set when the mail server refused; the remaining digests wait for the next run. */
  error: string | null;
}

/**
 * Sends each person who chose daily e-mails one digest a day: the notifications of the day before
 * the digest hour that were not e-mailed yet. Safe to run every few minutes: the digest row
 * `(user, day)` is written in the same transaction as the e-mail's `emailed_at` marks, so a digest
 * goes out once per day, and a mail server failure rolls that person's digest back for the next run.
 */
export async function sendDailyDigests({ db, clock }: Deps, env: DeliveryEnvironment): Promise<DigestRun> {
  const now = clock.now();
  const calendar = await loadCalendar(db);
  const slot = digestSlot(now, calendar.timeZone, env.digestHour);
  const { installation } = await readInstallation(db);
  const ctx = { catalog: env.catalog, baseUrl: env.baseUrl, site: installation };

  const due = await db
    .selectFrom('users as u')
    .select(['u.id', 'u.email', 'u.display_name', 'u.locale'])
    .where('u.email_notifications', '=', 'daily')
    .where('u.blocked_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('notifications as n')
          .select(sql`1`.as('one'))
          .whereRef('n.user_id', '=', 'u.id')
          .where('n.emailed_at', 'is', null)
          .where('n.created_at', '>', slot.from)
          .where('n.created_at', '<=', slot.at),
      ),
    )
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('notification_digests as d').select(sql`1`.as('one')).whereRef('d.user_id', '=', 'u.id').where('d.day', '=', slot.day))),
    )
    .orderBy('u.id')
    .execute();

  let sent = 0;
  for (const user of due) {
    try {
      await db.transaction().execute(async (trx) => {
        const claimed = await trx
          .insertInto('notification_digests')
          .values({ user_id: user.id, day: slot.day, sent_at: now, notifications: 0 })
          .onConflict((oc) => oc.doNothing())
          .returning('user_id')
          .executeTakeFirst();
        if (!claimed) throw new NothingToSend();
        const items = await trx
          .selectFrom('notifications')
          .select(['id', 'kind', 'title', 'path', 'data'])
          .where('user_id', '=', user.id)
          .where('emailed_at', 'is', null)
          .where('created_at', '>', slot.from)
          .where('created_at', '<=', slot.at)
          .orderBy('id', 'desc')
          .forUpdate()
          .execute();
        if (items.length === 0) throw new NothingToSend();
        const locale: Locale = user.locale === 'zh-CN' ? 'zh-CN' : 'en';
        const mail = composeDigestEmail(
          ctx,
          { email: user.email, displayName: user.display_name, locale },
          items.map((n) => ({ kind: n.kind, title: n.title, path: n.path, data: n.data ?? {} })),
        );
        try {
          await env.mailer.send(mail);
        } catch (error) {
          throw new MailFailure(String((error as Error)?.message ?? error).slice(0, 300));
        }
        await trx.updateTable('notifications').set({ emailed_at: now }).where('id', 'in', items.map((n) => n.id)).execute();
        await trx.updateTable('notification_digests').set({ notifications: items.length }).where('user_id', '=', user.id).where('day', '=', slot.day).execute();
      });
      sent++;
    } catch (error) {
      if (error instanceof NothingToSend) continue;
      if (!(error instanceof MailFailure)) throw error;
      // The mail server is most likely down for everyone: stop here, the next run tries again.
      return { day: slot.day, sent, error: error.message };
    }
  }
  return { day: slot.day, sent, error: null };
}
