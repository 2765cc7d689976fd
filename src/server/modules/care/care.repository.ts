import { and, asc, desc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type {
  KeyPerson,
  KeyPersonCategory,
  ListCasesQuery,
  ListKeyPeopleQuery,
  ListScreeningsQuery,
  MediationCase,
  Party,
  ReferralStatus,
  ReferralTarget,
  RiskLevel,
  RiskScreening,
} from '../../../contracts/care';
import { maskName } from '../../../contracts/common/id-number';
import { scoped } from '../../kernel/access/access';
import { orgUnits } from '../../kernel/access/org-units.table';
import { users } from '../../kernel/auth/users.table';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx } from '../../kernel/db/connection';
import { orderBy, pageOf, toListResult, totalCount } from '../../kernel/http/list';
import { persons } from '../people/people.table';
import { keyPeople, mediationCases, mediationSessions, riskScreenings } from './care.table';

const meta = (r: { version: number; createdAt: string; updatedAt: string; deletedAt: string | null }) => ({
  version: r.version,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  deletedAt: iso(r.deletedAt),
});

// Key people

const latest = sql<{
  risk: RiskLevel;
  month: string;
} | null>`(select json_build_object('risk', s.risk, 'month', s.month)
  from ${riskScreenings} s where s.key_person_id = ${keyPeople.id} and s.deleted_at is null
  order by s.month desc limit 1)`;

const keyPersonSelection = {
  k: keyPeople,
  orgUnitName: orgUnits.name,
  personName: persons.name,
  latest,
};
type KeyPersonSelected = {
  k: typeof keyPeople.$inferSelect;
  orgUnitName: string;
  personName: string;
  latest: { risk: RiskLevel; month: string } | null;
};

export const toKeyPerson = (r: KeyPersonSelected, masked: boolean): KeyPerson => ({
  id: r.k.id,
  orgUnitId: r.k.orgUnitId,
  orgUnitName: r.orgUnitName,
  personId: r.k.personId,
  personName: masked ? maskName(r.personName) : r.personName,
  category: r.k.category as KeyPersonCategory,
  note: r.k.note,
  status: r.k.status as KeyPerson['status'],
  closeReason: r.k.closeReason,
  closeRequestedOn: r.k.closeRequestedOn,
  closedOn: r.k.closedOn,
  latestRisk: r.latest?.risk ?? null,
  latestMonth: r.latest?.month ?? null,
  ...meta(r.k),
});

const keyPeopleFrom = (db: DbOrTx) =>
  db
    .select(keyPersonSelection)
    .from(keyPeople)
    .innerJoin(orgUnits, eq(orgUnits.id, keyPeople.orgUnitId))
    .innerJoin(persons, eq(persons.id, keyPeople.personId));

export const findKeyPerson = async (db: DbOrTx, scopePath: string, id: string) => {
  const [row] = (await keyPeopleFrom(db).where(
    and(eq(keyPeople.id, id), scoped(keyPeople.orgPath, scopePath)),
  )) as KeyPersonSelected[];
  return row;
};

export const listKeyPeopleRows = async (db: DbOrTx, scopePath: string, q: ListKeyPeopleQuery) => {
  const where = and(
    scoped(keyPeople.orgPath, scopePath),
    q.status === 'deleted' ? isNotNull(keyPeople.deletedAt) : isNull(keyPeople.deletedAt),
    q.status === 'all' || q.status === 'deleted' ? undefined : eq(keyPeople.status, q.status),
    q.category ? eq(keyPeople.category, q.category) : undefined,
    q.risk ? sql`(${latest})->>'risk' = ${q.risk}` : undefined,
  );
  const { limit, offset } = pageOf(q);
  const rows = await db
    .select({ ...keyPersonSelection, totalCount: totalCount() })
    .from(keyPeople)
    .innerJoin(orgUnits, eq(orgUnits.id, keyPeople.orgUnitId))
    .innerJoin(persons, eq(persons.id, keyPeople.personId))
    .where(where)
    .orderBy(...orderBy(q.sort, { createdAt: keyPeople.createdAt }, [asc(orgUnits.name), asc(keyPeople.id)]))
    .limit(limit)
    .offset(offset);
  const count = async () =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(keyPeople).where(where))[0].n;
  return toListResult(rows as (KeyPersonSelected & { totalCount: string })[], count, (r) =>
    toKeyPerson(r, true),
  );
};

