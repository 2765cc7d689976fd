import type {} from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { versionSchema } from '../../../contracts/common/paging';
import {
  computeReviewInputSchema,
  confirmReviewInputSchema,
  courtyardHouseholdListSchema,
  createFeaturedInputSchema,
  featuredCategoryOptionsSchema,
  featuredDesignationListSchema,
  featuredDesignationSchema,
  householdFileSchema,
  listCourtyardHouseholdsQuerySchema,
  listFeaturedQuerySchema,
  listHistoryQuerySchema,
  noticeQuerySchema,
  plaqueEventListSchema,
  publicNoticeSchema,
  ratingChangeListSchema,
  reviewOrNullSchema,
  reviewQuerySchema,
  reviewSchema,
  saveFeaturedCategoriesInputSchema,
  todoQuerySchema,
  todoSchema,
} from '../../../contracts/courtyards';
import { versionInputSchema } from '../../../contracts/org';
import { ctxOf } from '../../kernel/http/context';
import { publicNoticeDocx } from './courtyard-notice-docx';
import {
  householdFile,
  listCourtyardHouseholds,
  listPlaqueEvents,
  listRatingChanges,
  monthTodo,
  publicNotice,
} from './courtyard-reports.service';
import { COURTYARDS_BASE } from './courtyards.routes';
import {
  createFeatured,
  deleteFeatured,
  getFeaturedCategories,
  listFeatured,
  restoreFeatured,
  saveFeaturedCategories,
} from './featured.service';
import { computeReview, confirmReview, getReview } from './reviews.service';

const tags = ['courtyards'];
const versionQuery = z.object({ version: z.coerce.number().pipe(versionSchema) }).strict();

