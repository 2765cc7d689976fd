import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  electionListSchema,
  electionSchema,
  listElectionsQuerySchema,
  recordElectionInputSchema,
} from '../../../contracts/org-ledgers';
import { ctxOf } from '../../kernel/http/context';
import { getElection, listElections, recordElection } from './elections.service';

const tags = ['org'];

export const electionsRoutes = async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/org/elections';
  app.get(
    base,
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: '换届记录',
        querystring: listElectionsQuerySchema,
        response: { 200: electionListSchema },
      },
    },
    (req) => listElections(ctxOf(req), req.query),
  );
  app.get(
    `${base}/:electionId`,
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        params: z.object({ electionId: z.uuid() }).strict(),
        response: { 200: electionSchema },
      },
    },
    (req) => getElection(ctxOf(req), req.params.electionId),
  );
  app.post(
    base,
    {
      config: { access: 'org.write' },
      schema: {
        tags,
        summary: '登记换届（结束上届任期，产生新任期）',
        body: recordElectionInputSchema,
        response: { 201: electionSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await recordElection(ctxOf(req), req.body)),
  );
};
