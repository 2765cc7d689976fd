import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPersonTags } from '../../../contracts/people';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let county: Session;
let town: Session;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  county = await login(t.app, 'county');
  town = await login(t.app, 'townA');
});
afterAll(() => t.close());

describe('configurable person tags (人员类别)', () => {
  it('starts from the default list', async () => {
    const res = (await call(t.app, town, 'GET', '/api/v1/people/tag-options')).json();
    expect(res).toEqual({ tags: [...defaultPersonTags], isDefault: true });
  });

  it('refuses a tag outside the list on a person, with the allowed ones named', async () => {
    const res = await call(t.app, town, 'POST', '/api/v1/people/persons', {
      orgUnitId: org.units.villageA1.id,
      name: '杨桂芳',
      tags: ['返乡创业'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({
      field: 'tags',
      message: expect.stringContaining('返乡创业'),
    });
  });

  it('only the county sets the list; afterwards the new tag is accepted everywhere below it', async () => {
    const byTown = await call(t.app, town, 'PUT', '/api/v1/people/tag-options', { tags: ['返乡创业'] });
    expect(byTown.statusCode).toBe(403);
    const duplicate = await call(t.app, county, 'PUT', '/api/v1/people/tag-options', {
      tags: ['低保', '低保'],
    });
    expect(duplicate.statusCode).toBe(400);
    const set = await call(t.app, county, 'PUT', '/api/v1/people/tag-options', {
      tags: [...defaultPersonTags, '返乡创业'],
    });
    expect(set.statusCode).toBe(200);
    const res = await call(t.app, town, 'POST', '/api/v1/people/persons', {
      orgUnitId: org.units.villageA1.id,
      name: '杨桂芳',
      tags: ['返乡创业', '低保'],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().tags).toEqual(['返乡创业', '低保']);
    const audit = await t.db.$client.query(
      "select before, after from audit_log where entity_type = 'tagOptions'",
    );
    expect(audit.rows[0].after.tags).toContain('返乡创业');
  });
});
