import { z } from 'zod';
import { permissions, roleSchema } from './common/permissions';
import { orgKindSchema } from './org';

export const PASSWORD_MIN_LENGTH = 8;

/** Password policy: ≥ 8 characters with at least one letter and one digit (等保 complexity), ≤ 128. */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: '密码至少8位' })
  .max(128, { message: '密码不能超过128位' })
  .refine((p) => /\p{L}/u.test(p) && /\d/.test(p), { message: '密码须同时包含字母和数字' });

export const loginInputSchema = z
  .object({
    username: z.string().trim().min(1, { message: '请输入用户名' }).max(64),
    password: z.string().min(1, { message: '请输入密码' }).max(256),
  })
  .strict();
export type LoginInput = z.infer<typeof loginInputSchema>;

export const changePasswordInputSchema = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: passwordSchema })
  .strict();
export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>;

export const sessionUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  permissions: z.array(z.enum(permissions)),
  orgUnit: z.object({
    id: z.uuid(),
    name: z.string(),
    kind: orgKindSchema,
    /** Names from the root down to this unit, for "where am I" in the tree. */
    trail: z.array(z.object({ id: z.uuid(), name: z.string() })),
  }),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const meSchema = z.object({ user: sessionUserSchema, csrfToken: z.string(), demo: z.boolean() });
export type Me = z.infer<typeof meSchema>;

export const systemInfoSchema = z.object({ demo: z.boolean(), version: z.string() });
export type SystemInfo = z.infer<typeof systemInfoSchema>;
