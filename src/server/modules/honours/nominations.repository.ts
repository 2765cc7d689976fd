import { type SQL, sql } from 'drizzle-orm';
import {
  type HonourLevel,
  type HonourTitle,
  type ListNominationsQuery,
  maskNomineeName,
  type Nomination,
  type NominationStatus,
  type NomineeKind,
} from '../../../contracts/honours';
import { scoped } from '../../kernel/access/access';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx } from '../../kernel/db/connection';
import { listPage } from '../../kernel/http/list';

/** A nomination with its unit's name and the nominee's: person, household head (or address), or unit. */
export const nominationSelect = sql`select n.id, n.org_unit_id, n.org_path, u.name as org_unit_name, n.year,
    n.title_code, n.level, n.awarding_body, n.nominee_kind, n.person_id, n.household_id,
    n.collective_unit_id, n.deeds, n.status, n.notice_from::text as notice_from,
    n.notice_to::text as notice_to, n.awarded_on::text as awarded_on, n.outcome_note, n.version,
    n.created_at::text as created_at, n.updated_at::text as updated_at, n.deleted_at::text as deleted_at,
    coalesce(p.name, hp.name, h.address, cu.name, '') as nominee_name,
    coalesce((select array_agg(ph.id order by ph.created_at) from nomination_photos ph
      where ph.nomination_id = n.id and ph.deleted_at is null), '{}') as photo_ids
  from nominations n
  join org_units u on u.id = n.org_unit_id
  left join persons p on p.id = n.person_id
  left join households h on h.id = n.household_id
  left join persons hp on hp.id = h.head_person_id
  left join org_units cu on cu.id = n.collective_unit_id`;

type Raw = Record<string, unknown>;

export const toNomination =
  (titles: Map<string, HonourTitle>) =>
  (r: Raw): Nomination => {
    const title = titles.get(r.title_code as string);
    const name = r.nominee_name as string;
    return {
      id: r.id as string,
      orgUnitId: r.org_unit_id as string,
      orgUnitName: r.org_unit_name as string,
      year: Number(r.year),
      titleCode: r.title_code as string,
      titleName: title?.label.zh ?? (r.title_code as string),
      level: r.level as HonourLevel,
      awardingBody: r.awarding_body as string,
      nomineeKind: r.nominee_kind as NomineeKind,
      personId: (r.person_id as string | null) ?? null,
      householdId: (r.household_id as string | null) ?? null,
      collectiveUnitId: (r.collective_unit_id as string | null) ?? null,
      nomineeName: name,
      noticeName: title?.maskedNotice ? maskNomineeName(name) : name,
      deeds: (r.deeds as string | null) ?? null,
      status: r.status as NominationStatus,
      noticeFrom: (r.notice_from as string | null) ?? null,
      noticeTo: (r.notice_to as string | null) ?? null,
      awardedOn: (r.awarded_on as string | null) ?? null,
      outcomeNote: (r.outcome_note as string | null) ?? null,
      photoIds: (r.photo_ids as string[] | null) ?? [],
      version: Number(r.version),
      createdAt: iso(r.created_at as string),
      updatedAt: iso(r.updated_at as string),
      deletedAt: iso((r.deleted_at as string | null) ?? null),
    };
  };

export type NominationFilters = Omit<ListNominationsQuery, 'page' | 'pageSize' | 'sort'>;

export const nominationWhere = (scopePath: string, q: NominationFilters): SQL => {
  const parts: SQL[] = [scoped('n.org_path', scopePath)];
  parts.push(q.deleted === '1' ? sql`n.deleted_at is not null` : sql`n.deleted_at is null`);
  if (q.year) parts.push(sql`n.year = ${q.year}`);
  if (q.titleCode) parts.push(sql`n.title_code = ${q.titleCode}`);
  if (q.status) parts.push(sql`n.status = ${q.status}`);
  if (q.householdId) parts.push(sql`n.household_id = ${q.householdId}::uuid`);
  if (q.personId) parts.push(sql`n.person_id = ${q.personId}::uuid`);
  return sql.join(parts, sql` and `);
};

export const listNominationRows = (
  db: DbOrTx,
  scopePath: string,
  q: ListNominationsQuery,
  titles: Map<string, HonourTitle>,
) =>
  listPage(
    db,
    {
      select: nominationSelect,
      where: nominationWhere(scopePath, q),
      order: [sql`x.year desc`, sql`x.created_at desc`, sql`x.id`],
      countFrom: sql`from nominations n`,
    },
    q,
    toNomination(titles),
  );

export const findNominationRow = async (db: DbOrTx, scopePath: string, id: string) => {
  const res = await db.execute(
    sql`${nominationSelect} where n.id = ${id}::uuid and ${scoped('n.org_path', scopePath)}`,
  );
  return res.rows[0] as Raw | undefined;
};

/** Keyset batches for the export, oldest first. */
export async function* nominationBatches(
  db: DbOrTx,
  scopePath: string,
  q: NominationFilters,
  titles: Map<string, HonourTitle>,
) {
  let after: string | undefined;
  for (;;) {
    const res = await db.execute(
      sql`${nominationSelect} where ${nominationWhere(scopePath, q)} ${after ? sql`and n.id > ${after}::uuid` : sql``}
        order by n.id limit 2000`,
    );
    const rows = res.rows as Raw[];
    if (rows.length === 0) return;
    yield rows.map(toNomination(titles));
    after = rows[rows.length - 1].id as string;
    if (rows.length < 2000) return;
  }
}