/** Household ratings and files, the monthly review, featured courtyards, 公示, to-do. */
export const courtyardViewsRoutes = async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const read = { access: 'courtyards.read' } as const;
  const manage = { access: 'courtyards.manage' } as const;

  // Households, history, 一户一档
  const households = `${COURTYARDS_BASE}/households`;
  app.get(
    households,
    {
      config: read,
      schema: {
        tags,
        summary: '农户评定与挂牌情况',
        querystring: listCourtyardHouseholdsQuerySchema,
        response: { 200: courtyardHouseholdListSchema },
      },
    },
    (req) => listCourtyardHouseholds(ctxOf(req), req.query),
  );
  app.get(
    `${households}/:householdId/file`,
    {
      config: read,
      schema: {
        tags,
        summary: '一户一档',
        params: z.object({ householdId: z.uuid() }).strict(),
        response: { 200: householdFileSchema },
      },
    },
    (req) => householdFile(ctxOf(req), req.params.householdId),
  );
  app.get(
    `${COURTYARDS_BASE}/rating-changes`,
    {
      config: read,
      schema: {
        tags,
        summary: '评定等级变动记录',
        querystring: listHistoryQuerySchema,
        response: { 200: ratingChangeListSchema },
      },
    },
    (req) => listRatingChanges(ctxOf(req), req.query),
  );
  app.get(
    `${COURTYARDS_BASE}/plaque-events`,
    {
      config: read,
      schema: {
        tags,
        summary: '挂牌、摘牌记录',
        querystring: listHistoryQuerySchema,
        response: { 200: plaqueEventListSchema },
      },
    },
    (req) => listPlaqueEvents(ctxOf(req), req.query),
  );

  // 评比会
  const reviews = `${COURTYARDS_BASE}/reviews`;
  app.get(
    reviews,
    {
      config: read,
      schema: {
        tags,
        summary: '某镇某月评比（待确认名单）',
        querystring: reviewQuerySchema,
        response: { 200: reviewOrNullSchema },
      },
    },
    (req) => getReview(ctxOf(req), req.query),
  );
  app.post(
    `${reviews}/compute`,
    {
      config: manage,
      schema: {
        tags,
        summary: '计算某月评定与挂牌变动（待评比会确认）',
        body: computeReviewInputSchema,
        response: { 200: reviewSchema },
      },
    },
    (req) => computeReview(ctxOf(req), req.body),
  );
  app.post(
    `${reviews}/:reviewId/confirm`,
    {
      config: manage,
      schema: {
        tags,
        summary: '评比会确认（不予通过的写明理由）',
        params: z.object({ reviewId: z.uuid() }).strict(),
        body: confirmReviewInputSchema,
        response: { 200: reviewSchema },
      },
    },
    (req) => confirmReview(ctxOf(req), req.params.reviewId, req.body),
  );

  // Featured courtyards
  app.get(
    `${COURTYARDS_BASE}/featured-categories`,
    {
      config: read,
      schema: { tags, summary: '特色庭院类别', response: { 200: featuredCategoryOptionsSchema } },
    },
    (req) => getFeaturedCategories(ctxOf(req)),
  );
  app.put(
    `${COURTYARDS_BASE}/featured-categories`,
    {
      config: manage,
      schema: {
        tags,
        summary: '设置特色庭院类别（县妇联）',
        body: saveFeaturedCategoriesInputSchema,
        response: { 200: featuredCategoryOptionsSchema },
      },
    },
    (req) => saveFeaturedCategories(ctxOf(req), req.body),
  );
  const featured = `${COURTYARDS_BASE}/featured`;
  const featuredParams = z.object({ featuredId: z.uuid() }).strict();
  app.get(
    featured,
    {
      config: read,
      schema: {
        tags,
        summary: '特色庭院',
        querystring: listFeaturedQuerySchema,
        response: { 200: featuredDesignationListSchema },
      },
    },
    (req) => listFeatured(ctxOf(req), req.query),
  );
  app.post(
    featured,
    {
      config: manage,
      schema: { tags, body: createFeaturedInputSchema, response: { 201: featuredDesignationSchema } },
    },
    async (req, reply) => reply.status(201).send(await createFeatured(ctxOf(req), req.body)),
  );
  app.delete(
    `${featured}/:featuredId`,
    {
      config: manage,
      schema: {
        tags,
        summary: '撤销特色庭院评定',
        params: featuredParams,
        querystring: versionQuery,
        response: { 200: featuredDesignationSchema },
      },
    },
    (req) => deleteFeatured(ctxOf(req), req.params.featuredId, req.query.version),
  );
  app.post(
    `${featured}/:featuredId/restore`,
    {
      config: manage,
      schema: {
        tags,
        params: featuredParams,
        body: versionInputSchema,
        response: { 200: featuredDesignationSchema },
      },
    },
    (req) => restoreFeatured(ctxOf(req), req.params.featuredId, req.body.version),
  );

  // 公示 and to-do
  app.get(
    `${COURTYARDS_BASE}/notices`,
    {
      config: read,
      schema: {
        tags,
        summary: '村月度公示（姓名脱敏）',
        querystring: noticeQuerySchema,
        response: { 200: publicNoticeSchema },
      },
    },
    (req) => publicNotice(ctxOf(req), req.query),
  );
  app.get(
    `${COURTYARDS_BASE}/notices/docx`,
    {
      config: read,
      schema: { tags, summary: '村月度公示 Word 文档（姓名脱敏）', querystring: noticeQuerySchema },
    },
    async (req, reply) => {
      const notice = await publicNotice(ctxOf(req), req.query);
      const buffer = await publicNoticeDocx(notice);
      const filename = encodeURIComponent(`${notice.orgUnitName}${notice.month}美丽庭院公示.docx`);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="notice.docx"; filename*=UTF-8''${filename}`)
        .send(buffer);
    },
  );
  app.get(
    `${COURTYARDS_BASE}/todo`,
    {
      config: read,
      schema: {
        tags,
        summary: '本月待办（未检查农户、逾期整改）',
        querystring: todoQuerySchema,
        response: { 200: todoSchema },
      },
    },
    (req) => monthTodo(req.server.db, ctxOf(req), req.query),
  );
};
