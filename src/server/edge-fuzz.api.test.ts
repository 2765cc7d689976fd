import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, seedOrg } from './test/test-app';

/**
 * Hostile input against every registered /api route: no answer may be a 5xx.
 *
 * Each request is a plausible one built from the route's own contract (its OpenAPI schema, so ids
 * are real, enums valid, dates dates) with one thing made hostile — a value or key deep in the body,
 * a query value, a path parameter — or replaced wholesale (deep nesting, `__proto__`, raw escapes).
 * A NUL or a lone surrogate in an otherwise valid body is what reaches PostgreSQL, so the plausible
 * base matters more than the randomness. Sent as a county user holding every permission and as
 * nobody.
 *
 * Reproduce a failure with the seed it prints: BBT_FUZZ_SEED=<seed> (and BBT_FUZZ_RUNS for more
 * requests per route).
 */
const SEED = Number(process.env.BBT_FUZZ_SEED ?? 20261207);
const RUNS = Number(process.env.BBT_FUZZ_RUNS ?? 5);
/** BBT_FUZZ_ONLY=<regex over "METHOD /url">: replay one route. */
const ONLY = process.env.BBT_FUZZ_ONLY ? new RegExp(process.env.BBT_FUZZ_ONLY) : undefined;

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
};
type Parameter = { in: string; name: string; required?: boolean; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};
type OpenApi = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let admin: Session;
let doc: OpenApi;
/** Real ids (units, other users, a household and a person) and one that exists nowhere. */
let ids: string[] = [];
let idsByKind: { unit: string[]; user: string[]; household: string[]; person: string[] };

/** Ids a field of this name is likely to take, so that plausible requests get past their lookups. */
const idsFor = (name: string) => {
  if (/orgUnit|town|[pP]arent|unit/i.test(name)) return idsByKind.unit;
  if (/household/i.test(name)) return idsByKind.household;
  if (/person|chair|member|chief|participant|leader|contact/i.test(name)) return idsByKind.person;
  if (/user/i.test(name)) return idsByKind.user;
  return ids;
};

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  admin = await login(t.app, 'sysadmin');
  const household = await call(t.app, admin, 'POST', '/api/v1/people/households', {
    orgUnitId: org.units.villageA1.id,
    address: '模糊测试路1号',
  });
  const person = await call(t.app, admin, 'POST', '/api/v1/people/persons', {
    orgUnitId: org.units.villageA1.id,
    name: '模糊测试',
    householdId: household.json().id,
  });
  idsByKind = {
    unit: [org.units.county.id, org.units.townA.id, org.units.villageA1.id],
    // Not the fuzzing admin herself: disabling her would end the session the test runs on.
    user: Object.entries(org.userIds)
      .filter(([name]) => name !== 'sysadmin')
      .map(([, id]) => id),
    household: [household.json().id],
    person: [person.json().id],
  };
  ids = [...Object.values(idsByKind).flat(), '01900000-0000-7000-8000-000000000000'];
  doc = (await call(t.app, admin, 'GET', '/api/openapi.json')).json();
});
afterAll(() => t.close());

const resolve = (s: Schema | undefined): Schema => {
  let out = s ?? {};
  for (let i = 0; i < 10 && out.$ref; i++) {
    const name = out.$ref.split('/').pop() ?? '';
    out = doc.components?.schemas?.[name] ?? {};
  }
  return out;
};

const textArb = (min: number, max: number) =>
  fc.string({ minLength: min, maxLength: Math.max(min, max), unit: fc.constantFrom(...'甲乙村妇联ab1 -') });

