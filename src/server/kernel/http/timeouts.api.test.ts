import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, seedOrg } from '../../test/test-app';

/** A short window, so the slow clients below are cut in seconds rather than the default 30. */
const WINDOW_MS = 1_000;

let t: Awaited<ReturnType<typeof createTestApp>>;
let port: number;
let county: Session;

beforeAll(async () => {
  t = await createTestApp({ inputTimeoutMs: WINDOW_MS });
  await seedOrg(t.db);
  county = await login(t.app, 'county');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as net.AddressInfo).port;
});
afterAll(() => t.close());

type Outcome = { answer: string; closedAfterMs: number; bytesSent: number };

/**
 * Opens a raw connection, writes `head` at once, then `chunk` every `everyMs` until the server
 * closes the connection (or `giveUpMs` passes). Resolves with what the server answered.
 */
const slowClient = (head: string, chunk: string, everyMs: number, giveUpMs = 15_000) =>
  new Promise<Outcome>((resolve) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    let bytesSent = 0;
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ answer, closedAfterMs: Date.now() - started, bytesSent });
    };
    const giveUp = setTimeout(finish, giveUpMs);
    socket.on('data', (d) => {
      answer += d.toString('utf8');
    });
    socket.on('close', finish);
    socket.on('error', () => {});
    socket.on('connect', () => {
      socket.write(head);
      timer = setInterval(() => {
        if (!socket.writable) return;
        socket.write(chunk);
        bytesSent += Buffer.byteLength(chunk);
      }, everyMs);
    });
  });

describe('slow clients are cut, with 408 where HTTP allows', () => {
  it('a JSON body sent a byte at a time is answered 408 and closed within the window', async () => {
    const out = await slowClient(
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{',
      ' ',
      250,
    );
    expect(out.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(out.answer).toContain('"code":"REQUEST_TIMEOUT"');
    expect(out.answer).toContain('网络太慢');
    // At most two windows: the one in which the trickle started and the one that found it stalled.
    expect(out.closedAfterMs).toBeLessThan(3 * WINDOW_MS);
  });

  it('an upload (multipart, read by the handler) sent a byte at a time is cut too', async () => {
    const boundary = 'slowboundary';
    const out = await slowClient(
      'POST /api/v1/people/persons/import?wait=1 HTTP/1.1\r\nHost: x\r\n' +
        `Cookie: ${county.cookie}\r\nX-CSRF-Token: ${county.csrf}\r\n` +
        `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 1000000\r\n\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n` +
        'Content-Type: text/csv\r\n\r\n姓名\n',
      'x',
      250,
    );
    expect(out.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(out.closedAfterMs).toBeLessThan(3 * WINDOW_MS);
  });

  it('headers sent a byte at a time are cut by Node with the same 408 body', async () => {
    const out = await slowClient('GET /api/health HTTP/1.1\r\nHost: x\r\n', 'X', 250);
    expect(out.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(out.answer).toContain('"code":"REQUEST_TIMEOUT"');
    // The headers timeout plus Node's check interval (a quarter window).
    expect(out.closedAfterMs).toBeLessThan(2 * WINDOW_MS);
  });

  it('a slow but moving upload (2 KiB every half window) is not cut, however long it takes', async () => {
    const chunk = 'a'.repeat(2048);
    const total = 2048 * 8;
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    let answer = '';
    socket.on('data', (d) => {
      answer += d.toString('utf8');
    });
    const started = Date.now();
    socket.write(
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        `Content-Length: ${total + 2}\r\n\r\n"`,
    );
    for (let sent = 0; sent < total; sent += chunk.length) {
      await new Promise((r) => setTimeout(r, WINDOW_MS / 2));
      socket.write(chunk);
    }
    socket.write('"');
    await new Promise((r) => socket.once('data', r));
    await new Promise((r) => setTimeout(r, 50));
    socket.destroy();
    // Longer than several windows, and answered by the route (a JSON string is not a login body).
    expect(Date.now() - started).toBeGreaterThan(3 * WINDOW_MS);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('VALIDATION_FAILED');
  });

  it('the server still answers afterwards', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(res.status).toBe(200);
  });
});
