import { and, asc, desc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { maskName } from '../../../contracts/common/id-number';
import {
  ageInYear,
  type ListScreeningsQuery,
  type Screening,
  type ScreeningCategory,
  type ScreeningResult,
} from '../../../contracts/screenings';
import { scoped } from '../../kernel/access/access';
import { orgUnits } from '../../kernel/access/org-units.table';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx } from '../../kernel/db/connection';
import { orderBy, pageOf, toListResult, totalCount } from '../../kernel/http/list';
import { persons } from '../people/people.table';
import { cancerScreenings } from './screenings.table';

export type ScreeningRow = typeof cancerScreenings.$inferSelect;

const selection = {
  screening: cancerScreenings,
  orgUnitName: orgUnits.name,
  personName: persons.name,
  idNumberMasked: persons.idNumberMasked,
  birthDate: persons.birthDate,
  approxBirthYear: persons.approxBirthYear,
};

type Selected = {
  screening: ScreeningRow;
  orgUnitName: string;
  personName: string;
  idNumberMasked: string | null;
  birthDate: string | null;
  approxBirthYear: number | null;
};

/** The birth year the people ledger knows: from the birth date (or ID number), else the approximate one. */
export const birthYearOf = (p: { birthDate: string | null; approxBirthYear: number | null }) =>
  p.birthDate ? Number(p.birthDate.slice(0, 4)) : p.approxBirthYear;

/** The record as the API shows it; `isMasked` for lists and exports (张*华). */
export const toScreening = (r: Selected, isMasked: boolean): Screening => {
  const s = r.screening;
  const birthYear = birthYearOf(r);
  return {
    id: s.id,
    orgUnitId: s.orgUnitId,
    orgUnitName: r.orgUnitName,
    personId: s.personId,
    personName: isMasked ? maskName(r.personName) : r.personName,
    idNumberMasked: r.idNumberMasked,
    age: birthYear ? ageInYear(birthYear, s.programmeYear) : null,
    programmeYear: s.programmeYear,
    category: s.category as ScreeningCategory,
    mobilisedOn: s.mobilisedOn,
    consentSignedOn: s.consentSignedOn,
    screenedOn: s.screenedOn,
    site: s.site,
    result: s.result as ScreeningResult | null,
    followUpNote: s.followUpNote,
    followUpDoneOn: s.followUpDoneOn,
    version: s.version,
    createdAt: iso(s.createdAt),
    updatedAt: iso(s.updatedAt),
    deletedAt: iso(s.deletedAt),
  };
};

export type ScreeningFilters = Omit<ListScreeningsQuery, 'page' | 'pageSize' | 'sort'>;

export const screeningFilters = (scopePath: string, q: ScreeningFilters): SQL | undefined => {
  const c = cancerScreenings;
  return and(
    scoped(c.orgPath, scopePath),
    q.status === 'deleted' ? isNotNull(c.deletedAt) : isNull(c.deletedAt),
    q.programmeYear ? eq(c.programmeYear, q.programmeYear) : undefined,
    q.result ? eq(c.result, q.result) : undefined,
    q.category ? eq(c.category, q.category) : undefined,
    q.stage === 'mobilised' ? isNull(c.screenedOn) : undefined,
    q.stage === 'screened' ? isNotNull(c.screenedOn) : undefined,
    q.stage === 'followUpPending' ? and(eq(c.result, 'followUp'), isNull(c.followUpDoneOn)) : undefined,
  );
};

const from = (db: DbOrTx) =>
  db
    .select(selection)
    .from(cancerScreenings)
    .innerJoin(orgUnits, eq(orgUnits.id, cancerScreenings.orgUnitId))
    .innerJoin(persons, eq(persons.id, cancerScreenings.personId));

/** A page of the list, names masked unless `isMasked` is false (an export by one who may see them). */
export const listScreeningRows = async (
  db: DbOrTx,
  scopePath: string,
  q: ListScreeningsQuery,
  isMasked = true,
) => {
  const where = screeningFilters(scopePath, q);
  const { limit, offset } = pageOf(q);
  const c = cancerScreenings;
  const rows = await db
    .select({ ...selection, totalCount: totalCount() })
    .from(c)
    .innerJoin(orgUnits, eq(orgUnits.id, c.orgUnitId))
    .innerJoin(persons, eq(persons.id, c.personId))
    .where(where)
    .orderBy(
      ...orderBy(
        q.sort,
        { mobilisedOn: c.mobilisedOn, screenedOn: c.screenedOn, programmeYear: c.programmeYear },
        [desc(c.programmeYear), desc(c.mobilisedOn), asc(c.id)],
      ),
    )
    .limit(limit)
    .offset(offset);
  const count = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(c).where(where))[0].n;
  return toListResult(rows as (Selected & { totalCount: string })[], count, (r) => toScreening(r, isMasked));
};

/** One record within `scopePath`, name whole. */
export const findScreening = async (db: DbOrTx, scopePath: string, id: string) => {
  const [row] = (await from(db).where(
    and(eq(cancerScreenings.id, id), scoped(cancerScreenings.orgPath, scopePath)),
  )) as Selected[];
  return row && toScreening(row, false);
};

/** A woman of the people ledger as a screening needs her: unit, sex and birth year. */
export const findWoman = async (db: DbOrTx, scopePath: string, personId: string) => {
  const [row] = await db
    .select({
      id: persons.id,
      name: persons.name,
      orgUnitId: persons.orgUnitId,
      orgPath: persons.orgPath,
      gender: persons.gender,
      birthDate: persons.birthDate,
      approxBirthYear: persons.approxBirthYear,
    })
    .from(persons)
    .where(and(eq(persons.id, personId), isNull(persons.deletedAt), scoped(persons.orgPath, scopePath)));
  return row;
};
