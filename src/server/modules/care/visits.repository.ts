import { type SQL, sql } from 'drizzle-orm';
import type {
  CareVisit,
  HelpKind,
  KeyPersonCategory,
  ListPairingsQuery,
  ListVisitsQuery,
  Pairing,
  PairingHelper,
  VisitFrequency,
  VisitMode,
} from '../../../contracts/care';
import { maskName } from '../../../contracts/common/id-number';
import { scoped } from '../../kernel/access/access';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx } from '../../kernel/db/connection';
import { pageOf } from '../../kernel/http/list';

/** The frequency's interval in SQL: the next visit is due this long after the last one (or the start). */
export const frequencyInterval = (column: string) =>
  sql.raw(`(case ${column} when 'weekly' then interval '7 days' when 'biweekly' then interval '14 days'
    when 'quarterly' then interval '3 months' else interval '1 month' end)`);

/** The day the next visit is due, for a pairing row `pr` with its last visit `v.last` (null once ended or 销号). */
export const nextDueSql = sql`(coalesce(v.last, pr.started_on) + ${frequencyInterval('pr.frequency')})::date`;

export type PairingRow = {
  id: string;
  orgUnitId: string;
  orgUnitName: string;
  orgPath: string;
  keyPersonId: string;
  personName: string;
  category: KeyPersonCategory;
  helpers: PairingHelper[];
  frequency: VisitFrequency;
  startedOn: string;
  endedOn: string | null;
  endReason: string | null;
  visitCount: number;
  lastVisitedOn: string | null;
  nextDueOn: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  createdBy: string | null;
  total?: string;
};

const pairingSelect = (where: SQL, tail: SQL = sql``) => sql`
  select pr.id, pr.org_unit_id as "orgUnitId", u.name as "orgUnitName", pr.org_path as "orgPath",
    pr.key_person_id as "keyPersonId", p.name as "personName", k.category,
    coalesce((select json_agg(json_build_object('userId', h->>'userId', 'personId', h->>'personId',
        'name', coalesce(hu.display_name, hp.name, '')) order by e.ord)
      from jsonb_array_elements(pr.helpers) with ordinality as e(h, ord)
      left join users hu on hu.id = (h->>'userId')::uuid
      left join persons hp on hp.id = (h->>'personId')::uuid), '[]') as helpers,
    pr.frequency, pr.started_on::text as "startedOn", pr.ended_on::text as "endedOn", pr.end_reason as "endReason",
    v.n as "visitCount", v.last::text as "lastVisitedOn",
    case when pr.ended_on is null and k.status <> 'closed' then ${nextDueSql}::text end as "nextDueOn",
    pr.version, pr.created_at::text as "createdAt", pr.updated_at::text as "updatedAt",
    pr.deleted_at::text as "deletedAt", pr.created_by as "createdBy", count(*) over() as total
  from care_pairings pr
  join care_key_people k on k.id = pr.key_person_id
  join persons p on p.id = k.person_id
  join org_units u on u.id = pr.org_unit_id
  left join lateral (select count(*)::int as n, max(cv.visited_on) as last from care_visits cv
    where cv.pairing_id = pr.id and cv.deleted_at is null) v on true
  where ${where} ${tail}`;

/**
 * Whether the pairing's next visit is due before `today` (a live, unended pairing of a key person not
 * closed: 销号 stops the rhythm even before someone ends the pairing).
 */
export const isOverdue = (r: PairingRow, today: string) =>
  !r.endedOn && !r.deletedAt && r.nextDueOn !== null && r.nextDueOn < today;

export const toPairing = (r: PairingRow, masked: boolean, today: string): Pairing => ({
  id: r.id,
  orgUnitId: r.orgUnitId,
  orgUnitName: r.orgUnitName,
  keyPersonId: r.keyPersonId,
  personName: masked ? maskName(r.personName) : r.personName,
  isMasked: masked,
  category: r.category,
  helpers: r.helpers,
  frequency: r.frequency,
  startedOn: r.startedOn,
  endedOn: r.endedOn,
  endReason: r.endReason,
  visitCount: r.visitCount,
  lastVisitedOn: r.lastVisitedOn,
  nextDueOn: r.nextDueOn,
  isOverdue: isOverdue(r, today),
  version: r.version,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  deletedAt: iso(r.deletedAt),
});

export const findPairingRow = async (db: DbOrTx, scopePath: string, id: string) => {
  const res = await db.execute(
    pairingSelect(sql`pr.id = ${id}::uuid and ${scoped('pr.org_path', scopePath)}`),
  );
  return res.rows[0] as PairingRow | undefined;
};

export const pairingFilters = (
  scopePath: string,
  q: Omit<ListPairingsQuery, 'page' | 'pageSize' | 'sort'>,
  today: string,
  actorUserId: string | null,
) =>
  sql.join(
    [
      scoped('pr.org_path', scopePath),
      q.status === 'deleted' ? sql`pr.deleted_at is not null` : sql`pr.deleted_at is null`,
      q.state === 'active'
        ? sql`pr.ended_on is null`
        : q.state === 'ended'
          ? sql`pr.ended_on is not null`
          : sql`true`,
      q.keyPersonId ? sql`pr.key_person_id = ${q.keyPersonId}::uuid` : sql`true`,
      q.overdue
        ? sql`pr.ended_on is null and ${nextDueSql} < ${today}::date and not exists (select 1 from care_key_people kc
            where kc.id = pr.key_person_id and kc.status = 'closed')`
        : sql`true`,
      q.mine
        ? sql`(pr.helpers @> jsonb_build_array(jsonb_build_object('userId', ${actorUserId}::text))
            or pr.created_by = ${actorUserId}::uuid)`
        : sql`true`,
    ],
    sql` and `,
  );

