import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  defaultErrorMessages,
  type ErrorBody,
  type ErrorCode,
  errorStatus,
} from '../../../contracts/common/errors';
import { isDatabaseUnavailable } from '../db/errors';
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
    const mapped = error.code ? fastifyCodes[error.code] : undefined;
    if (mapped) return reply.status(errorStatus[mapped]).send(body(mapped));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(body('BAD_REQUEST'));
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
