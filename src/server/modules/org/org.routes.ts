import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okSchema, versionSchema } from '../../../contracts/common/paging';
import {
  createOrgUnitInputSchema,
  dissolveOrgUnitInputSchema,
  listOrgUnitsQuerySchema,
  moveOrgUnitInputSchema,
  orgTreeSchema,
  orgUnitListSchema,
  orgUnitSchema,
  updateOrgUnitInputSchema,
  versionInputSchema,
} from '../../../contracts/org';
import { ctxOf } from '../../kernel/http/context';
import {
  createOrgUnit,
  deleteOrgUnit,
  dissolveOrgUnit,
  getOrgTree,
  getOrgUnit,
  listOrgUnits,
  moveOrgUnit,
  restoreOrgUnit,
  updateOrgUnit,
} from './org.service';

const params = z.object({ orgUnitId: z.uuid() }).strict();
const tags = ['org'];

export const orgRoutes = async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/org';

  app.get(
    `${base}/tree`,
    {
      config: { access: 'org.read' },
      schema: { tags, summary: '组织树（本级及下级）', response: { 200: orgTreeSchema } },
    },
    (req) => getOrgTree(ctxOf(req)),
  );
  app.get(
    `${base}/units`,
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: '组织列表',
        querystring: listOrgUnitsQuerySchema,
        response: { 200: orgUnitListSchema },
      },
    },
    (req) => listOrgUnits(ctxOf(req), req.query),
  );
  app.get(
    `${base}/units/:orgUnitId`,
    { config: { access: 'org.read' }, schema: { tags, params, response: { 200: orgUnitSchema } } },
    (req) => getOrgUnit(ctxOf(req), req.params.orgUnitId),
  );
  app.post(
    `${base}/units`,
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: '新增下级组织',
        body: createOrgUnitInputSchema,
        response: { 201: orgUnitSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createOrgUnit(ctxOf(req), req.body)),
  );
  app.patch(
    `${base}/units/:orgUnitId`,
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: '修改组织',
        params,
        body: updateOrgUnitInputSchema,
        response: { 200: orgUnitSchema },
      },
    },
    (req) => updateOrgUnit(ctxOf(req), req.params.orgUnitId, req.body),
  );
  app.post(
    `${base}/units/:orgUnitId/move`,
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: '调整上级',
        params,
        body: moveOrgUnitInputSchema,
        response: { 200: orgUnitSchema },
      },
    },
    (req) => moveOrgUnit(ctxOf(req), req.params.orgUnitId, req.body),
  );
  app.post(
    `${base}/units/:orgUnitId/dissolve`,
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: '撤销组织',
        params,
        body: dissolveOrgUnitInputSchema,
        response: { 200: orgUnitSchema },
      },
    },
    (req) => dissolveOrgUnit(ctxOf(req), req.params.orgUnitId, req.body),
  );
  app.delete(
    `${base}/units/:orgUnitId`,
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: '删除组织（可恢复）',
        params,
        querystring: z.object({ version: z.coerce.number().pipe(versionSchema) }).strict(),
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await deleteOrgUnit(ctxOf(req), req.params.orgUnitId, req.query.version);
      return { ok: true as const };
    },
  );
  app.post(
    `${base}/units/:orgUnitId/restore`,
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: '恢复已删除的组织',
        params,
        body: versionInputSchema,
        response: { 200: orgUnitSchema },
      },
    },
    (req) => restoreOrgUnit(ctxOf(req), req.params.orgUnitId, req.body.version),
  );
};
