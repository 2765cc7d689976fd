import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { versionQuerySchema } from '../../../contracts/common/paging';
import { versionInputSchema } from '../../../contracts/org';
import {
  createSiteInputSchema,
  listSitesQuerySchema,
  siteListSchema,
  siteSchema,
  updateSiteInputSchema,
} from '../../../contracts/org-ledgers';
import { ctxOf } from '../../kernel/http/context';
import { createSite, deleteSite, getSite, listSites, restoreSite, updateSite } from './sites.service';

const tags = ['org'];
const params = z.object({ siteId: z.uuid() }).strict();

export const sitesRoutes = async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/org/sites';
  app.get(
    base,
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: '阵地列表',
        querystring: listSitesQuerySchema,
        response: { 200: siteListSchema },
      },
    },
    (req) => listSites(ctxOf(req), req.query),
  );
  app.get(
    `${base}/:siteId`,
    { config: { access: 'org.read' }, schema: { tags, params, response: { 200: siteSchema } } },
    (req) => getSite(ctxOf(req), req.params.siteId),
  );
  app.post(
    base,
    {
      config: { access: 'org.write' },
      schema: { tags, summary: '新增阵地', body: createSiteInputSchema, response: { 201: siteSchema } },
    },
    async (req, reply) => reply.status(201).send(await createSite(ctxOf(req), req.body)),
  );
  app.patch(
    `${base}/:siteId`,
    {
      config: { access: 'org.write' },
      schema: { tags, params, body: updateSiteInputSchema, response: { 200: siteSchema } },
    },
    (req) => updateSite(ctxOf(req), req.params.siteId, req.body),
  );
  app.delete(
    `${base}/:siteId`,
    {
      config: { access: 'org.write' },
      schema: { tags, params, querystring: versionQuerySchema, response: { 200: siteSchema } },
    },
    (req) => deleteSite(ctxOf(req), req.params.siteId, req.query.version),
  );
  app.post(
    `${base}/:siteId/restore`,
    {
      config: { access: 'org.write' },
      schema: { tags, params, body: versionInputSchema, response: { 200: siteSchema } },
    },
    (req) => restoreSite(ctxOf(req), req.params.siteId, req.body.version),
  );
};
