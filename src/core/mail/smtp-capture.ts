import { SMTPServer } from 'smtp-server';

/** A message as the capture server received it: the SMTP envelope and the raw RFC 5322 text. */
export interface ReceivedMail {
  from: string | null;
  to: string[];
  raw: string;
  /** The user name the client authenticated with, if any. */
  user: string | null;
}

export interface SmtpCapture {
  port: number;
  /** `smtp://user:pass@127.0.0.1:<port>` for SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** While true, every message is refused with a temporary error (a mail server in trouble). */
  refuse: boolean;
  close(): Promise<void>;
}

/**
 * A local SMTP server that accepts every message and keeps it in memory, for tests and for trying
 * the SMTP path on a developer's machine: nothing leaves the machine. Plain text on 127.0.0.1 only;
 * it accepts any user name and password.
 */
export async function startSmtpCapture(options: { port?: number; onMail?: (mail: ReceivedMail) => void } = {}): Promise<SmtpCapture> {
  const received: ReceivedMail[] = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'anonymous' });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (state.refuse) {
          const error = new Error('Mail server is busy, try again later') as Error & { responseCode?: number };
          error.responseCode = 451;
          callback(error);
          return;
        }
        const mail: ReceivedMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          user: typeof session.user === 'string' ? session.user : null,
        };
        received.push(mail);
        options.onMail?.(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: `smtp://capture:capture@127.0.0.1:${port}`,
    received,
    get refuse() {
      return state.refuse;
    },
    set refuse(value: boolean) {
      state.refuse = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
