import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import {
  exportNominationsQuerySchema,
  type HonourTitle,
  honourLevelLabels,
  type Nomination,
  type NomineeKind,
  nominationStatusLabels,
  nomineeKindLabels,
} from '../../../contracts/honours';
import { requirePermission, resolveScopePath } from '../../kernel/access/access';
import { uuidv7 } from '../../kernel/db/ids';
import { type CellValue, cellText, parseDateCell, parseEnumCell, parseTextCell } from '../../kernel/io/cells';
import { ImportPlan, importWriter, RowIssues } from '../../kernel/io/import-commit';
import { type LedgerIo, type ParsedRow, rowCheck } from '../../kernel/io/ledger-io';
import { rowUnits, type UnitRef, unitColumn } from '../../kernel/io/unit-names';
import type { ExportColumn } from '../../kernel/io/xlsx-export';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import { persons } from '../people/people.table';
import { personMatcher } from '../people/person-matcher';
import { honourTitleList, titleMapOf } from './honour-titles.service';
import { nominations } from './honours.table';
import { nominationBatches } from './nominations.repository';

type ExportQuery = z.infer<typeof exportNominationsQuerySchema>;

type Row = {
  year: number;
  title: string;
  nomineeKind: NomineeKind;
  nominee: string;
  orgUnit?: string;
  awardedOn: string;
  deeds?: string;
};

const parseYear = (v: CellValue) => {
  const s = cellText(v);
  if (s === undefined) return { value: undefined };
  const m = /^(\d{4})年?(度)?$/.exec(s);
  return m && Number(m[1]) >= 2000 && Number(m[1]) <= 2100
    ? { value: Number(m[1]) }
    : { error: `“${s}”不是有效的年度，请填写如 2025` };
};

const unitCol = unitColumn('推荐单位', ['所属单位', '村（社区）', '组织单位'], 14);

const columns: LedgerIo['columns'] = [
  {
    key: 'year',
    header: '年度',
    aliases: ['评选年度'],
    hint: '如 2025',
    isRequired: true,
    width: 8,
    parse: parseYear,
  },
  {
    key: 'title',
    header: '荣誉称号',
    aliases: ['称号', '荣誉'],
    hint: '本县荣誉称号目录中的名称，如 最美家庭',
    isRequired: true,
    width: 16,
    parse: (v) => parseTextCell(v, 20),
  },
  {
    key: 'nomineeKind',
    header: '类型',
    aliases: ['对象类型'],
    hint: '个人、家庭或集体',
    isRequired: true,
    width: 8,
    parse: (v) => parseEnumCell(v, nomineeKindLabels),
  },
  {
    key: 'nominee',
    header: '获评对象',
    aliases: ['姓名', '户主姓名', '获奖者', '获评者'],
    hint: '个人填姓名；家庭填户主姓名；集体填推荐单位名称',
    isRequired: true,
    width: 14,
    parse: (v) => parseTextCell(v, 60),
  },
  unitCol,
  {
    key: 'awardedOn',
    header: '授予日期',
    aliases: ['获评日期', '表彰日期'],
    hint: '如 2025-03-08',
    isRequired: true,
    width: 12,
    parse: parseDateCell,
  },
  {
    key: 'deeds',
    header: '主要事迹',
    aliases: ['事迹'],
    hint: '选填，不超过1200字',
    width: 30,
    parse: (v) => parseTextCell(v, 1200),
  },
];

const checkRow = rowCheck<Row>((r, problem) => {
  if (r.awardedOn > shanghaiToday()) problem('awardedOn', '授予日期不能晚于今天');
});

const naturalKey = (v: Record<string, unknown>) => {
  const r = v as Row;
  return `${r.year}|${r.title}|${r.nomineeKind}|${r.nominee}|${r.orgUnit ?? ''}`;
};

/**
 * A past honour list: each row an honour already awarded (no 公示 to run again). The title by its
 * name in the county's catalogue; a person by name within the row's unit; a household by its head's
 * name; a collective is the row's unit itself. An honour already recorded is left as it is.
 */
