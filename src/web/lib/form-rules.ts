import type { Rule } from 'antd/es/form';
import type { z } from 'zod';

/**
 * An antd form rule that checks a value against the contract's zod schema (one definition of the rule,
 * shared with the server) and shows `message` (localized) when it fails. Empty values pass: pair with
 * `required` where the field is mandatory.
 */
export const zodRule = (schema: z.ZodType, message: string): Rule => ({
  validator: async (_rule, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    if (!schema.safeParse(value).success) throw new Error(message);
  },
});
