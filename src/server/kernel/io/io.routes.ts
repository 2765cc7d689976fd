import type {} from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importJobSchema, importQuerySchema } from '../../../contracts/common/io';
import { requireAccess, requirePermission } from '../access/access';
import { ctxOf } from '../http/context';
import { AppError } from '../http/errors';
import { guardUploadPart } from '../http/input-guard';
import { maskFilters } from '../privacy/pii-mask';
import { shanghaiToday } from '../time/calendar';
import { createImportJob, findOwnJob, getImportJob, runImport } from './import-runner';
import { auditExport, buildTemplate, type LedgerIo } from './ledger-io';
import {
  checkImportFile,
  IMPORT_BUSY_MESSAGE,
  ImportFileError,
  isImportBusy,
  MAX_IMPORT_BYTES,
} from './workbook';
import { contentDisposition, streamXlsx } from './xlsx-export';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Import jobs are read back by the user who started them (progress, result, error report). */
export const ioJobRoutes = async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ jobId: z.uuid() }).strict();
  app.get(
    '/api/v1/io/jobs/:jobId',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['io'], summary: '导入进度与结果', params, response: { 200: importJobSchema } },
    },
    (req) => getImportJob(ctxOf(req), req.params.jobId),
  );
  app.get(
    '/api/v1/io/jobs/:jobId/report',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['io'], summary: '下载导入错误报告（.xlsx）', params },
    },
    async (req, reply) => {
      const job = await findOwnJob(ctxOf(req), req.params.jobId);
      if (!job.report) throw new AppError('NOT_FOUND', '该导入没有错误报告');
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          contentDisposition(`导入错误报告-${job.filename.replace(/\.[^.]+$/, '')}.xlsx`),
        )
        .header('cache-control', 'no-store')
        .send(job.report);
    },
  );
};

/** Template download, import and export routes for one ledger, from its descriptor. */
export const ledgerIoRoutes = (io: LedgerIo) => async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['io'];
  app.get(
    `${io.routeBase}/template`,
    { config: { access: io.permissions.import }, schema: { tags, summary: `${io.title}导入模板（.xlsx）` } },
    async (req, reply) =>
      reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition(`${io.title}导入模板.xlsx`))
        .send(await buildTemplate(io, await io.templateOptions?.(ctxOf(req)))),
  );
  app.post(
    `${io.routeBase}/import`,
    {
      config: { access: io.permissions.import },
      schema: {
        tags,
        summary: `导入${io.title}（multipart 文件）`,
        querystring: importQuerySchema,
        response: { 200: importJobSchema, 202: importJobSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      requirePermission(ctx.actor, io.permissions.import);
      if (req.query.orgUnitId) {
        await requireAccess(ctx.db, {
          actor: ctx.actor,
          permission: io.permissions.import,
          orgUnitIds: [req.query.orgUnitId],
        });
      }
      if (!req.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以文件上传方式提交（multipart/form-data）');
      // Turned away before the upload is even read: the queue of workbooks waiting for exceljs is full.
      if (isImportBusy()) throw new AppError('UNAVAILABLE', IMPORT_BUSY_MESSAGE);
      const part = await req.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
      if (!part) throw new AppError('BAD_REQUEST', '没有收到文件');
      guardUploadPart(part);
      const file = await part.toBuffer().catch((e: { code?: string }) => {
        if (e.code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError('PAYLOAD_TOO_LARGE', '文件超过 10MB 的上限，请拆分后分批导入');
        }
        throw e;
      });
      // The bounds (size, and what an .xlsx really inflates to) are checked here, in bounded memory, so a
      // zip bomb or a million-row sheet is answered at once with a 4xx; no job is made for it.
      await checkImportFile(file).catch((e: unknown) => {
        if (e instanceof ImportFileError) throw new AppError(e.code, e.message);
        throw e;
      });
      const job = await createImportJob(ctx, io, part.filename || 'upload.xlsx');
      const running = runImport(
        ctx,
        io,
        job.id,
        file,
        part.filename || 'upload.xlsx',
        {
          defaultOrgUnitId: req.query.orgUnitId,
          referenceDate: req.query.referenceDate,
          allowMoves: req.query.allowMoves === '1',
        },
        req.query.preview === '1' ? 'preview' : 'commit',
      );
      if (req.query.wait === '1') return reply.status(200).send(await running);
      running.catch((e) => req.log.error({ err: e }, 'import failed'));
      return reply.status(202).send(await getImportJob(ctx, job.id));
    },
  );
  app.get(
    `${io.routeBase}/export`,
    {
      config: { access: io.permissions.export },
      schema: { tags, summary: `导出${io.title}（.xlsx）`, querystring: io.exportQuerySchema },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const query = req.query as never;
      const rows = await io.exportRows(ctx, query);
      const facts = (await io.exportAuditFacts?.(ctx, query)) ?? {};
      // A search by ID number or phone is itself personal data: the audit row keeps it masked.
      await auditExport(ctx, io, { filters: maskFilters(query), ...facts });
      return streamXlsx(reply, {
        filename: `${io.title}-${shanghaiToday()}.xlsx`,
        sheetName: io.title,
        columns: await io.exportColumns(ctx, query),
        rows,
      });
    },
  );
};
