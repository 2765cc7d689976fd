import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import {
  keyPersonCategoryLabels,
  listScreeningsQuerySchema,
  type ReferralTarget,
  type RiskLevel,
  type RiskScreening,
  referralTargetLabels,
  riskLevelLabels,
} from '../../../contracts/care';
import { toHalfWidth } from '../../../contracts/common/id-number';
import { requirePermission, resolveScopePath, scoped } from '../../kernel/access/access';
import { uuidv7 } from '../../kernel/db/ids';
import { type CellValue, cellText, parseDateCell, parseEnumCell, parseTextCell } from '../../kernel/io/cells';
import { ImportPlan, importWriter, RowIssues } from '../../kernel/io/import-commit';
import { type LedgerIo, type ParsedRow, rowCheck } from '../../kernel/io/ledger-io';
import { rowUnits, type UnitRef, unitColumn } from '../../kernel/io/unit-names';
import type { ExportColumn } from '../../kernel/io/xlsx-export';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import { persons } from '../people/people.table';
import { screeningBatches } from './care.repository';
import { keyPeople, riskScreenings } from './care.table';

const exportScreeningsQuerySchema = listScreeningsQuerySchema
  .omit({ page: true, pageSize: true, sort: true, status: true, referralOpen: true })
  .strict();
type ExportScreeningsQuery = z.infer<typeof exportScreeningsQuerySchema>;

type Row = {
  month: string;
  orgUnit?: string;
  name: string;
  risk: RiskLevel;
  reason?: string;
  referralTo?: ReferralTarget;
  screenedOn?: string;
};

/** 2026-03, 2026年3月, 2026/3 or a date in the month. */
const parseMonth = (v: CellValue) => {
  if (v instanceof Date) return { value: v.toISOString().slice(0, 7) };
  const s = cellText(v);
  if (s === undefined) return { value: undefined };
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:月|[-/.]\d{1,2}日?)?$/.exec(toHalfWidth(s).trim());
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return { error: `“${s}”不是有效的月份，请填写如 2026-03` };
  return { value: `${m[1]}-${m[2].padStart(2, '0')}` };
};

/** 绿/绿色/绿色（稳定）/green. */
const parseRisk = (v: CellValue) => {
  const s = cellText(v);
  if (s === undefined) return { value: undefined };
  const short: Record<string, RiskLevel> = { 绿: 'green', 黄: 'yellow', 橙: 'orange', 红: 'red' };
  const first = short[s.trim().charAt(0)];
  return first ? { value: first } : parseEnumCell(v, riskLevelLabels);
};

const unitCol = unitColumn('所属村（社区）', ['村（社区）', '组织单位', '所属组织'], 14);

const columns: LedgerIo['columns'] = [
  {
    key: 'month',
    header: '排查月份',
    aliases: ['月份'],
    hint: '如 2026-03',
    isRequired: true,
    width: 12,
    parse: parseMonth,
  },
  unitCol,
  {
    key: 'name',
    header: '姓名',
    aliases: ['重点人员', '人员姓名'],
    hint: '须已登记为重点人员',
    isRequired: true,
    width: 12,
    parse: (v) => parseTextCell(v, 40),
  },
  {
    key: 'risk',
    header: '风险等级',
    aliases: ['等级', '颜色'],
    hint: '绿、黄、橙、红',
    isRequired: true,
    width: 10,
    options: ['绿色', '黄色', '橙色', '红色'],
    parse: parseRisk,
  },
  {
    key: 'reason',
    header: '研判理由',
    aliases: ['理由', '情况说明'],
    hint: '非绿色必填',
    width: 24,
    parse: (v) => parseTextCell(v, 1000),
  },
  {
    key: 'referralTo',
    header: '转介去向',
    aliases: ['转介'],
    hint: '红色必填：婚调委调解、公安派出所、民政部门',
    width: 14,
    options: Object.values(referralTargetLabels).map((l) => l.zh),
    parse: (v) => parseEnumCell(v, referralTargetLabels),
  },
  {
    key: 'screenedOn',
    header: '排查日期',
    aliases: ['日期'],
    hint: '选填，须在排查月份内',
    width: 12,
    parse: parseDateCell,
  },
];

const checkRow = rowCheck<Row>((r, problem) => {
  const today = shanghaiToday();
  if (r.month > today.slice(0, 7)) problem('month', '不能登记未来月份的排查');
  if (r.screenedOn && r.screenedOn.slice(0, 7) !== r.month)
    problem('screenedOn', '排查日期须在所排查的月份内');
  if (r.screenedOn && r.screenedOn > today) problem('screenedOn', '排查日期不能晚于今天');
  if (r.risk !== 'green' && !r.reason) problem('reason', '非绿色等级请填写研判理由');
  if (r.risk === 'red' && !r.referralTo) problem('referralTo', '红色等级须转介（婚调委、公安或民政）');
});

const naturalKey = (v: Record<string, unknown>) => {
  const r = v as Row;
  return `${r.month}|${r.orgUnit ?? ''}|${r.name}`;
};

const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const today = shanghaiToday();
  return [last, today].sort()[0];
};

/**
 * A month's screening sheet: each row names a key person of the row's village (registered first —
 * a sheet never creates key people); a month already screened is updated, all rows or none.
 */
