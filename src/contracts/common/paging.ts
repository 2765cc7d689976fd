import { z } from 'zod';

export const MAX_PAGE_SIZE = 200;

/** Query fields every list endpoint accepts. `sort` is `field` or `-field`, checked against a whitelist. */
export const listQueryBaseSchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  sort: z
    .string()
    .regex(/^-?[a-zA-Z]+$/)
    .optional(),
});
export type ListQueryBase = z.infer<typeof listQueryBaseSchema>;

export const listResultSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });

export type ListResult<T> = { items: T[]; total: number };

export const idSchema = z.uuid();
export const idParamsSchema = (name: string) => z.object({ [name]: idSchema }).strict();

/** A calendar date as the users think of it (Asia/Shanghai), ISO `YYYY-MM-DD`. */
export const dateSchema = z.iso.date();
export const versionSchema = z.number().int().min(1);
export const timestampSchema = z.string();

export const okSchema = z.object({ ok: z.literal(true) });

/** `?version=` of a DELETE: the version the client last saw (the optimistic lock). */
export const versionQuerySchema = z.object({ version: z.coerce.number().pipe(versionSchema) }).strict();