// Screenings

const screeningSelection = {
  s: riskScreenings,
  personName: persons.name,
  category: keyPeople.category,
};
type ScreeningSelected = {
  s: typeof riskScreenings.$inferSelect;
  personName: string;
  category: string;
};

export const toScreening = (r: ScreeningSelected, masked: boolean): RiskScreening => ({
  id: r.s.id,
  orgUnitId: r.s.orgUnitId,
  keyPersonId: r.s.keyPersonId,
  personName: masked ? maskName(r.personName) : r.personName,
  category: r.category as KeyPersonCategory,
  month: r.s.month,
  screenedOn: r.s.screenedOn,
  risk: r.s.risk as RiskLevel,
  reason: r.s.reason,
  referralTo: r.s.referralTo as ReferralTarget | null,
  referralStatus: r.s.referralStatus as ReferralStatus | null,
  referralNote: r.s.referralNote,
  ...meta(r.s),
});

const screeningsFrom = (db: DbOrTx) =>
  db
    .select(screeningSelection)
    .from(riskScreenings)
    .innerJoin(keyPeople, eq(keyPeople.id, riskScreenings.keyPersonId))
    .innerJoin(persons, eq(persons.id, keyPeople.personId));

export const findScreening = async (db: DbOrTx, scopePath: string, id: string) => {
  const [row] = (await screeningsFrom(db).where(
    and(eq(riskScreenings.id, id), scoped(riskScreenings.orgPath, scopePath)),
  )) as ScreeningSelected[];
  return row;
};

export const listScreeningRows = async (db: DbOrTx, scopePath: string, q: ListScreeningsQuery) => {
  const where = and(
    scoped(riskScreenings.orgPath, scopePath),
    q.status === 'deleted' ? isNotNull(riskScreenings.deletedAt) : isNull(riskScreenings.deletedAt),
    q.keyPersonId ? eq(riskScreenings.keyPersonId, q.keyPersonId) : undefined,
    q.month ? eq(riskScreenings.month, q.month) : undefined,
    q.risk ? eq(riskScreenings.risk, q.risk) : undefined,
    q.referralOpen
      ? and(isNotNull(riskScreenings.referralTo), sql`${riskScreenings.referralStatus} <> 'done'`)
      : undefined,
  );
  const { limit, offset } = pageOf(q);
  const rows = await db
    .select({ ...screeningSelection, totalCount: totalCount() })
    .from(riskScreenings)
    .innerJoin(keyPeople, eq(keyPeople.id, riskScreenings.keyPersonId))
    .innerJoin(persons, eq(persons.id, keyPeople.personId))
    .where(where)
    .orderBy(
      ...orderBy(q.sort, { month: riskScreenings.month }, [
        desc(riskScreenings.month),
        asc(riskScreenings.id),
      ]),
    )
    .limit(limit)
    .offset(offset);
  const count = async () =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(riskScreenings).where(where))[0].n;
  return toListResult(rows as (ScreeningSelected & { totalCount: string })[], count, (r) =>
    toScreening(r, true),
  );
};

/** The month's phone checklist: every key person on the books in the scope, screened or not. */
export const checklistRows = async (db: DbOrTx, scopePath: string, month: string) => {
  const monthEnd = sql`(to_date(${month}, 'YYYY-MM') + interval '1 month')::date`;
  const result = await db.execute(sql`
    select k.id as "keyPersonId", u.name as "orgUnitName", p.name as "personName", k.category,
      (select s.risk from care_screenings s where s.key_person_id = k.id and s.deleted_at is null
        and s.month < ${month} order by s.month desc limit 1) as "previousRisk",
      (select json_build_object('id', s.id, 'risk', s.risk, 'version', s.version) from care_screenings s
        where s.key_person_id = k.id and s.deleted_at is null and s.month = ${month}) as screening
    from care_key_people k
    join org_units u on u.id = k.org_unit_id
    join persons p on p.id = k.person_id
    where ${scoped('k.org_path', scopePath)} and k.deleted_at is null
      and (k.status <> 'closed' or k.closed_on >= to_date(${month}, 'YYYY-MM'))
      and k.created_at < ${monthEnd}
    order by u.name, p.name, k.id`);
  return result.rows as {
    keyPersonId: string;
    orgUnitName: string;
    personName: string;
    category: KeyPersonCategory;
    previousRisk: RiskLevel | null;
    screening: { id: string; risk: RiskLevel; version: number } | null;
  }[];
};

