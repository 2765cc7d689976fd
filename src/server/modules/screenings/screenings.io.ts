import { and, inArray, isNull } from 'drizzle-orm';
import { maskName } from '../../../contracts/common/id-number';
import {
  type ExportScreeningsQuery,
  exportScreeningsQuerySchema,
  type Screening,
  type ScreeningCategory,
  type ScreeningResult,
  screeningCategoryLabels,
  screeningMessages,
  screeningProblems,
  screeningResultLabels,
} from '../../../contracts/screenings';
import { requirePermission, resolveScopePath } from '../../kernel/access/access';
import { uuidv7 } from '../../kernel/db/ids';
import { type CellValue, cellText, parseDateCell, parseEnumCell, parseTextCell } from '../../kernel/io/cells';
import { ImportPlan, importWriter, RowIssues } from '../../kernel/io/import-commit';
import { type LedgerIo, rowCheck } from '../../kernel/io/ledger-io';
import { rowUnits, unitColumn } from '../../kernel/io/unit-names';
import type { ExportColumn } from '../../kernel/io/xlsx-export';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import { persons } from '../people/people.table';
import { namedPersonIdColumn, personMatcher } from '../people/person-matcher';
import { listScreeningRows } from './screenings.repository';
import { eligibilityProblem, screeningRecord } from './screenings.service';
import { cancerScreenings } from './screenings.table';

type Row = {
  name: string;
  idNumber?: string;
  orgUnit?: string;
  programmeYear: number;
  category: ScreeningCategory;
  mobilisedOn: string;
  consentSignedOn?: string;
  screenedOn?: string;
  site?: string;
  result?: ScreeningResult;
  followUpNote?: string;
  followUpDoneOn?: string;
};

const unitCol = unitColumn('所属村（社区）', ['村（社区）', '所属村', '村居']);

/** 2025, 2025年, 2025年度. */
const parseYearCell = (v: CellValue) => {
  const s = cellText(v);
  if (s === undefined) return { value: undefined };
  const m = /^(\d{4})(?:\.0+)?\s*(?:年度?)?$/.exec(s);
  if (!m || Number(m[1]) < 2000 || Number(m[1]) > 2100) return { error: `“${s}”不是有效的年度（如 2025）` };
  return { value: Number(m[1]) };
};

const columns: LedgerIo['columns'] = [
  {
    key: 'name',
    header: '姓名',
    hint: '必填；须已在人员信息中登记',
    isRequired: true,
    width: 10,
    parse: (v) => parseTextCell(v, 30),
  },
  namedPersonIdColumn,
  unitCol,
  {
    key: 'programmeYear',
    header: '筛查年度',
    aliases: ['年度', '项目年度'],
    hint: '必填；如 2025（项目年度，可与自然年不同）',
    isRequired: true,
    width: 10,
    parse: parseYearCell,
  },
  {
    key: 'category',
    header: '人员类别',
    aliases: ['类别'],
    hint: '农村妇女/城镇低保妇女/其他',
    isRequired: true,
    options: Object.values(screeningCategoryLabels).map((l) => l.zh),
    width: 14,
    parse: (v) => parseEnumCell(v, screeningCategoryLabels),
  },
  {
    key: 'mobilisedOn',
    header: '动员日期',
    hint: '必填；如 2025-04-10',
    isRequired: true,
    width: 12,
    parse: parseDateCell,
  },
  {
    key: 'consentSignedOn',
    header: '知情同意日期',
    aliases: ['知情同意书签署日期'],
    hint: '签署知情同意书的日期',
    width: 12,
    parse: parseDateCell,
  },
  { key: 'screenedOn', header: '筛查日期', hint: '不早于动员日期', width: 12, parse: parseDateCell },
  {
    key: 'site',
    header: '筛查机构',
    aliases: ['筛查地点'],
    hint: '如 县妇幼保健院',
    width: 18,
    parse: (v) => parseTextCell(v, 100),
  },
  {
    key: 'result',
    header: '筛查结果',
    hint: '未见异常/需进一步检查/确诊；须已填知情同意日期和筛查日期',
    options: Object.values(screeningResultLabels).map((l) => l.zh),
    width: 14,
    parse: (v) => parseEnumCell(v, screeningResultLabels),
  },
  {
    key: 'followUpNote',
    header: '随访情况',
    hint: '需进一步检查或确诊的随访说明',
    width: 24,
    parse: (v) => parseTextCell(v, 1000),
  },
  {
    key: 'followUpDoneOn',
    header: '随访完成日期',
    hint: '随访已完成的填写',
    width: 12,
    parse: parseDateCell,
  },
];

