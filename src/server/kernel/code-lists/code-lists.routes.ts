import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { codeListInputSchema, codeOptionSchema } from '../../../contracts/common/code-lists';
import { ctxOf } from '../http/context';
import type { countyCodeList } from './code-lists';

/**
 * GET and PUT of a county-configured code list at `path`, its values under `field` (`types`,
 * `kinds`): anyone who reads the ledger reads it, only the county (`org.manage`) sets it.
 */
export const codeListRoutes =
  (
    list: ReturnType<typeof countyCodeList>,
    opts: { path: string; field: string; tags: string[]; what: string },
  ) =>
  async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const output = z.object({ [opts.field]: z.array(codeOptionSchema), isDefault: z.boolean() });
    const input = z.object({ [opts.field]: codeListInputSchema(opts.what) }).strict();
    app.get(
      opts.path,
      {
        config: { access: list.readPermission },
        schema: { tags: opts.tags, summary: `${opts.what}（含代码）`, response: { 200: output } },
      },
      async (req) => {
        const { items, isDefault } = await list.get(ctxOf(req));
        return { [opts.field]: items, isDefault };
      },
    );
    app.put(
      opts.path,
      {
        config: { access: 'org.manage' },
        schema: {
          tags: opts.tags,
          summary: `设置本县${opts.what}（仅县级妇联；已使用的只能改名，不能删除）`,
          body: input,
          response: { 200: output },
        },
      },
      async (req) => {
        const body = req.body as Record<string, z.infer<ReturnType<typeof codeListInputSchema>>>;
        const { items, isDefault } = await list.set(ctxOf(req), body[opts.field]);
        return { [opts.field]: items, isDefault };
      },
    );
  };
