import { z } from 'zod';

/** A read-only link she made: the path to send (`/s/<token>`, shown once), and until when it works. */
export const shareLinkSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  /** The site-relative path holding the token; only the creator is ever given it. */
  path: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type ShareLink = z.infer<typeof shareLinkSchema>;

/** What anyone holding the link sees: the document as it was when shared, nothing more. */
export const sharedDocumentSchema = z.object({
  kind: z.string(),
  title: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  payload: z.unknown(),
});
export type SharedDocument = z.infer<typeof sharedDocumentSchema>;

export const shareTokenParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) }).strict();

/** Days a link works before it expires on its own. */
export const SHARE_LINK_DAYS = 30;

/**
 * A document shared as plain prose (a work summary): its title, numbered sections of paragraphs, and the
 * signature lines; figures read as they do in the text, with nothing behind them.
 */
export const plainDocumentSchema = z.object({
  title: z.string(),
  subtitle: z.string().nullable(),
  sections: z.array(z.object({ heading: z.string().nullable(), paragraphs: z.array(z.string()) })),
  signature: z.array(z.string()),
});
export type PlainDocument = z.infer<typeof plainDocumentSchema>;
