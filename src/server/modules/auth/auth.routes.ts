import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { changePasswordInputSchema, loginInputSchema, meSchema } from '../../../contracts/auth';
import { okSchema } from '../../../contracts/common/paging';
import type { Actor } from '../../kernel/access/actor';
import { recordAudit } from '../../kernel/audit/audit';
import { actorOf, clearSessionCookie, setSessionCookie } from '../../kernel/auth/auth-hooks';
import type { SessionSettings } from '../../kernel/auth/sessions';
import { loadSession } from '../../kernel/auth/sessions';
import { AppError } from '../../kernel/http/errors';
import {
  changeOwnPassword,
  LOCKOUT_MS,
  login,
  logout,
  MAX_FAILED_LOGINS,
  sessionUserOf,
  WrongCurrentPassword,
} from './auth.service';
import { createFailureWindow } from './failure-window';

const tags = ['auth'];

export const authRoutes = (settings: SessionSettings) => async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/auth';
  // Per address: at most 20 failed sign-ins in 10 minutes, and 120 attempts a minute of any kind.
  const failedLogins = createFailureWindow({ max: 20, windowMs: 10 * 60_000 });
  // Per account: a stolen session must not guess the current password either — 5 wrong ones in
  // 15 minutes (like the sign-in lockout) and the change is refused until the window passes.
  const failedPasswordChecks = createFailureWindow({ max: MAX_FAILED_LOGINS, windowMs: LOCKOUT_MS });

  /** A refused attempt that never reached a password check, audited at most once a minute per key. */
  const auditThrottled = (req: FastifyRequest, reason: string, action: string, actor: Actor | null) =>
    app.securityAudit.record(`${action}|${reason}|${actor?.userId ?? ''}|${req.ip}`, (attempts) =>
      app.db.transaction((tx) =>
        recordAudit(
          tx,
          actor,
          {
            module: 'auth',
            action,
            ...(actor
              ? {
                  entityType: 'user',
                  entityId: actor.userId,
                  entityLabel: actor.displayName,
                  orgUnitId: actor.orgUnitId,
                  orgPath: actor.orgPath,
                }
              : {}),
            after: { reason, attempts },
          },
          req.ip,
        ),
      ),
    );
  const onExceeded = (action: string) => (req: FastifyRequest) => {
    auditThrottled(req, 'rateLimited', action, req.actor).catch((e) =>
      req.log.error({ err: e }, 'audit of a rate-limited request failed'),
    );
  };

  app.post(
    `${base}/login`,
    {
      config: {
        access: 'public',
        rateLimit: { max: 120, timeWindow: '1 minute', onExceeded: onExceeded('loginFailed') },
      },
      schema: { tags, summary: '登录', body: loginInputSchema, response: { 200: meSchema } },
    },
    async (req, reply) => {
      const meta = { ip: req.ip, userAgent: req.headers['user-agent'] ?? null };
      if (failedLogins.isBlocked(req.ip)) {
        await auditThrottled(req, 'throttled', 'loginFailed', null);
        throw new AppError('RATE_LIMITED');
      }
      const { token, csrfToken } = await login(app.db, settings, req.body, meta, app.securityAudit).catch(
        (e: unknown) => {
          if (e instanceof AppError && (e.code === 'INVALID_CREDENTIALS' || e.code === 'ACCOUNT_LOCKED'))
            failedLogins.add(req.ip);
          throw e;
        },
      );
      const session = await loadSession(app.db, settings, token, req.ip);
      if (session.status !== 'valid') throw new AppError('INTERNAL');
      setSessionCookie(req, reply, token);
      reply.header('cache-control', 'no-store');
      return { user: await sessionUserOf(app.db, session.actor), csrfToken, demo: app.appConfig.isDemo };
    },
  );
  app.post(
    `${base}/logout`,
    { config: { access: 'signedIn' }, schema: { tags, summary: '退出登录', response: { 200: okSchema } } },
    async (req, reply) => {
      await logout(app.db, actorOf(req), req.sessionId as string);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );
  app.get(
    `${base}/me`,
    { config: { access: 'signedIn' }, schema: { tags, summary: '当前用户', response: { 200: meSchema } } },
    async (req) => ({
      user: await sessionUserOf(app.db, actorOf(req)),
      csrfToken: req.csrfToken as string,
      demo: app.appConfig.isDemo,
    }),
  );
  app.post(
    `${base}/password`,
    {
      config: {
        access: 'signedIn',
        rateLimit: { max: 20, timeWindow: '1 minute', onExceeded: onExceeded('changePasswordFailed') },
      },
      schema: { tags, summary: '修改本人密码', body: changePasswordInputSchema, response: { 200: okSchema } },
    },
    async (req) => {
      const actor = actorOf(req);
      if (failedPasswordChecks.isBlocked(actor.userId) || failedLogins.isBlocked(req.ip)) {
        await auditThrottled(req, 'throttled', 'changePasswordFailed', actor);
        throw new AppError('RATE_LIMITED');
      }
      await changeOwnPassword(app.db, actor, req.sessionId as string, req.body).catch(async (e: unknown) => {
        if (e instanceof WrongCurrentPassword) {
          failedPasswordChecks.add(actor.userId);
          failedLogins.add(req.ip);
          await auditThrottled(req, 'wrongPassword', 'changePasswordFailed', actor);
        }
        throw e;
      });
      return { ok: true as const };
    },
  );
};