const commit: LedgerIo['commit'] = async (tx, ctx, rows, opts, onProgress) => {
  requirePermission(ctx.actor, 'honours.import');
  const issues = new RowIssues();
  const units = await rowUnits(tx, ctx.actor, opts, issues, unitCol);
  const { find } = await honourTitleList.codeByName(tx, ctx.actor);
  const titles = await titleMapOf(tx, ctx.actor);
  const values = rows.map((r) => r.values as Row);
  const people = await personMatcher(
    tx,
    ctx,
    values.filter((v) => v.nomineeKind !== 'collective').map((v) => ({ name: v.nominee })),
  );
  const resolved: {
    r: ParsedRow;
    v: Row;
    unit: UnitRef;
    title: HonourTitle;
    personId?: string;
    householdHead?: string;
  }[] = [];
  for (const r of rows) {
    const v = r.values as Row;
    const unit = units.check(r);
    if (!unit) continue;
    const code = find(v.title);
    const title = code ? titles.get(code) : undefined;
    if (!title) {
      issues.add(r, '荣誉称号', v.title, `“${v.title}”不在本县的荣誉称号目录中`);
      continue;
    }
    if (v.nomineeKind === 'collective') {
      if (v.nominee !== unit.name)
        issues.add(r, '获评对象', v.nominee, `集体荣誉的获评对象应为推荐单位本身（${unit.name}）`);
      else resolved.push({ r, v, unit, title });
      continue;
    }
    const person = people.resolve(r, issues, { name: v.nominee }, unit, {
      column: '获评对象',
      nameWithin: 'subtree',
      notFound: `在${unit.name}找不到该人员，请先在“人员信息”中登记或核对姓名`,
      ambiguous: (n) => `${unit.name}有${n}个同名人员，请在系统中逐条登记`,
    });
    if (person)
      resolved.push({
        r,
        v,
        unit,
        title,
        ...(v.nomineeKind === 'person' ? { personId: person.id } : { householdHead: person.id }),
      });
  }
  const heads = resolved.flatMap((x) => (x.householdHead ? [x.householdHead] : []));
  const householdOf = new Map(
    (heads.length
      ? await tx
          .select({ id: persons.id, householdId: persons.householdId })
          .from(persons)
          .where(inArray(persons.id, heads))
      : []
    ).map((p) => [p.id, p.householdId]),
  );
  for (const x of resolved) {
    if (x.householdHead && !householdOf.get(x.householdHead))
      issues.add(x.r, '获评对象', x.v.nominee, `${x.v.nominee}没有登记所属家庭，请先在“人员信息”中登记家庭`);
  }
  issues.throwIfAny();

  const unitIds = [...new Set(resolved.map((x) => x.unit.id))];
  const existing = unitIds.length
    ? await tx
        .select()
        .from(nominations)
        .where(
          and(
            inArray(nominations.orgUnitId, unitIds),
            isNull(nominations.deletedAt),
            eq(nominations.status, 'awarded'),
          ),
        )
    : [];
  const keyOf = (unitId: string, year: number, code: string, who: string) =>
    `${unitId}|${year}|${code}|${who}`;
  const byKey = new Map(
    existing.map((n) => [
      keyOf(n.orgUnitId, n.year, n.titleCode, n.personId ?? n.householdId ?? n.collectiveUnitId ?? ''),
      n,
    ]),
  );
  const plan = new ImportPlan<typeof nominations.$inferSelect, typeof nominations.$inferInsert>();
  for (const { v, unit, title, personId, householdHead } of resolved) {
    const householdId = householdHead ? (householdOf.get(householdHead) as string) : undefined;
    const collectiveUnitId = v.nomineeKind === 'collective' ? unit.id : undefined;
    const who = personId ?? householdId ?? collectiveUnitId ?? '';
    const found = byKey.get(keyOf(unit.id, v.year, title.code, who));
    if (found) {
      plan.compare(found, { awardedOn: v.awardedOn, deeds: v.deeds });
      continue;
    }
    plan.create({
      id: uuidv7(),
      orgUnitId: unit.id,
      orgPath: unit.path,
      year: v.year,
      titleCode: title.code,
      level: title.level,
      awardingBody: title.awardingBody,
      nomineeKind: v.nomineeKind,
      personId: personId ?? null,
      householdId: householdId ?? null,
      collectiveUnitId: collectiveUnitId ?? null,
      deeds: v.deeds ?? null,
      status: 'awarded',
      awardedOn: v.awardedOn,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
  }
  const writer = importWriter(tx, ctx, 'honours', 'nomination');
  await writer.insert(
    nominations,
    plan.inserts,
    (n) => ({
      label: `${n.year}年${titles.get(n.titleCode)?.label.zh ?? n.titleCode}`,
      after: { year: n.year, titleCode: n.titleCode, status: n.status, awardedOn: n.awardedOn },
    }),
    onProgress,
  );
  await writer.update(
    nominations,
    plan.updates,
    (n) => `${n.year}年${titles.get(n.titleCode)?.label.zh ?? n.titleCode}`,
  );
  return plan.counts;
};

const exportColumns: ExportColumn<Nomination>[] = [
  { header: '年度', width: 8, value: (n) => n.year },
  { header: '荣誉称号', width: 16, value: (n) => n.titleName },
  { header: '类型', width: 8, value: (n) => nomineeKindLabels[n.nomineeKind].zh },
  { header: '获评对象', width: 14, value: (n) => n.nomineeName },
  { header: '推荐单位', width: 14, value: (n) => n.orgUnitName },
  { header: '授予日期', width: 12, value: (n) => n.awardedOn },
  { header: '主要事迹', width: 30, value: (n) => n.deeds },
  { header: '级别', width: 8, value: (n) => honourLevelLabels[n.level].zh },
  { header: '授予单位', width: 14, value: (n) => n.awardingBody },
  { header: '状态', width: 8, value: (n) => nominationStatusLabels[n.status].zh },
  { header: '公示期', width: 22, value: (n) => (n.noticeFrom ? `${n.noticeFrom}至${n.noticeTo}` : null) },
];

export const nominationsIo: LedgerIo = {
  ledger: 'nominations',
  auditModule: 'honours',
  title: '选树典型荣誉名单',
  routeBase: '/api/v1/honours/nominations',
  permissions: { import: 'honours.import', export: 'honours.export' },
  columns,
  checkRow,
  naturalKey,
  commit,
  exportQuerySchema: exportNominationsQuerySchema,
  exportColumns: () => exportColumns as ExportColumn<never>[],
  templateOptions: async (ctx: ServiceContext) => ({
    title: (await honourTitleList.of(ctx.db, ctx.actor)).items.map((o) => o.label.zh),
  }),
  exportRows: async (ctx: ServiceContext, query) => {
    const q = query as ExportQuery;
    const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'honours.export', q.orgUnitId);
    return nominationBatches(ctx.db, scopePath, q, await titleMapOf(ctx.db, ctx.actor)) as AsyncIterable<
      never[]
    >;
  },
};
