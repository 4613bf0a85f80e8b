import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Catalog, Locale } from '../i18n/locale.js';
import { FailureError, type Failure, type FieldError } from '../errors.js';
import { RequestValidationError, fieldErrorsOf } from './validation.js';

export interface ErrorBody {
  error: { code: string; message: string; fields?: { path: string; code: string; message: string }[] };
}

/** Connection-level failures of the database: the request failed cleanly and can be retried. */
const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300', '08000', '08003', '08006']);

/** Renders a failure in the request's language. */
export function renderFailure(catalog: Catalog, locale: Locale, failure: Failure): ErrorBody {
  const fields = failure.fields?.map((f: FieldError) => ({
    path: f.path,
    code: f.code,
    message: f.message ?? catalog.t(locale, catalog.has(f.code) ? f.code : `error.${f.code}`, f.params),
  }));
  return {
    error: {
      code: failure.code,
      message: catalog.t(locale, `error.${failure.code}`, failure.params),
      ...(fields && fields.length > 0 ? { fields } : {}),
    },
  };
}

/**
 * The one place where failures become HTTP responses: expected failures by their code's status,
 * bad input as 400 with field errors, Fastify's own client errors by their meaning, a lost
 * database as 503, and anything else as a logged 500 that reveals nothing.
 */
export function createErrorHandler(catalog: Catalog, statusOf: (code: string) => number) {
  return function handleError(error: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
    const locale = req.locale ?? 'en';
    const send = (status: number, failure: Failure) => reply.status(status).send(renderFailure(catalog, locale, failure));
    if (error instanceof FailureError) return send(statusOf(error.failure.code), error.failure);
    if (error instanceof RequestValidationError) {
      return send(400, { ok: false, code: 'validation_failed', fields: fieldErrorsOf(error.issues) });
    }
    const fastifyError = error as FastifyError;
    const code = fastifyError.code;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(413, { ok: false, code: 'payload_too_large' });
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(415, { ok: false, code: 'unsupported_media_type' });
    if (code && UNAVAILABLE.has(code)) {
      req.log.warn({ code }, 'database unavailable');
      reply.header('retry-after', '5');
      return send(503, { ok: false, code: 'service_unavailable' });
    }
    const status = fastifyError.statusCode;
    if (status && status >= 400 && status < 500) {
      if (status === 404) return send(404, { ok: false, code: 'route_not_found' });
      if (status === 413) return send(413, { ok: false, code: 'payload_too_large' });
      if (status === 415) return send(415, { ok: false, code: 'unsupported_media_type' });
      if (status === 429) return send(429, { ok: false, code: 'rate_limited', params: { seconds: 60 } });
      return send(400, { ok: false, code: 'malformed_request' });
    }
    if (/Connection terminated|connect ECONNREFUSED|Client has encountered a connection error|timeout exceeded when trying to connect/.test(error.message)) {
      req.log.warn('database unavailable');
      reply.header('retry-after', '5');
      return send(503, { ok: false, code: 'service_unavailable' });
    }
    req.log.error({ err: error }, 'unexpected error');
    return send(500, { ok: false, code: 'internal_error' });
  };
}
