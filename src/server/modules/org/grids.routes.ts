import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
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
import { recordRoutes } from '../../kernel/ledger/record-routes';
import {
  assignGridHouseholds,
  createGrid,
  deleteGrid,
  getGrid,
  getGridCoverage,
  gridRecord,
  listGrids,
  restoreGrid,
  updateGrid,
} from './grids.service';

const tags = ['org'];
const base = '/api/v1/org/grids';

const standardRoutes = recordRoutes({
  base,
  idParam: 'gridId',
  tags,
  permissions: gridRecord.permissions,
  schemas: {
    record: gridSchema,
    list: gridListSchema,
    listQuery: listGridsQuerySchema,
    create: createGridInputSchema,
    update: updateGridInputSchema,
  },
  summaries: { list: '网格列表', create: '新增网格' },
  list: listGrids,
  get: getGrid,
  create: createGrid,
  update: updateGrid,
  remove: deleteGrid,
  restore: restoreGrid,
});

/** The grid's standard routes, its coverage report and the assignment of households. */
export const gridsRoutes = async (fastify: FastifyInstance) => {
  await standardRoutes(fastify);
  const app = fastify.withTypeProvider<ZodTypeProvider>();
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
  app.post(
    `${base}/:gridId/households`,
    {
      config: { access: 'org.write' },
      schema: {
        tags,
        summary: '把家庭划入网格',
        params: z.object({ gridId: z.uuid() }).strict(),
        body: assignGridHouseholdsInputSchema,
        response: { 200: gridSchema },
      },
    },
    (req) => assignGridHouseholds(ctxOf(req), req.params.gridId, req.body),
  );
};
