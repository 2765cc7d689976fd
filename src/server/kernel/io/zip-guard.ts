import { StringDecoder } from 'node:string_decoder';
import { crc32, createInflateRaw } from 'node:zlib';

/**
 * Guards a zip (an .xlsx) before exceljs unpacks it (ASVS 5.2.3, R23: no zip bombs).
 *
 * Sizes written in a zip's headers are claims, not facts: an attacker writes whatever they like, and
 * exceljs (through JSZip) inflates the real stream until it ends. So there are two gates:
 * - `checkZip`: the cheap one, on the declared sizes in the central directory alone;
 * - `scanZip`: inflates every entry as a stream, exactly the bytes JSZip will inflate, counting the REAL
 *   output; it stops the moment a limit on bytes, rows or cells is crossed, so a bomb costs a few
 *   chunks of memory, never its inflated size. Whatever a scan lets through is known to be bounded.
 */
export type ZipLimits = {
  maxEntries: number;
  /** Declared, then real, inflated bytes of all entries together. */
  maxUncompressed: number;
  /** Declared inflated / compressed, for archives over 10 MB declared. */
  maxRatio: number;
  /** Data rows in one part (one worksheet): `<row` elements beyond a few for the title and header. */
  maxSheetRows: number;
  /** `<row` elements in all parts together: exceljs keeps every sheet of a workbook. */
  maxTotalRows: number;
  /**
   * Cells in all parts together (`<c` elements and the cells merges cover): what exceljs' memory grows
   * with. Also the most shared strings (`<si>`) a workbook may hold: each is for some cell.
   */
  maxCells: number;
  /** `<mergeCell>`s: exceljs checks each new merge against all before it (quadratic). */
  maxMerges: number;
  /** Cell formats (`<xf>`); Excel itself allows 64,000. */
  maxStyles: number;
};

const MB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2_000,
  maxUncompressed: 100 * MB,
  maxRatio: 200,
  maxSheetRows: 50_000,
  maxTotalRows: 100_000,
  // exceljs' load peaks at ~550–650 bytes a cell above where it started (measured: +254 MB for a
  // 50,000 × 8 sheet it wrote, +549 MB for 50,000 × 20 inline strings), so 600,000 cells cost up to
  // ~380 MB: a sheet of 50,000 rows × 12 filled columns fits, a full 21-column one must be split.
  maxCells: 600_000,
  maxMerges: 5_000,
  maxStyles: 65_000,
};

/** Rows a sheet may hold besides its data: a title, the header, the template's hint row. */
export const SHEET_HEADER_ROWS = 10;

const REOPEN = '请在 Excel 或 WPS 中打开后重新“另存为” .xlsx 文件再上传';

/** What the messages say; tests and the route branch on `kind`, the user reads `message`. */
export const zipMessages = {
  corrupt: '文件已损坏或不是有效的 Excel（.xlsx）文件',
  tooManyEntries: '文件内部结构异常（条目过多），已拒绝',
  tooLarge: (limit: number) => `文件解压后过大（超过 ${Math.round(limit / MB)} MB），已拒绝`,
  ratio: '文件压缩比异常，已拒绝',
  sheetRows: (limit: number) => `工作表超过 ${limit} 行，已拒绝，请拆分后分批导入`,
  totalRows: (limit: number) => `工作簿各工作表合计超过 ${limit} 行，已拒绝，请只保留要导入的工作表`,
  cells: (limit: number) =>
    `工作簿的单元格超过 ${limit / 10_000} 万个，已拒绝，请删除多余的行列或拆分后分批导入`,
  merges: (limit: number) => `工作簿的合并单元格超过 ${limit} 处，已拒绝，请取消不必要的合并后再上传`,
  styles: (limit: number) => `文件中的单元格格式超过 ${limit} 种，已拒绝；${REOPEN}`,
  encrypted: '文件已加密，请取消密码保护后再上传',
  lies: `文件内部记录的大小与实际内容不符，已拒绝；${REOPEN}`,
  odd: `文件内部结构异常，已拒绝；${REOPEN}`,
  nested: '文件中嵌有其他压缩文件（如嵌入的工作簿或文档），已拒绝；请删除嵌入的对象后再上传',
} as const;

