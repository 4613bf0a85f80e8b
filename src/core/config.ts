import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every setting the server reads from the environment, validated once at start-up. */
const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('localhost'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** When set, the server uses this PostgreSQL server instead of the embedded PGlite database. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** Directory of the embedded database (PGlite). */
  DATA_DIR: z.string().min(1).default('./data'),
  /** Seed the demo municipality: "auto" seeds an empty database once. */
  SEED_DEMO: z.enum(['auto', 'true', 'false']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Public address of the site, used for cookie security and origin checks. */
  PUBLIC_URL: z.string().url().optional(),
  TRUST_PROXY: bool.default(false),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 365).default(24 * 14),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(10),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** Requests per minute per client address across the API. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Serve the built web app from dist/web (off for API-only deployments and tests). */
  SERVE_WEB: bool.default(true),
  /** Outgoing mail server, e.g. smtp://user:pass@mail.example.org:587; unset: e-mails are captured in DATA_DIR/mail-outbox.jsonl. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]+/, 'must look like smtp://user:pass@host:587 or smtps://host:465')
    .optional(),
  /** Sender of notification e-mails. */
  MAIL_FROM: z.string().trim().min(3).max(320).default('Civitas <no-reply@localhost>'),
  /** Local hour (installation time zone) after which the daily notification digest is sent. */
  /**
   * For automated browser tests and demonstrations of deadlines only: the server's clock can be moved
   * ahead with POST /__test/clock (which then runs the periodic jobs). Refused with an https PUBLIC_URL.
   */
  TEST_CLOCK: bool.default(false),
  /** Largest file people may attach, in megabytes. */
  ATTACHMENT_MAX_MB: z.coerce.number().int().min(1).max(100).default(10),
  /** Where attachments' bytes are kept: in the database (one backup holds everything) or as files in ATTACHMENT_DIR. */
  ATTACHMENT_STORAGE: z.enum(['database', 'disk']).default('database'),
  /** Directory of attachment files when ATTACHMENT_STORAGE=disk (default: DATA_DIR/files). */
  ATTACHMENT_DIR: z.string().min(1).optional(),
  NOTIFICATION_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8),
});

export type Config = z.infer<typeof configSchema>;

/** A value as it may appear in a message: passwords inside URLs are masked. */
function redact(value: string): string {
  return value.replace(/(\/\/[^:/@\s]*:)[^@\s]*@/g, '$1***@');
}

/** Thrown when the environment is invalid; the message names every bad variable. */
export class ConfigError extends Error {}

/** Builds the configuration from environment variables, failing fast with a message that names the bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') relevant[key] = value;
  }
  const parsed = configSchema.safeParse(relevant);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '?');
      return `  ${name}=${JSON.stringify(redact(relevant[name] ?? ''))}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (parsed.data.TEST_CLOCK && parsed.data.PUBLIC_URL?.startsWith('https://')) {
    throw new ConfigError('Invalid configuration:\n  TEST_CLOCK="true": a movable clock is for tests only and cannot run on a public https site');
  }
  return parsed.data;
}
