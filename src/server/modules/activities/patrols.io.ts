import { and, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { z } from 'zod';
import { listPatrolsQuerySchema, type Patrol } from '../../../contracts/activities';
import { toHalfWidth } from '../../../contracts/common/id-number';
import { requirePermission, resolveScopePath } from '../../kernel/access/access';
import { uuidv7 } from '../../kernel/db/ids';
import { type CellValue, cellText, parseDateCell, parseTextCell } from '../../kernel/io/cells';
import { ImportPlan, importWriter, RowIssues } from '../../kernel/io/import-commit';
import { type LedgerIo, type ParsedRow, rowCheck } from '../../kernel/io/ledger-io';
import { rowUnits, type UnitRef, unitColumn } from '../../kernel/io/unit-names';
import type { ExportColumn } from '../../kernel/io/xlsx-export';
import type { ServiceContext } from '../../kernel/service-context';
import { personMatcher } from '../people/person-matcher';
import { shanghaiToday } from './activities.service';
import { patrols } from './activities.table';
import { patrolBatches } from './patrols.repository';

const exportPatrolsQuerySchema = listPatrolsQuerySchema
  .omit({ page: true, pageSize: true, sort: true })
  .strict();
type ExportPatrolsQuery = z.infer<typeof exportPatrolsQuerySchema>;

type Row = {
  occurredOn: string;
  orgUnit?: string;
  chiefs: string[];
  area: string;
  durationMinutes?: number;
  hazardsFound?: number;
  hazardNote?: string;
  actionTaken?: string;
};

/** A whole number as cadres write it: 60, 60分钟, 2处, ３; `units` are the words allowed after it. */
const wholeNumber = (label: string, units: string, min: number, max: number) => (v: CellValue) => {
  const s = cellText(v);
  if (s === undefined) return { value: undefined };
  const m = new RegExp(`^(\\d+)(${units})?$`).exec(toHalfWidth(s).replace(/[,，\s]/g, ''));
  if (!m) return { error: `“${s}”不是有效的${label}，请填写整数` };
  const n = Number(m[1]);
  return n >= min && n <= max ? { value: n } : { error: `${label}应在${min}到${max}之间` };
};

const parseDuration = (v: CellValue) => {
  const s = cellText(v);
  const hours = s ? /^(\d+(?:\.\d+)?)\s*(小时|h)$/i.exec(toHalfWidth(s)) : null;
  if (hours) return wholeNumber('巡查时长', '分钟', 1, 24 * 60)(Math.round(Number(hours[1]) * 60));
  return wholeNumber('巡查时长', '分钟|分|min', 1, 24 * 60)(v);
};

const parseChiefs = (v: CellValue) => {
  const s = cellText(v);
  if (s === undefined) return { value: undefined };
  const names = [
    ...new Set(
      s
        .split(/[、，,；;]/)
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  ];
  if (names.length === 0) return { value: undefined };
  if (names.length > 30) return { error: '一次巡查的林长不能超过30人' };
  if (names.some((n) => n.length > 30)) return { error: '姓名过长，多个林长请用顿号（、）分隔' };
  return { value: names };
};

const unitCol = unitColumn('所属村（社区）', ['村（社区）', '组织单位', '所属组织'], 14);

const columns: LedgerIo['columns'] = [
  {
    key: 'occurredOn',
    header: '巡查日期',
    aliases: ['日期', '巡查时间', '时间'],
    hint: '如 2026-03-08',
    isRequired: true,
    width: 14,
    parse: parseDateCell,
  },
  unitCol,
  {
    key: 'chiefs',
    header: '林长',
    aliases: ['巾帼林长', '巡查林长', '巡查人员', '巡查人'],
    hint: '须已在人员信息中登记；多人用顿号分隔，如：王秀英、李春花',
    isRequired: true,
    width: 20,
    parse: parseChiefs,
  },
  {
    key: 'area',
    header: '巡查区域/路线',
    aliases: ['巡查区域', '巡查路线', '巡查地点', '区域'],
    hint: '如：后山至水库林区',
    isRequired: true,
    width: 24,
    parse: (v) => parseTextCell(v, 120),
  },
  {
    key: 'durationMinutes',
    header: '时长（分钟）',
    aliases: ['巡查时长', '时长'],
    hint: '分钟数，如 90',
    width: 10,
    parse: parseDuration,
  },
  {
    key: 'hazardsFound',
    header: '发现隐患数',
    aliases: ['隐患数', '发现隐患'],
    hint: '没有则填 0 或不填',
    width: 10,
    parse: (v) => (cellText(v) === '无' ? { value: 0 } : wholeNumber('发现隐患数', '处|个', 0, 1000)(v)),
  },
  {
    key: 'hazardNote',
    header: '隐患情况',
    aliases: ['隐患描述'],
    hint: '发现隐患时必填',
    width: 24,
    parse: (v) => parseTextCell(v, 1000),
  },
  {
    key: 'actionTaken',
    header: '处置情况',
    aliases: ['处理情况', '整改情况'],
    hint: '选填',
    width: 24,
    parse: (v) => parseTextCell(v, 1000),
  },
];

const checkRow = rowCheck<Row>((r, problem) => {
  if (r.occurredOn > shanghaiToday()) problem('occurredOn', '巡查日期不能晚于今天');
  if (r.area.length < 2) problem('area', '请填写巡查区域或路线（至少2个字）');
  if ((r.hazardsFound ?? 0) > 0 && !r.hazardNote) problem('hazardNote', '发现隐患时请说明隐患情况');
});

const naturalKey = (v: Record<string, unknown>) => {
  const r = v as Row;
  return `${r.occurredOn}|${r.orgUnit ?? ''}|${r.area}|${[...r.chiefs].sort().join('、')}`;
};

const keyOf = (unitId: string, on: string, area: string, chiefIds: string[]) =>
  `${unitId}|${on}|${area}|${[...chiefIds].sort().join(',')}`;

/**
 * A patrol sheet: chiefs by name, each a live person of the row's village (a roster never creates
 * people). A patrol already saved — same date, village, area and chiefs — is updated or left alone.
 */
const commit: LedgerIo['commit'] = async (tx, ctx, rows, opts, onProgress) => {
  requirePermission(ctx.actor, 'activities.import');
  const issues = new RowIssues();
  const units = await rowUnits(tx, ctx.actor, opts, issues, unitCol);
  const values = rows.map((r) => r.values as Row);
  const people = await personMatcher(
    tx,
    ctx,
    values.flatMap((v) => v.chiefs.map((name) => ({ name }))),
  );
  const resolved: { r: ParsedRow; v: Row; unit: UnitRef; chiefIds: string[] }[] = [];
  for (const r of rows) {
    const v = r.values as Row;
    const unit = units.check(r);
    if (!unit) continue;
    const chiefIds: string[] = [];
    for (const name of v.chiefs) {
      const chief = people.resolve(r, issues, { name }, unit, {
        column: '林长',
        nameWithin: 'subtree',
        notFound: `在${unit.name}找不到该人员，请先在“人员信息”中登记或核对姓名`,
        ambiguous: (n) => `${unit.name}有${n}个同名人员，请在系统中逐条登记该次巡查`,
      });
      if (chief) chiefIds.push(chief.id);
    }
    if (chiefIds.length === v.chiefs.length) resolved.push({ r, v, unit, chiefIds });
  }
  issues.throwIfAny();

  const unitIds = [...new Set(resolved.map((x) => x.unit.id))];
  const dates = values.map((v) => v.occurredOn).sort();
  const existing = await tx
    .select()
    .from(patrols)
    .where(
      and(
        inArray(patrols.orgUnitId, unitIds),
        isNull(patrols.deletedAt),
        gte(patrols.occurredOn, dates[0]),
        lte(patrols.occurredOn, dates[dates.length - 1]),
      ),
    );
  const byKey = new Map(existing.map((p) => [keyOf(p.orgUnitId, p.occurredOn, p.area, p.chiefIds), p]));
  const plan = new ImportPlan<typeof patrols.$inferSelect, typeof patrols.$inferInsert>();
  for (const { v, unit, chiefIds } of resolved) {
    const given = {
      durationMinutes: v.durationMinutes,
      hazardsFound: v.hazardsFound,
      hazardNote: v.hazardNote,
      actionTaken: v.actionTaken,
    };
    const found = byKey.get(keyOf(unit.id, v.occurredOn, v.area, chiefIds));
    if (found) {
      // Only what the sheet says: an empty cell leaves the saved value alone.
      plan.compare(found, given);
      continue;
    }
    plan.create({
      id: uuidv7(),
      orgUnitId: unit.id,
      orgPath: unit.path,
      occurredOn: v.occurredOn,
      area: v.area,
      durationMinutes: given.durationMinutes ?? null,
      chiefIds,
      teamId: null,
      hazardsFound: given.hazardsFound ?? 0,
      hazardNote: given.hazardNote ?? null,
      actionTaken: given.actionTaken ?? null,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
  }
  const writer = importWriter(tx, ctx, 'activities', 'patrol');
  await writer.insert(
    patrols,
    plan.inserts,
    (p) => ({
      label: `${p.occurredOn} ${p.area}`,
      after: { occurredOn: p.occurredOn, area: p.area, chiefIds: p.chiefIds, hazardsFound: p.hazardsFound },
    }),
    onProgress,
  );
  await writer.update(patrols, plan.updates, (p) => `${p.occurredOn} ${p.area}`);
  return plan.counts;
};

/** The import's columns, so an exported sheet can be edited and imported back. */
const exportColumns: ExportColumn<Patrol>[] = [
  { header: '巡查日期', width: 12, value: (p) => p.occurredOn },
  { header: '所属村（社区）', width: 14, value: (p) => p.orgUnitName },
  { header: '林长', width: 20, value: (p) => p.chiefNames.join('、') },
  { header: '巡查区域/路线', width: 24, value: (p) => p.area },
  { header: '时长（分钟）', width: 10, value: (p) => p.durationMinutes },
  { header: '发现隐患数', width: 10, value: (p) => p.hazardsFound },
  { header: '隐患情况', width: 24, value: (p) => p.hazardNote },
  { header: '处置情况', width: 24, value: (p) => p.actionTaken },
];

export const patrolsIo: LedgerIo = {
  ledger: 'patrols',
  auditModule: 'activities',
  title: '护林防火巡查台账',
  routeBase: '/api/v1/activities/patrols',
  permissions: { import: 'activities.import', export: 'activities.export' },
  columns,
  checkRow,
  naturalKey,
  commit,
  exportQuerySchema: exportPatrolsQuerySchema,
  exportColumns: () => exportColumns as ExportColumn<never>[],
  exportRows: async (ctx: ServiceContext, query) => {
    const q = query as ExportPatrolsQuery;
    const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'activities.export', q.orgUnitId);
    return patrolBatches(ctx.db, scopePath, q) as AsyncIterable<never[]>;
  },
};
