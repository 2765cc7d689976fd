import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { toHalfWidth } from '../../../contracts/common/id-number';
import {
  type CourtyardHousehold,
  type Inspection,
  type InspectionKind,
  inspectionKindLabels,
  listCourtyardHouseholdsQuerySchema,
  listInspectionsQuerySchema,
  monthOf,
  type RatingLevel,
  ratingFromScore,
  ratingLabels,
  ratingLevels,
} from '../../../contracts/courtyards';
import { requirePermission, resolveScopePath } from '../../kernel/access/access';
import { type AuditRowInput, recordAuditRows } from '../../kernel/audit/audit';
import { bulkInsert } from '../../kernel/db/bulk';
import type { Tx } from '../../kernel/db/connection';
import { uuidv7 } from '../../kernel/db/ids';
import { type CellValue, cellText, parseDateCell, parseTextCell } from '../../kernel/io/cells';
import { importWriter, pagedBatches, RowIssues } from '../../kernel/io/import-commit';
import { type LedgerIo, type ParsedRow, rowCheck } from '../../kernel/io/ledger-io';
import { rowUnits, type UnitRef, unitColumn } from '../../kernel/io/unit-names';
import type { ExportColumn } from '../../kernel/io/xlsx-export';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import { courtyardHouseholdRows } from './courtyard-reports.service';
import { inspectionSelect, rows as query, toInspection } from './courtyards.repository';
import { courtyardInspections, courtyardPlaqueEvents, courtyardRatingChanges } from './courtyards.table';
import { inspectionFilters } from './inspections.service';
import { effectiveRubricFor } from './rubrics.service';

// 入户检查台账 (a town's year sheet: one inspection a row) and 农户评定台账 (export).

/** 8号, 8, ８号, 东岭路8号 → 8 — house numbers as cadres type them. */
const houseKey = (s: string | null | undefined) =>
  s
    ? toHalfWidth(s)
        .replace(/\s/g, '')
        .replace(/号$/, '')
        .replace(/^.*?(\d+(-\d+)?)$/, '$1')
    : '';

const parseScore = (v: CellValue) => {
  const s = cellText(v);
  if (s === undefined) return { value: undefined };
  const m = /^(\d+(?:\.\d+)?)分?$/.exec(toHalfWidth(s).replace(/\s/g, ''));
  if (!m) return { error: `“${s}”不是有效的分数` };
  const n = Number(m[1]);
  return n <= 1000 ? { value: Math.round(n * 10) / 10 } : { error: '分数过大，请核对' };
};

const kindAliases: Record<string, InspectionKind> = {
  月底入户: 'monthly',
  月检: 'monthly',
  月底检查: 'monthly',
  入户检查: 'monthly',
  抽查: 'spotCheck',
  每月抽查: 'spotCheck',
  复核: 'review',
  复查: 'review',
  季度评比: 'quarterly',
  季评: 'quarterly',
};
const parseKind = (v: CellValue) => {
  const s = cellText(v);
  if (s === undefined) return { value: undefined };
  const code =
    kindAliases[s] ??
    (Object.entries(inspectionKindLabels).find(([c, l]) => l.zh === s || c === s)?.[0] as InspectionKind);
  return code ? { value: code } : { error: `“${s}”不是检查类型（月底入户、每月抽查、复核、季度评比）` };
};

const ratingAliases: Record<string, RatingLevel | 'none'> = {
  清洁户: 'clean',
  清洁: 'clean',
  示范户: 'model',
  示范: 'model',
  精品户: 'premium',
  精品: 'premium',
  未达标: 'none',
  不合格: 'none',
  无: 'none',
};
const parseRating = (v: CellValue) => {
  const s = cellText(v);
  if (s === undefined) return { value: undefined };
  const code = ratingAliases[s] ?? (Object.keys(ratingLabels).includes(s) ? (s as RatingLevel) : undefined);
  return code ? { value: code } : { error: `“${s}”不是评定等级（清洁户、示范户、精品户、未达标）` };
};

type Row = {
  inspectedOn: string;
  orgUnit?: string;
  headName?: string;
  houseNumber?: string;
  kind?: InspectionKind;
  totalScore: number;
  rating?: RatingLevel | 'none';
  inspectorNames?: string;
  note?: string;
};

const unitCol = unitColumn('村（社区）', ['所属村（社区）', '村居', '村别', '村名'], 12);

