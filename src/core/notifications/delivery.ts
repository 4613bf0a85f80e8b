import { loadConfig, type Config } from '../config.js';
import { Catalog } from '../i18n/locale.js';
import { coreMessages } from '../i18n/messages.js';
import { createMailer, type Mailer } from '../mail/mailer.js';
import { notificationMessages } from './messages.js';

/** What the e-mail jobs need besides the database and the clock. */
export interface DeliveryEnvironment {
  mailer: Mailer;
  /** Every module's messages, so modules' notification kinds read well in e-mails too. */
  catalog: Catalog;
  /** The site's public address (no trailing slash), for links in e-mails. */
  baseUrl: string;
  /** Local hour after which the daily digest goes out. */
  digestHour: number;
}

/** The environment built from the configuration and the platform's message catalog. */
export function deliveryEnvironmentFrom(config: Config, catalog: Catalog): DeliveryEnvironment {
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  const baseUrl = (config.PUBLIC_URL ?? `http://${host}:${config.PORT}`).replace(/\/+$/, '');
  return { mailer: createMailer(config), catalog, baseUrl, digestHour: config.NOTIFICATION_DIGEST_HOUR };
}

let current: DeliveryEnvironment | null = null;

/**
 * The process's delivery environment. Jobs receive only `{ db, clock }`, so the server sets this
 * when it registers the notification routes (with the full catalog and the configuration); a
 * process that runs jobs without the HTTP app falls back to the environment variables and the
 * core's messages.
 */
export function deliveryEnvironment(): DeliveryEnvironment {
  current ??= deliveryEnvironmentFrom(loadConfig(process.env), new Catalog([coreMessages, notificationMessages]));
  return current;
}

/** Sets the delivery environment (the server, when it registers the notification routes). */
export function setNotificationDelivery(environment: DeliveryEnvironment): void {
  current = environment;
}

/** Replaces parts of the delivery environment (tests swap the mailer or the digest hour). */
export function configureNotificationDelivery(changes: Partial<DeliveryEnvironment>): DeliveryEnvironment {
  current = { ...deliveryEnvironment(), ...changes };
  return current;
}
