import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  activityDetailSchema,
  activityListSchema,
  activitySchema,
  activitySeriesResultSchema,
  activityTypeOptionsSchema,
  campaignListSchema,
  campaignSchema,
  createActivityInputSchema,
  createActivitySeriesInputSchema,
  createCampaignInputSchema,
  listActivitiesQuerySchema,
  listCampaignsQuerySchema,
  setActivityTypesInputSchema,
  updateActivityInputSchema,
  updateCampaignInputSchema,
} from '../../../contracts/activities';
import { versionQuerySchema } from '../../../contracts/common/paging';
import { versionInputSchema } from '../../../contracts/org';
import { ctxOf } from '../../kernel/http/context';
import {
  createActivity,
  createActivitySeries,
  deleteActivity,
  getActivity,
  listActivities,
  restoreActivity,
  updateActivity,
} from './activities.service';
import { getActivityTypes, setActivityTypes } from './activity-types.service';
import {
  createCampaign,
  deleteCampaign,
  getCampaign,
  listCampaigns,
  restoreCampaign,
  updateCampaign,
} from './campaigns.service';

const tags = ['activities'];

export const activitiesRoutes = async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/activities/activities';
  const params = z.object({ activityId: z.uuid() }).strict();

  app.get(
    '/api/v1/activities/types',
    {
      config: { access: 'activities.read' },
      schema: { tags, summary: '活动类型（含代码）', response: { 200: activityTypeOptionsSchema } },
    },
    (req) => getActivityTypes(ctxOf(req)),
  );
  app.put(
    '/api/v1/activities/types',
    {
      config: { access: 'org.write' },
      schema: {
        tags,
        summary: '设置本县活动类型（仅县级妇联；已使用的类型只能改名，不能删除）',
        body: setActivityTypesInputSchema,
        response: { 200: activityTypeOptionsSchema },
      },
    },
    (req) => setActivityTypes(ctxOf(req), req.body),
  );
  app.get(
    base,
    {
      config: { access: 'activities.read' },
      schema: {
        tags,
        summary: '活动台账',
        querystring: listActivitiesQuerySchema,
        response: { 200: activityListSchema },
      },
    },
    (req) => listActivities(ctxOf(req), req.query),
  );
  app.get(
    `${base}/:activityId`,
    {
      config: { access: 'activities.read' },
      schema: { tags, params, response: { 200: activityDetailSchema } },
    },
    (req) => getActivity(ctxOf(req), req.params.activityId),
  );
  app.post(
    base,
    {
      config: { access: 'activities.write' },
      schema: {
        tags,
        summary: '登记活动（可带客户端编号，重试不重复）',
        body: createActivityInputSchema,
        response: { 200: activitySchema, 201: activitySchema },
      },
    },
    async (req, reply) => {
      const { activity, isReplay } = await createActivity(ctxOf(req), req.body);
      return reply.status(isReplay ? 200 : 201).send(activity);
    },
  );
  app.post(
    `${base}/series`,
    {
      config: { access: 'activities.write' },
      schema: {
        tags,
        summary: '按月批量登记（每村每月一场）',
        body: createActivitySeriesInputSchema,
        response: { 201: activitySeriesResultSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createActivitySeries(ctxOf(req), req.body)),
  );
  app.patch(
    `${base}/:activityId`,
    {
      config: { access: 'activities.write' },
      schema: { tags, params, body: updateActivityInputSchema, response: { 200: activitySchema } },
    },
    (req) => updateActivity(ctxOf(req), req.params.activityId, req.body),
  );
  app.delete(
    `${base}/:activityId`,
    {
      config: { access: 'activities.write' },
      schema: { tags, params, querystring: versionQuerySchema, response: { 200: activitySchema } },
    },
    (req) => deleteActivity(ctxOf(req), req.params.activityId, req.query.version),
  );
  app.post(
    `${base}/:activityId/restore`,
    {
      config: { access: 'activities.write' },
      schema: { tags, params, body: versionInputSchema, response: { 200: activitySchema } },
    },
    (req) => restoreActivity(ctxOf(req), req.params.activityId, req.body.version),
  );

  const campaignsBase = '/api/v1/activities/campaigns';
  const campaignParams = z.object({ campaignId: z.uuid() }).strict();
  app.get(
    campaignsBase,
    {
      config: { access: 'activities.read' },
      schema: {
        tags,
        summary: '专项行动（含场次、人次合计）',
        querystring: listCampaignsQuerySchema,
        response: { 200: campaignListSchema },
      },
    },
    (req) => listCampaigns(ctxOf(req), req.query),
  );
  app.get(
    `${campaignsBase}/:campaignId`,
    {
      config: { access: 'activities.read' },
      schema: { tags, params: campaignParams, response: { 200: campaignSchema } },
    },
    (req) => getCampaign(ctxOf(req), req.params.campaignId),
  );
  app.post(
    campaignsBase,
    {
      config: { access: 'activities.write' },
      schema: { tags, body: createCampaignInputSchema, response: { 201: campaignSchema } },
    },
    async (req, reply) => reply.status(201).send(await createCampaign(ctxOf(req), req.body)),
  );
  app.patch(
    `${campaignsBase}/:campaignId`,
    {
      config: { access: 'activities.write' },
      schema: {
        tags,
        params: campaignParams,
        body: updateCampaignInputSchema,
        response: { 200: campaignSchema },
      },
    },
    (req) => updateCampaign(ctxOf(req), req.params.campaignId, req.body),
  );
  app.delete(
    `${campaignsBase}/:campaignId`,
    {
      config: { access: 'activities.write' },
      schema: {
        tags,
        params: campaignParams,
        querystring: versionQuerySchema,
        response: { 200: campaignSchema },
      },
    },
    (req) => deleteCampaign(ctxOf(req), req.params.campaignId, req.query.version),
  );
  app.post(
    `${campaignsBase}/:campaignId/restore`,
    {
      config: { access: 'activities.write' },
      schema: { tags, params: campaignParams, body: versionInputSchema, response: { 200: campaignSchema } },
    },
    (req) => restoreCampaign(ctxOf(req), req.params.campaignId, req.body.version),
  );
};
