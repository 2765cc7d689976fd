import { type UploadFileInput, uploadFile } from './upload-file';

/** The server refuses larger files too (413); checking first spares a long upload on a slow line. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const photoTypes = ['image/jpeg', 'image/png', 'image/webp'];
/** A record keeps at most this many photos (the server holds the same limit). */
export const MAX_PHOTOS = 9;

export type UploadedPhoto = { id: string; width: number; height: number; bytes: number };

export type UploadPhotoInput = UploadFileInput;

/** A photo goes up like any file (multipart `file`, with progress); the server sniffs and re-encodes it. */
export const uploadPhoto = uploadFile;
