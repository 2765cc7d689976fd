import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let dir: string;
const script = `console.log(${JSON.stringify('半边天'.repeat(400))});`;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bbt-web-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(path.join(dir, 'sw.js'), "self.addEventListener('fetch', () => {});");
  writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), script);
  writeFileSync(path.join(dir, 'assets', 'index-abc123.js.br'), brotliCompressSync(Buffer.from(script)));
  t = await createTestApp({ webDir: dir, isApiDocsEnabled: true });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the web app files', () => {
  it('a hashed asset is kept for a year and sent pre-compressed to a browser that accepts brotli', async () => {
    const br = await t.app.inject({
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 4);
    const plain = await t.app.inject({ url: '/assets/index-abc123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('a page of the app gets the shell, revalidated every time; an unknown asset is a 404', async () => {
    const page = await t.app.inject({ url: '/activities/patrols' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toContain('<div id="root">');
    const missing = await t.app.inject({ url: '/assets/missing-000.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');
  });

  it('JSON answers larger than 1 kB are gzipped for a browser that accepts it, small ones are not', async () => {
    const docs = await t.app.inject({ url: '/api/openapi.json', headers: { 'accept-encoding': 'gzip, br' } });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-encoding']).toBe('gzip');
    const json = JSON.parse(gunzipSync(docs.rawPayload).toString('utf8'));
    expect(json.openapi).toMatch(/^3\./);
    expect(docs.rawPayload.length).toBeLessThan(Buffer.byteLength(JSON.stringify(json)) / 4);
    const plain = await t.app.inject({ url: '/api/openapi.json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const small = await t.app.inject({ url: '/api/health', headers: { 'accept-encoding': 'gzip' } });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('the service worker is served as a script for the whole app, revalidated on every load, and CSP lets it run', async () => {
    const sw = await t.app.inject({ url: '/sw.js' });
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['content-type']).toMatch(/javascript/);
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(sw.headers['service-worker-allowed']).toBe('/');
    expect(sw.body).toContain("addEventListener('fetch'");
    const page = await t.app.inject({ url: '/' });
    expect(page.headers['content-security-policy']).toContain("worker-src 'self'");
  });
});