const commit: LedgerIo['commit'] = async (tx, ctx, rows, opts, onProgress) => {
  requirePermission(ctx.actor, 'care.write');
  const issues = new RowIssues();
  const units = await rowUnits(tx, ctx.actor, opts, issues, unitCol);
  const names = [...new Set(rows.map((r) => (r.values as Row).name))];
  const known = names.length
    ? await tx
        .select({
          id: keyPeople.id,
          orgUnitId: keyPeople.orgUnitId,
          orgPath: keyPeople.orgPath,
          name: persons.name,
        })
        .from(keyPeople)
        .innerJoin(persons, eq(persons.id, keyPeople.personId))
        .where(
          and(
            inArray(persons.name, names),
            isNull(keyPeople.deletedAt),
            eq(keyPeople.status, 'active'),
            scoped(keyPeople.orgPath, ctx.actor.orgPath),
          ),
        )
    : [];
  const resolved: { r: ParsedRow; v: Row; unit: UnitRef; keyPersonId: string; orgPath: string }[] = [];
  for (const r of rows) {
    const v = r.values as Row;
    const unit = units.check(r);
    if (!unit) continue;
    const found = known.filter((k) => k.name === v.name && k.orgPath.startsWith(unit.path));
    if (found.length === 0) {
      issues.add(r, '姓名', v.name, `${unit.name}没有在册的重点人员“${v.name}”，请先登记重点人员`);
      continue;
    }
    if (new Set(found.map((k) => k.id)).size > 1) {
      issues.add(
        r,
        '姓名',
        v.name,
        `${unit.name}有${found.length}条“${v.name}”的重点人员记录，请在系统中逐条登记`,
      );
      continue;
    }
    resolved.push({ r, v, unit, keyPersonId: found[0].id, orgPath: found[0].orgPath });
  }
  issues.throwIfAny();
  const ids = [...new Set(resolved.map((x) => x.keyPersonId))];
  const existing = ids.length
    ? await tx
        .select()
        .from(riskScreenings)
        .where(and(inArray(riskScreenings.keyPersonId, ids), isNull(riskScreenings.deletedAt)))
    : [];
  const byKey = new Map(existing.map((s) => [`${s.keyPersonId}|${s.month}`, s]));
  const plan = new ImportPlan<typeof riskScreenings.$inferSelect, typeof riskScreenings.$inferInsert>();
  for (const { v, keyPersonId, orgPath } of resolved) {
    const given = {
      risk: v.risk,
      reason: v.reason,
      referralTo: v.referralTo,
      ...(v.referralTo ? { referralStatus: 'open' } : {}),
      screenedOn: v.screenedOn,
    };
    const found = byKey.get(`${keyPersonId}|${v.month}`);
    if (found) {
      plan.compare(found, {
        ...given,
        ...(found.referralStatus ? { referralStatus: found.referralStatus } : {}),
      });
      continue;
    }
    const unitId = known.find((k) => k.id === keyPersonId)?.orgUnitId as string;
    plan.create({
      id: uuidv7(),
      orgUnitId: unitId,
      orgPath,
      keyPersonId,
      month: v.month,
      screenedOn: v.screenedOn ?? monthEnd(v.month),
      risk: v.risk,
      reason: v.reason ?? null,
      referralTo: v.referralTo ?? null,
      referralStatus: v.referralTo ? 'open' : null,
      referralNote: null,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
  }
  const writer = importWriter(tx, ctx, 'care', 'riskScreening');
  await writer.insert(
    riskScreenings,
    plan.inserts,
    (s) => ({
      label: `${s.month} ${riskLevelLabels[s.risk as RiskLevel].zh}`,
      after: { month: s.month, risk: s.risk },
    }),
    onProgress,
  );
  await writer.update(
    riskScreenings,
    plan.updates,
    (s) => `${s.month} ${riskLevelLabels[s.risk as RiskLevel].zh}`,
  );
  return plan.counts;
};

type ExportRow = RiskScreening & { orgUnitName: string };

/** The import's columns (and the category), so an exported sheet can be edited and imported back. */
const exportColumns: ExportColumn<ExportRow>[] = [
  { header: '排查月份', width: 12, value: (s) => s.month },
  { header: '所属村（社区）', width: 14, value: (s) => s.orgUnitName },
  { header: '姓名', width: 12, value: (s) => s.personName },
  { header: '类别', width: 14, value: (s) => keyPersonCategoryLabels[s.category].zh },
  { header: '风险等级', width: 10, value: (s) => riskLevelLabels[s.risk].zh.slice(0, 2) },
  { header: '研判理由', width: 24, value: (s) => s.reason },
  {
    header: '转介去向',
    width: 14,
    value: (s) => (s.referralTo ? referralTargetLabels[s.referralTo].zh : null),
  },
  { header: '排查日期', width: 12, value: (s) => s.screenedOn },
];

/** 家庭风险隐患排查台账: import with care.write, export (names in full) only with care.export. */
export const screeningsIo: LedgerIo = {
  ledger: 'care-screenings',
  auditModule: 'care',
  title: '家庭风险隐患排查台账',
  routeBase: '/api/v1/care/screenings',
  permissions: { import: 'care.write', export: 'care.export' },
  columns,
  checkRow,
  naturalKey,
  commit,
  exportQuerySchema: exportScreeningsQuerySchema,
  exportColumns: () => exportColumns as ExportColumn<never>[],
  exportRows: async (ctx: ServiceContext, query) => {
    const q = query as ExportScreeningsQuery;
    const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'care.export', q.orgUnitId);
    return screeningBatches(ctx.db, scopePath, q) as AsyncIterable<never[]>;
  },
};
