import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { smtpMailer } from './smtp-mailer.js';

/** One e-mail, already written in the recipient's language. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * Sends e-mail. Implementations: SMTP through nodemailer (production), a JSON-lines file
 * (development and the demo, when no SMTP server is configured) and memory (tests).
 * `send` rejects when the mail could not be handed over; callers retry later.
 */
export interface Mailer {
  readonly kind: 'smtp' | 'file' | 'memory';
  send(mail: Mail): Promise<void>;
  /** Releases connections (SMTP); optional. */
  close?(): Promise<void>;
}

/** A mail as a capture keeps it. */
export interface CapturedMail extends Mail {
  at: string;
}

/** Keeps mails in memory; what tests read (`sent`) and how they simulate a mail server that is down (`failWith`). */
export class MemoryMailer implements Mailer {
  readonly kind = 'memory' as const;
  readonly sent: CapturedMail[] = [];
  /** When set, every send rejects with this error (a mail server that is down). */
  failWith: Error | null = null;

  async send(mail: Mail): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.sent.push({ ...mail, at: new Date().toISOString() });
  }

  /** Mails sent to one address. */
  to(address: string): CapturedMail[] {
    return this.sent.filter((m) => m.to === address);
  }

  clear(): void {
    this.sent.length = 0;
  }
}

/**
 * Appends each mail as one JSON line to a file instead of sending it, so a development or demo
 * installation without a mail server never sends real e-mail and its mails can still be read.
 */
export class FileMailer implements Mailer {
  readonly kind = 'file' as const;
  constructor(readonly file: string) {}

  async send(mail: Mail): Promise<void> {
    await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
    const line: CapturedMail = { at: new Date().toISOString(), ...mail };
    await fs.promises.appendFile(this.file, `${JSON.stringify(line)}\n`, 'utf8');
  }
}

/** Where the development capture writes: `DATA_DIR/mail-outbox.jsonl`. */
export function captureFile(config: Pick<Config, 'DATA_DIR'>): string {
  return path.resolve(config.DATA_DIR, 'mail-outbox.jsonl');
}

/**
 * The mailer the configuration asks for: SMTP when SMTP_URL is set; otherwise a capture (memory
 * in tests, the JSON-lines file in development and the demo), so no e-mail leaves the machine.
 */
export function createMailer(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'NODE_ENV' | 'DATA_DIR'>): Mailer {
  if (config.SMTP_URL) return smtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM });
  if (config.NODE_ENV === 'test') return new MemoryMailer();
  return new FileMailer(captureFile(config));
}