/** `limit`: a size limit was crossed (413); `invalid`: the archive is broken or unusual (400). */
export type ZipRefusalKind = 'limit' | 'invalid';

export class ZipRefusedError extends Error {
  readonly kind: ZipRefusalKind;
  constructor(kind: ZipRefusalKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

const refuse = (kind: ZipRefusalKind, message: string): never => {
  throw new ZipRefusedError(kind, message);
};

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_DESCRIPTOR = 0x08074b50;
/** PK\5\6, the end-of-central-directory record. */
const END_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

type EndRecord = { at: number; entries: number; cdOffset: number; cdSize: number };

/**
 * The end record, found as JSZip finds it: the LAST "PK\5\6" in the file (a comment holding a fake one
 * then fools both alike). Multi-disk and zip64 archives are refused: a 10 MB workbook never needs them.
 */
const endRecord = (buf: Buffer): EndRecord => {
  const at = buf.lastIndexOf(END_SIGNATURE);
  if (at < 0 || at + 22 > buf.length) return refuse('invalid', zipMessages.corrupt);
  const disk = buf.readUInt16LE(at + 4);
  const cdDisk = buf.readUInt16LE(at + 6);
  const onDisk = buf.readUInt16LE(at + 8);
  const entries = buf.readUInt16LE(at + 10);
  const cdSize = buf.readUInt32LE(at + 12);
  const cdOffset = buf.readUInt32LE(at + 16);
  if ([disk, cdDisk, onDisk, entries].includes(0xffff) || cdSize === 0xffffffff || cdOffset === 0xffffffff)
    return refuse('invalid', zipMessages.odd);
  if (disk !== 0 || cdDisk !== 0 || onDisk !== entries) return refuse('invalid', zipMessages.odd);
  return { at, entries, cdOffset, cdSize };
};

/**
 * Checks a zip before anything unpacks it: entry count, declared uncompressed size and compression
 * ratio, read from the central directory alone. Cheap, and enough to turn away honest giants; the
 * liars are caught by `scanZip`.
 */
export const checkZip = (
  buf: Buffer,
  limits: Pick<ZipLimits, 'maxEntries' | 'maxUncompressed' | 'maxRatio'> = DEFAULT_ZIP_LIMITS,
): string | undefined => {
  let end: EndRecord;
  try {
    end = endRecord(buf);
  } catch (e) {
    if (e instanceof ZipRefusedError) return e.message;
    throw e;
  }
  if (end.entries > limits.maxEntries) return zipMessages.tooManyEntries;
  let total = 0;
  let compressed = 0;
  let p = end.cdOffset;
  for (let n = 0; n < end.entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== SIG_CENTRAL) return zipMessages.corrupt;
    compressed += buf.readUInt32LE(p + 20);
    total += buf.readUInt32LE(p + 24);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  if (total > limits.maxUncompressed) return zipMessages.tooLarge(limits.maxUncompressed);
  if (compressed > 0 && total / compressed > limits.maxRatio && total > 10 * MB) return zipMessages.ratio;
  return undefined;
};

type Entry = {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  dataStart: number;
  /** Where the entry ends: after its data, or after its data descriptor. */
  end: number;
};

/**
 * Every central-directory record and its local header, read the way JSZip reads them (the central
 * directory says where and how long, the local header only how far to skip), and refused where the
 * two disagree, where entries overlap or leave gaps, or where anything is encrypted, zip64, a link
 * or compressed other than stored/deflate.
 */
const readEntries = (buf: Buffer, limits: ZipLimits): Entry[] => {
  const end = endRecord(buf);
  if (end.entries > limits.maxEntries) refuse('limit', zipMessages.tooManyEntries);
  // Prepended bytes make JSZip shift every offset; a workbook has none, so the directory must end
  // exactly where the end record starts.
  if (end.cdOffset + end.cdSize !== end.at) refuse('invalid', zipMessages.odd);
  const entries: Entry[] = [];
  const names = new Set<string>();
  let p = end.cdOffset;
  for (let n = 0; n < end.entries; n++) {
    if (p + 46 > end.at || buf.readUInt32LE(p) !== SIG_CENTRAL) refuse('invalid', zipMessages.corrupt);
    const madeBy = buf.readUInt16LE(p + 4);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const recordLength = 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const diskStart = buf.readUInt16LE(p + 34);
    const externalAttrs = buf.readUInt32LE(p + 38);
    const localOffset = buf.readUInt32LE(p + 42);
    if (p + recordLength > end.at) refuse('invalid', zipMessages.corrupt);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    p += recordLength;
    if (flags & 0x0041 || method === 99) refuse('invalid', zipMessages.encrypted);
    if ([compressedSize, size, localOffset].includes(0xffffffff) || diskStart !== 0)
      refuse('invalid', zipMessages.odd);
    if (method !== 0 && method !== 8) refuse('invalid', zipMessages.odd);
    // A symbolic link (Unix host, S_IFLNK) has no business in a workbook.
    if (madeBy >> 8 === 3 && ((externalAttrs >>> 16) & 0o170000) === 0o120000)
      refuse('invalid', zipMessages.odd);
    if (names.has(name)) refuse('invalid', zipMessages.odd);
    names.add(name);

    const l = localOffset;
    if (l + 30 > end.cdOffset || buf.readUInt32LE(l) !== SIG_LOCAL) refuse('invalid', zipMessages.corrupt);
    const localFlags = buf.readUInt16LE(l + 6);
    if (localFlags & 0x0041) refuse('invalid', zipMessages.encrypted);
    if (buf.readUInt16LE(l + 8) !== method) refuse('invalid', zipMessages.lies);
    const dataStart = l + 30 + buf.readUInt16LE(l + 26) + buf.readUInt16LE(l + 28);
    let entryEnd = dataStart + compressedSize;
    if (entryEnd > end.cdOffset) refuse('invalid', zipMessages.corrupt);
    const claims = (at: number) =>
      buf.readUInt32LE(at) === crc &&
      buf.readUInt32LE(at + 4) === compressedSize &&
      buf.readUInt32LE(at + 8) === size;
    if (flags & 0x0008) {
      // Sizes follow the data in a descriptor (with or without its signature): it must agree too.
      const at =
        entryEnd + 12 <= end.cdOffset && buf.readUInt32LE(entryEnd) === SIG_DESCRIPTOR
          ? entryEnd + 4
          : entryEnd;
      if (at + 12 > end.cdOffset || !claims(at)) refuse('invalid', zipMessages.lies);
      entryEnd = at + 12;
    } else if (!claims(l + 14)) refuse('invalid', zipMessages.lies);
    entries.push({ name, method, crc, compressedSize, size, localOffset, dataStart, end: entryEnd });
  }
  if (p !== end.at) refuse('invalid', zipMessages.odd);
  // Entries laid end to end from the first byte to the directory: no overlaps (one deflate stream
  // counted as many files) and no hidden bytes a reader walking local headers would see differently.
  let expected = 0;
  for (const e of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
    if (e.localOffset !== expected) refuse('invalid', zipMessages.odd);
    expected = e.end;
  }
  if (expected !== end.cdOffset) refuse('invalid', zipMessages.odd);
  return entries;
};

export type ZipScan = {
  entries: number;
  bytes: number;
  rows: number;
  cells: number;
  maxSheetRows: number;
  strings: number;
  styles: number;
  merges: number;
};

/** Whitespace, `>` or `/`: what may follow an element name. */
const isNameEnd = (b: number | undefined) =>
  b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x3e || b === 0x2f;

/**
 * The start tags whose number bounds what exceljs builds: rows and cells (a Row and a Cell object
 * each), shared strings (`<si>`, one string each, kept for the whole load) and cell formats (`<xf>`).
 */
const COUNTED_TAGS = {
  rows: Buffer.from('<row'),
  cells: Buffer.from('<c'),
  strings: Buffer.from('<si'),
  styles: Buffer.from('<xf'),
} as const;
type Counted = keyof typeof COUNTED_TAGS;
const MERGE_TAG = Buffer.from('<mergeCell');
/** Long enough for the longest name and the byte after it. */
const LOOKAHEAD = MERGE_TAG.length + 1;
/** A `<mergeCell ref="…"/>` is ~30 bytes; one without its `>` this far on is not a workbook. */
const MAX_MERGE_TAG_BYTES = 1024;

const MERGE_REF = /\sref\s*=\s*["']\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?["']/;

const columnNumber = (letters: string) =>
  [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * Cells a merge covers: exceljs makes a Cell for every one of them (and a merge over a whole sheet is
 * 17 billion), so they count as cells.
 */
const mergeArea = (tag: string) => {
  const m = MERGE_REF.exec(tag);
  if (!m) return refuse('invalid', zipMessages.odd);
  const [c1, r1] = [columnNumber(m[1]), Number(m[2])];
  const [c2, r2] = m[3] ? [columnNumber(m[3]), Number(m[4])] : [c1, r1];
  return (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
};

/**
 * Counts start tags in a stream of XML chunks, and the cells `<mergeCell>` tags cover. A tag may be cut
 * between chunks, so the last bytes (or an unfinished `<mergeCell …`) wait for the next chunk; a tag is
 * counted once, when the byte after its name (for a merge, its `>`) is seen. Text can't hide a tag
 * (XML escapes `<` in text); CDATA or comments only make the count higher, never lower.
 */
class TagCounter {
  readonly counts: Record<Counted | 'merges' | 'mergedCells', number> = {
    rows: 0,
    cells: 0,
    strings: 0,
    styles: 0,
    merges: 0,
    mergedCells: 0,
  };
  private carry = Buffer.alloc(0);

  push(chunk: Buffer, isLast = false) {
    const b = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    let limit = isLast ? b.length : Math.max(0, b.length - LOOKAHEAD);
    for (let i = b.indexOf(MERGE_TAG); i !== -1 && i < limit; i = b.indexOf(MERGE_TAG, i + 1)) {
      if (!isNameEnd(b[i + MERGE_TAG.length])) continue;
      const close = b.indexOf(0x3e, i);
      if (close === -1 || close - i > MAX_MERGE_TAG_BYTES) {
        if (b.length - i > MAX_MERGE_TAG_BYTES) refuse('invalid', zipMessages.odd);
        limit = i;
        break;
      }
      this.counts.merges++;
      this.counts.mergedCells += mergeArea(b.toString('latin1', i, close));
    }
    for (const key of Object.keys(COUNTED_TAGS) as Counted[]) {
      const tag = COUNTED_TAGS[key];
      for (let i = b.indexOf(tag); i !== -1 && i < limit; i = b.indexOf(tag, i + 1)) {
        if (isNameEnd(b[i + tag.length])) this.counts[key]++;
      }
    }
    this.carry = isLast ? Buffer.alloc(0) : Buffer.from(b.subarray(limit));
  }
}

const startsLikeZip = (head: Buffer) =>
  head.length >= 4 &&
  head[0] === 0x50 &&
  head[1] === 0x4b &&
  [3, 5, 7].includes(head[2]) &&
  head[3] === head[2] + 1;

/**
 * Inflates every entry as a stream and refuses the archive the moment the real output crosses a
 * limit: total bytes, an entry's own declared size (so a liar is stopped at its claim, not at its
 * bomb), rows in a part, and in all parts rows, cells (merged ranges included), shared strings, cell
 * formats and merges. Also refuses archives inside the archive and entries whose content does not
 * match their declared size or CRC.
 */
export const scanZip = async (buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipScan> => {
  const declared = checkZip(buf, limits);
  if (declared) {
    const kind: ZipRefusalKind =
      declared === zipMessages.corrupt || declared === zipMessages.odd ? 'invalid' : 'limit';
    refuse(kind, declared);
  }
  const entries = readEntries(buf, limits);
  const scan: ZipScan = {
    entries: entries.length,
    bytes: 0,
    rows: 0,
    cells: 0,
    maxSheetRows: 0,
    strings: 0,
    styles: 0,
    merges: 0,
  };
  for (const e of entries) {
    const counter = new TagCounter();
    let size = 0;
    let crc = 0;
    let head = Buffer.alloc(0);
    const take = (chunk: Buffer, isLast = false) => {
      size += chunk.length;
      scan.bytes += chunk.length;
      if (size > e.size) refuse('invalid', zipMessages.lies);
      if (scan.bytes > limits.maxUncompressed) refuse('limit', zipMessages.tooLarge(limits.maxUncompressed));
      if (head.length < 4) {
        head = Buffer.concat([head, chunk.subarray(0, 4)]);
        if (head.length >= 4 && startsLikeZip(head)) refuse('invalid', zipMessages.nested);
      }
      crc = crc32(chunk, crc);
      const before = { ...counter.counts };
      counter.push(chunk, isLast);
      const c = counter.counts;
      scan.rows += c.rows - before.rows;
      scan.cells += c.cells - before.cells + c.mergedCells - before.mergedCells;
      scan.strings += c.strings - before.strings;
      scan.styles += c.styles - before.styles;
      scan.merges += c.merges - before.merges;
      scan.maxSheetRows = Math.max(scan.maxSheetRows, c.rows);
      if (c.rows > limits.maxSheetRows + SHEET_HEADER_ROWS)
        refuse('limit', zipMessages.sheetRows(limits.maxSheetRows));
      if (scan.rows > limits.maxTotalRows) refuse('limit', zipMessages.totalRows(limits.maxTotalRows));
      if (scan.merges > limits.maxMerges) refuse('limit', zipMessages.merges(limits.maxMerges));
      if (scan.styles > limits.maxStyles) refuse('limit', zipMessages.styles(limits.maxStyles));
      if (scan.strings > limits.maxCells) refuse('limit', zipMessages.cells(limits.maxCells));
      if (scan.cells > limits.maxCells) refuse('limit', zipMessages.cells(limits.maxCells));
    };
    const data = buf.subarray(e.dataStart, e.dataStart + e.compressedSize);
    if (e.method === 0) {
      for (let i = 0; i < data.length; i += 64 * 1024) take(data.subarray(i, i + 64 * 1024));
    } else {
      const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
      inflater.end(data);
      try {
        // Pulled chunk by chunk: zlib produces the next only when this loop asks, and leaving the
        // loop (a refusal) destroys the stream, so a bomb never gets further than one chunk past a limit.
        for await (const chunk of inflater) take(chunk as Buffer);
      } catch (err) {
        if (err instanceof ZipRefusedError) throw err;
        refuse('invalid', zipMessages.corrupt);
      } finally {
        inflater.destroy();
      }
    }
    take(Buffer.alloc(0), true);
    if (size !== e.size || crc >>> 0 !== e.crc) refuse('invalid', zipMessages.lies);
  }
  return scan;
};

/**
 * The entries of a zip `scanZip` has passed, by name (a leading `/` dropped, as JSZip's readers do),
 * each as a function giving its content as UTF-8 text, chunk by chunk: an .xlsx part is read as a
 * stream and never held whole. The entries are the central directory's, the ones the scan counted.
 */
export const zipTextEntries = (buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS) => {
  const parts = new Map<string, () => AsyncGenerator<string>>();
  for (const e of readEntries(buf, limits)) {
    const read = async function* () {
      const decoder = new StringDecoder('utf8');
      const data = buf.subarray(e.dataStart, e.dataStart + e.compressedSize);
      if (e.method === 0) {
        for (let i = 0; i < data.length; i += 64 * 1024) yield decoder.write(data.subarray(i, i + 64 * 1024));
      } else {
        const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
        inflater.end(data);
        try {
          for await (const chunk of inflater) yield decoder.write(chunk as Buffer);
        } catch {
          refuse('invalid', zipMessages.corrupt);
        } finally {
          inflater.destroy();
        }
      }
      const rest = decoder.end();
      if (rest) yield rest;
    };
    parts.set(e.name.replace(/^\//, ''), read);
  }
  return parts;
};
