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
import { recordAudit } from '../audit/audit';
import { ctxOf } from '../http/context';
import { contentDisposition, type ExportColumn, streamXlsx } from '../io/xlsx-export';
import { indicatorWorkbook } from './indicator-workbook';
import { computeIndicator, drillIndicator, type IndicatorRegistry, indicatorDefsFor } from './registry';

/** The most records one drilled list exports (the list itself pages through any number). */
export const RECORDS_EXPORT_MAX = 10_000;
const EXPORT_PAGE = 500;

type DrilledRecord = Awaited<ReturnType<typeof drillIndicator>>['items'][number];

const tags = ['indicators'];
const params = z.object({ indicatorKey: z.string().regex(/^[a-z][a-zA-Z]*(\.[a-zA-Z]+)+$/) }).strict();

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
    async (req) => {
      const { actor, db } = ctxOf(req);
      const readable = registry.list().filter((i) => actor.permissions.has(i.permission));
      return { items: await indicatorDefsFor(db, readable, actor.orgPath) };
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
    '/api/v1/indicators/:indicatorKey/records/export',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: '导出指标明细（.xlsx：数字背后的记录，与明细列表相同）',
        params,
        querystring: indicatorRecordsQuerySchema.omit({ page: true, pageSize: true }),
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const indicator = registry.get(req.params.indicatorKey);
      const scopePath = await resolveScopePath(ctx.db, ctx.actor, indicator.permission, req.query.orgUnitId);
      const query = { ...req.query, scopePath };
      // The first page answers now: a refused filter is a 400 here, not a broken download.
      const first = await drillIndicator(ctx.db, indicator, { ...query, page: 1, pageSize: EXPORT_PAGE });
      const total = Math.min(first.total, RECORDS_EXPORT_MAX);
      await ctx.db.transaction((tx) =>
        recordAudit(tx, ctx.actor, {
          module: 'reports',
          action: 'export',
          entityType: 'indicatorRecords',
          entityLabel: indicator.label.zh,
          orgUnitId: req.query.orgUnitId ?? ctx.actor.orgUnitId,
          orgPath: scopePath,
          after: { indicatorKey: indicator.key, ...req.query, rows: total },
        }),
      );
      async function* rows() {
        yield first.items;
        for (let page = 2; (page - 1) * EXPORT_PAGE < total; page++) {
          const next = await drillIndicator(ctx.db, indicator, { ...query, page, pageSize: EXPORT_PAGE });
          yield next.items.slice(0, total - (page - 1) * EXPORT_PAGE);
        }
      }
      const columns: ExportColumn<DrilledRecord>[] = [
        { header: '记录', width: 36, value: (r) => r.label },
        { header: '所属组织', width: 20, value: (r) => r.orgUnitName },
        { header: '日期', width: 12, value: (r) => r.date },
        { header: '类型', width: 14, value: (r) => r.type?.label ?? '' },
        ...(indicator.measure === 'sum'
          ? [{ header: indicator.unit.zh, width: 10, value: (r: DrilledRecord) => r.amount }]
          : []),
      ];
      return streamXlsx(reply, {
        sheetName: indicator.label.zh,
        columns,
        rows: rows(),
        filename: `${indicator.label.zh}明细-${req.query.from}至${req.query.to}.xlsx`,
      });
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
