import { createLiveHub, type LiveHub } from '../core/live/hub.js';
import fs from 'node:fs';
import { timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import Fastify, { type FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, jsonSchemaTransform } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Config } from '../core/config.js';
import type { DatabaseHandle } from '../core/db/database.js';
import type { Clock } from '../core/clock.js';
import type { ModuleManifest } from '../core/module.js';
import type { ResourceAdapter } from '../core/resources.js';
import type { App, AppContext } from '../core/http/context.js';
import { Catalog, negotiateLocale } from '../core/i18n/locale.js';
import { FailureError, fail } from '../core/errors.js';
import { createErrorHandler, renderFailure } from '../core/http/errors.js';
import { zodValidatorCompiler } from '../core/http/validation.js';
import { SESSION_COOKIE, loadSession } from '../core/identity/sessions.js';
import { visitor } from '../core/permissions/actor.js';
import { demoRoutes } from './demo-routes.js';
import { attachmentStoreFor, type AttachmentStore } from '../core/attachments/store.js';

export interface BuildAppOptions {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  modules: ModuleManifest[];
  /** Directory of the built web app; served when it exists and SERVE_WEB is on. */
  webDir?: string;
  logger?: boolean;
  /** Where log lines go (standard output when not given); tests capture them here. */
  logStream?: NodeJS.WritableStream;
  /** The live-update hub shared with the job scheduler (a new one when not given). */
  live?: LiveHub;
  /** Where attachments' bytes are kept (from the configuration when not given). */
  files?: AttachmentStore;
  /** TEST_CLOCK: moves the clock ahead and runs the jobs, through POST /__test/clock (never in the API document). */
  testClock?: { advance(ms: number): void; runJobs(): Promise<void> };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Composes the HTTP server: security plugins, session and language per request, every module's routes, the web app. */
export async function buildApp(options: BuildAppOptions): Promise<App> {
  const { config, database, clock, modules } = options;
  const catalog = new Catalog(modules.map((m) => m.messages));
  const status = new Map<string, number>();
  for (const m of modules) for (const [code, s] of Object.entries(m.errorStatus)) status.set(code, s);
  const statusOf = (code: string) => status.get(code) ?? 400;

  const app = Fastify({
    logger:
      options.logger === false || config.LOG_LEVEL === 'silent'
        ? false
        : {
            level: config.LOG_LEVEL,
            ...(options.logStream ? { stream: options.logStream } : {}),
            // Method, path and status only: no query strings, addresses, cookies or bodies (personal data stays out of logs).
            serializers: {
              req: (req: FastifyRequest) => ({ method: req.method, path: req.url.split('?')[0], id: req.id }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
    bodyLimit: 1024 * 1024,
    trustProxy: config.TRUST_PROXY,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>() as unknown as App;

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(createErrorHandler(catalog, statusOf));

  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: 50 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.decorateRequest('locale', 'en');
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null as never);

  const deps = { db: database.db, clock, live: options.live ?? createLiveHub(), files: options.files ?? attachmentStoreFor(config), modules };
  const publicOrigin = config.PUBLIC_URL ? new URL(config.PUBLIC_URL).origin : null;

  app.addHook('onRequest', async (req) => {
    req.locale = negotiateLocale(req.headers['accept-language']);
    req.actor = visitor;
    req.session = null;
    if (!req.url.startsWith('/api/')) return;
    const token = parseCookie(req.headers.cookie, SESSION_COOKIE);
    if (token) {
      req.session = await loadSession(deps, token, config.SESSION_TTL_HOURS);
      if (req.session) req.actor = req.session.actor;
    }
    if (SAFE_METHODS.has(req.method)) return;
    if (req.session) {
      // Cookie-authenticated writes must echo the session's CSRF token.
      if (!sameSecret(req.headers['x-csrf-token'], req.session.csrfToken)) throw new FailureError(fail('csrf_failed'));
    } else {
      // Without a session (sign-up, sign-in), a browser's cross-site form post is refused by its Origin.
      const origin = req.headers.origin;
      if (origin && origin !== 'null' && origin !== (publicOrigin ?? `${req.protocol}://${req.headers.host}`)) {
        throw new FailureError(fail('csrf_failed'));
      }
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    // The API is same-origin only; browsers may still load images cross-origin.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    hsts: config.PUBLIC_URL?.startsWith('https://') ? undefined : false,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    max: config.RATE_LIMIT_PER_MINUTE,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req, context) =>
      new FailureError(fail('rate_limited', { params: { seconds: Math.max(1, Math.ceil(context.ttl / 1000)) } })),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Civitas API',
        version: '1',
        description:
          'Participatory local governance. Errors are `{ error: { code, message, fields? } }` with stable codes and messages in the language of `Accept-Language` (en or zh-CN). Signed-in writes need the `x-csrf-token` header from `GET /api/v1/session`.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // The docs page gets the same same-origin-only policy as the rest of the site.
    transformStaticCSP: (header) => header.replace(/ https:/g, '').replace(/ validator\.swagger\.io/g, '').replace(/\s*upgrade-insecure-requests;?/g, '').replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
    uiConfig: { docExpansion: 'list', validatorUrl: null },
  });

  const ctx: AppContext = { deps, config, catalog, engine: database.engine, resources: resourceRegistry(modules) };

  if (options.testClock) {
    const testClock = options.testClock;
    app.post('/__test/clock', {
      schema: { hide: true, body: z.strictObject({ advanceMs: z.number().int().min(0).max(400 * 86_400_000) }) },
      config: { rateLimit: false },
    }, async (req) => {
      testClock.advance(req.body.advanceMs);
      await testClock.runJobs();
      return { now: clock.now().toISOString() };
    });
  }

  app.get('/health', {
    schema: { tags: ['platform'], summary: 'Liveness and database check', response: { 200: z.object({ status: z.literal('ok'), database: z.literal('ok'), engine: z.string() }) } },
    config: { rateLimit: false },
  }, async () => {
    await sql`select 1`.execute(database.db);
    return { status: 'ok' as const, database: 'ok' as const, engine: database.engine };
  });

  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const module of modules) module.routes(app, ctx);
  demoRoutes(app, ctx);

  const webDir = options.webDir ?? path.resolve('dist/web');
  const serveWeb = config.SERVE_WEB && fs.existsSync(path.join(webDir, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      wildcard: false,
      index: false,
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }

  app.setNotFoundHandler(async (req, reply) => {
    // Missing files of the built app (an old page asking for assets of an earlier build) are a 404, not the app shell.
    const isApi = req.url.startsWith('/api/') || req.url === '/api' || req.url.startsWith('/health') || req.url.startsWith('/assets/');
    if (!isApi && serveWeb && (req.method === 'GET' || req.method === 'HEAD')) {
      reply.header('cache-control', 'no-cache');
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send(renderFailure(catalog, req.locale ?? 'en', fail('route_not_found')));
  });

  return app;
}

/** Constant-time comparison of a presented token with the expected one. */
function sameSecret(presented: string | string[] | undefined, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The resource adapters of all modules; a type declared twice is a programming error. */
export function resourceRegistry(modules: ModuleManifest[]): Map<string, ResourceAdapter> {
  const registry = new Map<string, ResourceAdapter>();
  for (const m of modules) {
    for (const [type, adapter] of Object.entries(m.resources ?? {})) {
      if (registry.has(type)) throw new Error(`resource type ${type} is declared twice (${m.name})`);
      registry.set(type, {
        ...adapter,
        // An id of the wrong form (not a uuid where the table has uuids) names nothing: not found, never a 500.
        describe: (db, id, actor, now) =>
          adapter.describe(db, id, actor, now).catch((error: { code?: string }) => {
            if (error?.code === '22P02') return null;
            throw error;
          }),
      });
    }
  }
  return registry;
}

function parseCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}
