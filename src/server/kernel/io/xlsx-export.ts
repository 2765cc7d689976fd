import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export type ExportColumn<T> = { header: string; width?: number; value: (row: T) => string | number | null };

/**
 * Cells a spreadsheet would run as formulas (= + - @, tab, CR, and their full-width forms) get a
 * leading apostrophe, so an exported ledger can never execute anything when opened (ASVS 1.2.10).
 */
export const escapeCell = (value: string | number | null): string | number | null => {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r＝＋－＠]/.test(value) ? `'${value}` : value;
};

/** RFC 6266 filename for a download: ASCII fallback plus the UTF-8 (Chinese) name. */
export const contentDisposition = (filename: string) => {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
};

/**
 * Streams rows into an .xlsx response: rows are written and flushed as they come, so memory stays
 * flat however long the list.
 */
export const streamXlsx = async <T>(
  reply: FastifyReply,
  opts: { filename: string; sheetName: string; columns: ExportColumn<T>[]; rows: AsyncIterable<T[]> },
) => {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(opts.sheetName);
  sheet.columns = opts.columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', contentDisposition(opts.filename))
    .header('cache-control', 'no-store');
  const writing = (async () => {
    for await (const batch of opts.rows) {
      for (const row of batch) sheet.addRow(opts.columns.map((c) => escapeCell(c.value(row)))).commit();
    }
    sheet.commit();
    await workbook.commit();
  })();
  writing.catch((e) => stream.destroy(e as Error));
  return reply.send(stream);
};
