import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { versionQuerySchema } from '../../../contracts/common/paging';
import { versionInputSchema } from '../../../contracts/org';
import {
  draftSummaryInputSchema,
  exportSummaryQuerySchema,
  listSummariesQuerySchema,
  regenerateSummaryInputSchema,
  regenerateSummaryResultSchema,
  saveSummaryInputSchema,
  summaryDraftSchema,
  summaryListSchema,
  summarySchema,
  summaryVersionDetailSchema,
  summaryVersionListSchema,
} from '../../../contracts/reports';
import { ctxOf } from '../../kernel/http/context';
import type { IndicatorRegistry } from '../../kernel/indicators/registry';
import { auditExport, sendFile, tags } from './report-files';
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
  withWarnings,
} from './summaries.service';
import { summaryDocx } from './summary-docx';
import { chineseDate } from './summary-format';

const _definitionParams = z.object({ definitionId: z.uuid() }).strict();
const summaryParams = z.object({ summaryId: z.uuid() }).strict();
const versionParams = z.object({ summaryId: z.uuid(), versionNo: z.coerce.number().int().min(1) }).strict();

/** 工作总结: drafts from the indicators, versions, restore, and the .docx export. */
export const summariesRoutes =
  ({ indicators }: { indicators: IndicatorRegistry }) =>
  async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
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
      async (req, reply) => {
        const ctx = ctxOf(req);
        const created = await createSummary(ctx, indicators, req.body);
        return reply.status(201).send(await withWarnings(ctx, indicators, created));
      },
    );
    app.get(
      `${sums}/:summaryId`,
      {
        config: { access: 'reports.read' },
        schema: { tags, params: summaryParams, response: { 200: summarySchema } },
      },
      async (req) => {
        const ctx = ctxOf(req);
        return withWarnings(ctx, indicators, await getSummary(ctx, req.params.summaryId));
      },
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
      async (req) => {
        const ctx = ctxOf(req);
        return withWarnings(
          ctx,
          indicators,
          await saveSummary(ctx, indicators, req.params.summaryId, req.body),
        );
      },
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
      async (req) => {
        const ctx = ctxOf(req);
        const result = await regenerateSummary(ctx, indicators, req.params.summaryId, req.body);
        return { ...result, summary: await withWarnings(ctx, indicators, result.summary) };
      },
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
      async (req) => {
        const ctx = ctxOf(req);
        const { summaryId, versionNo } = req.params;
        const restored = await restoreSummaryVersion(ctx, summaryId, versionNo, req.body.version);
        return withWarnings(ctx, indicators, restored);
      },
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
        // The version's own text and 成文日期: an export never changes the date.
        const { content, signedOn } = req.query.version
          ? await getSummaryVersion(ctx, summary.id, req.query.version)
          : summary;
        const file = await summaryDocx(content, {
          producer: summary.orgUnitName,
          date: chineseDate(signedOn),
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
