import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { versionQuerySchema } from '../../../contracts/common/paging';
import { versionInputSchema } from '../../../contracts/org';
import {
  createRoleTermInputSchema,
  listRoleTermsQuerySchema,
  roleTermListSchema,
  roleTermSchema,
  updateRoleTermInputSchema,
} from '../../../contracts/people-roles';
import { ctxOf } from '../../kernel/http/context';
import {
  createRoleTerm,
  deleteRoleTerm,
  getRoleTerm,
  listRoleTerms,
  restoreRoleTerm,
  updateRoleTerm,
} from './role-terms.service';

const tags = ['people'];
const params = z.object({ roleTermId: z.uuid() }).strict();

export const roleTermsRoutes = async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/people/role-terms';
  app.get(
    base,
    {
      config: { access: 'people.read' },
      schema: {
        tags,
        summary: '任职记录（执委、志愿者、林长等）',
        querystring: listRoleTermsQuerySchema,
        response: { 200: roleTermListSchema },
      },
    },
    (req) => listRoleTerms(ctxOf(req), req.query),
  );
  app.get(
    `${base}/:roleTermId`,
    { config: { access: 'people.read' }, schema: { tags, params, response: { 200: roleTermSchema } } },
    (req) => getRoleTerm(ctxOf(req), req.params.roleTermId),
  );
  app.post(
    base,
    {
      config: { access: 'people.write' },
      schema: {
        tags,
        summary: '新增任职',
        body: createRoleTermInputSchema,
        response: { 201: roleTermSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createRoleTerm(ctxOf(req), req.body)),
  );
  app.patch(
    `${base}/:roleTermId`,
    {
      config: { access: 'people.write' },
      schema: { tags, params, body: updateRoleTermInputSchema, response: { 200: roleTermSchema } },
    },
    (req) => updateRoleTerm(ctxOf(req), req.params.roleTermId, req.body),
  );
  app.delete(
    `${base}/:roleTermId`,
    {
      config: { access: 'people.write' },
      schema: { tags, params, querystring: versionQuerySchema, response: { 200: roleTermSchema } },
    },
    (req) => deleteRoleTerm(ctxOf(req), req.params.roleTermId, req.query.version),
  );
  app.post(
    `${base}/:roleTermId/restore`,
    {
      config: { access: 'people.write' },
      schema: { tags, params, body: versionInputSchema, response: { 200: roleTermSchema } },
    },
    (req) => restoreRoleTerm(ctxOf(req), req.params.roleTermId, req.body.version),
  );
};
