import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  sharedDocumentSchema,
  shareLinkSchema,
  shareTokenParamsSchema,
} from '../../../contracts/common/share';
import { ctxOf } from '../http/context';
import { createShareLink, readSharedDocument, revokeShareLink, type ShareKind } from './share-links';

/**
 * Read-only links: one POST per shareable document kind (with that kind's permission), the public read
 * of a link by its token, and revocation.
 */
export const shareRoutes = (kinds: readonly ShareKind[]) => async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['share'];
  for (const kind of kinds) {
    app.post(
      `/api/v1/shares/${kind.kind}`,
      {
        config: { access: kind.permission },
        schema: { tags, summary: kind.summary, body: kind.querySchema, response: { 201: shareLinkSchema } },
      },
      async (req, reply) =>
        reply.status(201).send(await createShareLink(ctxOf(req), kind, req.body as never)),
    );
  }
  app.delete(
    '/api/v1/shares/:shareId',
    {
      config: { access: 'signedIn' },
      schema: { tags, summary: '撤销分享链接', params: z.object({ shareId: z.uuid() }).strict() },
    },
    async (req, reply) => {
      await revokeShareLink(ctxOf(req), kinds, req.params.shareId);
      return reply.status(204).send();
    },
  );
  app.get(
    '/api/v1/shared/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '查看分享的文档（只读，无需登录）',
        params: shareTokenParamsSchema,
        response: { 200: sharedDocumentSchema },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
      return readSharedDocument(req.server.db, req.params.token);
    },
  );
};
