import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { ImportJob } from '../../contracts/common/io';
import { type Session, uploadFile } from './test-app';

export type SheetCell = string | number | Date | null;
export type SheetSpec = { name: string; rows: SheetCell[][]; hidden?: boolean };

/** An .xlsx of the given sheets, each its rows as given (header first). */
export const workbookOf = async (sheets: SheetSpec[]) => {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.hidden ? { state: 'hidden' } : {});
    for (const r of s.rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
};

/** Uploads a workbook to a ledger's import route (`url` with its query) and waits for the finished job. */
export const importWorkbook = async (
  app: FastifyInstance,
  session: Session,
  url: string,
  file: Buffer,
  filename = '台账.xlsx',
): Promise<ImportJob> => {
  const res = await uploadFile(app, session, url, file, filename);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** One sheet of rows (header first) imported through `url`. */
export const importRows = async (
  app: FastifyInstance,
  session: Session,
  url: string,
  rows: SheetCell[][],
  sheetName = 'Sheet1',
) => importWorkbook(app, session, url, await workbookOf([{ name: sheetName, rows }]));
