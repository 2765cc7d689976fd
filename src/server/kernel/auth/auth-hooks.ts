import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Permission } from '../../../contracts/common/permissions';
import { forbidden, ScopeDenial } from '../access/access';
import type { Actor } from '../access/actor';
import { recordAudit } from '../audit/audit';
import type { Db } from '../db/connection';
import { runInRowScope, setRowScope } from '../db/row-scope';
import { AppError } from '../http/errors';
import { loadSession, type SessionSettings } from './sessions';
import { createThrottledAudit, type ThrottledAudit } from './throttled-audit';

/** How a route is reached: by anyone, by any signed-in user, or with a permission. */
export type RouteAccess = 'public' | 'signedIn' | Permission;

declare module 'fastify' {
  // biome-ignore lint/style/useConsistentTypeDefinitions: declaration merging needs an interface
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  // biome-ignore lint/style/useConsistentTypeDefinitions: declaration merging needs an interface
  interface FastifyInstance {
    /** Every /api route with its access rule, as registered (the access-matrix test walks it). */
    apiRoutes: { method: string; url: string; access: RouteAccess | undefined }[];
    /** Failed sign-ins and access denials: audited, at most one row per key a minute. */
    securityAudit: ThrottledAudit;
  }
  // biome-ignore lint/style/useConsistentTypeDefinitions: declaration merging needs an interface
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string | null;
  }
}

export const SESSION_COOKIE = 'bbt_session';
export const SECURE_SESSION_COOKIE = '__Host-bbt_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const sessionTokenOf = (request: FastifyRequest) =>
  request.cookies[SECURE_SESSION_COOKIE] ?? request.cookies[SESSION_COOKIE] ?? null;

export const setSessionCookie = (request: FastifyRequest, reply: FastifyReply, token: string) => {
  const isSecure = request.protocol === 'https';
  reply.setCookie(isSecure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure,
  });
};

export const clearSessionCookie = (reply: FastifyReply) => {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(SECURE_SESSION_COOKIE, { path: '/', secure: true });
};

const sameToken = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Every /api route must declare its access rule; a route without one refuses to register, so no
 * route can skip authentication, permission or CSRF checks by omission.
 */
export const registerAuthHooks = (app: FastifyInstance, db: Db, settings: SessionSettings) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  const apiRoutes: FastifyInstance['apiRoutes'] = [];
  app.decorate('apiRoutes', apiRoutes);
  const securityAudit = createThrottledAudit({
    windowMs: 60_000,
    onError: (e) => app.log.error({ err: e }, 'security audit write failed'),
  });
  app.decorate('securityAudit', securityAudit);
  app.addHook('onClose', () => securityAudit.flush());

  app.addHook('onRoute', (route) => {
    const isApi = route.url.startsWith('/api/');
    const isDocs = route.url.startsWith('/api/docs') || route.url === '/api/openapi.json';
    if (isApi && !isDocs && !route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} declares no access rule (config.access)`);
    }
    if (isApi) {
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') apiRoutes.push({ method, url: route.url, access: route.config?.access });
      }
    }
  });

  registerDenialAudit(app, db);

  // Each request runs in its own row scope: empty (the system) until its session names the user's unit.
  app.addHook('onRequest', (_request, _reply, done) => runInRowScope(done));

  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    const token = sessionTokenOf(request);
    if (token) {
      const session = await loadSession(db, settings, token, request.ip);
      if (session.status === 'valid') {
        request.actor = session.actor;
        setRowScope(session.actor.orgPath);
        request.sessionId = session.sessionId;
        request.csrfToken = session.csrfToken;
      } else {
        clearSessionCookie(reply);
        if (access !== 'public')
          throw new AppError(session.status === 'expired' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
      }
    }
    if (access === 'public') return;
    if (!request.actor) throw new AppError('UNAUTHENTICATED');
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !request.csrfToken || !sameToken(header, request.csrfToken)) {
        throw new AppError('CSRF_FAILED');
      }
    }
    if (access !== 'signedIn' && !request.actor.permissions.has(access))
      throw forbidden(request.actor, access);
    reply.header('cache-control', 'no-store');
  });
};

/** 403s and the scope check's 404 for a unit outside the subtree (not a missing one). */
const isAccessDenial = (error: unknown): error is AppError =>
  error instanceof ScopeDenial ||
  (error instanceof AppError && (error.code === 'FORBIDDEN' || error.code === 'CSRF_FAILED'));

/**
 * Every access denial of a signed-in user is audited in her own unit's log (who tried which route),
 * at most one row per user and route a minute. Not awaited: the refusal must take as long as a
 * missing record's 404, or the audit write's time would tell a foreign id from a missing one.
 */
export const registerDenialAudit = (app: FastifyInstance, db: Db) => {
  app.addHook('onError', async (request, _reply, error) => {
    const actor = request.actor;
    if (!actor || !isAccessDenial(error)) return;
    const route = request.routeOptions.url ?? '';
    const facts = { method: request.method, route, status: error.status, code: error.code };
    void app.securityAudit
      .record(`denied|${actor.userId}|${request.method} ${route}`, (attempts) =>
        db.transaction((tx) =>
          recordAudit(tx, actor, {
            module: 'auth',
            action: 'accessDenied',
            entityType: 'route',
            entityLabel: `${request.method} ${route}`,
            orgUnitId: actor.orgUnitId,
            orgPath: actor.orgPath,
            after: { ...facts, attempts },
          }),
        ),
      )
      .catch((e) => request.log.error({ err: e }, 'access denial audit failed'));
  });
};

export const actorOf = (request: FastifyRequest): Actor => {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
};
