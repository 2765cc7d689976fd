import { z } from 'zod';

// County-configured code lists (activity types, site kinds): the county names the values, every
// record stores a value's code, which it keeps for life, so renaming never splits a statistic.

export type CodeLabel = { zh: string; en: string };
/**
 * `isDated`: a value whose records a summary names with their dates (activity types such as 宣传日
 * and 培训班); lists that have no use for it leave it unset.
 */
export type CodeOption = {
  code: string;
  label: CodeLabel;
  isDated?: boolean;
  /** What a list's values say beside their name (an honour title's level and awarding body). */
  attrs?: Record<string, string | boolean>;
};
const codeAttrsSchema = z.record(z.string().max(40), z.union([z.string().max(80), z.boolean()]));

/** A value's code: letters and digits, as the built-in ones (`womenHome`) and the added ones (`custom3`). */
export const codeSchema = (what: string) =>
  z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{1,31}$/, { message: `${what}代码格式不正确` });

export const codeOptionSchema = z.object({
  code: z.string(),
  label: z.object({ zh: z.string(), en: z.string() }),
  isDated: z.boolean().optional(),
  attrs: codeAttrsSchema.optional(),
});

/**
 * The list a county saves for `what` (e.g. 活动类型): values in order, each with its code (a new
 * one comes without and gets a fresh code). Names and codes are unique.
 */
export const codeListInputSchema = (what: string, max = 40) =>
  z
    .array(
      z
        .object({
          code: codeSchema(what).optional(),
          label: z
            .object({
              zh: z
                .string()
                .trim()
                .min(1, { message: '类型名称不能为空' })
                .max(20, { message: '类型名称不能超过20个字' }),
              en: z.string().trim().max(40).optional(),
            })
            .strict(),
          isDated: z.boolean().optional(),
          attrs: codeAttrsSchema.optional(),
        })
        .strict(),
    )
    .min(1, { message: `至少保留一个${what}` })
    .max(max, { message: `${what}最多${max}个` })
    .refine((xs) => new Set(xs.map((x) => x.label.zh)).size === xs.length, { message: '类型名称不能重复' })
    .refine(
      (xs) => {
        const codes = xs.flatMap((x) => (x.code ? [x.code] : []));
        return new Set(codes).size === codes.length;
      },
      { message: '类型代码不能重复' },
    );
export type CodeListInput = z.infer<ReturnType<typeof codeListInputSchema>>;
