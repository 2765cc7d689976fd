import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../contracts/common/errors';
import { createTestApp, seedOrg, TEST_PASSWORD } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;

const loginUrl = '/api/v1/auth/login';

beforeAll(async () => {
  t = await createTestApp();
  await seedOrg(t.db);
});
afterAll(() => t.close());

describe('health and API documentation', () => {
  it('the health check reports the app and its database up', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: 'ok' });
  });

  it('publishes an OpenAPI 3 document listing the sign-in, org and user endpoints', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi.startsWith('3')).toBe(true);
    for (const p of ['/api/v1/auth/login', '/api/v1/org/units', '/api/v1/users']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });

  it('serves the interactive API docs as HTML, with or without the trailing slash', async () => {
    for (const url of ['/api/docs', '/api/docs/']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toMatch(/<html/i);
    }
  });

  it('with API docs switched off, neither the document nor the docs page is served', async () => {
    const off = await createTestApp({ isApiDocsEnabled: false });
    try {
      expect((await off.app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(404);
      expect((await off.app.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(404);
    } finally {
      await off.close();
    }
  });
});

describe('security headers', () => {
  it('every answer carries a strict CSP, HSTS for a year with subdomains, and nosniff', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("'unsafe-eval'");
    const hsts = String(res.headers['strict-transport-security']);
    expect(hsts).toContain('max-age=31536000');
    expect(hsts).toContain('includeSubDomains');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('error answers carry the same headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('error answers', () => {
  it('an unknown /api path answers a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here?x=1' });
    expect(res.statusCode).toBe(404);
    const body = errorBodySchema.parse(res.json());
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.message).toBe('接口不存在：GET /api/v1/nothing-here');
  });

  it('a JSON body over 1 MiB is refused with 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: loginUrl,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'townA', password: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(res.statusCode).toBe(413);
    const body = errorBodySchema.parse(res.json());
    expect(body.error).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '提交的内容或文件过大' });
  });

  it('a body sent as text/plain is refused with 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: loginUrl,
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ username: 'townA', password: TEST_PASSWORD }),
    });
    expect(res.statusCode).toBe(415);
    expect(errorBodySchema.parse(res.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(res.cookies.find((c) => c.name === 'bbt_session')).toBeUndefined();
  });

  it('a body in an unknown content type is refused with 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: loginUrl,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `username=townA&password=${TEST_PASSWORD}`,
    });
    expect(res.statusCode).toBe(415);
    expect(errorBodySchema.parse(res.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('malformed JSON answers 400 in the usual error shape', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: loginUrl,
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "townA", "password":',
    });
    expect(res.statusCode).toBe(400);
    const body = errorBodySchema.parse(res.json());
    expect(body.error).toEqual({ code: 'BAD_REQUEST', message: '请求有误' });
  });

  it('an internal failure answers 500 with a request id and never a stack or SQL', async () => {
    const broken = await createTestApp();
    try {
      await seedOrg(broken.db);
      // The sessions table vanishing makes sign-in fail deep inside the database layer.
      await broken.ownerQuery('alter table sessions rename to sessions_gone');
      const res = await broken.app.inject({
        method: 'POST',
        url: loginUrl,
        payload: { username: 'townA', password: TEST_PASSWORD },
      });
      expect(res.statusCode).toBe(500);
      const body = errorBodySchema.parse(res.json());
      expect(body.error.code).toBe('INTERNAL');
      expect(body.error.message).toMatch(/^系统出现异常，请稍后重试或联系管理员（编号 .+）$/);
      expect(body.error.details).toBeUndefined();
      for (const leak of [
        'sessions',
        'relation',
        'insert',
        'select',
        ' at ',
        '.ts',
        'node_modules',
        'stack',
      ]) {
        expect(res.body).not.toContain(leak);
      }
    } finally {
      await broken.close();
    }
  });
});
