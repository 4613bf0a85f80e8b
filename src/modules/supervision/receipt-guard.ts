/**
 * Throttling of receipt lookups, in memory only (never written anywhere, so it records nobody):
 * - per client: at most `perClient` failed tries in a window; after each failure the next try from
 *   that client waits longer (progressive delay, doubling up to `maxDelayMs`);
 * - globally: at most `global` failed tries in a window from everyone together, so a botnet with
 *   many addresses cannot enumerate receipts either.
 * A client is known only by an HMAC of its address under a random key made at start-up, so even a
 * memory dump does not hold addresses. Per process: several processes each keep their own count.
 */
import { createHmac, randomBytes } from 'node:crypto';

export interface ReceiptGuardOptions {
  perClient: number;
  global: number;
  windowMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_GUARD: ReceiptGuardOptions = { perClient: 10, global: 200, windowMs: 15 * 60_000, baseDelayMs: 250, maxDelayMs: 5_000 };

/**
 * The options each new app's guard starts with. Tests lower the delays here (before building the
 * platform) so a test of ten wrong receipts does not take half a minute; nothing else changes them.
 */
export const receiptGuardSettings: { options: ReceiptGuardOptions } = { options: DEFAULT_GUARD };

interface Failures {
  count: number;
  windowStart: number;
}

export class ReceiptGuard {
  private readonly key = randomBytes(32);
  private readonly clients = new Map<string, Failures>();
  private global: Failures = { count: 0, windowStart: 0 };

  constructor(
    private readonly options: ReceiptGuardOptions = DEFAULT_GUARD,
    private readonly now: () => number = () => Date.now(),
  ) {}

  private clientKey(address: string): string {
    return createHmac('sha256', this.key).update(address).digest('base64url').slice(0, 22);
  }

  private current(entry: Failures | undefined, t: number): Failures {
    return !entry || t - entry.windowStart >= this.options.windowMs ? { count: 0, windowStart: t } : entry;
  }

  /** Null when the client may try now; otherwise the seconds to wait. */
  refusal(address: string): number | null {
    const t = this.now();
    this.global = this.current(this.global, t);
    const client = this.current(this.clients.get(this.clientKey(address)), t);
    const blocked = [client, this.global].filter((f, i) => f.count >= (i === 0 ? this.options.perClient : this.options.global));
    if (blocked.length === 0) return null;
    return Math.max(1, Math.ceil(Math.max(...blocked.map((f) => f.windowStart + this.options.windowMs - t)) / 1000));
  }

  /** How long to hold this client's try before answering (grows with its failures). */
  delayMs(address: string): number {
    const client = this.current(this.clients.get(this.clientKey(address)), this.now());
    if (client.count === 0) return 0;
    return Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (client.count - 1));
  }

  recordFailure(address: string): void {
    const t = this.now();
    const key = this.clientKey(address);
    const client = this.current(this.clients.get(key), t);
    client.count++;
    this.clients.set(key, client);
    this.global = this.current(this.global, t);
    this.global.count++;
    if (this.clients.size > 100_000) this.prune(t);
  }

  /** A success clears the client's failures (a reporter who mistyped once is not slowed for ever). */
  recordSuccess(address: string): void {
    this.clients.delete(this.clientKey(address));
  }

  private prune(t: number): void {
    for (const [key, entry] of this.clients) if (t - entry.windowStart >= this.options.windowMs) this.clients.delete(key);
  }
}
