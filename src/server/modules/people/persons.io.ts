import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { maskIdNumber, maskPhone, parseIdNumber } from '../../../contracts/common/id-number';
import {
  defaultPersonTags,
  type ExportPersonsQuery,
  exportPersonsQuerySchema,
  genderLabels,
  personNameSchema,
  relationLabels,
} from '../../../contracts/people';
import { requirePermission, resolveScopePath } from '../../kernel/access/access';
import { orgUnits } from '../../kernel/access/org-units.table';
import { bulkInsert } from '../../kernel/db/bulk';
import type { Tx } from '../../kernel/db/connection';
import { uuidv7 } from '../../kernel/db/ids';
import { outsideRowScope } from '../../kernel/db/row-scope';
import {
  ageOn,
  parseAgeCell,
  parseDateCell,
  parseEnumCell,
  parseIdNumberCell,
  parsePhoneCell,
  parseTextCell,
  splitKnownList,
} from '../../kernel/io/cells';
import { changedFields, ImportPlan, importWriter, RowIssues } from '../../kernel/io/import-commit';
import { type LedgerIo, otherRowPlace, type ParsedRow, rowCheck } from '../../kernel/io/ledger-io';
import { rowUnits, type UnitRef, unitColumn } from '../../kernel/io/unit-names';
import type { ExportColumn } from '../../kernel/io/xlsx-export';
import { maskPiiText } from '../../kernel/privacy/pii-mask';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import { setHeadsFromImport } from './households.service';
import { countPersonRows, type PersonRow, personBatches } from './people.repository';
import { households, persons } from './people.table';
import { ID_NOT_REGISTRABLE } from './persons.service';
import { pinyinKey } from './pinyin';
import { tagOptionsOf } from './tag-options.service';

type Row = {
  name: string;
  gender?: 'female' | 'male';
  birthDate?: string;
  age?: number;
  idNumber?: string;
  phone?: string;
  orgUnit?: string;
  address?: string;
  houseNumber?: string;
  relationToHead?: string;
  /** The cell as written: split against the county's tag list in the commit (a tag may contain 、). */
  tags?: string;
  note?: string;
  /** The sheet's own date (统计日期): ages on the row are counted from it. */
  asOf?: string;
};

const today = shanghaiToday;

const unitCol = unitColumn(
  '所属村（社区）',
  ['村（社区）', '所属组织', '村居', '村名', '所属村'],
  16,
  '如：东岭村；不填则导入到所选组织',
);

const columns: LedgerIo['columns'] = [
  {
    key: 'name',
    header: '姓名',
    hint: '必填，如：张秀华',
    isRequired: true,
    width: 12,
    parse: (v) => {
      const text = parseTextCell(v, 30);
      if ('error' in text || text.value === undefined) return text;
      // The same rule as the entry form.
      const r = personNameSchema.safeParse(text.value);
      return r.success ? { value: r.data } : { error: r.error.issues[0]?.message ?? '姓名格式不正确' };
    },
  },
  {
    key: 'gender',
    header: '性别',
    hint: '女 / 男；有身份证号可不填',
    options: ['女', '男'],
    width: 8,
    parse: (v) => parseEnumCell(v, genderLabels),
  },
  {
    key: 'birthDate',
    header: '出生日期',
    aliases: ['出生年月', '生日'],
    hint: '如 1985-06-12 或 1985年6月12日',
    width: 14,
    parse: parseDateCell,
  },
  {
    key: 'age',
    header: '年龄',
    hint: '无出生日期和身份证号时填写，如 35周岁',
    width: 8,
    parse: parseAgeCell,
  },
  {
    key: 'idNumber',
    header: '身份证号码',
    aliases: ['身份证号', '公民身份号码', '身份证'],
    hint: '18位；旧15位号码会自动转换',
    isText: true,
    width: 22,
    parse: parseIdNumberCell,
  },
  {
    key: 'phone',
    header: '联系电话',
    aliases: ['手机号', '手机号码', '电话'],
    hint: '11位手机号或带区号座机',
    isText: true,
    width: 15,
    parse: parsePhoneCell,
  },
  unitCol,
  {
    key: 'address',
    header: '家庭住址',
    aliases: ['住址', '地址', '家庭地址'],
    hint: '同一住址和门牌号视为同一户',
    width: 24,
    parse: (v) => parseTextCell(v, 120),
  },
  { key: 'houseNumber', header: '门牌号', hint: '如：12号', width: 10, parse: (v) => parseTextCell(v, 30) },
  {
    key: 'relationToHead',
    header: '与户主关系',
    hint: '户主/配偶/子女/父母/孙辈/兄弟姐妹/其他；填“户主”的人设为该户户主（每户一位）',
    options: Object.values(relationLabels).map((l) => l.zh),
    width: 12,
    parse: (v) => parseEnumCell(v, relationLabels),
  },
  {
    key: 'tags',
    header: '人员类别',
    aliases: ['标签', '类别'],
    hint: `多个用顿号分隔：${defaultPersonTags.slice(0, 4).join('、')}…`,
    isList: true,
    width: 20,
    // Split and checked against the county's configured list when the rows are committed.
    parse: (v) => parseTextCell(v, 500),
  },
  { key: 'note', header: '备注', hint: '选填', width: 20, parse: (v) => parseTextCell(v, 500) },
  {
    key: 'asOf',
    header: '统计日期',
    aliases: ['填报日期', '截至日期', '统计截止日期'],
    hint: '选填；“年龄”按此日期计算周岁。导入时可另设计算日期；都未填时取表格标题中的日期，否则按今天',
    width: 14,
    parse: parseDateCell,
  },
];