/** A value the schema accepts (mostly: patterns and cross-field rules are approximated). */
const validArb = (raw: Schema | undefined, depth = 0, name = ''): fc.Arbitrary<unknown> => {
  const s = resolve(raw);
  if (depth > 8) return fc.constant(null);
  if ('const' in s) return fc.constant(s.const);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => validArb(a, depth + 1, name)));
  if (s.allOf?.length) return validArb(s.allOf[0], depth + 1, name);
  const type = Array.isArray(s.type) ? (s.type.find((x) => x !== 'null') ?? 'null') : s.type;
  switch (type) {
    case 'object': {
      const props = s.properties ?? {};
      const arbs: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) arbs[k] = validArb(v, depth + 1, k);
      return fc.record(arbs, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
    case 'array': {
      const min = s.minItems ?? 0;
      return fc.array(validArb(s.items, depth + 1, name), {
        minLength: min,
        maxLength: Math.min(s.maxItems ?? 2, Math.max(min, 2)),
      });
    }
    case 'integer':
    case 'number': {
      const lo = s.minimum ?? (typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : 0);
      const hi = s.maximum ?? (typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum - 1 : lo + 1000);
      return fc.integer({
        min: Math.ceil(Math.max(lo, -1e6)),
        max: Math.floor(Math.max(Math.min(hi, 1e6), lo)),
      });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'string': {
      if (s.format === 'uuid') return fc.constantFrom(...idsFor(name));
      if (name === 'type') return fc.constantFrom('outreach', 'training');
      if (/month/i.test(name)) return fc.constantFrom('2026-01', '2026-02');
      if (s.format === 'date') return fc.constantFrom('2026-01-05', '2025-12-31', '2026-03-01');
      if (s.format === 'date-time') return fc.constant('2026-01-05T08:00:00.000Z');
      const text = textArb(s.minLength ?? 0, Math.min(s.maxLength ?? 8, 8));
      if (!s.pattern) return text;
      // Formats (months, sort keys) by their pattern; one fast-check cannot generate from
      // (`\p{Script=Han}` in names) gets Han text, which is what such a pattern asks for.
      // Never `.filter`: a pattern plain text cannot hit would loop for ever.
      try {
        return fc.stringMatching(new RegExp(s.pattern, 'u'), { maxLength: Math.min(s.maxLength ?? 20, 20) });
      } catch {
        const min = Math.max(1, s.minLength ?? 1);
        return fc.string({
          minLength: min,
          maxLength: Math.max(min, 6),
          unit: fc.constantFrom(...'甲乙村妇联'),
        });
      }
    }
    default:
      return fc.constantFrom('x', 1, null);
  }
};

const hostileString = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\udfff',
    '甲\ud83d',
    '\u0001\u001b[2J',
    '\u007f',
    '\ufffe',
    '\uffff',
    '\u202e\u200b\ufeff',
    '',
    ' ',
    "'",
    "'abc'",
    'History',
    "' or 1=1 --",
    '%_\\',
    '../../etc/passwd',
    '__proto__',
    'constructor',
    '1e309',
    'NaN',
    '-0',
    '𠜎𠜱😀',
    'e\u0301\u0301\u0301',
    '2026-02-30',
    '0000-00-00',
    '9999-99-99T99:99:99Z',
  ),
  fc.string({ unit: 'binary', maxLength: 16 }),
  fc.constantFrom('x'.repeat(10_000), '测'.repeat(3_000), `${'a'.repeat(100)}\u0000`),
);
const hostileNumber = fc.constantFrom(
  1e308,
  -1e308,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  1e21,
  0.5,
  -1,
  0,
  2 ** 31,
  -(2 ** 31) - 1,
  1e-300,
);
const hostileShape = fc.constantFrom<unknown>(
  null,
  true,
  false,
  [],
  {},
  [[[]]],
  [null],
  { a: 1 },
  [{}],
  ['x', 1, null],
);
const hostileValue = fc.oneof(hostileString, hostileNumber, hostileShape);
const hostileKey = fc.oneof(
  hostileString,
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString'),
);

