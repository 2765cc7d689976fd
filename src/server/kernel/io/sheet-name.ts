import { xmlSafeText } from './xml-text';

/** Excel's limit, in UTF-16 code units. */
export const MAX_SHEET_NAME = 31;
/** Excel keeps a sheet by this name (any case) for change tracking; exceljs refuses it. */
const RESERVED = ['HISTORY'];
const FORBIDDEN = /[:\\/?*[\]]/g;

const fold = (s: string) => s.toUpperCase();

/** At most `max` code units, never cutting a surrogate pair in half. */
const cut = (s: string, max: number) => {
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
};

/** Spaces around the name and the apostrophes Excel forbids at either end, until none are left. */
const trimEnds = (s: string) => {
  let prev: string;
  let out = s;
  do {
    prev = out;
    out = out.trim().replace(/^'+|'+$/g, '');
  } while (out !== prev);
  return out;
};

/**
 * The one way a worksheet gets its name. Names come from users (a report definition's name, an
 * indicator's label), and exceljs throws — a 500 on export — or writes a workbook Excel will not
 * open for any name breaking Excel's rules: ≤ 31 characters; none of `: \ / ? * [ ]`; not starting
 * or ending with `'`; not `History`; no control characters; unique in the workbook ignoring case.
 * Forbidden characters become spaces, the name is shortened, an empty one becomes `fallback`, and a
 * name already in `taken` (or reserved) gets ` (2)`, ` (3)` … within the length limit.
 */
export const sheetName = (raw: string, taken: Iterable<string> = [], fallback = 'Sheet1'): string => {
  const cleaned = xmlSafeText(raw).replace(FORBIDDEN, ' ').replace(/\s+/g, ' ');
  const base = trimEnds(cut(trimEnds(cleaned), MAX_SHEET_NAME)) || fallback;
  const used = new Set([...RESERVED, ...[...taken].map(fold)]);
  if (!used.has(fold(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${trimEnds(cut(base, MAX_SHEET_NAME - suffix.length))}${suffix}`;
    if (!used.has(fold(candidate))) return candidate;
  }
};
