import { and, inArray, isNull } from 'drizzle-orm';
import {
  type Activity,
  type ExportActivitiesQuery,
  exportActivitiesQuerySchema,
  targetGroupLabels,
} from '../../../contracts/activities';
import { toHalfWidth } from '../../../contracts/common/id-number';
import { requirePermission, resolveScopePath } from '../../kernel/access/access';
import { uuidv7 } from '../../kernel/db/ids';
import {
  type CellResult,
  type CellValue,
  cellText,
  parseDateCell,
  parseListCell,
  parseTextCell,
  splitKnownList,
} from '../../kernel/io/cells';
import { ImportPlan, importWriter, RowIssues } from '../../kernel/io/import-commit';
import { type LedgerIo, type ParsedRow, rowCheck } from '../../kernel/io/ledger-io';
import { rowUnits, type UnitRef, unitColumn } from '../../kernel/io/unit-names';
import type { ExportColumn } from '../../kernel/io/xlsx-export';
import { sites } from '../org/org-ledgers.table';
import { activityBatches } from './activities.repository';
import { shanghaiToday, usableCampaigns } from './activities.service';
import { activities, campaigns } from './activities.table';
import { activityTypesOf } from './activity-types.service';

/** The day an activity began and, for a multi-day one, its last day. */
type DateSpan = { from: string; to?: string };

type Row = {
  occurredOn: DateSpan;
  endedOn?: string;
  isNotable?: boolean;
  title: string;
  type: string;
  orgUnit?: string;
  place?: string;
  site?: string;
  /** The cell as written: split against the known campaign names in the commit. */
  campaigns?: string;
  attendance: number;
  volunteerCount?: number;
  targetGroups: string[];
  coOrganizers?: string;
  summary?: string;
};

const count = (label: string, max: number) => (v: unknown) => {
  const r = parseTextCell(v as string, 20);
  if ('error' in r || r.value === undefined) return r;
  const m = /^(\d+)(人次|人|场)?$/.exec(r.value.replace(/[，,\s]/g, ''));
  if (!m) return { error: `“${r.value}”不是有效的${label}，请填写数字` };
  const n = Number(m[1]);
  return n <= max ? { value: n } : { error: `${label}“${n}”过大，请核对` };
};

const RANGE_SEPARATOR = /至|到|~|—+|–|－+/;

/**
 * 活动日期: one day (2026-06-01), or the days of a multi-day activity: 2026-06-01至2026-06-03, and the
 * end written short as a Chinese text would (2026年6月1日至3日, 2026-06-30至07-02), with 至, 到 or ~.
 */
export const parseDateSpanCell = (v: CellValue): CellResult<DateSpan> => {
  const text = typeof v === 'string' ? v : undefined;
  const parts = text ? toHalfWidth(text).split(RANGE_SEPARATOR) : [];
  if (parts.length < 2) {
    const single = parseDateCell(v);
    return 'error' in single ? single : { value: single.value ? { from: single.value } : undefined };
  }
  const shown = cellText(v) ?? '';
  if (parts.length > 2) return { error: `“${shown}”不是可识别的日期范围，请写成 2026-06-01至2026-06-03` };
  const start = parseDateCell(parts[0]);
  if ('error' in start || !start.value)
    return { error: `“${shown}”的开始日期不可识别，请写成 2026-06-01至2026-06-03` };
  const from = start.value;
  const [y, m] = from.split('-');
  const end = parts[1].replace(/日$/, '');
  const monthDay = /^(\d{1,2})[-/.月](\d{1,2})$/.exec(end);
  const day = /^(\d{1,2})$/.exec(end);
  const full = parseDateCell(parts[1]);
  const to = monthDay
    ? parseDateCell(`${y}-${monthDay[1]}-${monthDay[2]}`)
    : day
      ? parseDateCell(`${y}-${m}-${day[1]}`)
      : full;
  if ('error' in to || !to.value)
    return { error: `“${shown}”的结束日期不可识别，请写成 2026-06-01至2026-06-03` };
  if (to.value < from) return { error: `“${shown}”的结束日期早于开始日期` };
  return { value: to.value === from ? { from } : { from, to: to.value } };
};