/** Whole bodies no contract expects, as raw JSON text. */
const hostileBodies = fc.constantFrom(
  `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
  `${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}`,
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '"\\u0000"',
  '"\\ud800"',
  '{"\\u0000":1}',
  'null',
  '[]',
  '1e999',
  '-0',
  '{',
  '{"a":1,"a":2}',
  `[${Array.from({ length: 5_000 }, () => '{}').join(',')}]`,
  `{${Array.from({ length: 3_000 }, (_, i) => `"k${i}":${i}`).join(',')}}`,
);
/** Raw query and path fragments: escapes a browser would never send. */
const rawTokens = fc.constantFrom(
  '%00',
  'a%00',
  '%ED%A0%80',
  '%ED%BF%BF',
  '%FF%FE',
  '%C0%AE%C0%AE',
  '%',
  '%zz',
  '%2e%2e%2f%2e%2e',
  '..',
  '%E2%80%AE',
  'x'.repeat(300),
  '-1',
  '1e309',
  '00000000-0000-0000-0000-000000000000',
  '%F0%9F%98%80',
);

type Path = (string | number)[];

/** Every place in a value a hostile thing could go: the value itself, each member, each element. */
const slots = (v: unknown, path: Path = [], out: Path[] = []): Path[] => {
  out.push(path);
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) slots(x, [...path, i], out);
  } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) slots(x, [...path, k], out);
  return out;
};

/** Sets a member so that even `__proto__` becomes an own, serialised key. */
const put = (target: Record<string | number, unknown>, key: string | number, value: unknown) =>
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

/** What PostgreSQL, encoders and XML writers choke on, slipped into text that is otherwise valid. */
const taintArb = fc.oneof(
  { arbitrary: fc.constant('\u0000'), weight: 4 },
  { arbitrary: fc.constantFrom('\ud800', '\udc00'), weight: 3 },
  { arbitrary: fc.constantFrom('\u0001', '\u001b', '\u007f', '\ufffe'), weight: 3 },
);

/**
 * taint: one character of `taint` inserted into a string the contract accepts (so the request still
 * passes validation — the case that reached the database); replace: any slot becomes a hostile
 * value; addKey: an object gains a hostile key.
 */
type Mutation = {
  kind: 'taint' | 'replace' | 'addKey';
  slot: number;
  at: number;
  taint: string;
  key: string;
  value: unknown;
};
const mutationArb = fc.record({
  kind: fc.constantFrom('taint', 'taint', 'taint', 'replace', 'addKey'),
  slot: fc.nat(),
  at: fc.nat(),
  taint: taintArb,
  key: hostileKey,
  value: hostileValue,
});

const mutate = (base: unknown, m: Mutation): unknown => {
  const root = { v: structuredClone(base) };
  const all = slots(root.v);
  const at = (path: Path) =>
    path.reduce<unknown>((v, p) => (v as Record<string | number, unknown>)[p], root.v);
  const strings = all.filter((p) => typeof at(p) === 'string');
  const isTaint = m.kind === 'taint' && strings.length > 0;
  const path = isTaint ? strings[m.slot % strings.length] : all[m.slot % all.length];
  let parent: Record<string | number, unknown> = root;
  let key: string | number = 'v';
  for (const p of path) {
    parent = parent[key] as Record<string | number, unknown>;
    key = p;
  }
  const here = parent[key];
  if (isTaint) {
    const text = here as string;
    const i = m.at % (text.length + 1);
    put(parent, key, `${text.slice(0, i)}${m.taint}${text.slice(i)}`);
  } else if (m.kind === 'addKey' && here && typeof here === 'object' && !Array.isArray(here)) {
    put(here as Record<string, unknown>, m.key, m.value);
  } else put(parent, key, m.value);
  return root.v;
};

const hex = (b: number) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * Percent-encodes a value's UTF-8; a lone surrogate is sent as the three bytes it would have in
 * UTF-8 (`%ED%A0%80`), which is what a hostile client can put on the wire.
 */
const pct = (v: unknown) => {
  const text = typeof v === 'string' ? v : (JSON.stringify(v) ?? 'null');
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff) {
      out += hex(0xe0 | (c >> 12)) + hex(0x80 | ((c >> 6) & 0x3f)) + hex(0x80 | (c & 0x3f));
    } else if (/^[A-Za-z0-9\-_.~]$/.test(ch)) out += ch;
    else out += [...Buffer.from(ch, 'utf8')].map(hex).join('');
  }
  return out;
};

const queryString = (q: unknown) => {
  if (!q || typeof q !== 'object' || Array.isArray(q)) return `q=${pct(q)}`;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(q)) {
    for (const x of Array.isArray(v) ? v : [v]) if (x !== undefined) parts.push(`${pct(k)}=${pct(x)}`);
  }
  return parts.join('&');
};

type RouteSpec = {
  method: string;
  url: string;
  access: string | undefined;
  params: Schema;
  query: Schema;
  body: Schema | undefined;
};

const specOf = (r: { method: string; url: string; access: unknown }): RouteSpec => {
  const openPath = r.url.replace(/:(\w+)/g, '{$1}');
  const op = doc.paths[openPath]?.[r.method.toLowerCase()] ?? {};
  const asObject = (where: string): Schema => {
    const ps = (op.parameters ?? []).filter((p) => p.in === where);
    return {
      type: 'object',
      properties: Object.fromEntries(ps.map((p) => [p.name, p.schema ?? { type: 'string' }])),
      required: ps.filter((p) => p.required).map((p) => p.name),
    };
  };
  const params = asObject('path');
  // Path parameters the document does not describe are ids.
  for (const name of r.url.match(/:(\w+)/g) ?? []) {
    const key = name.slice(1);
    params.properties ??= {};
    params.properties[key] ??= { type: 'string', format: 'uuid' };
    if (!params.required?.includes(key)) params.required = [...(params.required ?? []), key];
  }
  return {
    method: r.method,
    url: r.url,
    access: r.access as string | undefined,
    params,
    query: asObject('query'),
    body: op.requestBody?.content?.['application/json']?.schema,
  };
};

type Target = 'body' | 'query' | 'params' | 'rawBody' | 'rawQuery' | 'rawParam';

const requestArb = (spec: RouteSpec) => {
  const hasBody = spec.body !== undefined || ['POST', 'PUT', 'PATCH', 'DELETE'].includes(spec.method);
  const paramNames = Object.keys(spec.params.properties ?? {});
  const targets: Target[] = [
    'query',
    'rawQuery',
    ...(paramNames.length ? (['params', 'rawParam'] as const) : []),
    ...(hasBody ? (['body', 'body', 'body', 'body', 'body', 'rawBody'] as const) : []),
  ];
  return fc.record({
    target: fc.constantFrom(...targets),
    params: validArb(spec.params),
    query: validArb(spec.query),
    body: spec.body ? validArb(spec.body) : fc.constant({}),
    mutation: mutationArb,
    rawBody: hostileBodies,
    rawToken: rawTokens,
    rawKey: fc.constantFrom(
      ...Object.keys(spec.query.properties ?? {}),
      '__proto__',
      'constructor[prototype]',
      'x',
    ),
  });
};

type Generated = ReturnType<typeof requestArb> extends fc.Arbitrary<infer T> ? T : never;

const toInject = (spec: RouteSpec, g: Generated, session: Session | null): InjectOptions => {
  const params = (g.target === 'params' ? mutate(g.params, g.mutation) : g.params) as Record<string, unknown>;
  const rawParam =
    g.target === 'rawParam' ? g.mutation.slot % Math.max(1, Object.keys(params ?? {}).length) : -1;
  let n = 0;
  const path = spec.url.replace(/:(\w+)/g, (_m, name: string) => {
    const isRaw = n++ === rawParam;
    const value = params && typeof params === 'object' ? params[name] : params;
    return isRaw ? g.rawToken : pct(value ?? '');
  });
  let query = queryString(g.target === 'query' ? mutate(g.query, g.mutation) : g.query);
  if (g.target === 'rawQuery') query += `${query ? '&' : ''}${g.rawKey}=${g.rawToken}`;
  const body =
    g.target === 'rawBody'
      ? g.rawBody
      : JSON.stringify(g.target === 'body' ? mutate(g.body, g.mutation) : g.body);
  const sendsBody = !['GET', 'HEAD'].includes(spec.method);
  return {
    method: spec.method as InjectOptions['method'],
    url: `${path}${query ? `?${query}` : ''}`,
    headers: {
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
      ...(sendsBody ? { 'content-type': 'application/json' } : {}),
    },
    ...(sendsBody ? { payload: body } : {}),
  };
};

const describeRequest = (o: InjectOptions) =>
  JSON.stringify({
    method: o.method,
    url: o.url,
    body: typeof o.payload === 'string' ? o.payload.slice(0, 300) : undefined,
  });

describe('no hostile input gets a 5xx', () => {
  it(
    'every registered /api route, as a county user with every right and as nobody',
    async () => {
      const started = Date.now();
      const routes = t.app.apiRoutes
        .filter((r) => r.method !== 'HEAD' && !(r.method === 'POST' && r.url === '/api/v1/auth/logout'))
        .filter((r) => !ONLY || ONLY.test(`${r.method} ${r.url}`))
        .map(specOf);
      // Signing out is fuzzed anonymously only: as the admin it would end the session under test.
      const logout = specOf({ method: 'POST', url: '/api/v1/auth/logout', access: 'signedIn' });
      if (!ONLY) expect(routes.length).toBeGreaterThan(150);
      const failures: string[] = [];
      let requests = 0;
      const runs: [RouteSpec, 'admin' | 'anonymous', number][] = [];
      for (const spec of routes) {
        runs.push([spec, 'admin', RUNS]);
        // Anonymous requests to a guarded route stop at the session check: a few suffice.
        runs.push([spec, 'anonymous', spec.access === 'public' ? RUNS : 1]);
      }
      runs.push([logout, 'anonymous', RUNS]);
      for (const [i, [spec, who, numRuns]] of runs.entries()) {
        const seed = SEED + i;
        let last = '';
        let wasSignedOut = false;
        const statuses: Record<number, number> = {};
        const result = await fc.check(
          fc.asyncProperty(requestArb(spec), async (g) => {
            const options = toInject(spec, g, who === 'admin' ? admin : null);
            last = describeRequest(options);
            requests++;
            const res = await t.app.inject(options);
            if (res.statusCode === 401) wasSignedOut = true;
            statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
            if (process.env.BBT_FUZZ_DEBUG === '2')
              console.info(res.statusCode, last.slice(0, 300), res.body.slice(0, 200));
            if (res.statusCode >= 500)
              throw new Error(`${res.statusCode} ${res.body.slice(0, 200)} ← ${last}`);
          }),
          { numRuns, seed, interruptAfterTimeLimit: 20_000 },
        );
        if (result.failed) {
          failures.push(
            `${spec.method} ${spec.url} as ${who} — BBT_FUZZ_SEED=${SEED} (route seed ${seed}, path ${result.counterexamplePath}): ` +
              `${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}`,
          );
        }
        if (process.env.BBT_FUZZ_DEBUG)
          console.info(`${spec.method} ${spec.url} ${who} ${JSON.stringify(statuses)}`);
        // A request that signed the admin out (a hostile password change, say) must not blind the rest.
        const isAdminGone =
          who === 'admin' &&
          wasSignedOut &&
          (await call(t.app, admin, 'GET', '/api/v1/auth/me')).statusCode === 401;
        if (isAdminGone) {
          admin = await login(t.app, 'sysadmin');
        }
      }
      console.info(
        `edge fuzz: ${requests} requests over ${routes.length} routes in ${Date.now() - started} ms, seed ${SEED}`,
      );
      expect(failures, `seed ${SEED}`).toEqual([]);
    },
    5 * 60_000,
  );
});
