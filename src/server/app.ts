import { existsSync } from 'node:fs';
import path from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config';
import { registerAuthHooks } from './kernel/auth/auth-hooks';
import type { SessionSettings } from './kernel/auth/sessions';
import type { Db } from './kernel/db/connection';
import { decorateApp } from './kernel/http/context';
import { registerErrorHandler } from './kernel/http/error-handler';
import { registerInputGuard } from './kernel/http/input-guard';
import { registerBodyWatchdog, timeoutOptions } from './kernel/http/timeouts';
import { indicatorsRoutes } from './kernel/indicators/indicators.routes';
import { createIndicatorRegistry } from './kernel/indicators/registry';
import { createTodoRegistry } from './kernel/indicators/todo-registry';
import { ioJobRoutes, ledgerIoRoutes } from './kernel/io/io.routes';
import { shareRoutes } from './kernel/share/share.routes';
import { modules } from './modules';

// Validation messages in zh-CN for every schema that has no message of its own.
z.config(z.locales.zhCN());

export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  // The offline service worker (/sw.js) and nothing else runs as a worker.
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  upgradeInsecureRequests: null,
};

type BuildOptions = {
  config: Config;
  db: Db;
  logger?: FastifyServerOptions['logger'];
  /** A logger made by the caller (the server's: JSON on stdout, or a file plus a readable terminal). */
  loggerInstance?: FastifyBaseLogger;
};

/** Registers, in order: kernel plugins, then every module's routes (the one list in `modules/index.ts`). */
export const buildApp = async ({ config, db, logger = false, loggerInstance }: BuildOptions) => {
  const app = Fastify({
    ...(loggerInstance ? { loggerInstance } : { logger }),
    // Only the configured number of proxy hops may set X-Forwarded-For (rate-limit keys, audit IPs).
    trustProxy:
      config.trustProxyHops > 0 ? (_address: string, hop: number) => hop < config.trustProxyHops : false,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    ...timeoutOptions(config.inputTimeoutMs),
  });
  // Only JSON (and multipart, for uploads) bodies: text/plain is what a cross-site form can send
  // without a CORS preflight, so it is refused with 415 rather than parsed.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  decorateApp(app, db, config);
  registerErrorHandler(app);
  registerBodyWatchdog(app, config.inputTimeoutMs);
  registerInputGuard(app);

  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  // JSON travels gzipped: a village's home is ~50 kB of JSON, a tenth of that on her 3G line. Files that
  // are compressed already (xlsx, docx, photos) are left alone; the web's assets are served precompressed.
  await app.register(compress, { global: true, threshold: 1024, encodings: ['gzip'] });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 5, parts: 6 } });
  if (config.isApiDocsEnabled) {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: '半边天 Banbiantian API',
          version: '0.1.0',
          description: '妇联工作台账与统计报表平台',
        },
        components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'bbt_session' } } },
      },
      transform: jsonSchemaTransform,
    });
    await app.register(swaggerUi, { routePrefix: '/api/docs' });
  }

  const sessionSettings: SessionSettings = {
    key: config.secrets.sessionKey,
    idleMs: config.sessionIdleMs,
    maxMs: config.sessionMaxMs,
  };
  registerAuthHooks(app, db, sessionSettings);

  // The kernel's own routes, then every module's (explicitly, in the order of `modules`; no autoload).
  await app.register(ioJobRoutes);
  const indicators = createIndicatorRegistry(modules.flatMap((m) => m.indicators ?? []));
  await app.register(indicatorsRoutes(indicators));
  await app.register(shareRoutes(modules.flatMap((m) => m.shares ?? [])));
  // Dashboard, reports and summaries read only the indicators; modules add to-do providers.
  const todos = createTodoRegistry(modules.flatMap((m) => m.todos ?? []));
  for (const m of modules) {
    for (const plugin of m.plugins({ sessionSettings, indicators, todos })) await app.register(plugin);
    for (const io of m.io ?? []) await app.register(ledgerIoRoutes(io));
  }

  if (config.isApiDocsEnabled) {
    app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () =>
      app.swagger(),
    );
  }

  const indexHtml = path.join(config.webDir, 'index.html');
  const hasWeb = existsSync(indexHtml);
  if (hasWeb) {
    // Pre-compressed .br/.gz files (written at build) go to browsers that accept them.
    // `serve: false`: the plugin only lends `reply.sendFile`; the two routes below decide caching.
    await app.register(fastifyStatic, { root: config.webDir, serve: false, preCompressed: true });
    app.get('/assets/*', { config: {} }, (req, reply) => {
      // Hashed file names: a file never changes under its name, so browsers keep it for a year.
      reply.header('cache-control', 'public, max-age=31536000, immutable');
      return reply.sendFile((req.params as { '*': string })['*'], path.join(config.webDir, 'assets'), {
        cacheControl: false,
      });
    });
    // The offline service worker: revalidated on every load so a new build replaces it at once, and
    // allowed to control the whole app (scope `/`) though it could live anywhere.
    app.get('/sw.js', { config: {} }, (_req, reply) =>
      reply
        .header('cache-control', 'no-cache')
        .header('service-worker-allowed', '/')
        .sendFile('sw.js', config.webDir, { cacheControl: false }),
    );
  }
  // Client-side routes get the app shell; unknown /api paths get a JSON 404.
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api') &&
      !request.url.startsWith('/assets/') &&
      hasWeb;
    if (isPage)
      return reply
        .header('cache-control', 'no-cache')
        .sendFile('index.html', config.webDir, { cacheControl: false });
    // A missing asset must not inherit the year-long caching its route set before looking.
    return reply
      .status(404)
      .header('cache-control', 'no-store')
      .send({
        error: { code: 'NOT_FOUND', message: `接口不存在：${request.method} ${request.url.split('?')[0]}` },
      });
  });
  return app;
};