const columns: LedgerIo['columns'] = [
  {
    key: 'inspectedOn',
    header: '检查日期',
    aliases: ['日期', '入户日期', '检查时间'],
    hint: '如 2026-03-28',
    isRequired: true,
    width: 14,
    parse: parseDateCell,
  },
  unitCol,
  {
    key: 'headName',
    header: '户主姓名',
    aliases: ['户主', '姓名', '农户姓名', '户主名'],
    hint: '户主或门牌号至少填一项',
    width: 10,
    parse: (v) => parseTextCell(v, 30),
  },
  {
    key: 'houseNumber',
    header: '门牌号',
    aliases: ['门牌', '门牌号码', '户号'],
    hint: '如 8号',
    width: 10,
    isText: true,
    parse: (v) => parseTextCell(v, 30),
  },
  {
    key: 'kind',
    header: '检查类型',
    aliases: ['类型', '检查方式'],
    hint: '月底入户、每月抽查、复核、季度评比；不填为月底入户',
    options: Object.values(inspectionKindLabels).map((l) => l.zh),
    width: 12,
    parse: parseKind,
  },
  {
    key: 'totalScore',
    header: '总分',
    aliases: ['得分', '分数', '评分', '总得分'],
    hint: '如 92 或 92.5',
    isRequired: true,
    width: 8,
    parse: parseScore,
  },
  {
    key: 'rating',
    header: '评定等级',
    aliases: ['等级', '评定结果', '星级'],
    hint: '清洁户、示范户、精品户、未达标；不填按细则分数线评定',
    options: ['清洁户', '示范户', '精品户', '未达标'],
    width: 10,
    parse: parseRating,
  },
  {
    key: 'inspectorNames',
    header: '检查人员',
    aliases: ['检查小组', '检查人', '验收人员'],
    hint: '选填；填本镇验收小组的名称（如：第一组）即关联到该小组',
    width: 16,
    parse: (v) => parseTextCell(v, 100),
  },
  {
    key: 'note',
    header: '扣分情况/备注',
    aliases: ['扣分情况', '存在问题', '备注'],
    hint: '选填',
    width: 24,
    parse: (v) => parseTextCell(v, 1000),
  },
];

const checkRow = rowCheck<Row>((r, problem) => {
  if (r.inspectedOn > shanghaiToday()) problem('inspectedOn', '检查日期不能晚于今天');
  if (!r.headName && !r.houseNumber) problem('headName', '请填写户主姓名或门牌号');
});

const naturalKey = (v: Record<string, unknown>) => {
  const r = v as Row;
  const kind = r.kind ?? 'monthly';
  const when = kind === 'monthly' ? monthOf(r.inspectedOn) : r.inspectedOn;
  return `${r.orgUnit ?? ''}|${r.headName ?? ''}|${houseKey(r.houseNumber)}|${kind}|${when}`;
};

type HouseholdRef = {
  id: string;
  orgUnitId: string;
  orgPath: string;
  head: string | null;
  house: string;
  label: string;
};

const householdsOf = async (tx: Tx, unitIds: string[]) =>
  (
    await query(
      tx,
      sql`select h.id, h.org_unit_id, h.org_path, h.house_number, h.address, (select p.name from persons p where p.id = h.head_person_id) as head
        from households h where h.deleted_at is null and h.org_unit_id in (${sql.join(
          unitIds.map((u) => sql`${u}::uuid`),
          sql`, `,
        )})`,
    )
  ).map(
    (r): HouseholdRef => ({
      id: r.id as string,
      orgUnitId: r.org_unit_id as string,
      orgPath: r.org_path as string,
      head: (r.head ?? null) as string | null,
      house: houseKey(r.house_number as string | null),
      label: `${r.address as string}${r.house_number ? ` ${r.house_number as string}` : ''}`,
    }),
  );

/** The households of the row's village that its head name and/or house number fit. */
const householdsFitting = (
  households: HouseholdRef[],
  unit: UnitRef,
  v: { headName?: string; houseNumber?: string },
) =>
  households.filter(
    (h) =>
      h.orgUnitId === unit.id &&
      (!v.houseNumber || h.house === houseKey(v.houseNumber)) &&
      (!v.headName || h.head === v.headName),
  );

/**
 * The inspection groups an import's households may be inspected by (a group of the household's town,
 * or any unit above it), as a lookup by name: the nearest unit's group of that name.
 */