const YES = ['是', '重点', 'Y', 'y', 'yes', 'Yes', '√', '✓', '1'];
const NO = ['否', '不是', 'N', 'n', 'no', 'No', '×', '0'];

/** 是否重点: 是 / 否 (blank: as recorded). */
const parseYesNoCell = (v: CellValue): CellResult<boolean> => {
  const s = cellText(v);
  if (s === undefined) return { value: undefined };
  if (YES.includes(s)) return { value: true };
  if (NO.includes(s)) return { value: false };
  return { error: `“${s}”请填写“是”或“否”` };
};

const unitCol = unitColumn('组织单位', ['所属村（社区）', '村（社区）', '主办单位'], 14);

const columns: LedgerIo['columns'] = [
  {
    key: 'occurredOn',
    header: '活动日期',
    aliases: ['日期', '开展时间', '时间'],
    hint: '如 2026-03-08；多日活动可写 2026-06-01至2026-06-03',
    isRequired: true,
    width: 14,
    parse: parseDateSpanCell,
  },
  {
    key: 'endedOn',
    header: '结束日期',
    aliases: ['截止日期', '结束时间'],
    hint: '多日活动的最后一天，选填',
    width: 14,
    parse: parseDateCell,
  },
  {
    key: 'title',
    header: '活动名称',
    aliases: ['活动主题', '主题', '名称'],
    hint: '如：三八妇女节主题宣讲',
    isRequired: true,
    width: 28,
    parse: (v) => parseTextCell(v, 100),
  },
  {
    key: 'type',
    header: '活动类型',
    aliases: ['类型', '类别'],
    hint: '宣讲/培训/普法/志愿服务/研学…',
    isRequired: true,
    width: 12,
    parse: (v) => parseTextCell(v, 30),
  },
  unitCol,
  {
    key: 'place',
    header: '活动地点',
    aliases: ['地点'],
    hint: '选填',
    width: 18,
    parse: (v) => parseTextCell(v, 120),
  },
  {
    key: 'site',
    header: '阵地',
    aliases: ['活动阵地'],
    hint: '已登记阵地的名称，如：东岭村妇女之家',
    width: 18,
    parse: (v) => parseTextCell(v, 60),
  },
  {
    key: 'campaigns',
    header: '专项行动',
    aliases: ['品牌活动'],
    hint: '多个用顿号分隔；名称本身带顿号的照原样填写',
    isList: true,
    width: 20,
    // Split in the commit, against the county's campaign names (a name may contain 、).
    parse: (v) => parseTextCell(v, 500),
  },
  {
    key: 'attendance',
    header: '参加人次',
    aliases: ['人次', '参与人次', '参加人数'],
    hint: '数字，如 45',
    isRequired: true,
    width: 10,
    parse: count('参加人次', 100_000),
  },
  {
    key: 'volunteerCount',
    header: '志愿者人数',
    hint: '选填',
    width: 10,
    parse: count('志愿者人数', 10_000),
  },
  {
    key: 'targetGroups',
    header: '服务对象',
    hint: '妇女、儿童、家庭、老人…',
    width: 16,
    parse: (v) =>
      parseListCell(
        v,
        Object.values(targetGroupLabels).map((l) => l.zh),
      ),
  },
  {
    key: 'isNotable',
    header: '是否重点',
    aliases: ['重点活动', '是否亮点'],
    hint: '是/否：重点活动在工作总结中列出日期',
    options: ['是', '否'],
    width: 10,
    parse: parseYesNoCell,
  },
  {
    key: 'coOrganizers',
    header: '协办单位',
    hint: '如：司法所、卫生院',
    width: 16,
    parse: (v) => parseTextCell(v, 200),
  },
  {
    key: 'summary',
    header: '活动简介',
    aliases: ['活动内容', '简介'],
    hint: '选填',
    width: 30,
    parse: (v) => parseTextCell(v, 2000),
  },
];

