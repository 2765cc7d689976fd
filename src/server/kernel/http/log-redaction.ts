import type { FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';
import { maskPiiText } from '../privacy/pii-mask';

/*
 * What the request log may hold. The ledger's data — ID numbers, phones, names, family disputes —
 * must not leave the database through the log (R-series: logs are read by whoever runs the server,
 * kept for months and copied into tickets). Three holes are closed here: search and filter values
 * in the request URL, SQL parameters in database errors, and personal values inside any message.
 */

/**
 * Query parameters whose values are never personal (paging, sorting, switches, ids); every other
 * parameter — `q`, a name, a phone, a future filter nobody thought about — logs as `***`.
 */
const PLAIN_QUERY_PARAMS = new Set([
  'page',
  'pageSize',
  'sort',
  'status',
  'unmask',
  'wait',
  'version',
  'orgUnitId',
  'kind',
  'type',
  'year',
  'month',
  'period',
  'format',
]);

const MAX_PLAIN_VALUE = 64;

/** The URL as the log keeps it: the path with ID/phone-like segments masked, query values masked. */
export const redactUrl = (url: string): string => {
  const at = url.indexOf('?');
  // A share link's token opens the document to anyone: the log keeps its first characters only.
  const path = maskPiiText(at < 0 ? url : url.slice(0, at)).replace(
    /^(\/(?:api\/v1\/shared|s)\/[A-Za-z0-9_-]{4})[A-Za-z0-9_-]+/,
    '$1…',
  );
  if (at < 0) return path;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      if (pair === '') return pair;
      const eq = pair.indexOf('=');
      const rawName = eq < 0 ? pair : pair.slice(0, eq);
      const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
      let name: string;
      try {
        name = decodeURIComponent(rawName.replaceAll('+', ' '));
      } catch {
        name = rawName;
      }
      // A name that is itself personal (`?13812345678`) is masked like any text.
      const shownName = maskPiiText(rawName);
      if (eq < 0) return shownName;
      if (rawValue === '') return `${shownName}=`;
      const isPlain = PLAIN_QUERY_PARAMS.has(name) && rawValue.length <= MAX_PLAIN_VALUE;
      return `${shownName}=${isPlain ? maskPiiText(rawValue) : '***'}`;
    })
    .join('&');
  return `${path}?${query}`;
};

type ErrorLike = Error & Record<string, unknown>;

/** Facts about a database or HTTP error worth a log line; none of them carries a value. */
const SAFE_ERROR_FIELDS = [
  'code',
  'constraint',
  'table',
  'column',
  'schema',
  'routine',
  'severity',
  'statusCode',
  'validationContext',
] as const;

/**
 * drizzle's DrizzleQueryError reads `Failed query: <sql>\nparams: <every bound value>`; the SQL
 * is kept (it says which statement failed), the parameters never are.
 */
const cleanMessage = (message: string) => maskPiiText(message.replace(/\s*\bparams:[\s\S]*$/, ''));

type SerializedError = { type: string; message: string; stack: string; [key: string]: unknown };

/**
 * Errors for the log: type, message without SQL parameters, stack frames, and pg's code,
 * constraint and table. Dropped: `params`, pg's `detail` (it quotes the duplicate key's value:
 * `Key (phone)=(138…)`), and every other own property.
 */
export const serializeError = (value: unknown, depth = 0): SerializedError => {
  if (!(value instanceof Error)) {
    const text = maskPiiText(typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)));
    return { type: typeof value, message: cleanMessage(text), stack: '' };
  }
  const err = value as ErrorLike;
  const type = err.constructor?.name ?? err.name ?? 'Error';
  const message = cleanMessage(String(err.message ?? ''));
  // The stack's first line repeats the whole message (parameters included): rebuild it.
  const frames = String(err.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line));
  const out: SerializedError = { type, message, stack: [`${type}: ${message}`, ...frames].join('\n') };
  for (const key of SAFE_ERROR_FIELDS) {
    const v = err[key];
    if (typeof v === 'string' || typeof v === 'number') out[key] = v;
  }
  if (err.cause !== undefined && depth < 3) out.cause = serializeError(err.cause, depth + 1);
  return out;
};

/** A request for the log: who asked what, with no header, body or query value. */
export const serializeRequest = (req: FastifyRequest) => ({
  method: req.method,
  url: redactUrl(String(req.url ?? '')),
  route: req.routeOptions?.url,
  id: req.id,
  remoteAddress: req.ip ?? req.socket?.remoteAddress,
});

/**
 * The logger options every server and test app uses, spread into Fastify's `logger` beside the
 * level and destination. `redact` is the second line of defence for values a caller logs by
 * hand under a well-known key.
 */
export const redactingLoggerOptions = {
  serializers: { req: serializeRequest, err: (e: Error) => serializeError(e) },
  redact: [
    'req.headers.cookie',
    'req.headers["x-csrf-token"]',
    'req.headers.authorization',
    'req.body',
    'req.query',
    'body',
    'password',
    '*.password',
    'currentPassword',
    '*.currentPassword',
    'newPassword',
    '*.newPassword',
    'passwordHash',
    '*.passwordHash',
    'params',
    'err.params',
    'err.detail',
  ],
  hooks: {
    // Free-text messages (Fastify's own warnings quote the request URL) are masked too.
    logMethod(args, method) {
      method.apply(
        this,
        args.map((a) => (typeof a === 'string' ? maskPiiText(a) : a)) as Parameters<typeof method>,
      );
    },
  },
} satisfies Pick<LoggerOptions, 'serializers' | 'redact' | 'hooks'>;
