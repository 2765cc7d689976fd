import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../http/errors';
import { shanghaiToday } from '../time/calendar';
import { HEIC_MESSAGE, sniffImage, storeImage } from './image-store';

/*
 * Documents (a diagnosis, a certificate): an image or a PDF, told by its bytes, never by the name
 * or the declared type. Images go through the photo store (re-encoded, EXIF dropped); a PDF is kept
 * as sent, under a random key in the data directory, written whole or not at all.
 */

export const UNSUPPORTED_DOCUMENT_MESSAGE = '只能上传 JPG、PNG、WebP 图片或 PDF 文件';

export type DocumentKind = 'image/jpeg' | 'application/pdf';
export type StoredDocument = { storageKey: string; contentType: DocumentKind; bytes: number };

const isPdf = (buf: Buffer) => buf.length > 8 && buf.subarray(0, 5).toString('latin1') === '%PDF-';

/** The document's kind by its magic bytes, or a zh-CN refusal. */
export const sniffDocument = (buf: Buffer): 'image' | 'pdf' => {
  if (isPdf(buf)) return 'pdf';
  const image = sniffImage(buf);
  if (image === 'heic') throw new AppError('UNSUPPORTED_MEDIA_TYPE', HEIC_MESSAGE);
  if (image === 'unknown') throw new AppError('UNSUPPORTED_MEDIA_TYPE', UNSUPPORTED_DOCUMENT_MESSAGE);
  return 'image';
};

const root = (dataDir: string) => path.resolve(dataDir, 'uploads');

const resolveKey = (dataDir: string, storageKey: string) => {
  const full = path.resolve(dataDir, storageKey);
  if (!full.startsWith(`${root(dataDir)}${path.sep}`))
    throw new AppError('NOT_FOUND', '材料不存在或已被删除');
  return full;
};

export const storeDocument = async (dataDir: string, buffer: Buffer): Promise<StoredDocument> => {
  if (sniffDocument(buffer) === 'image') {
    const image = await storeImage(dataDir, buffer);
    return { storageKey: image.storageKey, contentType: 'image/jpeg', bytes: image.bytes };
  }
  const year = shanghaiToday().slice(0, 4);
  const storageKey = path.posix.join('uploads', 'documents', year, `${randomUUID()}.pdf`);
  const full = resolveKey(dataDir, storageKey);
  await mkdir(path.dirname(full), { recursive: true, mode: 0o700 });
  const partial = `${full}.partial`;
  try {
    await writeFile(partial, buffer, { mode: 0o600, flag: 'wx' });
    await rename(partial, full);
  } catch (e) {
    await rm(partial, { force: true }).catch(() => {});
    throw e;
  }
  return { storageKey, contentType: 'application/pdf', bytes: buffer.length };
};

export const readDocument = async (dataDir: string, storageKey: string) => {
  try {
    return await readFile(resolveKey(dataDir, storageKey));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NOT_FOUND', '材料文件已丢失');
    throw e;
  }
};

export const removeDocument = async (dataDir: string, storageKey: string) => {
  await rm(resolveKey(dataDir, storageKey), { force: true });
};