// Mediation cases

const caseSelection = {
  c: mediationCases,
  orgUnitName: orgUnits.name,
  mediatorName: sql<
    string | null
  >`(select p.name from ${persons} p where p.id = ${mediationCases.mediatorPersonId})`,
  assignedUserName: sql<
    string | null
  >`(select u.display_name from ${users} u where u.id = ${mediationCases.assignedUserId})`,
  sessions: sql<
    { id: string; heldOn: string; attendees: string; notes: string | null }[]
  >`coalesce((select json_agg(json_build_object('id', m.id, 'heldOn', m.held_on, 'attendees', m.attendees,
      'notes', m.notes) order by m.held_on, m.created_at) from ${mediationSessions} m where m.case_id = ${mediationCases.id}), '[]')`,
};
export type CaseSelected = {
  c: typeof mediationCases.$inferSelect;
  orgUnitName: string;
  mediatorName: string | null;
  assignedUserName: string | null;
  sessions: { id: string; heldOn: string; attendees: string; notes: string | null }[];
};

export const maskParties = (parties: Party[]): Party[] =>
  parties.map((p) => ({ ...p, name: maskName(p.name) }));

export const toCase = (r: CaseSelected, masked: boolean): MediationCase => ({
  id: r.c.id,
  orgUnitId: r.c.orgUnitId,
  orgUnitName: r.orgUnitName,
  source: r.c.source as MediationCase['source'],
  ticketNo: r.c.ticketNo,
  replyDueOn: r.c.replyDueOn,
  repliedOn: r.c.repliedOn,
  disputeType: r.c.disputeType as MediationCase['disputeType'],
  parties: masked ? maskParties(r.c.parties) : r.c.parties,
  isMasked: masked,
  summary: r.c.summary,
  mediatorPersonId: r.c.mediatorPersonId,
  mediatorName: r.mediatorName,
  assignedUserId: r.c.assignedUserId,
  assignedUserName: r.assignedUserName,
  keyPersonId: r.c.keyPersonId,
  receivedOn: r.c.receivedOn,
  dueOn: r.c.dueOn,
  status: r.c.status as MediationCase['status'],
  outcome: r.c.outcome as MediationCase['outcome'],
  referralNote: r.c.referralNote,
  closedOn: r.c.closedOn,
  followUpDueOn: r.c.followUpDueOn,
  followedUpOn: r.c.followedUpOn,
  reopenReason: r.c.reopenReason,
  sessions: r.sessions.map((m) => ({ ...m, heldOn: String(m.heldOn).slice(0, 10) })),
  ...meta(r.c),
});

const casesFrom = (db: DbOrTx) =>
  db
    .select(caseSelection)
    .from(mediationCases)
    .innerJoin(orgUnits, eq(orgUnits.id, mediationCases.orgUnitId));

export const findCase = async (db: DbOrTx, scopePath: string, id: string) => {
  const [row] = (await casesFrom(db).where(
    and(eq(mediationCases.id, id), scoped(mediationCases.orgPath, scopePath)),
  )) as CaseSelected[];
  return row;
};

