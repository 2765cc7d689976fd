import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { versionQuerySchema } from '../../../contracts/common/paging';
import type { Permission } from '../../../contracts/common/permissions';
import { versionInputSchema } from '../../../contracts/org';
import { ctxOf } from '../http/context';
import type { ServiceContext } from '../service-context';

/**
 * The standard routes of a record type: list, get, create, patch, delete (soft, `?version=`) and restore,
 * under one base path, with the contract's schemas and `config.access` from the record's permissions.
 * The handlers are the module's use cases (its domain rules live there); a route whose shape differs
 * (a batch, an assignment, a coverage report) stays in the module's own routes file beside these.
 */
export type RecordRoutesSpec<Q, C, U> = {
  base: string;
  /** The path parameter's name (`siteId`): the OpenAPI document and the clients name it. */
  idParam: string;
  tags: string[];
  permissions: { read: Permission; write: Permission };
  schemas: {
    record: z.ZodType;
    /** What a get answers, when richer than the record the writes answer (an activity with its photos). */
    detail?: z.ZodType;
    /** What a delete answers, when not the record (households answer `{ ok: true }`). */
    removed?: z.ZodType;
    list: z.ZodType;
    listQuery: z.ZodType<Q>;
    create: z.ZodType<C>;
    update: z.ZodType<U>;
  };
  /** The OpenAPI summaries (zh-CN) of the routes that have one. */
  summaries: { list: string; create?: string; update?: string };
  list: (ctx: ServiceContext, query: Q) => Promise<unknown>;
  get: (ctx: ServiceContext, id: string) => Promise<unknown>;
  create: (ctx: ServiceContext, input: C) => Promise<unknown>;
  /**
   * For a create that carries the client's id (a phone retrying a lost answer): how to read the
   * service's answer as the record and whether it was a replay (200, nothing written) or new (201).
   */
  replays?: (created: never) => { record: unknown; isReplay: boolean };
  update: (ctx: ServiceContext, id: string, input: U) => Promise<unknown>;
  remove: (ctx: ServiceContext, id: string, version: number) => Promise<unknown>;
  restore: (ctx: ServiceContext, id: string, version: number) => Promise<unknown>;
};

export const recordRoutes =
  <Q, C, U>(spec: RecordRoutesSpec<Q, C, U>) =>
  async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const { base, tags, schemas, summaries } = spec;
    const read = { access: spec.permissions.read };
    const write = { access: spec.permissions.write };
    const params = z.object({ [spec.idParam]: z.uuid() }).strict();
    const item = `${base}/:${spec.idParam}`;
    const idOf = (p: unknown) => (p as Record<string, string>)[spec.idParam];
    const one = { 200: schemas.record };

    app.get(
      base,
      {
        config: read,
        schema: {
          tags,
          summary: summaries.list,
          querystring: schemas.listQuery,
          response: { 200: schemas.list },
        },
      },
      (req) => spec.list(ctxOf(req), req.query as Q),
    );
    app.get(
      item,
      { config: read, schema: { tags, params, response: { 200: schemas.detail ?? schemas.record } } },
      (req) => spec.get(ctxOf(req), idOf(req.params)),
    );
    app.post(
      base,
      {
        config: write,
        schema: {
          tags,
          ...(summaries.create ? { summary: summaries.create } : {}),
          body: schemas.create,
          response: spec.replays ? { 200: schemas.record, 201: schemas.record } : { 201: schemas.record },
        },
      },
      async (req, reply) => {
        const created = await spec.create(ctxOf(req), req.body as C);
        if (!spec.replays) return reply.status(201).send(created);
        const { record, isReplay } = spec.replays(created as never);
        return reply.status(isReplay ? 200 : 201).send(record);
      },
    );
    app.patch(
      item,
      {
        config: write,
        schema: {
          tags,
          ...(summaries.update ? { summary: summaries.update } : {}),
          params,
          body: schemas.update,
          response: one,
        },
      },
      (req) => spec.update(ctxOf(req), idOf(req.params), req.body as U),
    );
    app.delete(
      item,
      {
        config: write,
        schema: {
          tags,
          params,
          querystring: versionQuerySchema,
          response: { 200: schemas.removed ?? schemas.record },
        },
      },
      (req) => spec.remove(ctxOf(req), idOf(req.params), req.query.version),
    );
    app.post(
      `${item}/restore`,
      { config: write, schema: { tags, params, body: versionInputSchema, response: one } },
      (req) => spec.restore(ctxOf(req), idOf(req.params), req.body.version),
    );
  };
