import {
  defaultErrorMessages,
  type ErrorCode,
  type ErrorDetail,
  errorStatus,
} from '../../../contracts/common/errors';

/** An error the user may read: a code the client can branch on and a zh-CN message. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, userMessage?: string, details?: ErrorDetail[]) {
    super(userMessage ?? code);
    this.code = code;
    this.userMessage = userMessage ?? defaultErrorMessages[code].zh;
    this.details = details;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what = '记录') => new AppError('NOT_FOUND', `${what}不存在或已被删除`);
export const forbidden = (message?: string) => new AppError('FORBIDDEN', message);
export const invalid = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ field, message }]);
