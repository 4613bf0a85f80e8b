import type {} from '@fastify/cookie';
import type {} from '@fastify/rate-limit';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Deps } from '../deps.js';
import type { Engine } from '../db/database.js';
import type { Catalog, Locale } from '../i18n/locale.js';
import type { Actor, UserActor } from '../permissions/actor.js';
import type { Decision } from '../permissions/policy.js';
import type { LoadedSession } from '../identity/sessions.js';
import { FailureError, fail } from '../errors.js';
import type { ResourceRegistry } from '../resources.js';

/** The Fastify instance every route file receives, typed by zod schemas. */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** What route files need besides the request: the operations' dependencies and the configuration. */
export interface AppContext {
  deps: Deps;
  config: Config;
  catalog: Catalog;
  engine: Engine;
  /** Every module's resource adapters, by resource type. */
  resources: ResourceRegistry;
}

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    session: LoadedSession | null;
    actor: Actor;
  }
}

/** The signed-in user acting on this request, or a 401. */
export function requireUser(req: FastifyRequest): UserActor {
  if (req.actor.kind !== 'user') throw new FailureError(fail('not_authenticated'));
  return req.actor;
}

/** Turns a policy decision into a 401/403 with the deny reason as the error code. */
export function authorize(decision: Decision): void {
  if (!decision.allow) throw new FailureError(fail(decision.reason));
}

/** A 404 for a resource that does not exist or that the actor may not know exists. */
export function notFound(): never {
  throw new FailureError(fail('not_found'));
}

/** The public address of the site (no trailing slash), for the absolute links feeds and calendars need. */
export function publicBaseUrl(config: Pick<Config, 'PUBLIC_URL'>, req: FastifyRequest): string {
  return (config.PUBLIC_URL ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');
}
