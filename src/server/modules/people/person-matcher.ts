import { and, inArray, isNull, or } from 'drizzle-orm';
import { parseIdNumber } from '../../../contracts/common/id-number';
import { scoped } from '../../kernel/access/access';
import type { Tx } from '../../kernel/db/connection';
import { parseIdNumberCell } from '../../kernel/io/cells';
import type { RowIssues } from '../../kernel/io/import-commit';
import type { ImportOptions, IoColumn, ParsedRow } from '../../kernel/io/ledger-io';
import { rowUnits, type UnitRef } from '../../kernel/io/unit-names';
import type { ServiceContext } from '../../kernel/service-context';
import { persons } from './people.table';

/** A person an import row names: by name, and by ID number where the sheet gives one. */
export type NamedPerson = { name: string; idNumber?: string };

/** The ID number cell of a roster naming registered persons: it tells same-named persons apart. */
export const namedPersonIdColumn: IoColumn = {
  key: 'idNumber',
  header: '身份证号码',
  aliases: ['身份证号'],
  hint: '有同名人员时用于区分',
  isText: true,
  width: 22,
  parse: parseIdNumberCell,
};

export type PersonCandidate = {
  id: string;
  name: string;
  orgUnitId: string;
  orgPath: string;
  idNumberIndex: string | null;
};

/** How one ledger looks a named person up, and what it tells the user when that fails. */
export type PersonRule = {
  /** The header the problem is reported under; the value shown is the name as written. */
  column: string;
  /** A name is looked for in the row's unit itself, or in that unit and the units below it. */
  nameWithin: 'unit' | 'subtree';
  /** An ID number is looked for below the row's unit, or anywhere the importing user sees. */
  idWithin?: 'subtree' | 'scope';
  notFound: string;
  ambiguous: (count: number) => string;
  /** When given, an ID number found under another name is refused with this message. */
  nameMismatch?: (registered: string) => string;
};

/**
 * Rosters never create people: each row names a live person of the caller's scope, found by the
 * blind index of the ID number when the row gives one, else by name inside the row's unit. One
 * query loads every candidate the sheet could mean.
 */
export const personMatcher = async (tx: Tx, ctx: ServiceContext, named: NamedPerson[]) => {
  const indexOf = (idNumber: string | undefined) => {
    const id = idNumber ? parseIdNumber(idNumber) : undefined;
    return id?.ok ? ctx.crypto.blindIndex(id.value) : undefined;
  };
  const names = [...new Set(named.map((p) => p.name))];
  const idIndexes = named.flatMap((p) => {
    const index = indexOf(p.idNumber);
    return index ? [index] : [];
  });
  const wanted = [
    ...(names.length ? [inArray(persons.name, names)] : []),
    ...(idIndexes.length ? [inArray(persons.idNumberIndex, idIndexes)] : []),
  ];
  const candidates: PersonCandidate[] = wanted.length
    ? await tx
        .select({
          id: persons.id,
          name: persons.name,
          orgUnitId: persons.orgUnitId,
          orgPath: persons.orgPath,
          idNumberIndex: persons.idNumberIndex,
        })
        .from(persons)
        .where(and(isNull(persons.deletedAt), scoped(persons.orgPath, ctx.actor.orgPath), or(...wanted)))
    : [];

  /** Everyone the row could mean under `rule`. */
  const matches = (p: NamedPerson, unit: UnitRef, rule: Pick<PersonRule, 'nameWithin' | 'idWithin'>) => {
    const index = indexOf(p.idNumber);
    if (index && rule.idWithin)
      return candidates.filter(
        (c) => c.idNumberIndex === index && (rule.idWithin === 'scope' || c.orgPath.startsWith(unit.path)),
      );
    return candidates.filter(
      (c) =>
        c.name === p.name &&
        (rule.nameWithin === 'unit' ? c.orgUnitId === unit.id : c.orgPath.startsWith(unit.path)),
    );
  };

  /** The one person the row means, or undefined once the problem is noted on the row. */
  const resolve = (r: ParsedRow, issues: RowIssues, p: NamedPerson, unit: UnitRef, rule: PersonRule) => {
    const found = matches(p, unit, rule);
    if (found.length === 0) issues.add(r, rule.column, p.name, rule.notFound);
    else if (found.length > 1) issues.add(r, rule.column, p.name, rule.ambiguous(found.length));
    else if (rule.nameMismatch && indexOf(p.idNumber) && found[0].name !== p.name)
      issues.add(r, rule.column, p.name, rule.nameMismatch(found[0].name));
    else return found[0];
    return undefined;
  };

  return { candidates, matches, resolve };
};

/**
 * For rosters that name one registered person a row: each row's unit (from `unitCol`) and the
 * person it names under `rule`. A row whose unit is unknown is not looked up further. The import
 * stops here (nothing written) when any row has a problem.
 */
export const rowPersons = async <V>(
  tx: Tx,
  ctx: ServiceContext,
  rows: ParsedRow[],
  opts: ImportOptions,
  issues: RowIssues,
  unitCol: IoColumn,
  personOf: (v: V) => NamedPerson,
  rule: PersonRule,
) => {
  const units = await rowUnits(tx, ctx.actor, opts, issues, unitCol);
  const people = await personMatcher(
    tx,
    ctx,
    rows.map((r) => personOf(r.values as V)),
  );
  const resolved: { r: ParsedRow; v: V; unit: UnitRef; personId: string }[] = [];
  for (const r of rows) {
    const v = r.values as V;
    const unit = units.check(r);
    if (!unit) continue;
    const person = people.resolve(r, issues, personOf(v), unit, rule);
    if (person) resolved.push({ r, v, unit, personId: person.id });
  }
  issues.throwIfAny();
  return resolved;
};
