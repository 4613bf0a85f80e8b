/**
 * Typed errors of the counting library. The library is pure and synchronous, so it throws these;
 * callers that prefer values use `tryTally` / `tryParsePabulib`, which turn them into `Result`s.
 */

export type CountingErrorCode = 'ordinal_not_supported' | 'unknown_rule' | 'invalid_params' | 'invalid_election';

/** A counting rule cannot run on this election or with these parameters. */
export class CountingError extends Error {
  override readonly name = 'CountingError';
  constructor(
    readonly code: CountingErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

/** A Pabulib file that cannot be read; `line` is 1-based (0 when the problem is the file as a whole). */
export class PabulibError extends Error {
  override readonly name = 'PabulibError';
  readonly code = 'pabulib_malformed' as const;
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(line > 0 ? `line ${line}: ${reason}` : reason);
  }
}
