import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  cancerAidListSchema,
  cancerAidSchema,
  cancerAidStepInputSchema,
  createCancerAidInputSchema,
  listCancerAidQuerySchema,
  updateCancerAidInputSchema,
} from '../../../contracts/donations';
import { ctxOf } from '../../kernel/http/context';
import { AppError } from '../../kernel/http/errors';
import { guardUploadPart } from '../../kernel/http/input-guard';
import { recordRoutes } from '../../kernel/ledger/record-routes';
import {
  attachDocument,
  cancerAidRecord,
  checkDocumentUpload,
  createCancerAid,
  deleteCancerAid,
  getCancerAid,
  listCancerAid,
  readAidDocument,
  restoreCancerAid,
  stepCancerAid,
  updateCancerAid,
} from './cancer-aid.service';

const tags = ['donations'];
const base = '/api/v1/cancer-aid';
const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
const params = z.object({ aidId: z.uuid() }).strict();

const standard = recordRoutes({
  base,
  idParam: 'aidId',
  tags,
  permissions: cancerAidRecord.permissions,
  schemas: {
    record: cancerAidSchema,
    list: cancerAidListSchema,
    listQuery: listCancerAidQuerySchema,
    create: createCancerAidInputSchema,
    update: updateCancerAidInputSchema,
  },
  summaries: { list: '两癌救助申请（姓名脱敏）', create: '登记两癌救助申请（人员台账中的适龄妇女）' },
  list: listCancerAid,
  get: getCancerAid,
  create: createCancerAid,
  replays: ({ aid, isReplay }: Awaited<ReturnType<typeof createCancerAid>>) => ({ record: aid, isReplay }),
  update: updateCancerAid,
  remove: deleteCancerAid,
  restore: restoreCancerAid,
});

export const cancerAidRoutes = async (fastify: FastifyInstance) => {
  await standard(fastify);
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post(
    `${base}/:aidId/steps`,
    {
      config: { access: 'cancerAid.read' },
      schema: {
        tags,
        summary: '两癌救助审核：村申报、镇初审、县复审、批准或不予救助、拨付（按顺序）',
        params,
        body: cancerAidStepInputSchema,
        response: { 200: cancerAidSchema },
      },
    },
    (req) => stepCancerAid(ctxOf(req), req.params.aidId, req.body),
  );
  app.post(
    `${base}/:aidId/document`,
    {
      config: { access: 'cancerAid.write' },
      schema: {
        tags,
        summary: '上传诊断证明（multipart 字段 file；JPG/PNG/WebP 或 PDF，按文件内容识别，≤10MB）',
        params,
        response: { 200: cancerAidSchema },
      },
    },
    async (req) => {
      await checkDocumentUpload(ctxOf(req), req.params.aidId);
      if (!req.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以文件上传方式提交（multipart/form-data）');
      const part = await req.file({ limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1 } });
      guardUploadPart(part);
      if (part?.fieldname !== 'file') throw new AppError('BAD_REQUEST', '没有收到诊断材料文件');
      const file = await part.toBuffer().catch((e: { code?: string }) => {
        if (e.code === 'FST_REQ_FILE_TOO_LARGE')
          throw new AppError('PAYLOAD_TOO_LARGE', '文件超过 10MB 的上限');
        throw e;
      });
      return attachDocument(ctxOf(req), req.server.appConfig.dataDir, req.params.aidId, file);
    },
  );
  app.get(
    `${base}/:aidId/document`,
    { config: { access: 'cancerAid.read' }, schema: { tags, summary: '诊断证明材料', params } },
    async (req, reply) => {
      const doc = await readAidDocument(ctxOf(req), req.server.appConfig.dataDir, req.params.aidId);
      return reply
        .header('content-type', doc.contentType)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `inline; filename="diagnosis.${doc.contentType === 'application/pdf' ? 'pdf' : 'jpg'}"`,
        )
        .send(doc.body);
    },
  );
};
