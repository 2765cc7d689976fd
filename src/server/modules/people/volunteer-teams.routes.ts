import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { versionQuerySchema } from '../../../contracts/common/paging';
import { versionInputSchema } from '../../../contracts/org';
import {
  createVolunteerTeamInputSchema,
  listVolunteerTeamsQuerySchema,
  updateVolunteerTeamInputSchema,
  volunteerTeamListSchema,
  volunteerTeamSchema,
} from '../../../contracts/people-roles';
import { ctxOf } from '../../kernel/http/context';
import {
  createVolunteerTeam,
  deleteVolunteerTeam,
  getVolunteerTeam,
  listVolunteerTeams,
  restoreVolunteerTeam,
  updateVolunteerTeam,
} from './volunteer-teams.service';

const tags = ['people'];
const params = z.object({ teamId: z.uuid() }).strict();

export const volunteerTeamsRoutes = async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/people/volunteer-teams';

  app.get(
    base,
    {
      config: { access: 'people.read' },
      schema: {
        tags,
        summary: '志愿服务队列表',
        querystring: listVolunteerTeamsQuerySchema,
        response: { 200: volunteerTeamListSchema },
      },
    },
    (req) => listVolunteerTeams(ctxOf(req), req.query),
  );
  app.get(
    `${base}/:teamId`,
    { config: { access: 'people.read' }, schema: { tags, params, response: { 200: volunteerTeamSchema } } },
    (req) => getVolunteerTeam(ctxOf(req), req.params.teamId),
  );
  app.post(
    base,
    {
      config: { access: 'people.write' },
      schema: {
        tags,
        summary: '新增志愿服务队',
        body: createVolunteerTeamInputSchema,
        response: { 201: volunteerTeamSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createVolunteerTeam(ctxOf(req), req.body)),
  );
  app.patch(
    `${base}/:teamId`,
    {
      config: { access: 'people.write' },
      schema: {
        tags,
        summary: '修改志愿服务队（给出队员时整体替换，留下的队员保留入队日期）',
        params,
        body: updateVolunteerTeamInputSchema,
        response: { 200: volunteerTeamSchema },
      },
    },
    (req) => updateVolunteerTeam(ctxOf(req), req.params.teamId, req.body),
  );
  app.delete(
    `${base}/:teamId`,
    {
      config: { access: 'people.write' },
      schema: { tags, params, querystring: versionQuerySchema, response: { 200: volunteerTeamSchema } },
    },
    (req) => deleteVolunteerTeam(ctxOf(req), req.params.teamId, req.query.version),
  );
  app.post(
    `${base}/:teamId/restore`,
    {
      config: { access: 'people.write' },
      schema: { tags, params, body: versionInputSchema, response: { 200: volunteerTeamSchema } },
    },
    (req) => restoreVolunteerTeam(ctxOf(req), req.params.teamId, req.body.version),
  );
};
