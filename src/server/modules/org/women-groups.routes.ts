import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { versionQuerySchema } from '../../../contracts/common/paging';
import { versionInputSchema } from '../../../contracts/org';
import {
  createWomenGroupInputSchema,
  listWomenGroupsQuerySchema,
  updateWomenGroupInputSchema,
  womenGroupListSchema,
  womenGroupSchema,
} from '../../../contracts/org-ledgers';
import { ctxOf } from '../../kernel/http/context';
import {
  createWomenGroup,
  deleteWomenGroup,
  getWomenGroup,
  listWomenGroups,
  restoreWomenGroup,
  updateWomenGroup,
} from './women-groups.service';

const tags = ['org'];
const params = z.object({ groupId: z.uuid() }).strict();

export const womenGroupsRoutes = async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/org/women-groups';

  app.get(
    base,
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: '妇女小组列表',
        querystring: listWomenGroupsQuerySchema,
        response: { 200: womenGroupListSchema },
      },
    },
    (req) => listWomenGroups(ctxOf(req), req.query),
  );
  app.get(
    `${base}/:groupId`,
    { config: { access: 'org.read' }, schema: { tags, params, response: { 200: womenGroupSchema } } },
    (req) => getWomenGroup(ctxOf(req), req.params.groupId),
  );
  app.post(
    base,
    {
      config: { access: 'org.write' },
      schema: {
        tags,
        summary: '新增妇女小组',
        body: createWomenGroupInputSchema,
        response: { 201: womenGroupSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createWomenGroup(ctxOf(req), req.body)),
  );
  app.patch(
    `${base}/:groupId`,
    {
      config: { access: 'org.write' },
      schema: {
        tags,
        summary: '修改妇女小组（给出组员时整体替换）',
        params,
        body: updateWomenGroupInputSchema,
        response: { 200: womenGroupSchema },
      },
    },
    (req) => updateWomenGroup(ctxOf(req), req.params.groupId, req.body),
  );
  app.delete(
    `${base}/:groupId`,
    {
      config: { access: 'org.write' },
      schema: { tags, params, querystring: versionQuerySchema, response: { 200: womenGroupSchema } },
    },
    (req) => deleteWomenGroup(ctxOf(req), req.params.groupId, req.query.version),
  );
  app.post(
    `${base}/:groupId/restore`,
    {
      config: { access: 'org.write' },
      schema: { tags, params, body: versionInputSchema, response: { 200: womenGroupSchema } },
    },
    (req) => restoreWomenGroup(ctxOf(req), req.params.groupId, req.body.version),
  );
};
