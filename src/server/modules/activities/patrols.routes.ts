import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createPatrolBatchInputSchema,
  createPatrolInputSchema,
  listPatrolsQuerySchema,
  patrolListSchema,
  patrolSchema,
  updatePatrolInputSchema,
} from '../../../contracts/activities';
import { versionQuerySchema } from '../../../contracts/common/paging';
import { versionInputSchema } from '../../../contracts/org';
import { ctxOf } from '../../kernel/http/context';
import {
  createPatrol,
  createPatrolBatch,
  deletePatrol,
  getPatrol,
  listPatrols,
  restorePatrol,
  updatePatrol,
} from './patrols.service';

const tags = ['activities'];
const params = z.object({ patrolId: z.uuid() }).strict();
const patrolBatchResultSchema = z.object({ created: z.number().int(), items: z.array(patrolSchema) });

export const patrolsRoutes = async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/activities/patrols';
  app.get(
    base,
    {
      config: { access: 'activities.read' },
      schema: {
        tags,
        summary: '巾帼林长护林防火巡查台账',
        querystring: listPatrolsQuerySchema,
        response: { 200: patrolListSchema },
      },
    },
    (req) => listPatrols(ctxOf(req), req.query),
  );
  app.get(
    `${base}/:patrolId`,
    { config: { access: 'activities.read' }, schema: { tags, params, response: { 200: patrolSchema } } },
    (req) => getPatrol(ctxOf(req), req.params.patrolId),
  );
  app.post(
    base,
    {
      config: { access: 'activities.write' },
      schema: {
        tags,
        summary: '登记巡查（可带客户端编号，重试不重复）',
        body: createPatrolInputSchema,
        response: { 200: patrolSchema, 201: patrolSchema },
      },
    },
    async (req, reply) => {
      const { patrol, isReplay } = await createPatrol(ctxOf(req), req.body);
      return reply.status(isReplay ? 200 : 201).send(patrol);
    },
  );
  app.post(
    `${base}/batch`,
    {
      config: { access: 'activities.write' },
      schema: {
        tags,
        summary: '批量登记巡查（全部成功或全部不写入）',
        body: createPatrolBatchInputSchema,
        response: { 200: patrolBatchResultSchema, 201: patrolBatchResultSchema },
      },
    },
    async (req, reply) => {
      const result = await createPatrolBatch(ctxOf(req), req.body);
      return reply.status(result.created > 0 ? 201 : 200).send(result);
    },
  );
  app.patch(
    `${base}/:patrolId`,
    {
      config: { access: 'activities.write' },
      schema: { tags, params, body: updatePatrolInputSchema, response: { 200: patrolSchema } },
    },
    (req) => updatePatrol(ctxOf(req), req.params.patrolId, req.body),
  );
  app.delete(
    `${base}/:patrolId`,
    {
      config: { access: 'activities.write' },
      schema: { tags, params, querystring: versionQuerySchema, response: { 200: patrolSchema } },
    },
    (req) => deletePatrol(ctxOf(req), req.params.patrolId, req.query.version),
  );
  app.post(
    `${base}/:patrolId/restore`,
    {
      config: { access: 'activities.write' },
      schema: { tags, params, body: versionInputSchema, response: { 200: patrolSchema } },
    },
    (req) => restorePatrol(ctxOf(req), req.params.patrolId, req.body.version),
  );
};
