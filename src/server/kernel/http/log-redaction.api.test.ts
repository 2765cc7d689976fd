import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCharOf } from '../../../contracts/common/id-number';
import { call, createTestApp, login, type Session, seedOrg, TEST_PASSWORD } from '../../test/test-app';

/*
 * A scripted session against the real app with the production logger options at `trace`: every
 * ID number, phone and password the test sends must be absent from everything the server logged
 * and from every audit row it wrote.
 */

const idOf = (first17: string) => `${first17}${checkCharOf(first17)}`;
const ID = idOf('11010519760314002');
const OTHER_ID = idOf('31010419881122004');
const PERSON_PHONE = '13712345678';
const USER_PHONE = '13912340000';
const NEW_USER_PASSWORD = 'Brand-new-pass-9';
const WRONG_PASSWORD = 'Wrong-guess-77';

const lines: string[] = [];
const logStream = new Writable({
  write(chunk, _enc, done) {
    lines.push(String(chunk));
    done();
  },
});

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp({}, { logStream });
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  admin = await login(t.app, 'sysadmin');
});
afterAll(() => t.close());

describe('a full API run leaves no personal data in the log or the audit', () => {
  it('create, search, export, a failing write and a failed sign-in', async () => {
    const persons = '/api/v1/people/persons';
    const created = await call(t.app, town, 'POST', persons, {
      orgUnitId: org.units.villageA1.id,
      name: '王秀英',
      idNumber: ID,
      phone: PERSON_PHONE,
      tags: [],
    });
    expect(created.statusCode, created.body).toBe(201);
    const personId = created.json().id;

    const byId = await call(t.app, town, 'GET', `${persons}?q=${ID}&page=1`);
    expect(byId.json().total).toBe(1);
    const byOtherId = await call(t.app, town, 'GET', `${persons}?q=${encodeURIComponent(OTHER_ID)}`);
    expect(byOtherId.json().total).toBe(0);
    expect((await call(t.app, town, 'GET', `${persons}?q=${PERSON_PHONE}`)).statusCode).toBe(200);

    const exported = await call(
      t.app,
      town,
      'GET',
      `${persons}/export?q=${ID}&unmask=1&reason=${encodeURIComponent('入户核对')}`,
    );
    expect(exported.statusCode).toBe(200);
    const revealed = await call(t.app, town, 'POST', `${persons}/${personId}/sensitive`, {
      reason: '核实低保申请材料',
    });
    expect(revealed.json().idNumber).toBe(ID);

    // A write the database refuses with the user's phone and password hash among the parameters:
    // an unhandled error, so drizzle's "Failed query … params:" reaches the error log.
    await t.ownerQuery(
      `alter table users add constraint test_refuse_phone check (phone is null or phone <> '${USER_PHONE}')`,
    );
    const failed = await call(t.app, admin, 'POST', '/api/v1/users', {
      username: 'newcadre',
      displayName: '新干部',
      orgUnitId: org.units.villageA2.id,
      role: 'cadre',
      password: NEW_USER_PASSWORD,
      phone: USER_PHONE,
    });
    expect(failed.statusCode).toBe(500);

    const badLogin = await call(t.app, null, 'POST', '/api/v1/auth/login', {
      username: 'villageA1',
      password: WRONG_PASSWORD,
    });
    expect(badLogin.statusCode).toBe(401);

    const log = lines.join('');
    // The run was logged — requests, the failing query (its SQL, pg's code and constraint) — ...
    expect(log).toContain('"route":"/api/v1/people/persons"');
    expect(log).toContain('q=***&page=1');
    expect(log).toContain('Failed query: insert into \\"users\\"');
    expect(log).toContain('"constraint":"test_refuse_phone"');
    // ... and none of the personal values or secrets.
    const audit = JSON.stringify((await t.db.$client.query('select * from audit_log')).rows);
    expect(audit).toContain('1101**********');
    for (const secret of [
      ID,
      OTHER_ID,
      PERSON_PHONE,
      USER_PHONE,
      NEW_USER_PASSWORD,
      WRONG_PASSWORD,
      TEST_PASSWORD,
    ]) {
      expect(log, `log holds ${secret}`).not.toContain(secret);
      expect(audit, `audit holds ${secret}`).not.toContain(secret);
    }
    expect(log).not.toContain('$argon2');
    expect(audit).not.toContain('$argon2');
  });
});
