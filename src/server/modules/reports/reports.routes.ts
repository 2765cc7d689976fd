import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { versionQuerySchema } from '../../../contracts/common/paging';
import { versionInputSchema } from '../../../contracts/org';
import {
  createReportDefinitionInputSchema,
  dashboardQuerySchema,
  dashboardSchema,
  draftSummaryInputSchema,
  exportSummaryQuerySchema,
  listReportDefinitionsQuerySchema,
  listSummariesQuerySchema,
  regenerateSummaryInputSchema,
  regenerateSummaryResultSchema,
  renderedReportSchema,
  reportDefinitionListSchema,
  reportDefinitionSchema,
  reportPreviewInputSchema,
  reportRenderQuerySchema,
  saveSummaryInputSchema,
  summaryDraftSchema,
  summaryListSchema,
  summarySchema,
  summaryVersionDetailSchema,
  summaryVersionListSchema,
  updateReportDefinitionInputSchema,
} from '../../../contracts/reports';
import { recordAudit } from '../../kernel/audit/audit';
import { ctxOf } from '../../kernel/http/context';
import { reportTableWorkbook } from '../../kernel/indicators/indicator-workbook';
import type { IndicatorRegistry } from '../../kernel/indicators/registry';
import type { TodoRegistry } from '../../kernel/indicators/todo-registry';
import { contentDisposition } from '../../kernel/io/xlsx-export';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
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
import {
  createSummary,
  deleteSummary,
  getSummary,
  getSummaryVersion,
  listSummaries,
  listSummaryVersions,
  previewSummary,
  regenerateSummary,
  restoreSummary,
  restoreSummaryVersion,
  saveSummary,
} from './summaries.service';
import { summaryDocx } from './summary-docx';

const tags = ['reports'];
const definitionParams = z.object({ definitionId: z.uuid() }).strict();
const summaryParams = z.object({ summaryId: z.uuid() }).strict();
const versionParams = z.object({ summaryId: z.uuid(), versionNo: z.coerce.number().int().min(1) }).strict();

const auditExport = (
  ctx: ServiceContext,
  entityType: string,
  entityId: string,
  label: string,
  after: unknown,
) =>
  ctx.db.transaction((tx) =>
    recordAudit(tx, ctx.actor, {
      module: 'reports',
      action: 'export',
      entityType,
      entityId,
      entityLabel: label,
      orgUnitId: ctx.actor.orgUnitId,
      orgPath: ctx.actor.orgPath,
      after,
    }),
  );

const sendFile = (reply: FastifyReply, file: Buffer, type: string, filename: string) =>
  reply
    .header('content-type', type)
    .header('content-disposition', contentDisposition(filename))
    .header('cache-control', 'no-store')
    .send(file);

