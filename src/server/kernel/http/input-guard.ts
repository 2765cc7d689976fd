import type { FastifyInstance } from 'fastify';
import type { ErrorDetail } from '../../../contracts/common/errors';
import { AppError } from './errors';

/**
 * The input edge: text no person types is refused before validation and before any handler, for
 * every route at once.
 *
 * - NUL: PostgreSQL refuses it in `text` and `jsonb`, so it reached the database as a 500.
 * - The other C0 controls and DEL: never typed, invisible on screen, they break the XML inside
 *   .xlsx/.docx exports (Excel will not open the file) and forge lines in logs. Tab, LF and CR stay:
 *   they are what multi-line text (notes, summaries) is made of; whether a field may hold a line
 *   break is that field's contract's business.
 * - Lone surrogates and U+FFFE/U+FFFF: not characters at all (JSON `"\ud800"` parses into one);
 *   they become U+FFFD or throw in encodeURIComponent, and XML forbids them.
 * - Object keys get no control character at all: a key is a field name.
 * - Nesting deeper than MAX_DEPTH: no contract is nearly that deep, and recursive code further on
 *   (JSON.stringify into jsonb, audit diffs) would overflow the stack on a 1 MB `[[[[…`.
 */
export const CONTROL_MESSAGE = '包含不允许的控制字符';
export const ENCODING_MESSAGE = '包含无效的字符编码（不完整的 Unicode 字符）';
export const DEPTH_MESSAGE = '嵌套层级过深';
export const MAX_DEPTH = 32;

const isLineSpace = (c: number) => c === 0x09 || c === 0x0a || c === 0x0d;

/** What is wrong with a piece of text, or undefined when it is acceptable. */
export const textProblem = (s: string, isKey = false): string | undefined => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) {
      if (isKey || !isLineSpace(c)) return CONTROL_MESSAGE;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return ENCODING_MESSAGE;
    } else if ((c >= 0xdc00 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) {
      return ENCODING_MESSAGE;
    }
  }
  return undefined;
};

/** A field name safe to echo: the refused characters themselves are shown as \uXXXX. */
const printable = (s: string) =>
  [...s]
    .map((ch) => {
      const c = ch.charCodeAt(0);
      const isBad =
        ch.length === 1 && (c < 0x20 || c === 0x7f || (c >= 0xd800 && c <= 0xdfff) || c >= 0xfffe);
      return isBad ? `\\u${c.toString(16).padStart(4, '0')}` : ch;
    })
    .join('');

/** Arrays and dictionaries: plain objects, null-prototype ones and the query parser's `Empty`. */
const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null;
};

/**
 * The first problem in a parsed body, query or params object, with the field's dotted path
 * (`items.0.area`, as the validation errors name fields). Iterative, so depth costs no stack.
 */
export const findInputProblem = (root: unknown): ErrorDetail | undefined => {
  const stack: { value: unknown; path: string[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: string[] };
    const field = () => (path.length ? path.map(printable).join('.') : undefined);
    if (typeof value === 'string') {
      const message = textProblem(value);
      if (message) return { field: field(), message };
      continue;
    }
    if (!isContainer(value)) continue;
    if (path.length >= MAX_DEPTH) return { field: field(), message: DEPTH_MESSAGE };
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [String(i), v])
      : Object.entries(value);
    // Pushed in reverse so the first field in document order is the one reported.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      if (!Array.isArray(value)) {
        const message = textProblem(key, true);
        if (message) return { field: [...path, key].map(printable).join('.'), message };
      }
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return undefined;
};

const refuse = (where: string, problem: ErrorDetail): never => {
  const field = problem.field ?? where;
  throw new AppError('VALIDATION_FAILED', `${field}：${problem.message}`, [
    { field, message: problem.message },
  ]);
};

/** Refuses a problem in any of the request's parsed parts; `where` names a part without fields. */
const guardRequest = (parts: [where: string, value: unknown][]) => {
  for (const [where, value] of parts) {
    const problem = findInputProblem(value);
    if (problem) refuse(where, problem);
  }
};

/**
 * Registered once in app.ts, before any route: path params, query and JSON body of every route
 * pass here after parsing and before the zod contracts run.
 */
export const registerInputGuard = (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    guardRequest([
      ['路径参数', request.params],
      ['查询参数', request.query],
      ['请求内容', request.body],
    ]);
  });
};

type UploadPart = {
  filename?: string;
  fieldname?: string;
  fields?: Record<string, unknown>;
};

/**
 * Multipart bodies are read by the handler (`req.file()`), after preValidation: the same rule for
 * the part's file name and the text fields sent with it. A file name reaches the database (an
 * import job keeps it) and the error report's download name.
 */
export const guardUploadPart = (part: UploadPart | undefined) => {
  if (!part) return;
  // [field named in the answer, text, single line (names: no tab or line break either)]
  const texts: [string, string, boolean][] = [
    ['文件名', part.filename ?? '', true],
    ['字段名', part.fieldname ?? '', true],
  ];
  for (const [name, field] of Object.entries(part.fields ?? {})) {
    texts.push(['字段名', name, true]);
    for (const f of [field].flat()) {
      const v = f as { type?: string; value?: unknown; filename?: string };
      if (v?.type === 'field' && typeof v.value === 'string') texts.push([printable(name), v.value, false]);
      if (v?.type === 'file' && typeof v.filename === 'string') texts.push(['文件名', v.filename, true]);
    }
  }
  for (const [field, text, isSingleLine] of texts) {
    const message = textProblem(text, isSingleLine);
    if (message) refuse(field, { field, message });
  }
};
