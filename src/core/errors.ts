/**
 * Expected failures are values, not exceptions: operations return `Result<T>`, and the HTTP layer
 * maps each stable code to a status and to a message in the user's language (the code is the i18n key).
 */

/** One problem with one input field; `path` is dotted (`address.street`, `items.2`). */
export interface FieldError {
  path: string;
  code: string;
  message?: string;
  params?: Record<string, string | number>;
}

export interface Failure<C extends string = string> {
  ok: false;
  code: C;
  params?: Record<string, string | number>;
  fields?: FieldError[];
}

export interface Success<T> {
  ok: true;
  value: T;
}

export type Result<T, C extends string = string> = Success<T> | Failure<C>;

export function ok<T>(value: T): Success<T> {
  return { ok: true, value };
}

export function fail<C extends string>(
  code: C,
  extra: { params?: Record<string, string | number>; fields?: FieldError[] } = {},
): Failure<C> {
  return { ok: false, code, ...extra };
}

/** HTTP status of every error code the core returns. Modules add their own maps. */
export const coreErrorStatus = {
  validation_failed: 400,
  malformed_request: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  not_authenticated: 401,
  csrf_failed: 403,
  forbidden: 403,
  requires_verification: 403,
  requires_role: 403,
  not_a_member: 403,
  not_a_representative: 403,
  not_an_official: 403,
  cannot_act_for_self: 400,
  not_found: 404,
  route_not_found: 404,
  method_not_allowed: 405,
  rate_limited: 429,
  email_taken: 409,
  invalid_credentials: 401,
  account_locked: 423,
  account_blocked: 403,
  current_password_wrong: 400,
  census_no_match: 400,
  census_entry_used: 409,
  already_verified: 409,
  census_file_invalid: 400,
  slug_taken: 409,
  organization_not_pending: 409,
  organization_not_verified: 409,
  already_member: 409,
  last_representative: 409,
  area_has_children: 409,
  area_in_use: 409,
  parent_invalid: 400,
  post_taken: 409,
  last_administrator: 409,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type CoreErrorCode = keyof typeof coreErrorStatus;

/**
 * Carries a Failure through the HTTP layer's error handler. Routes use `orFail(result)`; operations
 * never throw it.
 */
export class FailureError extends Error {
  constructor(readonly failure: Failure) {
    super(failure.code);
  }
}

/** Unwraps a result in a route, handing a failure to the error handler. */
export function orFail<T>(result: Result<T>): T {
  if (!result.ok) throw new FailureError(result);
  return result.value;
}
