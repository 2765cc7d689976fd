import { Writable } from 'node:stream';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { maskFilters } from '../privacy/pii-mask';
import { redactingLoggerOptions, redactUrl, serializeError } from './log-redaction';

const ID = '11010519491231002X';
const PHONE = '13812345678';
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';

const captureLogger = () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: pino({ level: 'trace', ...redactingLoggerOptions }, stream), text: () => lines.join('') };
};

describe('request URLs in the log', () => {
  it('keep parameter names and plain paging values, and mask search and filter values', () => {
    expect(redactUrl(`/api/v1/people/persons?q=${ID}&page=2&pageSize=50&tag=%E4%BD%8E%E4%BF%9D`)).toBe(
      '/api/v1/people/persons?q=***&page=2&pageSize=50&tag=***',
    );
    const token = 'AbCd'.padEnd(43, 'x');
    expect(redactUrl(`/api/v1/shared/${token}`)).toBe('/api/v1/shared/AbCd…');
    expect(redactUrl(`/s/${token}`)).toBe('/s/AbCd…');
    expect(redactUrl(`/api/v1/people/persons/export?unmask=1&q=${PHONE}`)).toBe(
      '/api/v1/people/persons/export?unmask=1&q=***',
    );
  });

  it('mask ID-like and phone-like values in the path and in a plain parameter, but not uuids', () => {
    const uuid = '0193a5b2-7c1e-7000-8000-123456789012';
    expect(redactUrl(`/api/v1/x/${ID}/y/${PHONE}/${uuid}?page=${PHONE}`)).toBe(
      `/api/v1/x/1101**********002X/y/138****5678/${uuid}?page=138****5678`,
    );
  });
});

describe('errors in the log', () => {
  it("drop drizzle's params and pg's detail, keep the SQL, code, constraint and table", () => {
    const pgError = Object.assign(new Error('duplicate key value violates unique constraint "users_x"'), {
      code: '23505',
      constraint: 'users_x',
      table: 'users',
      detail: `Key (phone)=(${PHONE}) already exists.`,
    });
    const err = new DrizzleQueryError(
      'insert into "users" ("username", "phone", "password_hash") values ($1, $2, $3)',
      ['chair', PHONE, HASH],
      pgError,
    );
    const out = serializeError(err);
    const json = JSON.stringify(out);
    expect(json).not.toContain(PHONE);
    expect(json).not.toContain('$argon2');
    expect(json).not.toContain('params');
    expect(out.message).toBe(
      'Failed query: insert into "users" ("username", "phone", "password_hash") values ($1, $2, $3)',
    );
    expect(out.stack).toMatch(/^DrizzleQueryError: Failed query[^\n]*\n\s+at /);
    expect(out.cause).toMatchObject({ code: '23505', constraint: 'users_x', table: 'users' });
  });

  it('written through the logger options, a failed query and a hand-logged password leave nothing', () => {
    const { log, text } = captureLogger();
    const err = new DrizzleQueryError('update users set password_hash = $1 where id = $2', [HASH, ID]);
    log.error({ err }, 'unhandled error');
    log.info({ password: 'Secret-pass-1', body: { phone: PHONE } }, `looked up ${ID}`);
    const out = text();
    expect(out).toContain('Failed query: update users set password_hash = $1 where id = $2');
    for (const secret of [ID, PHONE, 'Secret-pass-1', '$argon2']) expect(out).not.toContain(secret);
  });
});

describe('filters in audit rows', () => {
  it('mask a value that is an ID number or a phone (as typed), and embedded ones; names stay', () => {
    expect(
      maskFilters({ q: '１１０１０５１９４９１２３１００２x', phone: `+86${PHONE}`, name: '张三', n: 3 }),
    ).toEqual({ q: '1101**********002X', phone: '138****5678', name: '张三', n: 3 });
    expect(maskFilters({ q: `张三 ${PHONE}` })).toEqual({ q: '张三 138****5678' });
  });
});
