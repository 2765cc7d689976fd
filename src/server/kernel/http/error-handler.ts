import type {} from '@fastify/multipart';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  defaultErrorMessages,
  type ErrorBody,
  type ErrorCode,
  errorStatus,
} from '../../../contracts/common/errors';
import { constraintOf, isDatabaseUnavailable, isRowSecurityRefusal, isUniqueViolation } from '../db/errors';
import { AppError } from './errors';

const RETRY_AFTER_SECONDS = 5;

const body = (code: ErrorCode, message?: string, details?: ErrorBody['error']['details']): ErrorBody => ({
  error: { code, message: message ?? defaultErrorMessages[code].zh, ...(details ? { details } : {}) },
});

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
};

/** @fastify/multipart's own errors (they carry codes), with words a cadre can act on. */
const multipartCodes: Record<string, [ErrorCode, string]> = {
  FST_PARTS_LIMIT: ['PAYLOAD_TOO_LARGE', '上传的表单项过多，一次只能上传一个文件'],
  FST_FILES_LIMIT: ['PAYLOAD_TOO_LARGE', '一次只能上传一个文件'],
  FST_FIELDS_LIMIT: ['PAYLOAD_TOO_LARGE', '上传的表单字段过多'],
  FST_PROTO_VIOLATION: ['BAD_REQUEST', '上传的表单字段名不允许'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [
    'UNSUPPORTED_MEDIA_TYPE',
    '请以文件上传方式提交（multipart/form-data）',
  ],
};

/**
 * busboy's errors carry no code, only these messages: a multipart body without a boundary, or one
 * that ends before its closing boundary (a dropped connection, or a hand-made request).
 */
const busboyError = (message: string): [ErrorCode, string] | undefined => {
  if (message === 'Multipart: Boundary not found' || message === 'Boundary required') {
    return ['BAD_REQUEST', '上传格式有误（缺少 boundary 分隔符），请重新选择文件上传'];
  }
  if (message.includes('unexpected end of multipart data') || message === 'Unexpected end of form') {
    return ['BAD_REQUEST', '上传的内容不完整（可能是网络中断），请重新上传'];
  }
  return undefined;
};

/**
 * The disk or the service account's quota is full — for our files (ENOSPC, EDQUOT) or for
 * PostgreSQL's (SQLSTATE 53100, wrapped by drizzle as the cause): nothing the user can fix.
 */
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', '53100']);
const isDiskFull = (error: FastifyError) =>
  DISK_FULL.has(String(error.code)) || DISK_FULL.has(String((error.cause as { code?: unknown })?.code));

const locations: Record<string, string> = {
  body: '',
  querystring: '查询参数',
  params: '路径参数',
  headers: '请求头',
};

/** One error handler: every failure becomes `{error:{code,message,details}}`; 5xx never leak internals. */
export const registerErrorHandler = (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send(body(error.code, error.userMessage, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = locations[error.validationContext ?? 'body'] ?? '';
      const details = error.validation.map((v) => {
        const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const isUnknownKey = v.keyword === 'unrecognized_keys';
        const message = isUnknownKey
          ? `不允许提交的字段：${String(v.message).replace(/^.*?:\s*/, '')}`
          : v.message;
        return { field: field || (where ? `${where}` : undefined), message: String(message) };
      });
      const first = details[0];
      const summary = first ? `${first.field ? `${first.field}：` : ''}${first.message}` : undefined;
      return reply.status(400).send(body('VALIDATION_FAILED', summary, details));
    }
    if (error.statusCode === 429) return reply.status(429).send(body('RATE_LIMITED'));
    if (isDiskFull(error)) {
      request.log.error({ err: error }, 'disk full');
      return reply.status(507).send(body('INSUFFICIENT_STORAGE'));
    }
    const upload =
      (error.code ? multipartCodes[error.code] : undefined) ??
      busboyError(String(error.message)) ??
      // The file stream of an upload cut short ends without its closing boundary.
      (error.code === 'ERR_STREAM_PREMATURE_CLOSE' && request.isMultipart()
        ? busboyError('Unexpected end of form')
        : undefined);
    if (upload) return reply.status(errorStatus[upload[0]]).send(body(upload[0], upload[1]));
    const mapped = error.code ? fastifyCodes[error.code] : undefined;
    if (mapped) return reply.status(errorStatus[mapped]).send(body(mapped));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(body('BAD_REQUEST'));
    }
    if (isUniqueViolation(error)) {
      // A write that lost a race, or an id used elsewhere (a lookup the row-level wall kept from seeing it):
      // a conflict to refresh and retry, never a 500, and saying nothing of whose row holds it.
      request.log.warn({ constraint: constraintOf(error) }, 'unique violation');
      return reply.status(409).send(body('CONFLICT', '该编号或内容已被使用，请刷新后重新填写'));
    }
    if (isRowSecurityRefusal(error)) {
      // The database's wall behind scoped() refused a write outside her subtree: a bug in the first wall.
      // Answered like a missing record (nothing revealed) and logged loudly.
      request.log.error({ code: '42501' }, 'row-level security refused a write');
      return reply.status(404).send(body('NOT_FOUND'));
    }
    if (isDatabaseUnavailable(error)) {
      // The database is down, restarting or out of connections: a retry in a few seconds may succeed (R27).
      request.log.warn({ code: (error as { code?: string }).code }, 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .send(
          body('UNAVAILABLE', `数据库暂时不可用，请${RETRY_AFTER_SECONDS}秒后重试；已填写的内容请先保留`),
        );
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send(body('INTERNAL', `${defaultErrorMessages.INTERNAL.zh}（编号 ${request.id}）`));
  });
};