const checkRow = rowCheck<Row>((row, problem) => {
  if (row.idNumber) {
    const id = parseIdNumber(row.idNumber);
    if (id.ok) {
      if (row.birthDate && row.birthDate !== id.birthDate)
        problem('birthDate', `与身份证号码中的出生日期（${id.birthDate}）不一致`);
      if (row.gender && row.gender !== id.gender) problem('gender', '与身份证号码中的性别不一致');
    }
  }
  if (row.houseNumber && !row.address) problem('address', '填写了门牌号时须填写家庭住址');
});

const naturalKey = (v: Record<string, unknown>) => {
  const row = v as Row;
  if (row.idNumber) return `id:${row.idNumber}`;
  return `nb:${row.name}|${row.birthDate ?? row.age ?? ''}|${row.orgUnit ?? ''}|${row.address ?? ''}|${row.houseNumber ?? ''}`;
};

/**
 * The town (the unit right below the county) of each org path, with the unit's own name: a person moved
 * between towns is something the import must say.
 */
const townsOf = async (tx: Tx, paths: string[]) => {
  const ids = [...new Set(paths.flatMap((p) => p.split('/').filter(Boolean)))];
  const units = new Map(
    (ids.length
      ? await tx
          .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind })
          .from(orgUnits)
          .where(inArray(orgUnits.id, ids))
      : []
    ).map((u) => [u.id, u]),
  );
  return (path: string) => {
    const chain = path.split('/').filter(Boolean);
    const county = chain.findLastIndex((id) => units.get(id)?.kind === 'county');
    const town = units.get(chain[county + 1] ?? '');
    const unit = units.get(chain[chain.length - 1] ?? '');
    return town && unit ? { id: town.id, name: town.name, unitName: unit.name } : undefined;
  };
};

/** New records made, written and audited this many at a time (one statement each). */
const WRITE_BATCH = 1000;

/** `column = any($1::type[])`: a list as one array parameter, however long. */
const anyOf = (column: AnyPgColumn, values: string[], type: 'text' | 'uuid') =>
  sql`${column} = any(${sql.param(values)}::${sql.raw(type)}[])`;

/** Live persons with these ID-number indexes, wherever they are (duplicates are refused system-wide). */
const findByIdIndexes = async (tx: Tx, idIndexes: string[]) =>
  idIndexes.length === 0
    ? []
    : tx
        .select({
          id: persons.id,
          orgPath: persons.orgPath,
          idNumberIndex: persons.idNumberIndex,
          name: persons.name,
        })
        .from(persons)
        .where(and(anyOf(persons.idNumberIndex, idIndexes, 'text'), isNull(persons.deletedAt)));

