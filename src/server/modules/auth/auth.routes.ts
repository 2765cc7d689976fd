import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { changePasswordInputSchema, loginInputSchema, meSchema } from '../../../contracts/auth';
import { okSchema } from '../../../contracts/common/paging';
import { actorOf, clearSessionCookie, setSessionCookie } from '../../kernel/auth/auth-hooks';
import type { SessionSettings } from '../../kernel/auth/sessions';
import { loadSession } from '../../kernel/auth/sessions';
import { AppError } from '../../kernel/http/errors';
import { changeOwnPassword, login, logout, sessionUserOf } from './auth.service';
import { createFailureWindow } from './failure-window';

const tags = ['auth'];

export const authRoutes = (settings: SessionSettings) => async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/auth';
  // Per address: at most 20 failed sign-ins in 10 minutes, and 120 attempts a minute of any kind.
  const failedLogins = createFailureWindow({ max: 20, windowMs: 10 * 60_000 });

  app.post(
    `${base}/login`,
    {
      config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: { tags, summary: '登录', body: loginInputSchema, response: { 200: meSchema } },
    },
    async (req, reply) => {
      const meta = { ip: req.ip, userAgent: req.headers['user-agent'] ?? null };
      if (failedLogins.isBlocked(req.ip)) throw new AppError('RATE_LIMITED');
      const { token, csrfToken } = await login(app.db, settings, req.body, meta).catch((e: unknown) => {
        if (e instanceof AppError && (e.code === 'INVALID_CREDENTIALS' || e.code === 'ACCOUNT_LOCKED'))
          failedLogins.add(req.ip);
        throw e;
      });
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
      config: { access: 'signedIn' },
      schema: { tags, summary: '修改本人密码', body: changePasswordInputSchema, response: { 200: okSchema } },
    },
    async (req) => {
      await changeOwnPassword(app.db, actorOf(req), req.sessionId as string, req.body);
      return { ok: true as const };
    },
  );
};
