import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { versionQuerySchema } from '../../../contracts/common/paging';
import { versionInputSchema } from '../../../contracts/org';
import {
  createReportDefinitionInputSchema,
  dashboardQuerySchema,
  dashboardSchema,
  listReportDefinitionsQuerySchema,
  renderedReportSchema,
  reportDefinitionListSchema,
  reportDefinitionSchema,
  reportPreviewInputSchema,
  reportRenderQuerySchema,
  updateReportDefinitionInputSchema,
} from '../../../contracts/reports';
import { ctxOf } from '../../kernel/http/context';
import { reportTableWorkbook } from '../../kernel/indicators/indicator-workbook';
import type { IndicatorRegistry } from '../../kernel/indicators/registry';
import type { TodoRegistry } from '../../kernel/indicators/todo-registry';
import { getDashboard } from './dashboard.service';
import {
  createReportDefinition,
  deleteReportDefinition,
  getReportDefinition,
  listReportDefinitions,
  renderReport,
  renderSavedReport,
  restoreReportDefinition,
  updateReportDefinition,
} from './report-definitions.service';
import { auditExport, sendFile, tags } from './report-files';

const definitionParams = z.object({ definitionId: z.uuid() }).strict();
const _summaryParams = z.object({ summaryId: z.uuid() }).strict();
const _versionParams = z.object({ summaryId: z.uuid(), versionNo: z.coerce.number().int().min(1) }).strict();

/**
 * 工作台 and 统计报表 (the 工作总结 routes are summaries.routes.ts). Every number is read from the indicator
 * registry; the to-do list comes from the registered to-do providers.
 */
export const reportsRoutes =
  (deps: { indicators: IndicatorRegistry; todos: TodoRegistry }) => async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const { indicators } = deps;

    app.get(
      '/api/v1/reports/dashboard',
      {
        config: { access: 'reports.read' },
        schema: {
          tags,
          summary: '工作台：年度/月度关键数字（同比）、月度趋势、分单位、待办',
          querystring: dashboardQuerySchema,
          response: { 200: dashboardSchema },
        },
      },
      (req) => getDashboard(ctxOf(req), indicators, deps.todos, req.query),
    );

    const defs = '/api/v1/reports/definitions';
    app.get(
      defs,
      {
        config: { access: 'reports.read' },
        schema: {
          tags,
          summary: '统计报表定义',
          querystring: listReportDefinitionsQuerySchema,
          response: { 200: reportDefinitionListSchema },
        },
      },
      (req) => listReportDefinitions(ctxOf(req), req.query),
    );
    app.post(
      defs,
      {
        config: { access: 'reports.write' },
        schema: {
          tags,
          summary: '新建报表（指标 × 期间 × 层级 × 维度）',
          body: createReportDefinitionInputSchema,
          response: { 201: reportDefinitionSchema },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await createReportDefinition(ctxOf(req), indicators, req.body)),
    );
    app.get(
      `${defs}/:definitionId`,
      {
        config: { access: 'reports.read' },
        schema: { tags, params: definitionParams, response: { 200: reportDefinitionSchema } },
      },
      (req) => getReportDefinition(ctxOf(req), req.params.definitionId),
    );
    app.patch(
      `${defs}/:definitionId`,
      {
        config: { access: 'reports.write' },
        schema: {
          tags,
          params: definitionParams,
          body: updateReportDefinitionInputSchema,
          response: { 200: reportDefinitionSchema },
        },
      },
      (req) => updateReportDefinition(ctxOf(req), indicators, req.params.definitionId, req.body),
    );
    app.delete(
      `${defs}/:definitionId`,
      {
        config: { access: 'reports.write' },
        schema: {
          tags,
          params: definitionParams,
          querystring: versionQuerySchema,
          response: { 200: reportDefinitionSchema },
        },
      },
      (req) => deleteReportDefinition(ctxOf(req), req.params.definitionId, req.query.version),
    );
    app.post(
      `${defs}/:definitionId/restore`,
      {
        config: { access: 'reports.write' },
        schema: {
          tags,
          params: definitionParams,
          body: versionInputSchema,
          response: { 200: reportDefinitionSchema },
        },
      },
      (req) => restoreReportDefinition(ctxOf(req), req.params.definitionId, req.body.version),
    );
    app.get(
      `${defs}/:definitionId/render`,
      {
        config: { access: 'reports.read' },
        schema: {
          tags,
          summary: '生成报表（各下级单位一行，另有合计）',
          params: definitionParams,
          querystring: reportRenderQuerySchema,
          response: { 200: renderedReportSchema },
        },
      },
      (req) => renderSavedReport(ctxOf(req), indicators, req.params.definitionId, req.query),
    );
    app.get(
      `${defs}/:definitionId/export`,
      {
        config: { access: 'reports.read' },
        schema: {
          tags,
          summary: '导出报表（.xlsx：标题、期间、单位、制表单位）',
          params: definitionParams,
          querystring: reportRenderQuerySchema,
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const r = await renderSavedReport(ctx, indicators, req.params.definitionId, req.query);
        const units = [...new Set(r.columns.map((c) => c.unit))];
        const file = await reportTableWorkbook(
          {
            title: r.title,
            periodLabel: `${r.periodLabel}　${r.period.from} 至 ${r.period.to}`,
            unitOfMeasure: units.length === 1 ? units[0] : '',
            producer: r.orgUnitName,
            header: [
              '单位',
              ...r.columns.map((c) => (units.length === 1 ? c.label : `${c.label}（${c.unit}）`)),
            ],
            rows: r.rows.map((row) => [row.orgUnitName, ...row.cells.map((c) => c.value)]),
            total: ['合计', ...r.total.map((c) => c.value)],
            note: r.skippedIndicatorKeys.length
              ? `未启用的指标：${r.skippedIndicatorKeys.join('、')}`
              : undefined,
          },
          r.name,
        );
        await auditExport(ctx, 'reportDefinition', req.params.definitionId, r.title, { period: r.period });
        return sendFile(
          reply,
          file,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          `${r.title}.xlsx`,
        );
      },
    );
    app.post(
      '/api/v1/reports/preview',
      {
        config: { access: 'reports.read' },
        schema: {
          tags,
          summary: '预览报表（不保存定义）',
          body: reportPreviewInputSchema,
          response: { 200: renderedReportSchema },
        },
      },
      (req) => renderReport(ctxOf(req), indicators, req.body, req.body),
    );
  };
