import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  indicatorDefSchema,
  indicatorQuerySchema,
  indicatorRecordListSchema,
  indicatorRecordsQuerySchema,
  indicatorValuesSchema,
} from '../../../contracts/indicators';
import { resolveScopePath } from '../access/access';
import { ctxOf } from '../http/context';
import { contentDisposition } from '../io/xlsx-export';
import { indicatorWorkbook } from './indicator-workbook';
import { computeIndicator, drillIndicator, type IndicatorRegistry, toIndicatorDef } from './registry';

const tags = ['indicators'];
const params = z.object({ indicatorKey: z.string().regex(/^[a-z]+(\.[a-zA-Z]+)+$/) }).strict();

/**
 * Indicators are read with each indicator's own permission, over the caller's subtree (or a unit
 * inside it): the route itself only requires a session.
 */
export const indicatorsRoutes = (registry: IndicatorRegistry) => async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/v1/indicators',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: '统计指标目录',
        response: { 200: z.object({ items: z.array(indicatorDefSchema) }) },
      },
    },
    (req) => {
      const { actor } = ctxOf(req);
      return {
        items: registry
          .list()
          .filter((i) => actor.permissions.has(i.permission))
          .map(toIndicatorDef),
      };
    },
  );
  app.get(
    '/api/v1/indicators/:indicatorKey/values',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: '指标数值（可分组）',
        params,
        querystring: indicatorQuerySchema,
        response: { 200: indicatorValuesSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const indicator = registry.get(req.params.indicatorKey);
      const scopePath = await resolveScopePath(ctx.db, ctx.actor, indicator.permission, req.query.orgUnitId);
      return computeIndicator(ctx.db, indicator, { ...req.query, scopePath });
    },
  );
  app.get(
    '/api/v1/indicators/:indicatorKey/records',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: '指标明细（数字背后的记录）',
        params,
        querystring: indicatorRecordsQuerySchema,
        response: { 200: indicatorRecordListSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const indicator = registry.get(req.params.indicatorKey);
      const scopePath = await resolveScopePath(ctx.db, ctx.actor, indicator.permission, req.query.orgUnitId);
      return drillIndicator(ctx.db, indicator, { ...req.query, scopePath });
    },
  );
  app.get(
    '/api/v1/indicators/:indicatorKey/export',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: '导出指标表（.xlsx，含标题、单位、期间和制表单位）',
        params,
        querystring: indicatorQuerySchema,
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const indicator = registry.get(req.params.indicatorKey);
      const scopePath = await resolveScopePath(ctx.db, ctx.actor, indicator.permission, req.query.orgUnitId);
      const values = await computeIndicator(ctx.db, indicator, { ...req.query, scopePath });
      const unitId = req.query.orgUnitId ?? ctx.actor.orgUnitId;
      const [unit] = (await ctx.db.execute(sql`select name from org_units where id = ${unitId}`)).rows as {
        name: string;
      }[];
      const file = await indicatorWorkbook(indicator, values, {
        unitName: unit?.name ?? '',
        groupBy: req.query.groupBy,
      });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          contentDisposition(`${indicator.label.zh}-${values.from}至${values.to}.xlsx`),
        )
        .header('cache-control', 'no-store')
        .send(file);
    },
  );
};