export const caseFilters = (
  scopePath: string,
  q: Omit<ListCasesQuery, 'page' | 'pageSize' | 'sort'>,
  today: string,
): SQL | undefined =>
  and(
    scoped(mediationCases.orgPath, scopePath),
    q.status === 'deleted' ? isNotNull(mediationCases.deletedAt) : isNull(mediationCases.deletedAt),
    q.disputeType ? eq(mediationCases.disputeType, q.disputeType) : undefined,
    q.caseStatus ? eq(mediationCases.status, q.caseStatus) : undefined,
    q.overdue
      ? sql`(${mediationCases.status} = 'open' and (${mediationCases.dueOn} < ${today}::date
          or (${mediationCases.replyDueOn} < ${today}::date and ${mediationCases.repliedOn} is null)))
          or (${mediationCases.status} = 'closed' and ${mediationCases.followUpDueOn} < ${today}::date
          and ${mediationCases.followedUpOn} is null)`
      : undefined,
  );

export const listCaseRows = async (db: DbOrTx, scopePath: string, q: ListCasesQuery, today: string) => {
  const where = caseFilters(scopePath, q, today);
  const { limit, offset } = pageOf(q);
  const rows = await db
    .select({ ...caseSelection, totalCount: totalCount() })
    .from(mediationCases)
    .innerJoin(orgUnits, eq(orgUnits.id, mediationCases.orgUnitId))
    .where(where)
    .orderBy(
      ...orderBy(q.sort, { receivedOn: mediationCases.receivedOn }, [
        desc(mediationCases.receivedOn),
        asc(mediationCases.id),
      ]),
    )
    .limit(limit)
    .offset(offset);
  const count = async () =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(mediationCases).where(where))[0].n;
  return toListResult(rows as (CaseSelected & { totalCount: string })[], count, (r) => toCase(r, true));
};

/** Keyset batches of screenings with full names, for an export (care.export only), oldest month first. */
export async function* screeningBatches(
  db: DbOrTx,
  scopePath: string,
  q: { month?: string; risk?: string; keyPersonId?: string },
) {
  let after: { month: string; id: string } | undefined;
  for (;;) {
    const rows = (await screeningsFrom(db)
      .where(
        and(
          scoped(riskScreenings.orgPath, scopePath),
          isNull(riskScreenings.deletedAt),
          q.month ? eq(riskScreenings.month, q.month) : undefined,
          q.risk ? eq(riskScreenings.risk, q.risk) : undefined,
          q.keyPersonId ? eq(riskScreenings.keyPersonId, q.keyPersonId) : undefined,
          after
            ? sql`(${riskScreenings.month}, ${riskScreenings.id}) > (${after.month}, ${after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(asc(riskScreenings.month), asc(riskScreenings.id))
      .limit(2000)) as ScreeningSelected[];
    if (rows.length === 0) return;
    const units = new Map(
      (
        await db
          .select({ id: orgUnits.id, name: orgUnits.name })
          .from(orgUnits)
          .where(sql`${orgUnits.id} in ${[...new Set(rows.map((r) => r.s.orgUnitId))]}`)
      ).map((u) => [u.id, u.name]),
    );
    yield rows.map((r) => ({ ...toScreening(r, false), orgUnitName: units.get(r.s.orgUnitId) ?? '' }));
    const last = rows[rows.length - 1].s;
    after = { month: last.month, id: last.id };
    if (rows.length < 2000) return;
  }
}

/** Keyset batches of cases for an export (care.export), parties in full, oldest first. */
export async function* caseBatches(
  db: DbOrTx,
  scopePath: string,
  q: { disputeType?: string; caseStatus?: string },
) {
  let after: { on: string; id: string } | undefined;
  for (;;) {
    const rows = (await casesFrom(db)
      .where(
        and(
          scoped(mediationCases.orgPath, scopePath),
          isNull(mediationCases.deletedAt),
          q.disputeType ? eq(mediationCases.disputeType, q.disputeType) : undefined,
          q.caseStatus ? eq(mediationCases.status, q.caseStatus) : undefined,
          after
            ? sql`(${mediationCases.receivedOn}, ${mediationCases.id}) > (${after.on}::date, ${after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(asc(mediationCases.receivedOn), asc(mediationCases.id))
      .limit(2000)) as CaseSelected[];
    if (rows.length === 0) return;
    yield rows.map((r) => toCase(r, false));
    const last = rows[rows.length - 1].c;
    after = { on: last.receivedOn, id: last.id };
    if (rows.length < 2000) return;
  }
}
