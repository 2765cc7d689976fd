import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  activityDetailSchema,
  activityListSchema,
  activitySchema,
  activitySeriesResultSchema,
  campaignListSchema,
  campaignSchema,
  createActivityInputSchema,
  createActivitySeriesInputSchema,
  createCampaignInputSchema,
  listActivitiesQuerySchema,
  listCampaignsQuerySchema,
  updateActivityInputSchema,
  updateCampaignInputSchema,
} from '../../../contracts/activities';
import { codeListRoutes } from '../../kernel/code-lists/code-lists.routes';
import { ctxOf } from '../../kernel/http/context';
import { recordRoutes } from '../../kernel/ledger/record-routes';
import {
  activityRecord,
  createActivity,
  createActivitySeries,
  deleteActivity,
  getActivity,
  listActivities,
  restoreActivity,
  updateActivity,
} from './activities.service';
import { activityTypeList } from './activity-types.service';
import {
  campaignRecord,
  createCampaign,
  deleteCampaign,
  getCampaign,
  listCampaigns,
  restoreCampaign,
  updateCampaign,
} from './campaigns.service';

const tags = ['activities'];
const base = '/api/v1/activities/activities';

const activityRoutes = recordRoutes({
  base,
  idParam: 'activityId',
  tags,
  permissions: activityRecord.permissions,
  schemas: {
    record: activitySchema,
    detail: activityDetailSchema,
    list: activityListSchema,
    listQuery: listActivitiesQuerySchema,
    create: createActivityInputSchema,
    update: updateActivityInputSchema,
  },
  summaries: { list: '活动台账', create: '登记活动（可带客户端编号，重试不重复）' },
  list: listActivities,
  get: getActivity,
  create: createActivity,
  replays: ({ activity, isReplay }: Awaited<ReturnType<typeof createActivity>>) => ({
    record: activity,
    isReplay,
  }),
  update: updateActivity,
  remove: deleteActivity,
  restore: restoreActivity,
});

const campaignRoutes = recordRoutes({
  base: '/api/v1/activities/campaigns',
  idParam: 'campaignId',
  tags,
  permissions: campaignRecord.permissions,
  schemas: {
    record: campaignSchema,
    list: campaignListSchema,
    listQuery: listCampaignsQuerySchema,
    create: createCampaignInputSchema,
    update: updateCampaignInputSchema,
  },
  summaries: { list: '专项行动（含场次、人次合计）' },
  list: listCampaigns,
  get: getCampaign,
  create: createCampaign,
  update: updateCampaign,
  remove: deleteCampaign,
  restore: restoreCampaign,
});

/** Activity types, the activity's and the campaign's standard routes, and the monthly series entry. */
export const activitiesRoutes = async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  await codeListRoutes(activityTypeList, {
    path: '/api/v1/activities/types',
    field: 'types',
    tags,
    what: '活动类型',
  })(fastify);
  await activityRoutes(fastify);
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
  await campaignRoutes(fastify);
};
