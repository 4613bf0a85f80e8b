import { createTransport } from 'nodemailer';
import type { Mail, Mailer } from './mailer.js';

export interface SmtpOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://host:465` (TLS from the start). */
  url: string;
  /** The sender, e.g. `Civitas <no-reply@city.example>`. */
  from: string;
}

/**
 * Sends mail through an SMTP server with nodemailer. Timeouts are short, so a mail server that
 * hangs makes the delivery job fail and retry later instead of holding it for minutes.
 */
export function smtpMailer(options: SmtpOptions): Mailer {
  const transport = createTransport(
    { url: options.url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
    { from: options.from },
  );
  return {
    kind: 'smtp',
    async send(mail: Mail) {
      await transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    },
    async close() {
      transport.close();
    },
  };
}