const checkRow = rowCheck<Row>((r, problem) => {
  if (r.occurredOn.from > shanghaiToday()) problem('occurredOn', '活动日期不能晚于今天');
  if (r.endedOn && r.endedOn < r.occurredOn.from) problem('endedOn', '结束日期不能早于开始日期');
  if (r.endedOn && r.occurredOn.to && r.endedOn !== r.occurredOn.to)
    problem('endedOn', `与活动日期中的结束日期（${r.occurredOn.to}）不一致`);
});

/** The last day of a multi-day activity, from the date range or the 结束日期 column. */
const lastDayOf = (r: Row) => {
  const to = r.endedOn ?? r.occurredOn.to;
  return to && to !== r.occurredOn.from ? to : undefined;
};

const naturalKey = (v: Record<string, unknown>) => {
  const r = v as Row;
  return `${r.occurredOn.from}|${r.orgUnit ?? ''}|${r.title}|${r.type}`;
};

const groupCode = Object.fromEntries(Object.entries(targetGroupLabels).map(([code, l]) => [l.zh, code]));

/** A year of a village's activity sheet: types by label or code, sites and campaigns by name. */
const commit: LedgerIo['commit'] = async (tx, ctx, rows, opts, onProgress) => {
  requirePermission(ctx.actor, 'activities.import');
  const issues = new RowIssues();
  const rowUnit = await rowUnits(tx, ctx.actor, opts, issues, unitCol);
  const { types } = await activityTypesOf(tx, ctx.actor);
  const typeByName = new Map(
    types.flatMap((t) => [
      [t.label.zh, t.code],
      [t.code, t.code],
    ]),
  );
  const units = new Map<ParsedRow, UnitRef>();
  for (const r of rows) {
    const v = r.values as Row;
    const unit = rowUnit.check(r);
    if (unit) units.set(r, unit);
    if (!typeByName.has(v.type))
      issues.add(r, '活动类型', v.type, `不在活动类型中（可选：${types.map((t) => t.label.zh).join('、')}）`);
  }
  issues.throwIfAny();
  const unitIds = [...new Set([...units.values()].map((u) => u.id))];
  const siteRows = await tx
    .select({ id: sites.id, name: sites.name, orgUnitId: sites.orgUnitId })
    .from(sites)
    .where(and(inArray(sites.orgUnitId, unitIds), isNull(sites.deletedAt)));
  const campaignRows = await tx
    .select({ id: campaigns.id, name: campaigns.name })
    .from(campaigns)
    .where(and(isNull(campaigns.deletedAt), usableCampaigns(ctx.actor.orgPath)));
  const knownCampaigns = campaignRows.map((c) => c.name);
  const existing = await tx
    .select()
    .from(activities)
    .where(and(inArray(activities.orgUnitId, unitIds), isNull(activities.deletedAt)));
  const keyOf = (unitId: string, date: string, title: string, type: string) =>
    `${unitId}|${date}|${title}|${type}`;
  const byKey = new Map(existing.map((a) => [keyOf(a.orgUnitId, a.occurredOn, a.title, a.type), a]));
  const plan = new ImportPlan<typeof activities.$inferSelect, typeof activities.$inferInsert>();
  for (const r of rows) {
    const v = r.values as Row;
    const unit = units.get(r) as UnitRef;
    const site = v.site ? siteRows.filter((s) => s.name === v.site && s.orgUnitId === unit.id) : [];
    if (v.site && site.length !== 1)
      issues.add(r, '阵地', v.site, '在该组织的阵地中找不到此名称，请先在“阵地”中登记或核对名称');
    const campaignNames = v.campaigns ? splitKnownList(v.campaigns, knownCampaigns) : [];
    const campaignIds = campaignNames.map((name) => campaignRows.find((c) => c.name === name)?.id);
    const missing = campaignNames.filter((_, i) => !campaignIds[i]);
    if (missing.length) issues.add(r, '专项行动', missing.join('、'), '找不到该专项行动，请先登记或核对名称');
    const type = typeByName.get(v.type) as string;
    const desired = {
      endedOn: lastDayOf(v),
      isNotable: v.isNotable,
      attendance: v.attendance,
      volunteerCount: v.volunteerCount ?? 0,
      place: v.place ?? null,
      siteId: site[0]?.id ?? null,
      campaignIds: campaignIds.filter((x): x is string => !!x),
      targetGroups: v.targetGroups.map((g) => groupCode[g]),
      coOrganizers: v.coOrganizers ?? null,
      summary: v.summary ?? null,
    };
    const found = byKey.get(keyOf(unit.id, v.occurredOn.from, v.title, type));
    if (found) {
      plan.compare(found, desired);
      continue;
    }
    const row = {
      id: uuidv7(),
      orgUnitId: unit.id,
      orgPath: unit.path,
      title: v.title,
      type,
      occurredOn: v.occurredOn.from,
      participantIds: [] as string[],
      seriesId: null,
      ...desired,
      endedOn: desired.endedOn ?? null,
      isNotable: desired.isNotable ?? false,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    };
    plan.create(row);
    byKey.set(keyOf(unit.id, v.occurredOn.from, v.title, type), {
      ...row,
      version: 1,
      createdAt: '',
      updatedAt: '',
      deletedAt: null,
    } as typeof activities.$inferSelect);
  }
  issues.throwIfAny();
  const writer = importWriter(tx, ctx, 'activities', 'activity');
  await writer.insert(
    activities,
    plan.inserts,
    (a) => ({
      label: a.title,
      after: {
        title: a.title,
        type: a.type,
        occurredOn: a.occurredOn,
        endedOn: a.endedOn,
        isNotable: a.isNotable,
        attendance: a.attendance,
      },
    }),
    onProgress,
  );
  await writer.update(activities, plan.updates, (a) => a.title);
  return plan.counts;
};

