import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, multipartOf, type Session, seedOrg } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let county: Session;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  county = await login(t.app, 'county');
});
afterAll(() => t.close());

const expectRefused = (res: { statusCode: number; json: () => unknown }, field: string, message: RegExp) => {
  expect(res.statusCode).toBe(400);
  const body = res.json() as {
    error: { code: string; message: string; details: { field: string; message: string }[] };
  };
  expect(body.error.code).toBe('VALIDATION_FAILED');
  expect(body.error.details).toEqual([{ field, message: expect.stringMatching(message) }]);
  expect(body.error.message).toContain(field);
};

describe('the input edge refuses text no person types, with 400 and the field named', () => {
  it('a NUL in the unauthenticated login (it reached PostgreSQL as a 500)', async () => {
    const res = await call(t.app, null, 'POST', '/api/v1/auth/login', {
      username: 'county\u0000',
      password: 'x',
    });
    expectRefused(res, 'username', /控制字符/);
  });

  it('a NUL deep in a body, a lone surrogate in the activity series and the patrol batch', async () => {
    const person = await call(t.app, county, 'POST', '/api/v1/people/persons', {
      orgUnitId: org.units.villageA1.id,
      name: '张三\u0000',
    });
    expectRefused(person, 'name', /控制字符/);
    const series = await call(t.app, county, 'POST', '/api/v1/activities/activities/series', {
      title: '宣讲\ud800',
      type: 'outreach',
      orgUnitIds: [org.units.villageA1.id],
      months: ['2026-01'],
    });
    expectRefused(series, 'title', /字符编码/);
    const batch = await call(t.app, county, 'POST', '/api/v1/activities/patrols/batch', {
      items: [{ orgUnitId: org.units.villageA1.id, occurredOn: '2026-01-05', area: '\udc00', chiefIds: [] }],
    });
    expectRefused(batch, 'items.0.area', /字符编码/);
  });

  it('query values, path params and object keys', async () => {
    expectRefused(await call(t.app, county, 'GET', '/api/v1/people/persons?q=%00'), 'q', /控制字符/);
    expectRefused(await call(t.app, county, 'GET', '/api/v1/people/persons/a%00b'), 'personId', /控制字符/);
    const key = await call(t.app, county, 'POST', '/api/v1/people/persons', {
      orgUnitId: org.units.villageA1.id,
      name: '张三',
      'x\u001b': 1,
    });
    expectRefused(key, 'x\\u001b', /控制字符/);
  });

  it('multi-line text keeps its line breaks and tabs', async () => {
    const res = await call(t.app, county, 'POST', '/api/v1/people/households', {
      orgUnitId: org.units.villageA1.id,
      address: '甲一村\t东路\r\n1号',
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('an import file name with a control character', async () => {
    const { body, contentType } = multipartOf('台账\u0001.csv', Buffer.from('姓名\n张三\n'), 'text/csv');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people/persons/import?wait=1',
      headers: { cookie: county.cookie, 'x-csrf-token': county.csrf, 'content-type': contentType },
      payload: body,
    });
    expectRefused(res, '文件名', /控制字符/);
  });
});

describe('malformed multipart answers 400, never 500', () => {
  const upload = (contentType: string, payload: string | Buffer) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/people/persons/import?wait=1',
      headers: { cookie: county.cookie, 'x-csrf-token': county.csrf, 'content-type': contentType },
      payload,
    });

  it('no boundary in the content type', async () => {
    const res = await upload('multipart/form-data', 'whatever');
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toMatch(/boundary/);
  });

  it('a body that ends before its closing boundary', async () => {
    const res = await upload(
      'multipart/form-data; boundary=xyz',
      '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n姓名\n张',
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toMatch(/不完整/);
  });

  it('a photo upload that ends early', async () => {
    const activity = await call(t.app, county, 'POST', '/api/v1/activities/activities', {
      orgUnitId: org.units.villageA1.id,
      title: '照片活动',
      type: 'outreach',
      occurredOn: '2026-01-05',
      attendance: 3,
    });
    expect(activity.statusCode, activity.body).toBe(201);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/activities/activities/${activity.json().id}/photos`,
      headers: {
        cookie: county.cookie,
        'x-csrf-token': county.csrf,
        'content-type': 'multipart/form-data; boundary=b',
      },
      payload: Buffer.concat([
        Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\n'),
        Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      ]),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toMatch(/不完整/);
  });

  it('too many parts', async () => {
    const part = (n: number) => `--b\r\nContent-Disposition: form-data; name="f${n}"\r\n\r\nv\r\n`;
    const res = await upload(
      'multipart/form-data; boundary=b',
      `${Array.from({ length: 10 }, (_, n) => part(n)).join('')}--b--\r\n`,
    );
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
