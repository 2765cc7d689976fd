import type {} from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okSchema } from '../../../contracts/common/paging';
import { ctxOf } from '../../kernel/http/context';
import { AppError } from '../../kernel/http/errors';
import {
  addActivityPhoto,
  checkPhotoUpload,
  deleteActivityPhoto,
  readActivityPhoto,
} from './activity-photos.service';

const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const tags = ['activities'];

const photoUploadedSchema = z.object({
  id: z.uuid(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
});

export const activityPhotosRoutes = async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/activities/activities/:activityId/photos';
  const params = z.object({ activityId: z.uuid() }).strict();
  const photoParams = z.object({ activityId: z.uuid(), photoId: z.uuid() }).strict();

  app.post(
    base,
    {
      config: { access: 'activities.write' },
      schema: {
        tags,
        summary: '上传活动照片（multipart 字段 file；JPG/PNG/WebP，≤10MB，每个活动最多9张）',
        params,
        response: { 201: photoUploadedSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await checkPhotoUpload(ctx, req.params.activityId);
      if (!req.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以文件上传方式提交（multipart/form-data）');
      const part = await req.file({ limits: { fileSize: MAX_PHOTO_BYTES, files: 1 } });
      if (part?.fieldname !== 'file') throw new AppError('BAD_REQUEST', '没有收到照片文件');
      const file = await part.toBuffer().catch((e: { code?: string }) => {
        if (e.code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError('PAYLOAD_TOO_LARGE', '照片超过 10MB 的上限，请压缩后再上传');
        }
        throw e;
      });
      const photo = await addActivityPhoto(ctx, req.server.appConfig.dataDir, req.params.activityId, file);
      return reply.status(201).send(photo);
    },
  );
  app.get(
    `${base}/:photoId`,
    {
      config: { access: 'activities.read' },
      schema: { tags, summary: '活动照片（JPEG）', params: photoParams },
    },
    async (req, reply) => {
      const image = await readActivityPhoto(
        ctxOf(req),
        req.server.appConfig.dataDir,
        req.params.activityId,
        req.params.photoId,
      );
      // Private: photos of people must not sit in shared caches; a photo never changes under its id.
      return reply
        .header('content-type', 'image/jpeg')
        .header('cache-control', 'private, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', 'inline; filename="photo.jpg"')
        .send(image);
    },
  );
  app.delete(
    `${base}/:photoId`,
    {
      config: { access: 'activities.write' },
      schema: { tags, summary: '删除活动照片', params: photoParams, response: { 200: okSchema } },
    },
    (req) => deleteActivityPhoto(ctxOf(req), req.params.activityId, req.params.photoId),
  );
};