const exportColumns = (typeLabel: (code: string) => string): ExportColumn<Activity>[] => [
  { header: '活动日期', width: 12, value: (a) => a.occurredOn },
  { header: '结束日期', width: 12, value: (a) => a.endedOn },
  { header: '活动名称', width: 28, value: (a) => a.title },
  { header: '活动类型', width: 12, value: (a) => typeLabel(a.type) },
  { header: '组织单位', width: 14, value: (a) => a.orgUnitName },
  { header: '活动地点', width: 18, value: (a) => a.place },
  { header: '阵地', width: 18, value: (a) => a.siteName },
  { header: '专项行动', width: 20, value: (a) => a.campaignNames.join('、') },
  { header: '参加人次', width: 10, value: (a) => a.attendance },
  { header: '志愿者人数', width: 10, value: (a) => a.volunteerCount },
  {
    header: '服务对象',
    width: 16,
    value: (a) => a.targetGroups.map((g) => targetGroupLabels[g].zh).join('、'),
  },
  { header: '是否重点', width: 10, value: (a) => (a.isNotable ? '是' : '否') },
  { header: '协办单位', width: 16, value: (a) => a.coOrganizers },
  { header: '活动简介', width: 30, value: (a) => a.summary },
];

export const activitiesIo: LedgerIo = {
  ledger: 'activities',
  auditModule: 'activities',
  title: '活动台账',
  routeBase: '/api/v1/activities/activities',
  permissions: { import: 'activities.import', export: 'activities.export' },
  columns,
  checkRow,
  naturalKey,
  commit,
  exportQuerySchema: exportActivitiesQuerySchema,
  exportColumns: async (ctx) => {
    const labels = new Map((await activityTypesOf(ctx.db, ctx.actor)).types.map((t) => [t.code, t.label.zh]));
    return exportColumns((code) => labels.get(code) ?? code) as ExportColumn<never>[];
  },
  exportRows: async (ctx, query) => {
    const q = query as ExportActivitiesQuery;
    const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'activities.export', q.orgUnitId);
    return activityBatches(ctx.db, scopePath, q) as AsyncIterable<never[]>;
  },
};
