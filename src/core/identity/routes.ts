import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppContext } from '../http/context.js';
import { authorize, requireUser } from '../http/context.js';
import { orFail } from '../errors.js';
import { canCore } from '../policy.js';
import {
  dateSchema,
  displayNameSchema,
  emailNotificationsSchema,
  emailSchema,
  errorResponses,
  localeSchema,
  passwordSchema,
  sessionSchema,
} from '../http/schemas.js';
import { SESSION_COOKIE, createSession, deleteSession, deleteUserSessions } from './sessions.js';
import { signUp } from './sign-up.js';
import { signIn } from './sign-in.js';
import { changePassword } from './change-password.js';
import { updateProfile } from './update-profile.js';
import { verifyResidency } from './verify-residency.js';
import { startAssisting, stopAssisting } from './assist.js';
import { readSession } from './read-session.js';

/** Sign-up, sign-in, sessions, profile, residency verification and staff-assisted participation. */
export function identityRoutes(app: App, ctx: AppContext): void {
  const { deps, config } = ctx;
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.PUBLIC_URL?.startsWith('https://') ?? false,
    maxAge: config.SESSION_TTL_HOURS * 3600,
  };

  async function startSession(reply: FastifyReply, userId: string) {
    const session = await createSession(deps.db, userId, deps.clock.now(), config.SESSION_TTL_HOURS);
    reply.setCookie(SESSION_COOKIE, session.token, cookieOptions);
    return session;
  }

  /** The session as the client sees it, read fresh after any change. */
  function present(req: FastifyRequest) {
    return readSession(deps.db, req.session ? { userId: req.session.userId, csrfToken: req.session.csrfToken, sessionId: req.session.id } : null);
  }

  app.get('/api/v1/session', {
    schema: { tags: ['identity'], summary: 'The current session: who is signed in, their roles, memberships and posts, and the CSRF token', response: { 200: sessionSchema } },
  }, async (req) => present(req));

  app.post('/api/v1/auth/signup', {
    schema: {
      tags: ['identity'],
      summary: 'Create an account and sign in',
      body: z.strictObject({ email: emailSchema, password: passwordSchema, displayName: displayNameSchema, locale: localeSchema.default('en') }),
      response: { 201: sessionSchema, ...errorResponses(400, 409, 429) },
    },
    config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const { userId } = orFail(await signUp(deps, req.body));
    const session = await startSession(reply, userId);
    reply.status(201);
    return readSession(deps.db, { userId, csrfToken: session.csrfToken, sessionId: null });
  });

  app.post('/api/v1/auth/login', {
    schema: {
      tags: ['identity'],
      summary: 'Sign in with e-mail and password (locks the account after repeated failures)',
      body: z.strictObject({ email: z.string().min(1).max(254), password: z.string().min(1).max(1024) }),
      response: { 200: sessionSchema, ...errorResponses(400, 401, 403, 423, 429) },
    },
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const { userId } = orFail(
      await signIn(deps, req.body, { maxFailures: config.LOGIN_MAX_FAILURES, lockMinutes: config.LOGIN_LOCK_MINUTES }),
    );
    if (req.session) await deleteSession(deps.db, req.session.id);
    const session = await startSession(reply, userId);
    return readSession(deps.db, { userId, csrfToken: session.csrfToken, sessionId: null });
  });

  app.post('/api/v1/auth/logout', {
    schema: { tags: ['identity'], summary: 'Sign out of this session', response: { 204: z.null() } },
  }, async (req, reply) => {
    if (req.session) await deleteSession(deps.db, req.session.id);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.post('/api/v1/auth/logout-everywhere', {
    schema: { tags: ['identity'], summary: 'Sign out of every session of this account', response: { 204: z.null(), ...errorResponses(401) } },
  }, async (req, reply) => {
    requireUser(req);
    await deleteUserSessions(deps.db, req.session!.userId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.post('/api/v1/auth/password', {
    schema: {
      tags: ['identity'],
      summary: 'Change the password; every other session is signed out',
      body: z.strictObject({ currentPassword: z.string().min(1).max(1024), newPassword: passwordSchema }),
      response: { 204: z.null(), ...errorResponses(400, 401) },
    },
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    requireUser(req);
    const self = req.session!.user;
    orFail(await changePassword(deps, self, { ...req.body, keepSessionId: req.session!.id }));
    return reply.status(204).send(null);
  });

  app.patch('/api/v1/me', {
    schema: {
      tags: ['identity'],
      summary: 'Update display name, language or how notification e-mails come (immediate, daily digest, off)',
      body: z.strictObject({ displayName: displayNameSchema.optional(), locale: localeSchema.optional(), emailNotifications: emailNotificationsSchema.optional() }),
      response: { 200: sessionSchema, ...errorResponses(400, 401) },
    },
  }, async (req) => {
    requireUser(req);
    authorize(canCore(req.actor, 'profile.update', null));
    orFail(await updateProfile(deps, req.session!.user, req.body));
    return present(req);
  });

  app.post('/api/v1/me/verification', {
    schema: {
      tags: ['identity'],
      summary: 'Verify residency against the census with a document number and birth date',
      body: z.strictObject({ documentNumber: z.string().trim().min(3).max(64), birthDate: dateSchema }),
      response: {
        200: z.object({ verified: z.literal(true), area: z.object({ id: z.string(), slug: z.string(), name: z.string(), nameZh: z.string().nullable() }) }),
        ...errorResponses(400, 401, 409, 429),
      },
    },
    config: { rateLimit: { max: 10, timeWindow: '15 minutes' } },
  }, async (req) => {
    const actor = requireUser(req);
    authorize(canCore(actor, 'residency.verify', null));
    const { areaId } = orFail(await verifyResidency(deps, actor, req.body));
    const area = await deps.db.selectFrom('areas').select(['id', 'slug', 'name', 'name_zh']).where('id', '=', areaId).executeTakeFirstOrThrow();
    return { verified: true as const, area: { id: area.id, slug: area.slug, name: area.name, nameZh: area.name_zh } };
  });

  app.post('/api/v1/assist', {
    schema: {
      tags: ['identity'],
      summary: 'Staff-assisted participation: a clerk starts acting for a resident present in person',
      body: z.strictObject({ email: emailSchema }),
      response: { 200: sessionSchema, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req) => {
    requireUser(req);
    const clerk = req.session!.user;
    authorize(canCore(clerk, 'resident.assist', null));
    orFail(await startAssisting(deps, clerk, { sessionId: req.session!.id, email: req.body.email }));
    return present(req);
  });

  app.delete('/api/v1/assist', {
    schema: { tags: ['identity'], summary: 'Stop acting for a resident', response: { 204: z.null(), ...errorResponses(401, 403) } },
  }, async (req, reply) => {
    requireUser(req);
    const clerk = req.session!.user;
    authorize(canCore(clerk, 'resident.assist', null));
    orFail(await stopAssisting(deps, clerk, { sessionId: req.session!.id }));
    return reply.status(204).send(null);
  });
}
