import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { sheetName } from './sheet-name';
import { xmlSafeText } from './xml-text';

export type ExportColumn<T> = { header: string; width?: number; value: (row: T) => string | number | null };

/**
 * Cells a spreadsheet would run as formulas (= + - @, tab, CR, and their full-width forms) get a
 * leading apostrophe, so an exported ledger can never execute anything when opened (ASVS 1.2.10).
 * Characters the sheet's XML cannot hold are dropped first: one would make Excel refuse the file.
 */
export const escapeCell = (value: string | number | null): string | number | null => {
  if (typeof value !== 'string') return value;
  const text = xmlSafeText(value);
  return /^[=+\-@\t\r＝＋－＠]/.test(text) ? `'${text}` : text;
};

/** RFC 6266 filename for a download: ASCII fallback plus the UTF-8 (Chinese) name. */
export const contentDisposition = (filename: string) => {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  // RFC 8187: encodeURIComponent leaves ' ( ) * unescaped, which filename* must not contain.
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
};

type XlsxSpec<T> = {
  sheetName: string;
  columns: ExportColumn<T>[];
  rows: AsyncIterable<T[]>;
  title?: string;
};

/**
 * How exports share the server with everyone else (docs/PERFORMANCE.md "Persons list under load and
 * beside exports"; tests change them and put them back).
 * - sliceMs: encoding a row is synchronous exceljs work (≈ 0.1–0.3 ms); a 2,000-row batch held the
 *   event loop for hundreds of ms, so every other request waited behind it. After this much encoding
 *   the export steps aside (setImmediate) and requests that arrived meanwhile run first. 0 = never.
 *   When others did run (the step aside took over 2 ms) the export also pauses as long
 *   as its slice took, so beside readers an export has at most half of the event loop; alone, it
 *   does not pause.
 * - awaitDrain: wait for the download to take what was written (a slow phone would otherwise make the
 *   whole file pile up in memory).
 * - maxConcurrent / maxQueued: exports running at once in this process, and how many more may wait for
 *   a slot; beyond that the request is refused with 503 + Retry-After. 0 = no cap.
 */
export const exportTuning = { sliceMs: 10, awaitDrain: true, maxConcurrent: 2, maxQueued: 4 };

const stepAside = () => new Promise<void>((resolve) => setImmediate(resolve));
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves when the stream wants more; rejects if it is closed (the download was abandoned). */
const drained = (stream: Writable) =>
  new Promise<void>((resolve, reject) => {
    const done = (e?: Error) => {
      stream.off('drain', onDrain);
      stream.off('close', onClose);
      stream.off('error', done);
      if (e) reject(e);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('export stream closed'));
    stream.on('drain', onDrain);
    stream.on('close', onClose);
    stream.on('error', done);
  });

/** Writes rows into an .xlsx stream as they come (committed row by row): memory stays flat. */
export const writeXlsx = async <T>(stream: Writable, spec: XlsxSpec<T>) => {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName(spec.sheetName));
  sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  let sliceStart = performance.now();
  for await (const batch of spec.rows) {
    for (const row of batch) {
      sheet.addRow(spec.columns.map((c) => escapeCell(c.value(row)))).commit();
      if (exportTuning.sliceMs > 0 && performance.now() - sliceStart >= exportTuning.sliceMs) {
        if (stream.destroyed) throw new Error('export stream closed');
        const sliceEnd = performance.now();
        if (exportTuning.awaitDrain && stream.writableNeedDrain) await drained(stream);
        else {
          await stepAside();
          if (performance.now() - sliceEnd > 2) await pause(sliceEnd - sliceStart);
        }
        sliceStart = performance.now();
      }
    }
  }
  sheet.commit();
  await workbook.commit();
};

/** Export slots: running exports and the requests waiting for one. */
let running = 0;
const waiting: (() => void)[] = [];

const acquireSlot = async (): Promise<boolean> => {
  const { maxConcurrent, maxQueued } = exportTuning;
  if (maxConcurrent <= 0 || running < maxConcurrent) {
    running++;
    return true;
  }
  if (waiting.length >= maxQueued) return false;
  await new Promise<void>((resolve) => waiting.push(resolve));
  return true;
};

const releaseSlot = () => {
  const next = waiting.shift();
  // The slot passes straight to the next waiting export.
  if (next) next();
  else running--;
};

/** Seconds a refused export is told to wait before trying again. */
export const EXPORT_RETRY_AFTER_SECONDS = 30;

/** Streams rows into an .xlsx download (or 503 + Retry-After when too many exports are running). */
export const streamXlsx = async <T>(reply: FastifyReply, opts: XlsxSpec<T> & { filename: string }) => {
  if (!(await acquireSlot())) {
    return reply
      .status(503)
      .header('retry-after', String(EXPORT_RETRY_AFTER_SECONDS))
      .send({
        error: {
          code: 'UNAVAILABLE',
          message: `正在导出的文件较多，请${EXPORT_RETRY_AFTER_SECONDS}秒后再试`,
        },
      });
  }
  let isReleased = false;
  const release = () => {
    if (isReleased) return;
    isReleased = true;
    releaseSlot();
  };
  // Gone while it waited for a slot: nobody to send the file to.
  if (reply.raw.destroyed) {
    release();
    return reply;
  }
  const stream = new PassThrough();
  // An abandoned download frees its slot at once (exceljs's final commit never settles on a closed stream).
  stream.on('close', release);
  reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', contentDisposition(opts.filename))
    .header('cache-control', 'no-store');
  writeXlsx(stream, opts)
    .catch((e) => stream.destroy(e as Error))
    .finally(release);
  return reply.send(stream);
};
