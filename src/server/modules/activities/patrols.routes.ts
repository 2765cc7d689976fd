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
import { ctxOf } from '../../kernel/http/context';
import { recordRoutes } from '../../kernel/ledger/record-routes';
import {
  createPatrol,
  createPatrolBatch,
  deletePatrol,
  getPatrol,
  listPatrols,
  patrolRecord,
  restorePatrol,
  updatePatrol,
} from './patrols.service';

const tags = ['activities'];
const base = '/api/v1/activities/patrols';
const patrolBatchResultSchema = z.object({ created: z.number().int(), items: z.array(patrolSchema) });

const standardRoutes = recordRoutes({
  base,
  idParam: 'patrolId',
  tags,
  permissions: patrolRecord.permissions,
  schemas: {
    record: patrolSchema,
    list: patrolListSchema,
    listQuery: listPatrolsQuerySchema,
    create: createPatrolInputSchema,
    update: updatePatrolInputSchema,
  },
  summaries: { list: '巾帼林长护林防火巡查台账', create: '登记巡查（可带客户端编号，重试不重复）' },
  list: listPatrols,
  get: getPatrol,
  create: createPatrol,
  replays: ({ patrol, isReplay }: Awaited<ReturnType<typeof createPatrol>>) => ({ record: patrol, isReplay }),
  update: updatePatrol,
  remove: deletePatrol,
  restore: restorePatrol,
});

/** The patrol's standard routes and the batch entry (all rows or none). */
export const patrolsRoutes = async (fastify: FastifyInstance) => {
  await standardRoutes(fastify);
  const app = fastify.withTypeProvider<ZodTypeProvider>();
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
};
