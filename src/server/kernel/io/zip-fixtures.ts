import { Readable } from 'node:stream';
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/**
 * Test-only: builds .xlsx archives byte by byte, honest or hostile (sizes that lie, a million rows,
 * too many entries, a zip inside the zip), so the guard is tested against what an attacker can send
 * rather than against what exceljs would write. Nothing here holds the inflated content in memory:
 * big parts are deflated from a generator.
 */
export type FixtureEntry = {
  name: string;
  /** The compressed bytes as stored (deflate-raw unless `method` is 0). */
  data: Buffer;
  /** What the headers will claim; by default the truth. */
  size: number;
  crc: number;
  method?: 0 | 8;
  flags?: number;
};

export type FixtureLies = {
  /** Uncompressed size written in the central directory and the local header instead of the real one. */
  size?: number;
  crc?: number;
  flags?: number;
};

const deflateChunks = async (chunks: Iterable<string | Buffer>) => {
  const out: Buffer[] = [];
  let size = 0;
  let crc = 0;
  const source = Readable.from(
    (function* () {
      for (const c of chunks) {
        const b = typeof c === 'string' ? Buffer.from(c) : c;
        size += b.length;
        crc = crc32(b, crc);
        yield b;
      }
    })(),
  );
  const deflater = createDeflateRaw({ level: 6 });
  source.pipe(deflater);
  for await (const chunk of deflater) out.push(chunk as Buffer);
  return { data: Buffer.concat(out), size, crc };
};

/** An entry deflated from a generator of text or bytes; `lies` changes what its headers declare. */
export const deflatedEntry = async (
  name: string,
  chunks: Iterable<string | Buffer>,
  lies: FixtureLies = {},
): Promise<FixtureEntry> => {
  const { data, size, crc } = await deflateChunks(chunks);
  return { name, data, size: lies.size ?? size, crc: lies.crc ?? crc, method: 8, flags: lies.flags ?? 0 };
};

/**
 * A deflate stream inflating to `megabytes` MB of spaces, built in milliseconds: one MB deflated with
 * a full flush (byte-aligned, no back-references across it) repeated, then an empty final block. The
 * headers declare `declaredSize` (by default 1 KB: the lie of the attack run).
 */
export const bombEntry = (name: string, megabytes: number, declaredSize = 1024): FixtureEntry => {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), { finishFlush: constants.Z_FULL_FLUSH });
  const finalBlock = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);
  const data = Buffer.concat([...Array.from({ length: megabytes }, () => block), finalBlock]);
  return { name, data, size: declaredSize, crc: 0, method: 8, flags: 0 };
};

export const storedEntry = (name: string, content: Buffer | string): FixtureEntry => {
  const data = Buffer.from(content);
  return { name, data, size: data.length, crc: crc32(data), method: 0, flags: 0 };
};

export type ZipOptions = {
  /** The entry count written in the end record (16 bits); by default the real count. */
  declaredEntries?: number;
};

/** Local headers, data, central directory and end record, as a plain (non-zip64) archive. */
export const buildZip = (entries: FixtureEntry[], opts: ZipOptions = {}) => {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const method = e.method ?? 8;
    const flags = (e.flags ?? 0) | 0x0800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(flags, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(e.crc >>> 0, 16);
    cd.writeUInt32LE(e.data.length, 20);
    cd.writeUInt32LE(e.size >>> 0, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    parts.push(local, name, e.data);
    central.push(cd, name);
    offset += 30 + name.length + e.data.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  const count = (opts.declaredEntries ?? entries.length) & 0xffff;
  eocd.writeUInt16LE(count, 8);
  eocd.writeUInt16LE(count, 10);
  eocd.writeUInt32LE(cdSize, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, eocd]);
};

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** The parts besides the sheet that make a workbook exceljs will open. */
export const workbookParts = () =>
  Promise.all([
    deflatedEntry('[Content_Types].xml', [CONTENT_TYPES]),
    deflatedEntry('_rels/.rels', [ROOT_RELS]),
    deflatedEntry('xl/workbook.xml', [WORKBOOK]),
    deflatedEntry('xl/_rels/workbook.xml.rels', [WORKBOOK_RELS]),
  ]);

/** A, B, … Z, AA, … — the column part of a cell address. */
const columnName = (index: number): string =>
  (index >= 26 ? columnName(Math.floor(index / 26) - 1) : '') + String.fromCharCode(65 + (index % 26));

/** Sheet XML for `rows` rows of `cellsPerRow` inline-string cells, generated a thousand rows at a time. */
export function* sheetXml(rows: number, cellsPerRow = 1, text = (r: number, c: number) => `${r}-${c}`) {
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  for (let from = 1; from <= rows; from += 1000) {
    let s = '';
    for (let r = from; r < Math.min(from + 1000, rows + 1); r++) {
      s += `<row r="${r}">`;
      for (let c = 0; c < cellsPerRow; c++)
        s += `<c r="${columnName(c)}${r}" t="inlineStr"><is><t>${text(r, c)}</t></is></c>`;
      s += '</row>';
    }
    yield s;
  }
  yield '</sheetData></worksheet>';
}

/** A whole .xlsx with one sheet from `sheetXml`; `lies` apply to the sheet entry. */
export const sheetWorkbook = async (rows: number, cellsPerRow = 1, lies: FixtureLies = {}) =>
  buildZip([
    ...(await workbookParts()),
    await deflatedEntry('xl/worksheets/sheet1.xml', sheetXml(rows, cellsPerRow), lies),
  ]);
