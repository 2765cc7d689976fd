import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { versionInputSchema } from '../../../contracts/org';
import {
  createUserInputSchema,
  listUsersQuerySchema,
  resetPasswordInputSchema,
  updateUserInputSchema,
  userListSchema,
  userSchema,
} from '../../../contracts/users';
import { ctxOf } from '../../kernel/http/context';
import {
  createUser,
  getUser,
  listUsers,
  resetUserPassword,
  setUserStatus,
  updateUserAccount,
} from './users.service';

const params = z.object({ userId: z.uuid() }).strict();
const tags = ['users'];

export const usersRoutes = async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/users';

  app.get(
    base,
    {
      config: { access: 'users.read' },
      schema: {
        tags,
        summary: '用户列表',
        querystring: listUsersQuerySchema,
        response: { 200: userListSchema },
      },
    },
    (req) => listUsers(ctxOf(req), req.query),
  );
  app.get(
    `${base}/:userId`,
    { config: { access: 'users.read' }, schema: { tags, params, response: { 200: userSchema } } },
    (req) => getUser(ctxOf(req), req.params.userId),
  );
  app.post(
    base,
    {
      config: { access: 'users.write' },
      schema: { tags, summary: '新增用户', body: createUserInputSchema, response: { 201: userSchema } },
    },
    async (req, reply) => reply.status(201).send(await createUser(ctxOf(req), req.body)),
  );
  app.patch(
    `${base}/:userId`,
    {
      config: { access: 'users.write' },
      schema: {
        tags,
        summary: '修改用户',
        params,
        body: updateUserInputSchema,
        response: { 200: userSchema },
      },
    },
    (req) => updateUserAccount(ctxOf(req), req.params.userId, req.body),
  );
  app.post(
    `${base}/:userId/reset-password`,
    {
      config: { access: 'users.write' },
      schema: {
        tags,
        summary: '重置密码',
        params,
        body: resetPasswordInputSchema,
        response: { 200: userSchema },
      },
    },
    (req) => resetUserPassword(ctxOf(req), req.params.userId, req.body),
  );
  app.post(
    `${base}/:userId/disable`,
    {
      config: { access: 'users.write' },
      schema: { tags, summary: '停用账号', params, body: versionInputSchema, response: { 200: userSchema } },
    },
    (req) => setUserStatus(ctxOf(req), req.params.userId, req.body.version, 'disabled'),
  );
  app.post(
    `${base}/:userId/enable`,
    {
      config: { access: 'users.write' },
      schema: { tags, summary: '启用账号', params, body: versionInputSchema, response: { 200: userSchema } },
    },
    (req) => setUserStatus(ctxOf(req), req.params.userId, req.body.version, 'active'),
  );
};
