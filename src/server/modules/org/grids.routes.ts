import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { versionQuerySchema } from '../../../contracts/common/paging';
import { versionInputSchema } from '../../../contracts/org';
import {
  assignGridHouseholdsInputSchema,
  createGridInputSchema,
  gridCoverageQuerySchema,
  gridCoverageSchema,
  gridListSchema,
  gridSchema,
  listGridsQuerySchema,
  updateGridInputSchema,
} from '../../../contracts/org-ledgers';
import { ctxOf } from '../../kernel/http/context';
import {
  assignGridHouseholds,
  createGrid,
  deleteGrid,
  getGrid,
  getGridCoverage,
  listGrids,
  restoreGrid,
  updateGrid,
} from './grids.service';

const tags = ['org'];
const params = z.object({ gridId: z.uuid() }).strict();

export const gridsRoutes = async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/org/grids';

  app.get(
    base,
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: '网格列表',
        querystring: listGridsQuerySchema,
        response: { 200: gridListSchema },
      },
    },
    (req) => listGrids(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/org/grids-coverage',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: '网格覆盖情况：未覆盖的家庭、联系户超量的执委',
        querystring: gridCoverageQuerySchema,
        response: { 200: gridCoverageSchema },
      },
    },
    (req) => getGridCoverage(ctxOf(req), req.query),
  );
  app.get(
    `${base}/:gridId`,
    { config: { access: 'org.read' }, schema: { tags, params, response: { 200: gridSchema } } },
    (req) => getGrid(ctxOf(req), req.params.gridId),
  );
  app.post(
    base,
    {
      config: { access: 'org.write' },
      schema: { tags, summary: '新增网格', body: createGridInputSchema, response: { 201: gridSchema } },
    },
    async (req, reply) => reply.status(201).send(await createGrid(ctxOf(req), req.body)),
  );
  app.patch(
    `${base}/:gridId`,
    {
      config: { access: 'org.write' },
      schema: { tags, params, body: updateGridInputSchema, response: { 200: gridSchema } },
    },
    (req) => updateGrid(ctxOf(req), req.params.gridId, req.body),
  );
  app.delete(
    `${base}/:gridId`,
    {
      config: { access: 'org.write' },
      schema: { tags, params, querystring: versionQuerySchema, response: { 200: gridSchema } },
    },
    (req) => deleteGrid(ctxOf(req), req.params.gridId, req.query.version),
  );
  app.post(
    `${base}/:gridId/restore`,
    {
      config: { access: 'org.write' },
      schema: { tags, params, body: versionInputSchema, response: { 200: gridSchema } },
    },
    (req) => restoreGrid(ctxOf(req), req.params.gridId, req.body.version),
  );
  app.post(
    `${base}/:gridId/households`,
    {
      config: { access: 'org.write' },
      schema: {
        tags,
        summary: '把家庭划入网格',
        params,
        body: assignGridHouseholdsInputSchema,
        response: { 200: gridSchema },
      },
    },
    (req) => assignGridHouseholds(ctxOf(req), req.params.gridId, req.body),
  );
};