/**
 * 工作台, 统计报表 and 工作总结. Every number is read from the indicator registry; the to-do list
 * comes from the registered to-do providers.
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

    const sums = '/api/v1/reports/summaries';
    app.get(
      sums,
      {
        config: { access: 'reports.read' },
        schema: {
          tags,
          summary: '工作总结',
          querystring: listSummariesQuerySchema,
          response: { 200: summaryListSchema },
        },
      },
      (req) => listSummaries(ctxOf(req), req.query),
    );
    app.post(
      `${sums}/draft`,
      {
        config: { access: 'reports.read' },
        schema: {
          tags,
          summary: '按台账起草工作总结（不保存）',
          body: draftSummaryInputSchema,
          response: { 200: summaryDraftSchema },
        },
      },
      (req) => previewSummary(ctxOf(req), indicators, req.body),
    );
    app.post(
      sums,
      {
        config: { access: 'reports.write' },
        schema: {
          tags,
          summary: '按台账起草并保存工作总结（第1版）',
          body: draftSummaryInputSchema,
          response: { 201: summarySchema },
        },
      },
      async (req, reply) => reply.status(201).send(await createSummary(ctxOf(req), indicators, req.body)),
    );
    app.get(
      `${sums}/:summaryId`,
      {
        config: { access: 'reports.read' },
        schema: { tags, params: summaryParams, response: { 200: summarySchema } },
      },
      (req) => getSummary(ctxOf(req), req.params.summaryId),
    );
    app.put(
      `${sums}/:summaryId`,
      {
        config: { access: 'reports.write' },
        schema: {
          tags,
          summary: '保存修改（每次保存一个版本）',
          params: summaryParams,
          body: saveSummaryInputSchema,
          response: { 200: summarySchema },
        },
      },
      (req) => saveSummary(ctxOf(req), req.params.summaryId, req.body),
    );
    app.delete(
      `${sums}/:summaryId`,
      {
        config: { access: 'reports.write' },
        schema: {
          tags,
          params: summaryParams,
          querystring: versionQuerySchema,
          response: { 200: summarySchema },
        },
      },
      (req) => deleteSummary(ctxOf(req), req.params.summaryId, req.query.version),
    );
    app.post(
      `${sums}/:summaryId/restore`,
      {
        config: { access: 'reports.write' },
        schema: { tags, params: summaryParams, body: versionInputSchema, response: { 200: summarySchema } },
      },
      (req) => restoreSummary(ctxOf(req), req.params.summaryId, req.body.version),
    );
    app.post(
      `${sums}/:summaryId/regenerate`,
      {
        config: { access: 'reports.write' },
        schema: {
          tags,
          summary: '按最新台账重新生成（保留修改或更新数字，标出变化）',
          params: summaryParams,
          body: regenerateSummaryInputSchema,
          response: { 200: regenerateSummaryResultSchema },
        },
      },
      (req) => regenerateSummary(ctxOf(req), indicators, req.params.summaryId, req.body),
    );
    app.get(
      `${sums}/:summaryId/versions`,
      {
        config: { access: 'reports.read' },
        schema: {
          tags,
          summary: '历史版本',
          params: summaryParams,
          response: { 200: summaryVersionListSchema },
        },
      },
      (req) => listSummaryVersions(ctxOf(req), req.params.summaryId),
    );
    app.get(
      `${sums}/:summaryId/versions/:versionNo`,
      {
        config: { access: 'reports.read' },
        schema: { tags, params: versionParams, response: { 200: summaryVersionDetailSchema } },
      },
      (req) => getSummaryVersion(ctxOf(req), req.params.summaryId, req.params.versionNo),
    );
    app.post(
      `${sums}/:summaryId/versions/:versionNo/restore`,
      {
        config: { access: 'reports.write' },
        schema: {
          tags,
          summary: '恢复为某一历史版本（另存为新版本）',
          params: versionParams,
          body: versionInputSchema,
          response: { 200: summarySchema },
        },
      },
      (req) =>
        restoreSummaryVersion(ctxOf(req), req.params.summaryId, req.params.versionNo, req.body.version),
    );
    app.get(
      `${sums}/:summaryId/export`,
      {
        config: { access: 'reports.read' },
        schema: {
          tags,
          summary: '导出 Word（.docx，GB/T 9704 版式）',
          params: summaryParams,
          querystring: exportSummaryQuerySchema,
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const summary = await getSummary(ctx, req.params.summaryId);
        const content = req.query.version
          ? (await getSummaryVersion(ctx, summary.id, req.query.version)).content
          : summary.content;
        const today = shanghaiToday();
        const file = await summaryDocx(content, {
          producer: summary.orgUnitName,
          date: `${Number(today.slice(0, 4))}年${Number(today.slice(5, 7))}月${Number(today.slice(8, 10))}日`,
        });
        await auditExport(ctx, 'workSummary', summary.id, summary.title, {
          version: req.query.version ?? summary.version,
        });
        return sendFile(
          reply,
          file,
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          `${content.title}.docx`,
        );
      },
    );
  };
