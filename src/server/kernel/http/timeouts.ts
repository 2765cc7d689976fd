import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyHttpOptions, FastifyInstance } from 'fastify';
import { defaultErrorMessages, type ErrorCode } from '../../../contracts/common/errors';
import { AppError } from './errors';

/**
 * A body must advance by at least this much in every window. A trickle of a byte a second is
 * "progress" to a socket idle timer, yet it holds a connection (and a multipart parser) for hours;
 * the slowest real phone link moves kilobytes a second.
 */
export const MIN_BODY_PROGRESS_BYTES = 1024;
/** The whole request, headers and body, however steadily it arrives: 10 MB at ≈ 35 KB/s. */
const REQUEST_TIMEOUT_MS = 5 * 60_000;
/**
 * Idle keep-alive connections: above the 60 s a reverse proxy (nginx, cloud load balancers) keeps
 * its upstream connections, so the proxy never reuses one we are closing (a 502 race).
 */
const KEEP_ALIVE_TIMEOUT_MS = 72_000;

const rawAnswer = (status: number, code: ErrorCode, message: string) => {
  const payload = JSON.stringify({ error: { code, message } });
  return (
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\n` +
    `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n\r\n${payload}`
  );
};

/**
 * Errors Node raises before Fastify sees a request (headers too slow, too large, malformed) get the
 * project's error shape rather than Fastify's English default.
 */
const clientErrorHandler = (err: NodeJS.ErrnoException, socket: Socket) => {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const answer =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? rawAnswer(408, 'REQUEST_TIMEOUT', defaultErrorMessages.REQUEST_TIMEOUT.zh)
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? rawAnswer(431, 'BAD_REQUEST', '请求头过大')
        : rawAnswer(400, 'BAD_REQUEST', defaultErrorMessages.BAD_REQUEST.zh);
  if (socket.writable) socket.write(answer);
  socket.destroy(err);
};

/**
 * The Fastify constructor options bounding how long a client may hold a connection:
 * - headers must arrive within `inputTimeoutMs` (Node answers 408 through clientErrorHandler);
 * - the whole request within 5 minutes (408 too);
 * - a socket with no traffic either way for twice the window is closed — this also covers a client
 *   that stops reading a download; handlers themselves answer in seconds;
 * - Node checks the first two every quarter window, so the limits hold to within 25 %.
 * The body's progress is watched per request by `registerBodyWatchdog`.
 */
export const timeoutOptions = (inputTimeoutMs: number): Partial<FastifyHttpOptions<http.Server>> => ({
  connectionTimeout: Math.max(60_000, 2 * inputTimeoutMs),
  requestTimeout: REQUEST_TIMEOUT_MS,
  keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
  http: {
    headersTimeout: inputTimeoutMs,
    connectionsCheckingInterval: Math.max(100, Math.min(5_000, Math.floor(inputTimeoutMs / 4))),
  },
  clientErrorHandler,
});

const hasBody = (headers: http.IncomingHttpHeaders) =>
  headers['transfer-encoding'] !== undefined ||
  (headers['content-length'] !== undefined && headers['content-length'] !== '0');

/**
 * Answers 408 and closes the connection when a request's body gains less than
 * MIN_BODY_PROGRESS_BYTES in a window of `windowMs` while the server is reading it. A window in
 * which the server itself is not reading (a multipart upload waits for a permission check before
 * `req.file()`) does not count against the client.
 */
export const registerBodyWatchdog = (app: FastifyInstance, windowMs: number) => {
  app.addHook('onRequest', (request, reply, done) => {
    const raw = request.raw;
    const socket = raw.socket as Socket | undefined;
    // Injected test requests have no real socket, and a request without a body has nothing to wait for.
    if (!hasBody(raw.headers) || raw.complete || typeof socket?.bytesRead !== 'number') return done();
    let seen = socket.bytesRead;
    const timer = setInterval(() => {
      if (raw.complete || raw.destroyed || socket.destroyed) {
        clearInterval(timer);
        return;
      }
      const now = socket.bytesRead;
      const isReading = raw.readableFlowing === true;
      if (!isReading || now - seen >= MIN_BODY_PROGRESS_BYTES) {
        seen = now;
        return;
      }
      clearInterval(timer);
      request.log.info({ bytesRead: now }, 'request body stalled; answering 408');
      // The rest of the body is not worth reading: close once the answer is out (or at once when
      // a handler already started answering).
      if (reply.sent || reply.raw.headersSent) {
        socket.destroy();
        return;
      }
      reply.raw.once('finish', () => socket.destroy());
      reply.header('connection', 'close').send(new AppError('REQUEST_TIMEOUT'));
    }, windowMs);
    timer.unref();
    raw.once('close', () => clearInterval(timer));
    done();
  });
};