const headerOf: Record<string, string> = {
  result: '筛查结果',
  screenedOn: '筛查日期',
  consentSignedOn: '知情同意日期',
  followUpDoneOn: '随访完成日期',
  mobilisedOn: '动员日期',
};

const checkRow = rowCheck<Row>((row, problem) => {
  const today = shanghaiToday();
  for (const k of ['mobilisedOn', 'consentSignedOn', 'screenedOn', 'followUpDoneOn'] as const)
    if (row[k] && (row[k] as string) > today) problem(k, screeningMessages.futureDate);
  for (const [field, message] of screeningProblems(row)) problem(field, message);
});

const naturalKey = (v: Record<string, unknown>) => {
  const row = v as Row;
  return `${row.idNumber ?? row.name}|${row.orgUnit ?? ''}|${row.programmeYear}`;
};

/**
 * Rows name women already on the people ledger (by ID number, else by name in the row's village):
 * a screening sheet never creates people. A woman's record of the year is updated with what the
 * sheet states; all rows or none.
 */
const commit: LedgerIo['commit'] = async (tx, ctx, rows, opts, onProgress) => {
  requirePermission(ctx.actor, 'screenings.import');
  const issues = new RowIssues();
  // Every row's problems at once: unknown woman, then her sex and age, then the record's rules.
  const units = await rowUnits(tx, ctx.actor, opts, issues, unitCol);
  const people = await personMatcher(
    tx,
    ctx,
    rows.map((r) => r.values as Row),
  );
  const rule = {
    column: '姓名',
    nameWithin: 'unit' as const,
    idWithin: 'scope' as const,
    notFound: '找不到该妇女，请先在“人员信息”中登记（或核对身份证号码、所属村）',
    ambiguous: () => '该村有多个同名人员，请填写身份证号码加以区分',
    nameMismatch: (registered: string) => `与身份证号码登记的姓名（${registered}）不一致`,
  };
  const resolved = rows.flatMap((r) => {
    const unit = units.check(r);
    const person = unit && people.resolve(r, issues, r.values as Row, unit, rule);
    return person ? [{ r, v: r.values as Row, personId: person.id }] : [];
  });
  const personIds = [...new Set(resolved.map((x) => x.personId))];
  const women = personIds.length
    ? await tx
        .select({
          id: persons.id,
          orgUnitId: persons.orgUnitId,
          orgPath: persons.orgPath,
          gender: persons.gender,
          birthDate: persons.birthDate,
          approxBirthYear: persons.approxBirthYear,
        })
        .from(persons)
        .where(inArray(persons.id, personIds))
    : [];
  const womanById = new Map(women.map((w) => [w.id, w]));
  const existing = personIds.length
    ? await tx
        .select()
        .from(cancerScreenings)
        .where(and(inArray(cancerScreenings.personId, personIds), isNull(cancerScreenings.deletedAt)))
    : [];
  const saved = new Map(existing.map((s) => [`${s.personId}|${s.programmeYear}`, s]));
  const seen = new Map<string, number>();
  const plan = new ImportPlan<typeof cancerScreenings.$inferSelect, typeof cancerScreenings.$inferInsert>();
  for (const { r, v, personId } of resolved) {
    const woman = womanById.get(personId);
    if (!woman) continue;
    const key = `${personId}|${v.programmeYear}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issues.add(r, '姓名', v.name, `与第${earlier}行是同一妇女的同一年度筛查`);
      continue;
    }
    seen.set(key, r.rowNumber);
    const problem = eligibilityProblem(woman, v.programmeYear);
    if (problem) {
      issues.add(r, '姓名', v.name, problem);
      continue;
    }
    const given = {
      category: v.category,
      mobilisedOn: v.mobilisedOn,
      consentSignedOn: v.consentSignedOn,
      screenedOn: v.screenedOn,
      site: v.site,
      result: v.result,
      followUpNote: v.followUpNote,
      followUpDoneOn: v.followUpDoneOn,
    };
    const found = saved.get(key);
    if (found) {
      // The record as it will be: an empty cell keeps the saved value, so the rules are judged merged.
      const merged = {
        ...found,
        ...Object.fromEntries(Object.entries(given).filter(([, x]) => x !== undefined)),
      };
      const [bad] = screeningProblems({
        ...merged,
        result: merged.result as ScreeningResult | null,
      });
      if (bad) {
        issues.add(r, headerOf[bad[0]] ?? bad[0], String(merged[bad[0]] ?? ''), bad[1]);
        continue;
      }
      plan.compare(found, given);
      continue;
    }
    plan.create({
      id: uuidv7(),
      orgUnitId: woman.orgUnitId,
      orgPath: woman.orgPath,
      personId,
      programmeYear: v.programmeYear,
      category: v.category,
      mobilisedOn: v.mobilisedOn,
      consentSignedOn: v.consentSignedOn ?? null,
      screenedOn: v.screenedOn ?? null,
      site: v.site ?? null,
      result: v.result ?? null,
      followUpNote: v.followUpNote ?? null,
      followUpDoneOn: v.followUpDoneOn ?? null,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
  }
  issues.throwIfAny();
  const writer = importWriter(tx, ctx, 'screenings', 'cancerScreening');
  const nameOf = new Map(resolved.map((x) => [x.personId, x.v.name]));
  const label = (s: { personId: string; programmeYear: number }) =>
    `${maskName(nameOf.get(s.personId) ?? '')} ${s.programmeYear}年度两癌筛查`;
  await writer.insert(
    cancerScreenings,
    plan.inserts,
    (s) => ({
      label: label(s),
      after: {
        personId: s.personId,
        programmeYear: s.programmeYear,
        category: s.category,
        mobilisedOn: s.mobilisedOn,
        screenedOn: s.screenedOn,
        result: s.result,
      },
    }),
    onProgress,
  );
  await writer.update(cancerScreenings, plan.updates, label);
  return plan.counts;
};

const exportColumns = (isMasked: boolean): ExportColumn<Screening>[] => [
  { header: '姓名', width: 10, value: (s) => (isMasked ? maskName(s.personName) : s.personName) },
  // Masked, so under a header the import does not read (it matches the woman by name in her village).
  { header: '身份证号码（部分隐藏）', width: 22, value: (s) => s.idNumberMasked },
  { header: '所属村（社区）', width: 14, value: (s) => s.orgUnitName },
  { header: '筛查年度', width: 10, value: (s) => s.programmeYear },
  { header: '年龄', width: 6, value: (s) => s.age },
  { header: '人员类别', width: 14, value: (s) => screeningCategoryLabels[s.category].zh },
  { header: '动员日期', width: 12, value: (s) => s.mobilisedOn },
  { header: '知情同意日期', width: 12, value: (s) => s.consentSignedOn },
  { header: '筛查日期', width: 12, value: (s) => s.screenedOn },
  { header: '筛查机构', width: 18, value: (s) => s.site },
  { header: '筛查结果', width: 14, value: (s) => (s.result ? screeningResultLabels[s.result].zh : null) },
  { header: '随访情况', width: 24, value: (s) => s.followUpNote },
  { header: '随访完成日期', width: 12, value: (s) => s.followUpDoneOn },
];

/** Whole names only for those who may see full personal data; everyone else exports 张*华. */
const isMaskedFor = (ctx: ServiceContext) => !ctx.actor.permissions.has('people.viewSensitive');

export const screeningsIo: LedgerIo = {
  ledger: 'screenings',
  auditModule: 'screenings',
  title: '两癌筛查台账',
  routeBase: '/api/v1/screenings',
  permissions: { import: 'screenings.import', export: 'screenings.export' },
  columns,
  checkRow,
  naturalKey,
  commit,
  exportQuerySchema: exportScreeningsQuerySchema,
  exportColumns: (ctx) => exportColumns(isMaskedFor(ctx)) as ExportColumn<never>[],
  exportAuditFacts: async (ctx) => ({ isMasked: isMaskedFor(ctx) }),
  exportRows: async (ctx, query) => {
    const q = query as ExportScreeningsQuery;
    const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'screenings.export', q.orgUnitId);
    // The list query is the export's one definition of its rows; names whole here, masked by the column.
    async function* batches() {
      for (let page = 1; ; page++) {
        const items = await ctx.db.transaction(async (tx) => {
          const { items } = await listScreeningRows(
            tx,
            scopePath,
            {
              ...q,
              page,
              pageSize: 500,
              sort: undefined,
            },
            false,
          );
          await screeningRecord.recordRead(tx, ctx, 'export', items, scopePath);
          return items;
        });
        if (items.length === 0) return;
        yield items;
        if (items.length < 500) return;
      }
    }
    return batches() as AsyncIterable<never[]>;
  },
};
