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
  for await (const batch of spec.rows) {
    for (const row of batch) sheet.addRow(spec.columns.map((c) => escapeCell(c.value(row)))).commit();
  }
  sheet.commit();
  await workbook.commit();
};

/** Streams rows into an .xlsx download. */
export const streamXlsx = async <T>(reply: FastifyReply, opts: XlsxSpec<T> & { filename: string }) => {
  const stream = new PassThrough();
  reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', contentDisposition(opts.filename))
    .header('cache-control', 'no-store');
  writeXlsx(stream, opts).catch((e) => stream.destroy(e as Error));
  return reply.send(stream);
};