const inspectionGroupsFor = async (tx: Tx, householdPaths: string[]) => {
  const ancestors = new Set<string>();
  for (const path of new Set(householdPaths)) {
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) ancestors.add(`/${parts.slice(0, i).join('/')}/`);
  }
  const groups = ancestors.size
    ? await query(
        tx,
        sql`select id, name, org_path from courtyard_groups where deleted_at is null and org_path in (${sql.join(
          [...ancestors].map((a) => sql`${a}`),
          sql`, `,
        )}) order by length(org_path) desc`,
      )
    : [];
  const norm = (s: string) => toHalfWidth(s).replace(/\s/g, '');
  return (householdPath: string, name: string) =>
    groups.find(
      (g) => householdPath.startsWith(g.org_path as string) && norm(g.name as string) === norm(name),
    )?.id as string | undefined;
};

/**
 * A year sheet of inspections: each row finds its household in the named village by head name
 * and/or house number (never creates one). The sheet's total is kept as scored on paper; the rating
 * is the sheet's, or follows the rubric's thresholds. A monthly inspection already saved for that
 * household and month (or the same date and kind) is updated, not doubled.
 */
const commit: LedgerIo['commit'] = async (tx, ctx, rows, opts, onProgress) => {
  requirePermission(ctx.actor, 'courtyards.import');
  const issues = new RowIssues();
  const units = await rowUnits(tx, ctx.actor, opts, issues, unitCol);
  const unitIds = units.idsOf(rows);
  const households = unitIds.length ? await householdsOf(tx, unitIds) : [];
  const rubricCache = new Map<string, Awaited<ReturnType<typeof effectiveRubricFor>>>();
  const resolved: { r: ParsedRow; v: Row; h: HouseholdRef; rubricId: string; rating: RatingLevel | null }[] =
    [];
  for (const r of rows) {
    const v = r.values as Row;
    const unit = units.check(r);
    if (!unit) continue;
    const matches = householdsFitting(households, unit, v);
    const who = [v.headName, v.houseNumber].filter(Boolean).join(' ');
    if (matches.length === 0) {
      issues.add(
        r,
        v.headName ? '户主姓名' : '门牌号',
        who,
        `在${unit.name}找不到该农户，请先在“人员与家庭”中登记或核对户主、门牌号`,
      );
      continue;
    }
    if (matches.length > 1) {
      issues.add(r, '门牌号', who, `${unit.name}有${matches.length}户符合，请同时填写户主姓名和门牌号`);
      continue;
    }
    const year = v.inspectedOn.slice(0, 4);
    const cacheKey = `${unit.id}|${year}`;
    if (!rubricCache.has(cacheKey))
      rubricCache.set(cacheKey, await effectiveRubricFor(tx, unit.path, Number(year)));
    const rubric = rubricCache.get(cacheKey);
    if (!rubric) {
      issues.add(r, '检查日期', v.inspectedOn, `${unit.name}${year}年尚未设置评分细则，请先设置量化评分细则`);
      continue;
    }
    if (v.totalScore > rubric.maxPoints) {
      issues.add(r, '总分', String(v.totalScore), `总分不能高于细则满分${rubric.maxPoints}分`);
      continue;
    }
    const rating =
      v.rating === 'none' ? null : (v.rating ?? ratingFromScore(rubric.rules.thresholds, v.totalScore));
    resolved.push({ r, v, h: matches[0], rubricId: rubric.id, rating });
  }
  issues.throwIfAny();
  const groupFor = await inspectionGroupsFor(
    tx,
    resolved.map((x) => x.h.orgPath),
  );

  const ids = [...new Set(resolved.map((x) => x.h.id))];
  const existing = ids.length
    ? await query(
        tx,
        sql`select id, household_id, kind, month, inspected_on::text as on, total_score, rating, group_id, inspector_names, note, org_path, org_unit_id
          from courtyard_inspections where deleted_at is null and household_id in (${sql.join(
            ids.map((i) => sql`${i}::uuid`),
            sql`, `,
          )})`,
      )
    : [];
  const keyOf = (householdId: string, kind: string, on: string) =>
    `${householdId}|${kind}|${kind === 'monthly' ? monthOf(on) : on}`;
  const byKey = new Map(
    existing.map((e) => [keyOf(e.household_id as string, e.kind as string, e.on as string), e]),
  );
  const inserts: (typeof courtyardInspections.$inferInsert)[] = [];
  let updated = 0;
  let unchanged = 0;
  const writer = importWriter(tx, ctx, 'courtyards', 'courtyardInspection');
  for (const { v, h, rubricId, rating } of resolved) {
    const kind = v.kind ?? 'monthly';
    const found = byKey.get(keyOf(h.id, kind, v.inspectedOn));
    // 检查人员 naming one of the town's inspection groups links the inspection to it; other text is kept.
    const groupId = v.inspectorNames ? (groupFor(h.orgPath, v.inspectorNames) ?? null) : null;
    const inspectorNames = groupId ? null : (v.inspectorNames ?? null);
    if (found) {
      const same =
        Number(found.total_score) === v.totalScore &&
        (found.rating ?? null) === rating &&
        found.on === v.inspectedOn &&
        (v.inspectorNames === undefined ||
          ((found.group_id ?? null) === groupId && (found.inspector_names ?? null) === inspectorNames)) &&
        (v.note === undefined || found.note === v.note);
      if (same) {
        unchanged++;
        continue;
      }
      const who =
        v.inspectorNames === undefined
          ? sql``
          : sql`group_id = ${groupId}, inspector_names = ${inspectorNames},`;
      await tx.execute(sql`update courtyard_inspections set total_score = ${v.totalScore}, rating = ${rating},
        inspected_on = ${v.inspectedOn}, month = ${monthOf(v.inspectedOn)}, ${who}
        note = coalesce(${v.note ?? null}, note),
        version = version + 1, updated_at = now(), updated_by = ${ctx.actor.userId} where id = ${found.id as string}`);
      await recordAuditRows(tx, [
        writer.audit(
          'update',
          {
            id: found.id as string,
            label: `${h.label} ${v.inspectedOn}`,
            orgUnitId: found.org_unit_id as string,
            orgPath: found.org_path as string,
          },
          { totalScore: Number(found.total_score), rating: found.rating, inspectedOn: found.on },
          { totalScore: v.totalScore, rating, inspectedOn: v.inspectedOn, source: 'import' },
        ),
      ]);
      updated++;
      continue;
    }
    inserts.push({
      id: uuidv7(),
      orgUnitId: h.orgUnitId,
      orgPath: h.orgPath,
      householdId: h.id,
      rubricId,
      kind,
      inspectedOn: v.inspectedOn,
      month: monthOf(v.inspectedOn),
      groupId,
      inspectorNames,
      itemScores: [],
      deductions: [],
      vetoCodes: [],
      totalScore: v.totalScore,
      rating,
      isVeto: false,
      note: v.note ?? null,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
  }
  await writer.insert(
    courtyardInspections,
    inserts,
    (x) => ({
      label: `${x.inspectedOn}`,
      after: {
        householdId: x.householdId,
        kind: x.kind,
        inspectedOn: x.inspectedOn,
        totalScore: x.totalScore,
        rating: x.rating,
      },
    }),
    onProgress,
  );
  return { created: inserts.length, updated, unchanged };
};

const exportInspectionsQuerySchema = listInspectionsQuerySchema
  .omit({ page: true, pageSize: true, sort: true })
  .strict();
type ExportInspectionsQuery = z.infer<typeof exportInspectionsQuerySchema>;

const inspectionColumns: ExportColumn<Inspection>[] = [
  { header: '检查日期', width: 12, value: (i) => i.inspectedOn },
  { header: '村（社区）', width: 12, value: (i) => i.orgUnitName },
  { header: '户主姓名', width: 10, value: (i) => i.headName },
  { header: '门牌号', width: 10, value: (i) => i.householdLabel.split(' ').slice(1).join(' ') || null },
  { header: '检查类型', width: 10, value: (i) => inspectionKindLabels[i.kind].zh },
  { header: '总分', width: 8, value: (i) => i.totalScore },
  { header: '评定等级', width: 10, value: (i) => (i.rating ? ratingLabels[i.rating].zh : '未达标') },
  { header: '检查人员', width: 16, value: (i) => i.inspectorNames ?? i.groupName },
  {
    header: '扣分情况/备注',
    width: 30,
    value: (i) =>
      [...i.deductions.map((d) => `${d.reason}扣${d.points}分`), i.note].filter(Boolean).join('；') || null,
  },
];

async function* inspectionBatches(ctx: ServiceContext, scopePath: string, q: ExportInspectionsQuery) {
  let after = '';
  for (;;) {
    const batch = (
      await query(
        ctx.db,
        sql`${inspectionSelect} where ${inspectionFilters(scopePath, q)} and i.id::text > ${after} order by i.id::text limit 2000`,
      )
    ).map(toInspection);
    if (batch.length === 0) return;
    yield batch;
    after = batch[batch.length - 1].id;
    if (batch.length < 2000) return;
  }
}

export const courtyardInspectionsIo: LedgerIo = {
  ledger: 'courtyardInspections',
  auditModule: 'courtyards',
  title: '美丽庭院入户检查台账',
  routeBase: '/api/v1/courtyards/inspections',
  permissions: { import: 'courtyards.import', export: 'courtyards.export' },
  columns,
  checkRow,
  naturalKey,
  commit,
  exportQuerySchema: exportInspectionsQuerySchema,
  exportColumns: () => inspectionColumns as ExportColumn<never>[],
  exportRows: async (ctx: ServiceContext, query) => {
    const q = query as ExportInspectionsQuery;
    const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'courtyards.export', q.orgUnitId);
    return inspectionBatches(ctx, scopePath, q) as AsyncIterable<never[]>;
  },
};

// 农户评定台账 (export of every household's current rating and plaque)

const exportRatingsQuerySchema = listCourtyardHouseholdsQuerySchema
  .omit({ page: true, pageSize: true, sort: true })
  .strict();
type ExportRatingsQuery = z.infer<typeof exportRatingsQuerySchema>;
const level = (r: RatingLevel | null) => (r ? ratingLabels[r].zh : '未评定');
const ratingColumns: ExportColumn<CourtyardHousehold>[] = [
  { header: '村（社区）', width: 12, value: (h) => h.orgUnitName },
  { header: '户主姓名', width: 10, value: (h) => h.headName },
  { header: '门牌号', width: 10, value: (h) => h.houseNumber },
  { header: '评定等级', width: 10, value: (h) => level(h.rating) },
  { header: '评定日期', width: 12, value: (h) => h.ratedOn },
  { header: '挂牌', width: 10, value: (h) => (h.plaqueLevel ? level(h.plaqueLevel) : '未挂牌') },
  { header: '挂牌日期', width: 12, value: (h) => h.plaqueSince },
  { header: '最近检查', width: 12, value: (h) => h.lastInspectedOn },
  { header: '最近得分', width: 8, value: (h) => h.lastScore },
  { header: '未完成整改', width: 10, value: (h) => h.openRectifications },
];

type RatingRow = {
  orgUnit?: string;
  headName?: string;
  houseNumber?: string;
  rating?: RatingLevel | 'none';
  ratedOn?: string;
  plaque?: RatingLevel | 'none';
  plaqueSince?: string;
  reason?: string;
};

const ratingImportColumns: LedgerIo['columns'] = [
  columns[1],
  columns[2],
  columns[3],
  {
    key: 'rating',
    header: '评定等级',
    aliases: ['等级', '评定结果'],
    hint: '清洁户、示范户、精品户、未达标',
    options: ['清洁户', '示范户', '精品户', '未达标'],
    isRequired: true,
    width: 10,
    parse: parseRating,
  },
  {
    key: 'ratedOn',
    header: '评定日期',
    aliases: ['评定时间'],
    hint: '如 2025-12-31；同一户可按日期填多行，系统按日期顺序合并为评定历史，行的先后不影响结果',
    isRequired: true,
    width: 12,
    parse: parseDateCell,
  },
  {
    key: 'plaque',
    header: '挂牌',
    aliases: ['挂牌等级', '牌匾'],
    hint: '清洁户、示范户、精品户，未挂牌填“无”；不填则不变',
    width: 10,
    parse: (v) => (cellText(v) === '未挂牌' ? { value: 'none' } : parseRating(v)),
  },
  {
    key: 'plaqueSince',
    header: '挂牌日期',
    aliases: ['挂牌时间', '摘牌日期'],
    hint: '挂牌或摘牌的日期',
    width: 12,
    parse: parseDateCell,
  },
  {
    key: 'reason',
    header: '原因',
    aliases: ['备注', '说明'],
    hint: '选填，如：2025年度评比会确认',
    width: 24,
    parse: (v) => parseTextCell(v, 200),
  },
];

const checkRatingRow = rowCheck<RatingRow>((r, problem) => {
  const today = shanghaiToday();
  if (!r.headName && !r.houseNumber) problem('headName', '请填写户主姓名或门牌号');
  if (r.ratedOn && r.ratedOn > today) problem('ratedOn', '评定日期不能晚于今天');
  if (r.plaque && !r.plaqueSince) problem('plaqueSince', '填写挂牌时请同时填写挂牌日期');
  if (r.plaqueSince && r.plaqueSince > today) problem('plaqueSince', '挂牌日期不能晚于今天');
});

/** One entry of a household's rating history as the import merges into it. */
type HistoryEntry = {
  id: string;
  on: string;
  from: RatingLevel | null;
  to: RatingLevel | null;
  isNew: boolean;
  /** An existing entry whose date or previous rating the merge changed. */
  isChanged: boolean;
};

/**
 * Merges one dated rating into a household's history (sorted by date), the one rule that makes the
 * import order-independent: the history is the sheet's dated ratings in date order, an entry only where
 * the rating differs from the one in force the day before. A rating equal to the one in force at its
 * date changes nothing; an older-dated one that reaches the level a later entry reaches moves that
 * entry back to its date; any other starts a new entry (and the next entry now starts from it). So an
 * older row never overrides a newer current rating and never adds a false change.
 * Returns 'same', 'changed' or a conflict (another rating already recorded on that very date).
 */
export const mergeRating = (
  history: HistoryEntry[],
  on: string,
  rating: RatingLevel | null,
): 'same' | 'changed' | { conflict: HistoryEntry } => {
  let prev = -1;
  while (prev + 1 < history.length && history[prev + 1].on <= on) prev++;
  const before = prev >= 0 ? history[prev] : undefined;
  if (before && before.on === on && before.to !== rating) return { conflict: before };
  if ((before?.to ?? null) === rating) return 'same';
  const next = history[prev + 1];
  if (next && next.to === rating) {
    next.on = on;
    next.isChanged = true;
    return 'changed';
  }
  history.splice(prev + 1, 0, {
    id: uuidv7(),
    on,
    from: before?.to ?? null,
    to: rating,
    isNew: true,
    isChanged: false,
  });
  if (next) {
    next.from = rating;
    next.isChanged = true;
  }
  return 'changed';
};

/**
 * The household ratings ledger a town kept in Excel before the system (or from another county
 * system): each row is a household's rating (and plaque) as of a date, one household on several rows
 * for its history. The rows are merged into the rating history by date (see `mergeRating`), so the
 * same rows in any order, or uploaded again, give the same history, current rating and statistics;
 * plaques likewise never go back to an older-dated row. A household's first rating is "created".
 */
const commitRatings: LedgerIo['commit'] = async (tx, ctx, rows, opts, onProgress) => {
  // It sets ratings and plaques as a confirmed review does: the town's courtyard scheme.
  requirePermission(ctx.actor, 'courtyards.manage');
  const issues = new RowIssues();
  const units = await rowUnits(tx, ctx.actor, opts, issues, unitCol);
  const unitIds = units.idsOf(rows);
  const households = unitIds.length ? await householdsOf(tx, unitIds) : [];
  const found: { r: ParsedRow; v: RatingRow; h: HouseholdRef }[] = [];
  for (const r of rows) {
    const v = r.values as RatingRow;
    const unit = units.check(r);
    if (!unit) continue;
    const matches = householdsFitting(households, unit, v);
    const who = [v.headName, v.houseNumber].filter(Boolean).join(' ');
    if (matches.length !== 1) {
      issues.add(
        r,
        v.headName ? '户主姓名' : '门牌号',
        who,
        matches.length
          ? `${unit.name}有${matches.length}户符合，请同时填写户主姓名和门牌号`
          : `在${unit.name}找不到该农户，请核对户主、门牌号`,
      );
      continue;
    }
    found.push({ r, v, h: matches[0] });
  }
  issues.throwIfAny();
  const writer = importWriter(tx, ctx, 'courtyards', 'household');
  const householdIds = found.length ? [...new Set(found.map((f) => f.h.id))] : [];
  const idList = sql.join(
    householdIds.length ? householdIds.map((id) => sql`${id}::uuid`) : [sql`null::uuid`],
    sql`, `,
  );
  const status = new Map(
    (
      await query(
        tx,
        sql`select household_id, rating, rated_on::text as rated_on, plaque_level, plaque_since::text as plaque_since
          from courtyard_household_status where household_id in (${idList})`,
      )
    ).map((r) => [
      r.household_id as string,
      {
        rating: (r.rating ?? null) as RatingLevel | null,
        ratedOn: (r.rated_on ?? null) as string | null,
        plaque: (r.plaque_level ?? null) as RatingLevel | null,
        plaqueSince: (r.plaque_since ?? null) as string | null,
      },
    ]),
  );
  const histories = new Map<string, HistoryEntry[]>(householdIds.map((id) => [id, []]));
  for (const c of await query(
    tx,
    sql`select id, household_id, effective_on::text as on, from_rating, to_rating from courtyard_rating_changes
      where household_id in (${idList}) order by household_id, effective_on, created_at, id`,
  )) {
    histories.get(c.household_id as string)?.push({
      id: c.id as string,
      on: c.on as string,
      from: (c.from_rating ?? null) as RatingLevel | null,
      to: (c.to_rating ?? null) as RatingLevel | null,
      isNew: false,
      isChanged: false,
    });
  }
  // Each household's rows by date: the merge's outcome does not depend on the sheet's order.
  const byHousehold = new Map<string, typeof found>();
  for (const f of found) byHousehold.set(f.h.id, [...(byHousehold.get(f.h.id) ?? []), f]);
  const ratingLabel = (r: RatingLevel | null) => (r ? ratingLabels[r].zh : '未达标');

  const changes: (typeof courtyardRatingChanges.$inferInsert)[] = [];
  const reasonOf = new Map<string, string>();
  const moved: HistoryEntry[] = [];
  const plaques: (typeof courtyardPlaqueEvents.$inferInsert)[] = [];
  const statuses: {
    h: HouseholdRef;
    rating: RatingLevel | null;
    ratedOn: string | null;
    plaque: RatingLevel | null;
    plaqueSince: string | null;
    isRating: boolean;
    isPlaque: boolean;
  }[] = [];
  const audits: AuditRowInput[] = [];
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  let n = 0;
  for (const [householdId, list] of byHousehold) {
    const h = list[0].h;
    const history = histories.get(householdId) as HistoryEntry[];
    const was = status.get(householdId) ?? { rating: null, ratedOn: null, plaque: null, plaqueSince: null };
    let hasRating = history.length > 0 || was.rating !== null || was.plaque !== null;
    let plaque = was.plaque;
    let plaqueSince = was.plaqueSince;
    const sorted = [...list].sort((a, b) => ((a.v.ratedOn as string) < (b.v.ratedOn as string) ? -1 : 1));
    for (const { r, v } of sorted) {
      const rating = v.rating === 'none' || !v.rating ? null : v.rating;
      const ratedOn = v.ratedOn as string;
      const reason = v.reason ?? '台账导入';
      const merged = mergeRating(history, ratedOn, rating);
      if (typeof merged === 'object') {
        issues.add(
          r,
          '评定日期',
          ratedOn,
          `该户${ratedOn}已记录评定为${ratingLabel(merged.conflict.to)}，与本行（${ratingLabel(rating)}）不一致；如需更正请在评定记录中修改`,
        );
        continue;
      }
      for (const e of history) if (e.isNew && !reasonOf.has(e.id)) reasonOf.set(e.id, reason);
      // A plaque row older than the plaque in force is history, not the current plaque.
      const wanted = v.plaque === undefined ? plaque : v.plaque === 'none' ? null : v.plaque;
      const isOlderPlaque = Boolean(plaqueSince && v.plaqueSince && v.plaqueSince < plaqueSince);
      const isPlaque = wanted !== plaque && !isOlderPlaque;
      if (wanted !== plaque && isOlderPlaque)
        opts.notes?.warn(
          r,
          '挂牌日期',
          v.plaqueSince as string,
          `该户自${plaqueSince}起${plaque ? `挂${ratingLabels[plaque].zh}牌` : '未挂牌'}，本行挂牌日期更早，未改变现有挂牌`,
        );
      if (isPlaque) {
        plaques.push({
          householdId: h.id,
          orgUnitId: h.orgUnitId,
          orgPath: h.orgPath,
          reason,
          createdBy: ctx.actor.userId,
          id: uuidv7(),
          kind: !plaque
            ? 'award'
            : !wanted
              ? 'removal'
              : ratingLevels.indexOf(wanted) > ratingLevels.indexOf(plaque)
                ? 'upgrade'
                : 'downgrade',
          fromLevel: plaque,
          toLevel: wanted,
          occurredOn: v.plaqueSince as string,
        });
        plaque = wanted;
        plaqueSince = v.plaqueSince as string;
      }
      if (merged === 'same' && !isPlaque) unchanged++;
      else if (hasRating) updated++;
      else created++;
      if (merged === 'changed' || isPlaque) hasRating = true;
      if (++n % 500 === 0) await onProgress(n);
    }
    // Entries changed in place get their new date and previous rating (the new ones are inserted as merged).
    for (const e of history) if (!e.isNew && e.isChanged) moved.push(e);
    for (const e of history) {
      if (!e.isNew) continue;
      changes.push({
        id: e.id,
        householdId: h.id,
        orgUnitId: h.orgUnitId,
        orgPath: h.orgPath,
        reason: reasonOf.get(e.id) ?? '台账导入',
        createdBy: ctx.actor.userId,
        month: monthOf(e.on),
        effectiveOn: e.on,
        fromRating: e.from,
        toRating: e.to,
      });
    }
    const last = history.at(-1);
    const rating = last ? last.to : was.rating;
    const ratedOn = last ? last.on : was.ratedOn;
    const isRating = rating !== was.rating || ratedOn !== was.ratedOn;
    const isPlaqueChange = plaque !== was.plaque || plaqueSince !== was.plaqueSince;
    if (!isRating && !isPlaqueChange && !history.some((e) => e.isNew || e.isChanged)) continue;
    statuses.push({ h, rating, ratedOn, plaque, plaqueSince, isRating, isPlaque: isPlaqueChange });
    audits.push(
      writer.audit(
        'update',
        { id: h.id, label: h.label, orgUnitId: h.orgUnitId, orgPath: h.orgPath },
        { rating: was.rating, ratedOn: was.ratedOn, plaqueLevel: was.plaque },
        {
          rating,
          ratedOn,
          plaqueLevel: plaque,
          history: history
            .filter((e) => e.isNew || e.isChanged)
            .map((e) => ({ on: e.on, from: e.from, to: e.to })),
          reason: sorted.map((f) => f.v.reason).find(Boolean) ?? '台账导入',
          source: 'import',
        },
      ),
    );
  }
  issues.throwIfAny();
  await bulkInsert(tx, courtyardRatingChanges, changes);
  if (moved.length) {
    const col = <T>(f: (x: HistoryEntry) => T) => sql.param(moved.map(f));
    await tx.execute(sql`
      update courtyard_rating_changes c set effective_on = u.effective_on, month = u.month, from_rating = u.from_rating
      from unnest(${col((e) => e.id)}::uuid[], ${col((e) => e.on)}::date[], ${col((e) => monthOf(e.on))}::text[],
        ${col((e) => e.from)}::text[]) as u(id, effective_on, month, from_rating)
      where c.id = u.id`);
  }
  await bulkInsert(tx, courtyardPlaqueEvents, plaques);
  if (statuses.length) {
    const col = <T>(f: (x: (typeof statuses)[number]) => T) => sql.param(statuses.map(f));
    // Existing status rows are updated (keeping the dates of what did not change), new ones inserted.
    await tx.execute(sql`
      with u as (
        select * from unnest(${col((x) => x.h.id)}::uuid[], ${col((x) => x.h.orgUnitId)}::uuid[],
          ${col((x) => x.h.orgPath)}::text[], ${col((x) => x.rating)}::text[], ${col((x) => x.ratedOn)}::date[],
          ${col((x) => x.plaque)}::text[], ${col((x) => x.plaqueSince)}::date[], ${col((x) => x.isRating)}::boolean[],
          ${col((x) => x.isPlaque)}::boolean[])
          as u(household_id, org_unit_id, org_path, rating, rated_on, plaque_level, plaque_since, is_rating, is_plaque)),
      updated as (
        update courtyard_household_status s set rating = u.rating,
          rated_on = case when u.is_rating then u.rated_on else s.rated_on end,
          plaque_level = u.plaque_level,
          plaque_since = case when u.is_plaque then u.plaque_since else s.plaque_since end, updated_at = now()
        from u where s.household_id = u.household_id returning s.household_id)
      insert into courtyard_household_status (household_id, org_unit_id, org_path, rating, rated_on, plaque_level, plaque_since)
      select u.household_id, u.org_unit_id, u.org_path, u.rating, u.rated_on, u.plaque_level, u.plaque_since
      from u where u.household_id not in (select household_id from updated)`);
  }
  await recordAuditRows(tx, audits);
  return { created, updated, unchanged };
};

export const courtyardRatingsIo: LedgerIo = {
  ledger: 'courtyardRatings',
  auditModule: 'courtyards',
  title: '美丽庭院农户评定台账',
  routeBase: '/api/v1/courtyards/households',
  permissions: { import: 'courtyards.manage', export: 'courtyards.export' },
  columns: ratingImportColumns,
  checkRow: checkRatingRow,
  // One household may have several rows (its history), one a date.
  naturalKey: (v) => {
    const r = v as RatingRow;
    return `${r.orgUnit ?? ''}|${r.headName ?? ''}|${houseKey(r.houseNumber)}|${r.ratedOn ?? ''}`;
  },
  commit: commitRatings,
  exportQuerySchema: exportRatingsQuerySchema,
  exportColumns: () => ratingColumns as ExportColumn<never>[],
  exportRows: async (ctx: ServiceContext, q) => {
    const query = q as ExportRatingsQuery;
    const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'courtyards.export', query.orgUnitId);
    return pagedBatches(200, (paging) =>
      courtyardHouseholdRows(ctx.db, scopePath, { ...query, ...paging }),
    ) as AsyncIterable<never[]>;
  },
};
