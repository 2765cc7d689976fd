import { describe, expect, it } from 'vitest';
import {
  CONTROL_MESSAGE,
  DEPTH_MESSAGE,
  ENCODING_MESSAGE,
  findInputProblem,
  guardUploadPart,
  MAX_DEPTH,
  textProblem,
} from './input-guard';

describe('text no person types', () => {
  it.each(['a\u0000b', '\u0001', 'x\u0008', '\u000b', '\u000c', '\u001b[31m', '\u001f', 'del\u007f'])(
    '%j is a control character',
    (s) => {
      expect(textProblem(s)).toBe(CONTROL_MESSAGE);
    },
  );

  it.each(['\ud800', 'a\udbffb', '\udc00', 'x\udfff', '\ufffe', '\uffff', '\ud83d'])(
    '%j is not a character',
    (s) => {
      expect(textProblem(s)).toBe(ENCODING_MESSAGE);
    },
  );

  it('tab, line breaks, emoji, CJK and other scripts pass', () => {
    for (const s of [
      '第一行\n第二行\r\n\t缩进',
      '😀👩‍👩‍👧',
      '甲一村妇联',
      'Ünïcödé',
      '',
      '\u200b\u202e',
      '\u0085',
    ])
      expect(textProblem(s), JSON.stringify(s)).toBeUndefined();
  });

  it('a key (a field name) may hold no control character at all, not even a tab', () => {
    expect(textProblem('a\tb', true)).toBe(CONTROL_MESSAGE);
    expect(textProblem('name', true)).toBeUndefined();
  });
});

describe('finding the problem in a parsed body', () => {
  it('names the field by its dotted path, the first in document order', () => {
    expect(findInputProblem({ a: 'ok', items: [{ area: 'ok' }, { area: 'x\u0000' }], z: '\u0001' })).toEqual({
      field: 'items.1.area',
      message: CONTROL_MESSAGE,
    });
  });

  it('checks keys, and shows a bad key escaped rather than echoing it', () => {
    expect(findInputProblem({ nested: { 'a\u0000b': 1 } })).toEqual({
      field: 'nested.a\\u0000b',
      message: CONTROL_MESSAGE,
    });
  });

  it('a bare string body has no field name', () => {
    expect(findInputProblem('\ud800')).toEqual({ field: undefined, message: ENCODING_MESSAGE });
  });

  it('refuses nesting deeper than the limit without using the stack', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findInputProblem(deep)?.message).toBe(DEPTH_MESSAGE);
    let ok: unknown = 'leaf';
    for (let i = 0; i < MAX_DEPTH; i++) ok = { a: ok };
    expect(findInputProblem(ok)).toBeUndefined();
  });

  it('null-prototype objects (parsed queries) are walked; numbers and null are fine', () => {
    const q = Object.assign(Object.create(null), { q: 'x\u0000', n: 1, z: null });
    expect(findInputProblem(q)).toEqual({ field: 'q', message: CONTROL_MESSAGE });
    expect(findInputProblem({ n: 1, b: true, z: null })).toBeUndefined();
  });
});

describe('multipart parts', () => {
  it('refuses a file name or a text field with a control character, naming it', () => {
    expect(() => guardUploadPart({ filename: 'a\u0000.xlsx', fieldname: 'file' })).toThrow(/文件名/);
    expect(() => guardUploadPart({ filename: 'a\n.xlsx', fieldname: 'file' })).toThrow(CONTROL_MESSAGE);
    expect(() =>
      guardUploadPart({
        filename: 'a.xlsx',
        fieldname: 'file',
        fields: { note: { type: 'field', value: 'x\ud800' } },
      }),
    ).toThrow(/note：包含无效的字符编码/);
    expect(() =>
      guardUploadPart({ filename: '台账 2026.xlsx', fieldname: 'file', fields: { file: { type: 'file' } } }),
    ).not.toThrow();
  });
});
