/**
 * Checks a zip (xlsx/docx) before anything unpacks it: entry count, declared uncompressed size and
 * compression ratio, read from the central directory alone (ASVS 5.2.3: no zip bombs).
 */
export type ZipLimits = { maxEntries: number; maxUncompressed: number; maxRatio: number };

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2_000,
  maxUncompressed: 200 * 1024 * 1024,
  maxRatio: 200,
};

export const checkZip = (buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): string | undefined => {
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  const from = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return '文件已损坏或不是有效的 Excel（.xlsx）文件';
  const entries = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries > limits.maxEntries) return '文件内部结构异常（条目过多），已拒绝';
  let total = 0;
  let compressed = 0;
  let p = cdOffset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50)
      return '文件已损坏或不是有效的 Excel（.xlsx）文件';
    compressed += buf.readUInt32LE(p + 20);
    total += buf.readUInt32LE(p + 24);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  if (total > limits.maxUncompressed) return '文件解压后过大，已拒绝';
  if (compressed > 0 && total / compressed > limits.maxRatio && total > 10 * 1024 * 1024) {
    return '文件压缩比异常，已拒绝';
  }
  return undefined;
};