const bare = (name: string) => name.replace(/妇联$/, '');
/** 甲镇甲一村, or 甲镇 for the town's own unit. */
const placeOf = (t: { name: string; unitName: string }) =>
  t.unitName === t.name ? bare(t.name) : `${bare(t.name)}${bare(t.unitName)}`;

const commit: LedgerIo['commit'] = async (tx, ctx, rows, opts, onProgress) => {
  requirePermission(ctx.actor, 'people.import');
  const issues = new RowIssues();
  const rowUnit = await rowUnits(tx, ctx.actor, opts, issues, unitCol);
  const { tags: allowedTags } = await tagOptionsOf(tx, ctx.actor);
  const tagsOf = new Map<ParsedRow, string[]>();
  for (const r of rows) {
    const text = (r.values as Row).tags;
    const tags = text ? splitKnownList(text, allowedTags) : [];
    tagsOf.set(r, tags);
    const unknown = tags.filter((t) => !allowedTags.includes(t));
    if (unknown.length)
      issues.add(r, '人员类别', unknown.join('、'), `不在人员类别中（可选：${allowedTags.join('、')}）`);
  }

  // Ages (35周岁) are counted from the date she set, else the row's own 统计日期, else a date in the sheet's
  // title, else today; the rehearsal shows which.
  const referenceOf = (r: ParsedRow) =>
    opts.referenceDate ?? (r.values as Row).asOf ?? r.sheetDate ?? today();
  const withAge = rows.filter((r) => (r.values as Row).age !== undefined);
  if (opts.notes && withAge.length) {
    const latest = (dates: (string | undefined)[]) =>
      dates
        .filter((d): d is string => !!d)
        .sort()
        .at(-1);
    const column = latest(withAge.map((r) => (r.values as Row).asOf));
    const title = latest(withAge.map((r) => r.sheetDate));
    opts.notes.referenceDate = opts.referenceDate
      ? { date: opts.referenceDate, source: 'option' }
      : column
        ? { date: column, source: 'column' }
        : title
          ? { date: title, source: 'title' }
          : { date: today(), source: 'today' };
  }
  for (const r of rows) {
    const v = r.values as Row;
    if (v.age === undefined) continue;
    const id = v.idNumber ? parseIdNumber(v.idNumber) : undefined;
    const birth = v.birthDate ?? (id?.ok ? id.birthDate : undefined);
    const on = referenceOf(r);
    if (birth && Math.abs(ageOn(birth, on) - v.age) > 1)
      issues.add(r, '年龄', String(v.age), `与出生日期不符（按出生日期，${on}应为${ageOn(birth, on)}周岁）`);
  }

  // 1. Each row's org unit (the import stops here if a tag or a unit is unknown).
  const unitOf = rowUnit.all(rows);

  // 2. Households by (unit, address, house number): reuse or create.
  const unitIds = [...new Set([...unitOf.values()].map((u) => u.id))];
  const hhKey = (unitId: string, address: string, no?: string) => `${unitId}|${address}|${no ?? ''}`;
  const existingHouseholds = await tx
    .select({
      id: households.id,
      orgUnitId: households.orgUnitId,
      address: households.address,
      houseNumber: households.houseNumber,
    })
    .from(households)
    .where(and(inArray(households.orgUnitId, unitIds), isNull(households.deletedAt)));
  const householdIds = new Map(
    existingHouseholds.map((h) => [hhKey(h.orgUnitId, h.address, h.houseNumber ?? undefined), h.id]),
  );
  const newHouseholds: (typeof households.$inferInsert)[] = [];
  for (const r of rows) {
    const v = r.values as Row;
    const unit = unitOf.get(r) as UnitRef;
    if (!v.address) continue;
    const key = hhKey(unit.id, v.address, v.houseNumber);
    if (householdIds.has(key)) continue;
    const id = uuidv7();
    householdIds.set(key, id);
    newHouseholds.push({
      id,
      orgUnitId: unit.id,
      orgPath: unit.path,
      address: v.address,
      houseNumber: v.houseNumber ?? null,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
  }

  // 3. Existing persons: by ID number anywhere (refused outside the subtree), else by name + birth + household.
  const prepared = rows.map((r) => {
    const v = r.values as Row;
    const unit = unitOf.get(r) as UnitRef;
    const id = v.idNumber ? parseIdNumber(v.idNumber) : undefined;
    const idValue = id?.ok ? id.value : undefined;
    const householdId = v.address
      ? (householdIds.get(hhKey(unit.id, v.address, v.houseNumber)) ?? null)
      : null;
    const birthDate = v.birthDate ?? (id?.ok ? id.birthDate : null);
    return {
      r,
      v,
      unit,
      idValue,
      idIndex: idValue ? ctx.crypto.blindIndex(idValue) : null,
      birthDate,
      approxBirthYear: !birthDate && v.age !== undefined ? Number(referenceOf(r).slice(0, 4)) - v.age : null,
      gender: v.gender ?? (id?.ok ? id.gender : null),
      householdId,
    };
  });
  // Lists of 50,000 values go as one array parameter each (`= any($1)`), not 50,000 parameters.
  const byIdIndex = new Map(
    // ID numbers are unique in the county: seen past her subtree, answered without saying where.
    (
      await outsideRowScope(tx, () =>
        findByIdIndexes(
          tx,
          prepared.flatMap((p) => (p.idIndex ? [p.idIndex] : [])),
        ),
      )
    ).map((p) => [p.idNumberIndex as string, p]),
  );
  const noIdNames = [...new Set(prepared.filter((p) => !p.idIndex).map((p) => p.v.name))];
  const noIdExisting = noIdNames.length
    ? await tx
        .select()
        .from(persons)
        .where(
          and(
            inArray(persons.orgUnitId, unitIds),
            anyOf(persons.name, noIdNames, 'text'),
            isNull(persons.idNumberIndex),
            isNull(persons.deletedAt),
          ),
        )
    : [];
  const noIdKey = (
    unitId: string,
    name: string,
    birth: string | null,
    year: number | null,
    hh: string | null,
  ) => `${unitId}|${name}|${birth ?? year ?? ''}|${hh ?? ''}`;
  const noIdMap = new Map(
    noIdExisting.map((p) => [noIdKey(p.orgUnitId, p.name, p.birthDate, p.approxBirthYear, p.householdId), p]),
  );
  const fullRows = byIdIndex.size
    ? await tx
        .select()
        .from(persons)
        .where(
          anyOf(
            persons.id,
            [...byIdIndex.values()].map((p) => p.id),
            'uuid',
          ),
        )
    : [];
  const fullById = new Map<string, PersonRow>(fullRows.map((p) => [p.id, p]));
  const townOf = await townsOf(tx, [
    ...fullRows.map((p) => p.orgPath),
    ...[...unitOf.values()].map((u) => u.path),
  ]);

  // A new person is planned as her row and id; the record to insert (ciphers, masks, pinyin) is made
  // only when her batch is written, so 50,000 of them are never held at once.
  const plan = new ImportPlan<PersonRow, { id: string; p: (typeof prepared)[number] }>();
  const rowOfPerson = new Map<string, ParsedRow>();
  // 与户主关系 = 户主: the household's head, one per household (by person id, once it is known).
  const headOf = new Map<string, { personId: string; r: ParsedRow }>();
  const desiredOf = (p: (typeof prepared)[number]) => ({
    orgUnitId: p.unit.id,
    orgPath: p.unit.path,
    name: p.v.name,
    gender: p.gender,
    birthDate: p.birthDate,
    approxBirthYear: p.approxBirthYear,
    householdId: p.householdId,
    relationToHead: p.v.relationToHead ?? null,
    tags: tagsOf.get(p.r) ?? [],
    note: p.v.note ?? null,
  });
  const newRecord = ({ id, p }: { id: string; p: (typeof prepared)[number] }) => ({
    id,
    ...desiredOf(p),
    namePinyin: pinyinKey(p.v.name),
    idNumberCipher: p.idValue ? ctx.crypto.encrypt(p.idValue) : null,
    idNumberIndex: p.idIndex,
    idNumberMasked: p.idValue ? maskIdNumber(p.idValue) : null,
    phoneCipher: p.v.phone ? ctx.crypto.encrypt(p.v.phone) : null,
    phoneMasked: p.v.phone ? maskPhone(p.v.phone) : null,
    createdBy: ctx.actor.userId,
    updatedBy: ctx.actor.userId,
  });
  const noteHead = (p: (typeof prepared)[number], personId: string) => {
    if (p.v.relationToHead !== 'head' || !p.householdId) return;
    const earlier = headOf.get(p.householdId);
    if (earlier && earlier.personId !== personId) {
      issues.add(
        p.r,
        '与户主关系',
        '户主',
        `同一户已有户主（${otherRowPlace(p.r, earlier.r)}），每户只能有一位户主`,
      );
      return;
    }
    headOf.set(p.householdId, { personId, r: p.r });
  };
  for (const p of prepared) {
    const match = p.idIndex ? byIdIndex.get(p.idIndex) : undefined;
    if (match && !match.orgPath.startsWith(ctx.actor.orgPath)) {
      issues.add(p.r, '身份证号码', maskIdNumber(p.idValue as string), ID_NOT_REGISTRABLE);
      continue;
    }
    const existing = match
      ? fullById.get(match.id)
      : p.idIndex
        ? undefined
        : noIdMap.get(noIdKey(p.unit.id, p.v.name, p.birthDate, p.approxBirthYear, p.householdId));
    // After units are resolved, two rows may still mean one person ('甲一村' vs an empty cell that
    // defaults to it): the later row is refused, naming the earlier one.
    const personKey =
      existing?.id ??
      (p.idIndex
        ? `id:${p.idIndex}`
        : `new:${noIdKey(p.unit.id, p.v.name, p.birthDate, p.approxBirthYear, p.householdId)}`);
    const earlierRow = rowOfPerson.get(personKey);
    if (earlierRow !== undefined) {
      issues.add(p.r, '', '', `与${otherRowPlace(p.r, earlierRow)}指向同一人员`);
      continue;
    }
    rowOfPerson.set(personKey, p.r);
    if (!existing) {
      const id = uuidv7();
      noteHead(p, id);
      plan.create({ id, p });
      continue;
    }
    const desired = desiredOf(p);
    // A person registered in another town is moved only when she confirms it (allowMoves): the
    // rehearsal warns, naming both towns; an unconfirmed import is refused.
    if (existing.orgUnitId !== p.unit.id && !opts.allowMoves) {
      const from = townOf(existing.orgPath);
      const to = townOf(p.unit.path);
      if (from && to && from.id !== to.id) {
        const move = `${p.v.name}登记在${placeOf(from)}，本次导入将迁到${placeOf(to)}`;
        if (opts.isPreview) {
          opts.notes?.warn(p.r, '所属村（社区）', p.unit.name, `${move}；确认无误请勾选“允许迁移”后导入`);
        } else {
          issues.add(
            p.r,
            '所属村（社区）',
            p.unit.name,
            `${move}，未经确认不能迁移：请先预览并勾选“允许迁移”后导入`,
          );
          continue;
        }
      }
    }
    noteHead(p, existing.id);
    // Only what the sheet states is compared: an empty cell never erases a recorded value.
    const set: Partial<typeof persons.$inferInsert> = changedFields(existing, desired);
    if (p.v.phone && (!existing.phoneCipher || ctx.crypto.decrypt(existing.phoneCipher) !== p.v.phone)) {
      Object.assign(set, { phoneCipher: ctx.crypto.encrypt(p.v.phone), phoneMasked: maskPhone(p.v.phone) });
    }
    if (set.name) set.namePinyin = pinyinKey(set.name);
    plan.update(existing, set);
  }
  issues.throwIfAny();

  // 4. Write: households, new persons in batches, changed persons one by one; audit rows alongside.
  for (let i = 0; i < newHouseholds.length; i += WRITE_BATCH) {
    await bulkInsert(tx, households, newHouseholds.slice(i, i + WRITE_BATCH));
  }
  const writer = importWriter(tx, ctx, 'people', 'person');
  for (let i = 0; i < plan.inserts.length; i += WRITE_BATCH) {
    await writer.insert(
      persons,
      plan.inserts.slice(i, i + WRITE_BATCH).map(newRecord),
      (p) => ({
        label: p.name,
        after: {
          name: p.name,
          gender: p.gender,
          birthDate: p.birthDate,
          idNumberMasked: p.idNumberMasked,
          phoneMasked: p.phoneMasked,
          householdId: p.householdId,
          tags: p.tags,
        },
      }),
      (done) => onProgress(i + done),
    );
  }
  // The ciphers are written but never shown in the audit row (the masked values are).
  await writer.update(persons, plan.updates, (p) => p.name, ['idNumberCipher', 'phoneCipher']);
  // 5. Each household's head, from its 户主 row (a household the import created or matched).
  await setHeadsFromImport(tx, ctx, new Map([...headOf].map(([hh, h]) => [hh, h.personId])));
  await onProgress(rows.length);
  return plan.counts;
};

const exportColumns = (isUnmasked: boolean, ctx: ServiceContext): ExportColumn<ExportRow>[] => [
  { header: '姓名', width: 12, value: (r) => r.person.name },
  {
    header: '性别',
    width: 8,
    value: (r) => (r.person.gender ? genderLabels[r.person.gender as 'female'].zh : null),
  },
  {
    header: '出生日期',
    width: 14,
    value: (r) => r.person.birthDate ?? (r.person.approxBirthYear ? `约${r.person.approxBirthYear}年` : null),
  },
  {
    header: '身份证号码',
    width: 22,
    value: (r) =>
      isUnmasked && r.person.idNumberCipher
        ? ctx.crypto.decrypt(r.person.idNumberCipher)
        : r.person.idNumberMasked,
  },
  {
    header: '联系电话',
    width: 15,
    value: (r) =>
      isUnmasked && r.person.phoneCipher ? ctx.crypto.decrypt(r.person.phoneCipher) : r.person.phoneMasked,
  },
  { header: '所属村（社区）', width: 16, value: (r) => r.orgUnitName },
  { header: '家庭住址', width: 24, value: (r) => r.householdLabel },
  {
    header: '与户主关系',
    width: 12,
    value: (r) => (r.person.relationToHead ? relationLabels[r.person.relationToHead as 'head'].zh : null),
  },
  { header: '人员类别', width: 20, value: (r) => r.person.tags.join('、') },
  { header: '备注', width: 20, value: (r) => r.person.note },
];

type ExportRow = { person: PersonRow; orgUnitName: string; householdLabel: string | null };

/** The subtree, filters and ID-number index an export reads; an unmasked one needs viewSensitive. */
const exportScope = async (ctx: ServiceContext, q: ExportPersonsQuery) => {
  if (q.unmask === '1') requirePermission(ctx.actor, 'people.viewSensitive');
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'people.export', q.orgUnitId);
  const id = q.q ? parseIdNumber(q.q) : undefined;
  const full = { ...q, page: 1, pageSize: 1 };
  return { scopePath, full, idIndex: id?.ok ? ctx.crypto.blindIndex(id.value) : undefined };
};

export const personsIo: LedgerIo = {
  ledger: 'persons',
  auditModule: 'people',
  title: '人员信息',
  routeBase: '/api/v1/people/persons',
  permissions: { import: 'people.import', export: 'people.export' },
  columns,
  checkRow,
  naturalKey,
  commit,
  exportQuerySchema: exportPersonsQuerySchema,
  exportColumns: (ctx: ServiceContext, query: never) =>
    exportColumns((query as ExportPersonsQuery).unmask === '1', ctx) as ExportColumn<never>[],
  exportRows: async (ctx, query) => {
    const { scopePath, full, idIndex } = await exportScope(ctx, query as ExportPersonsQuery);
    return personBatches(ctx.db, scopePath, full, idIndex) as AsyncIterable<never[]>;
  },
  // Full ID numbers and phones leaving the system: the audit row says how many people's.
  exportAuditFacts: async (ctx, query) => {
    const q = query as ExportPersonsQuery;
    if (q.unmask !== '1') return {};
    const { scopePath, full, idIndex } = await exportScope(ctx, q);
    return {
      unmasked: true,
      rows: await countPersonRows(ctx.db, scopePath, full, idIndex),
      // Why, in her words (a number typed into it masked like any other).
      reason: maskPiiText(q.reason ?? ''),
    };
  },
};
