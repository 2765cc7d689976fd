import { z } from 'zod';
import { passwordSchema } from './auth';
import { listQueryBaseSchema, listResultSchema, versionSchema } from './common/paging';
import { roleSchema } from './common/permissions';

export const userStatuses = ['active', 'disabled'] as const;

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  phone: z.string().nullable(),
  status: z.enum(userStatuses),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof userSchema>;
export const userListSchema = listResultSchema(userSchema);
export const userSortFields = ['username', 'displayName', 'createdAt', 'lastLoginAt'] as const;

export const listUsersQuerySchema = listQueryBaseSchema
  .extend({
    q: z.string().trim().max(60).optional(),
    orgUnitId: z.uuid().optional(),
    role: roleSchema.optional(),
    status: z.enum(userStatuses).optional(),
  })
  .strict();
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

const usernameSchema = z
  .string()
  .trim()
  .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, { message: '用户名为3至32位字母、数字或 _ . -，以字母开头' });
const displayNameSchema = z
  .string()
  .trim()
  .min(1, { message: '请输入姓名' })
  .max(30, { message: '姓名不能超过30个字' });
const phoneSchema = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, { message: '手机号应为11位数字' });

export const createUserInputSchema = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema,
    orgUnitId: z.uuid({ message: '请选择所属组织' }),
    role: roleSchema,
    password: passwordSchema,
    phone: phoneSchema.optional(),
  })
  .strict();
export type CreateUserInput = z.infer<typeof createUserInputSchema>;

export const updateUserInputSchema = z
  .object({
    displayName: displayNameSchema.optional(),
    orgUnitId: z.uuid().optional(),
    role: roleSchema.optional(),
    phone: phoneSchema.nullable().optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateUserInput = z.infer<typeof updateUserInputSchema>;

export const resetPasswordInputSchema = z
  .object({ password: passwordSchema, version: versionSchema })
  .strict();
export type ResetPasswordInput = z.infer<typeof resetPasswordInputSchema>;
