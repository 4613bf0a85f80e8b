/**
 * The one HTTP client of the web app: a small fetch wrapper for /api/v1 that sends the current
 * language (so server messages come back in it), JSON bodies, the session cookie and the CSRF
 * token, and turns every failure into a typed ApiError the pages can show next to the right inputs.
 */
import i18n from './i18n/index.js';
import type { Session } from './api-types.js';

/** One problem with one input, as the server reports it (`path` is the input's name, dotted). */
export interface FieldProblem {
  path: string;
  code: string;
  message: string;
}

/** A failed request: the server's stable code and message in the user's language, per-field problems. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldProblem[];

  constructor(status: number, code: string, message: string, fields: FieldProblem[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }

  /** The message for one input, if the server flagged it. */
  fieldMessage(path: string): string | undefined {
    return this.fields.find((field) => field.path === path)?.message;
  }
}

/** Query-string values; null, undefined and '' are left out. */
export type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Send `body` as-is with this content type instead of JSON. */
  contentType?: string;
}

const base = '/api/v1';
let csrfToken: string | null = null;
let sessionListener: ((session: Session) => void) | null = null;

/** The session provider hands over the CSRF token of the current session (null when signed out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Lets the session provider learn about a session the client had to re-read (after a CSRF retry). */
export function onSessionReloaded(listener: ((session: Session) => void) | null): void {
  sessionListener = listener;
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === null || value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${base}${path}${search ? `?${search}` : ''}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function toApiError(status: number, payload: unknown): ApiError {
  const error = isRecord(payload) && isRecord(payload.error) ? payload.error : null;
  if (!error) {
    return new ApiError(status, `http_${status}`, i18n.t('errors.http', { status }));
  }
  const fields: FieldProblem[] = Array.isArray(error.fields)
    ? error.fields.filter(isRecord).map((field) => ({
        path: String(field.path ?? ''),
        code: String(field.code ?? ''),
        message: String(field.message ?? field.code ?? ''),
      }))
    : [];
  const code = typeof error.code === 'string' ? error.code : `http_${status}`;
  const message = typeof error.message === 'string' ? error.message : i18n.t('errors.http', { status });
  return new ApiError(status, code, message, fields);
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language || 'en',
  };
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    if (options.contentType) {
      headers['Content-Type'] = options.contentType;
      body = options.body as BodyInit;
    } else {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network_error', i18n.t('errors.network'));
  }
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** Re-reads the session after the server refused a stale CSRF token; returns whether a new token came. */
async function renewCsrfToken(): Promise<boolean> {
  const response = await send('GET', '/session', {});
  if (!response.ok) return false;
  const session = (await readBody(response)) as Session | undefined;
  if (!session) return false;
  const renewed = session.csrfToken !== csrfToken && session.csrfToken !== null;
  csrfToken = session.csrfToken;
  sessionListener?.(session);
  return renewed;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(method, path, options);
  let payload = await readBody(response);
  if (response.status === 403 && method !== 'GET' && toApiError(403, payload).code === 'csrf_failed') {
    if (await renewCsrfToken()) {
      response = await send(method, path, options);
      payload = await readBody(response);
    }
  }
  if (!response.ok) throw toApiError(response.status, payload);
  return payload as T;
}

/** Calls to /api/v1; every method resolves with the parsed JSON body (undefined for 204). */
export const api = {
  get: <T>(path: string, query?: Query): Promise<T> => request<T>('GET', path, { query }),
  post: <T = void>(path: string, body?: unknown, query?: Query): Promise<T> =>
    request<T>('POST', path, { body: body ?? {}, query }),
  put: <T = void>(path: string, body?: unknown): Promise<T> => request<T>('PUT', path, { body: body ?? {} }),
  patch: <T = void>(path: string, body?: unknown): Promise<T> => request<T>('PATCH', path, { body: body ?? {} }),
  delete: <T = void>(path: string): Promise<T> => request<T>('DELETE', path),
  /** Uploads a file as raw bytes (the server recognises its type from the content). */
  upload: <T>(path: string, file: Blob, query?: Query): Promise<T> =>
    request<T>('POST', path, { body: file, contentType: 'application/octet-stream', query }),
  /** POST a text body (the census CSV) with its own content type. */
  postText: <T>(path: string, text: string, contentType: string, query?: Query): Promise<T> =>
    request<T>('POST', path, { body: text, contentType, query }),
};

/** Wraps anything thrown into an ApiError, so pages handle one error type. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'client_error', error instanceof Error ? error.message : String(error));
}
