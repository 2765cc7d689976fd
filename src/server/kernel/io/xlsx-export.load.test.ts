import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { exportTuning, streamXlsx, writeXlsx } from './xlsx-export';

const shipped = { ...exportTuning };
afterEach(() => {
  Object.assign(exportTuning, shipped);
});

type Row = { n: number };

/** Batches of 2,000 rows that arrive at once (no I/O between them), counting the rows encoded. */
const fixture = (total: number) => {
  const counter = { encoded: 0 };
  async function* rows() {
    for (let start = 0; start < total; start += 2000) {
      yield Array.from({ length: Math.min(2000, total - start) }, (_, i) => ({ n: start + i }));
    }
  }
  const columns = [
    {
      header: '序号',
      value: (r: Row) => {
        counter.encoded++;
        return r.n;
      },
    },
    { header: '姓名', value: (r: Row) => `人员${r.n}` },
  ];
  return { counter, spec: { sheetName: '人员', columns, rows: rows() } };
};

const collect = (stream: PassThrough) => {
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return new Promise<Buffer>((resolve) => stream.on('end', () => resolve(Buffer.concat(chunks))));
};

const rowCount = async (file: Buffer) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  return workbook.worksheets[0].actualRowCount;
};

describe('a large export shares the event loop', () => {
  it('other work runs between rows, not only after the whole file', async () => {
    const { counter, spec } = fixture(10_000);
    const stream = new PassThrough();
    const file = collect(stream);
    const writing = writeXlsx(stream, spec);
    // A light request arriving now: with rows encoded in one synchronous run it would wait for all 10,000.
    const encodedWhenItRan = await new Promise<number>((resolve) =>
      setImmediate(() => resolve(counter.encoded)),
    );
    await writing;
    expect(encodedWhenItRan).toBeLessThan(2_000);
    expect(await rowCount(await file)).toBe(10_001);
  });

  it('stops encoding while the download does not read, and finishes when it does', async () => {
    const { counter, spec } = fixture(20_000);
    const stream = new PassThrough();
    const writing = writeXlsx(stream, spec);
    // Compression runs off the event loop, so the buffers fill some time after the rows were encoded:
    // wait until encoding has stood still for half a second.
    let paused = -1;
    for (let i = 0; i < 20 && counter.encoded !== paused; i++) {
      paused = counter.encoded;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(counter.encoded).toBe(paused);
    expect(paused).toBeLessThan(20_000);
    const file = collect(stream);
    await writing;
    expect(await rowCount(await file)).toBe(20_001);
  });

  it('an abandoned download stops the export', async () => {
    const { counter, spec } = fixture(20_000);
    const stream = new PassThrough();
    const writing = writeXlsx(stream, spec);
    await new Promise((r) => setTimeout(r, 100));
    stream.destroy();
    await expect(writing).rejects.toThrow();
    expect(counter.encoded).toBeLessThan(20_000);
  });
});

describe('concurrent exports are capped', () => {
  it('the export beyond the running and waiting slots gets 503 with a zh-CN message, and the others finish', async () => {
    Object.assign(exportTuning, { maxConcurrent: 2, maxQueued: 1 });
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const app = Fastify();
    app.get('/export', (_req, reply) =>
      streamXlsx(reply, {
        filename: '人员.xlsx',
        sheetName: '人员',
        columns: [{ header: '序号', value: (r: Row) => r.n }],
        rows: (async function* () {
          await gate;
          yield [{ n: 1 }];
        })(),
      }),
    );
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const pause = () => new Promise((r) => setTimeout(r, 150));
      // Two run (held at the gate), one waits for a slot, the fourth is refused.
      const accepted = [fetch(`${base}/export`), fetch(`${base}/export`)];
      await pause();
      accepted.push(fetch(`${base}/export`));
      await pause();
      const refused = await fetch(`${base}/export`);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('30');
      const body = (await refused.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('UNAVAILABLE');
      expect(body.error.message).toBe('正在导出的文件较多，请30秒后再试');
      open();
      const answers = await Promise.all(accepted);
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
      const files = await Promise.all(answers.map(async (r) => Buffer.from(await r.arrayBuffer())));
      for (const f of files) expect(await rowCount(f)).toBe(2);
      // Every slot is free again.
      const again = await Promise.all([
        fetch(`${base}/export`),
        fetch(`${base}/export`),
        fetch(`${base}/export`),
      ]);
      expect(again.map((r) => r.status)).toEqual([200, 200, 200]);
      await Promise.all(again.map((r) => r.arrayBuffer()));
    } finally {
      await app.close();
    }
  });
});
