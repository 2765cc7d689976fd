import { maskIdNumber, maskPhone, toHalfWidth } from '../../../contracts/common/id-number';

/*
 * Masking of personal values that reach logs and audit rows by accident: a search typed into a
 * filter, a value inside an error message. The stored, displayed masks (idNumberMasked,
 * phoneMasked) are made by the same helpers, so a masked value looks the same everywhere.
 */

// Bounded on both sides by a non-alphanumeric character, so parts of uuids, hashes and longer
// digit runs (timestamps are 13 digits) are left alone.
const ID_LIKE = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
const PHONE_LIKE = /(?<![0-9A-Za-z])1\d{10}(?![0-9A-Za-z])/g;
// A password hash is not personal data, but it is an offline-guessing target: never in a log.
const ARGON2_HASH = /\$argon2(?:id|i|d)\$[^\s,'"\])}]*/g;

/** ID-number-like and phone-like runs inside free text, masked; argon2 hashes replaced. */
export const maskPiiText = (text: string): string =>
  text
    .replace(ARGON2_HASH, '[argon2 hash]')
    .replace(ID_LIKE, (m) => maskIdNumber(m.toUpperCase()))
    .replace(PHONE_LIKE, (m) => maskPhone(m));

/**
 * One filter value as the audit log keeps it: a value that *is* an ID number or a phone (as typed:
 * full-width digits, spaces) is masked whole; anything else has embedded ones masked.
 */
export const maskFilterValue = (value: string): string => {
  const plain = toHalfWidth(value).toUpperCase();
  if (/^(?:\d{17}[\dX]|\d{15})$/.test(plain)) return maskIdNumber(plain);
  if (/^(?:\+?86)?1\d{10}$/.test(plain)) return maskPhone(plain.slice(-11));
  return maskPiiText(value);
};

/** A list's or an export's filters with every string masked by `maskFilterValue`, at any depth. */
export const maskFilters = <T>(filters: T): T => {
  if (typeof filters === 'string') return maskFilterValue(filters) as T;
  if (Array.isArray(filters)) return filters.map(maskFilters) as T;
  if (filters && typeof filters === 'object') {
    return Object.fromEntries(
      Object.entries(filters as Record<string, unknown>).map(([k, v]) => [k, maskFilters(v)]),
    ) as T;
  }
  return filters;
};
