import { z } from 'zod';

/** Every error code the API can answer with, and the HTTP status the client may expect for it. */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  FORBIDDEN: 403,
  OUT_OF_SCOPE: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  REQUEST_TIMEOUT: 408,
  VERSION_CONFLICT: 409,
  DUPLICATE: 409,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  INSUFFICIENT_STORAGE: 507,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export const errorCodeSchema = z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]);

export const errorDetailSchema = z.object({
  field: z.string().optional(),
  message: z.string(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  value: z.string().optional(),
});
export type ErrorDetail = z.infer<typeof errorDetailSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    details: z.array(errorDetailSchema).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The zh-CN message a cadre reads when the server gives no more specific one. */
export const defaultErrorMessages: Record<ErrorCode, { zh: string; en: string }> = {
  VALIDATION_FAILED: { zh: '填写的内容有误，请按提示修改后再提交', en: 'Some fields are invalid' },
  BAD_REQUEST: { zh: '请求有误', en: 'Bad request' },
  UNAUTHENTICATED: { zh: '请先登录', en: 'Please sign in' },
  SESSION_EXPIRED: { zh: '登录已超时，请重新登录', en: 'Your session has expired, please sign in again' },
  INVALID_CREDENTIALS: { zh: '用户名或密码不正确', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    zh: '连续登录失败次数过多，账号已锁定15分钟',
    en: 'Too many failed sign-ins; the account is locked for 15 minutes',
  },
  ACCOUNT_DISABLED: { zh: '该账号已停用，请联系管理员', en: 'This account is disabled' },
  FORBIDDEN: { zh: '您没有执行此操作的权限', en: 'You do not have permission to do this' },
  OUT_OF_SCOPE: { zh: '该记录不在您所管辖的组织范围内', en: 'This record is outside your organization' },
  CSRF_FAILED: { zh: '页面已过期，请刷新后重试', en: 'The page is stale; reload and try again' },
  NOT_FOUND: { zh: '记录不存在或已被删除', en: 'Not found' },
  REQUEST_TIMEOUT: {
    zh: '网络太慢，上传未能完成，请检查网络后重试',
    en: 'The upload stalled; check the connection and try again',
  },
  VERSION_CONFLICT: {
    zh: '该记录已被他人修改，请刷新后重新编辑',
    en: 'Someone else changed this record; reload and edit again',
  },
  DUPLICATE: { zh: '已存在相同的记录', en: 'A record like this already exists' },
  CONFLICT: { zh: '操作与现有数据冲突', en: 'The operation conflicts with existing data' },
  PAYLOAD_TOO_LARGE: { zh: '提交的内容或文件过大', en: 'The request or file is too large' },
  UNSUPPORTED_MEDIA_TYPE: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  RATE_LIMITED: { zh: '操作过于频繁，请稍后再试', en: 'Too many requests, try again later' },
  INTERNAL: { zh: '系统出现异常，请稍后重试或联系管理员', en: 'Something went wrong' },
  UNAVAILABLE: { zh: '系统暂时不可用，请稍后重试', en: 'Service unavailable' },
  INSUFFICIENT_STORAGE: {
    zh: '服务器磁盘空间不足，请联系管理员',
    en: 'The server is out of disk space; contact the administrator',
  },
};