export const listPairingRows = async (db: DbOrTx, where: SQL, q: { page: number; pageSize: number }) => {
  const { limit, offset } = pageOf(q);
  const res = await db.execute(
    pairingSelect(
      where,
      sql`order by (pr.ended_on is null) desc, ${nextDueSql} asc, pr.id limit ${limit} offset ${offset}`,
    ),
  );
  const rows = res.rows as PairingRow[];
  let total = rows.length ? Number(rows[0].total) : 0;
  if (!rows.length && offset > 0) {
    const c = await db.execute(sql`select count(*)::int as n from care_pairings pr
      left join lateral (select max(cv.visited_on) as last from care_visits cv
        where cv.pairing_id = pr.id and cv.deleted_at is null) v on true where ${where}`);
    total = (c.rows[0] as { n: number }).n;
  }
  return { rows, total };
};

// Visits

export type VisitRow = {
  id: string;
  orgUnitId: string;
  orgPath: string;
  pairingId: string;
  keyPersonId: string;
  personName: string;
  visitedOn: string;
  mode: VisitMode;
  findings: string;
  help: HelpKind[];
  amountFen: string | number | null;
  nextStep: string | null;
  visitorName: string | null;
  /** The pairing's helpers' user ids: they read the visit in full. */
  helperUserIds: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  createdBy: string | null;
  total?: string;
};

const visitSelect = (where: SQL, tail: SQL = sql``) => sql`
  select cv.id, cv.org_unit_id as "orgUnitId", cv.org_path as "orgPath", cv.pairing_id as "pairingId",
    cv.key_person_id as "keyPersonId", p.name as "personName", cv.visited_on::text as "visitedOn", cv.mode,
    cv.findings, cv.help, cv.amount_fen as "amountFen", cv.next_step as "nextStep",
    (select vu.display_name from users vu where vu.id = cv.created_by) as "visitorName",
    coalesce((select json_agg(h->>'userId') from jsonb_array_elements(pr.helpers) h
      where h->>'userId' is not null), '[]') as "helperUserIds",
    cv.version, cv.created_at::text as "createdAt", cv.updated_at::text as "updatedAt",
    cv.deleted_at::text as "deletedAt", cv.created_by as "createdBy", count(*) over() as total
  from care_visits cv
  join care_pairings pr on pr.id = cv.pairing_id
  join care_key_people k on k.id = cv.key_person_id
  join persons p on p.id = k.person_id
  where ${where} ${tail}`;

export const toVisit = (r: VisitRow, masked: boolean): CareVisit => ({
  id: r.id,
  orgUnitId: r.orgUnitId,
  pairingId: r.pairingId,
  keyPersonId: r.keyPersonId,
  personName: masked ? maskName(r.personName) : r.personName,
  isMasked: masked,
  visitedOn: r.visitedOn,
  mode: r.mode,
  findings: masked ? null : r.findings,
  help: r.help,
  amountFen: r.amountFen === null ? null : Number(r.amountFen),
  nextStep: masked ? null : r.nextStep,
  visitorName: r.visitorName,
  version: r.version,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  deletedAt: iso(r.deletedAt),
});

export const findVisitRow = async (db: DbOrTx, scopePath: string, id: string) => {
  const res = await db.execute(visitSelect(sql`cv.id = ${id}::uuid and ${scoped('cv.org_path', scopePath)}`));
  return res.rows[0] as VisitRow | undefined;
};

export const visitFilters = (scopePath: string, q: Omit<ListVisitsQuery, 'page' | 'pageSize' | 'sort'>) =>
  sql.join(
    [
      scoped('cv.org_path', scopePath),
      q.status === 'deleted' ? sql`cv.deleted_at is not null` : sql`cv.deleted_at is null`,
      q.pairingId ? sql`cv.pairing_id = ${q.pairingId}::uuid` : sql`true`,
      q.keyPersonId ? sql`cv.key_person_id = ${q.keyPersonId}::uuid` : sql`true`,
      q.mode ? sql`cv.mode = ${q.mode}` : sql`true`,
    ],
    sql` and `,
  );

export const listVisitRows = async (db: DbOrTx, where: SQL, q: { page: number; pageSize: number }) => {
  const { limit, offset } = pageOf(q);
  const res = await db.execute(
    visitSelect(where, sql`order by cv.visited_on desc, cv.id desc limit ${limit} offset ${offset}`),
  );
  const rows = res.rows as VisitRow[];
  let total = rows.length ? Number(rows[0].total) : 0;
  if (!rows.length && offset > 0) {
    const c = await db.execute(sql`select count(*)::int as n from care_visits cv where ${where}`);
    total = (c.rows[0] as { n: number }).n;
  }
  return { rows, total };
};
