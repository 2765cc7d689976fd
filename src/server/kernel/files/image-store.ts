import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { AppError } from '../http/errors';
import { shanghaiToday } from '../time/calendar';

/** Photos are shown on phones and in printed reports; 1600px on the long side is plenty for both. */
const MAX_EDGE = 1600;
/** 40 MP: above any phone camera, below what would let a crafted image exhaust memory when decoded. */
const MAX_INPUT_PIXELS = 40_000_000;
const UPLOADS = 'uploads';

export const HEIC_MESSAGE = '暂不支持苹果 HEIC 格式，请在相机设置中选择“兼容性最佳”后重拍，或上传 JPG/PNG';
export const UNSUPPORTED_IMAGE_MESSAGE = '只能上传 JPG、PNG 或 WebP 图片';

export type StoredImage = { storageKey: string; width: number; height: number; bytes: number };

const startsWith = (buf: Buffer, bytes: number[], offset = 0) =>
  buf.length >= offset + bytes.length && bytes.every((b, i) => buf[offset + i] === b);

const ascii = (buf: Buffer, start: number, end: number) => buf.subarray(start, end).toString('latin1');

type Sniffed = 'jpeg' | 'png' | 'webp' | 'heic' | 'unknown';

/** The format by magic bytes: the file name and the declared content type are the client's word only. */
export const sniffImage = (buf: Buffer): Sniffed => {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 12) === 'WEBP') return 'webp';
  if (['ftypheic', 'ftypheix', 'ftypmif1'].includes(ascii(buf, 4, 12))) return 'heic';
  return 'unknown';
};

/** Root of every stored upload; readImage refuses any key that resolves outside it. */
const uploadsRoot = (dataDir: string) => path.resolve(dataDir, UPLOADS);

const resolveKey = (dataDir: string, storageKey: string) => {
  const root = uploadsRoot(dataDir);
  const full = path.resolve(dataDir, storageKey);
  if (!full.startsWith(`${root}${path.sep}`)) throw new AppError('NOT_FOUND', '照片不存在或已被删除');
  return full;
};

/**
 * Validates, re-encodes and stores an uploaded photo. Re-encoding through sharp (rather than storing
 * the original) drops EXIF — GPS position, device serials — and any payload hidden after the image
 * data, and turns the photo upright per its EXIF orientation before that tag is lost.
 */
export const storeImage = async (dataDir: string, buffer: Buffer): Promise<StoredImage> => {
  const kind = sniffImage(buffer);
  if (kind === 'heic') throw new AppError('UNSUPPORTED_MEDIA_TYPE', HEIC_MESSAGE);
  if (kind === 'unknown') throw new AppError('UNSUPPORTED_MEDIA_TYPE', UNSUPPORTED_IMAGE_MESSAGE);
  let out: { data: Buffer; info: sharp.OutputInfo };
  try {
    out = await sharp(buffer, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
  } catch {
    // Corrupt data behind valid magic bytes, or more pixels than allowed.
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '图片已损坏或尺寸过大，无法读取，请换一张图片');
  }
  // Folders by the Shanghai year, so a backup of one year's photos is one folder.
  const year = shanghaiToday().slice(0, 4);
  const storageKey = path.posix.join(UPLOADS, 'activities', year, `${randomUUID()}.jpg`);
  const full = resolveKey(dataDir, storageKey);
  // Photos of people are personal data: only the service account may read them.
  await mkdir(path.dirname(full), { recursive: true, mode: 0o700 });
  // Written under a temporary name and renamed when complete: a full disk or a crash mid-write
  // leaves no truncated photo under a real key, and the partial file is removed here.
  const partial = `${full}.partial`;
  try {
    await writeFile(partial, out.data, { mode: 0o600, flag: 'wx' });
    await rename(partial, full);
  } catch (e) {
    await rm(partial, { force: true }).catch(() => {});
    throw e;
  }
  return { storageKey, width: out.info.width, height: out.info.height, bytes: out.data.length };
};

/** The stored bytes; a file lost from disk (restored DB, pruned folder) answers 404, not 500. */
export const readImage = async (dataDir: string, storageKey: string) => {
  try {
    return await readFile(resolveKey(dataDir, storageKey));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NOT_FOUND', '照片文件已丢失');
    throw e;
  }
};

/** Removes a stored file whose database row never committed; a missing file is not an error. */
export const removeImage = async (dataDir: string, storageKey: string) => {
  await rm(resolveKey(dataDir, storageKey), { force: true });
};
