import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type Donation,
  donationKindLabels,
  donorKindLabels,
  formatYuan,
  listDonationsQuerySchema,
  parseYuan,
  paymentMethodLabels,
} from '../../../contracts/donations';
import { requirePermission, resolveScopePath, scoped } from '../../kernel/access/access';
import { uuidv7 } from '../../kernel/db/ids';
import { type CellValue, cellText, parseDateCell, parseEnumCell, parseTextCell } from '../../kernel/io/cells';
import { ImportPlan, importWriter, RowIssues } from '../../kernel/io/import-commit';
import { type LedgerIo, rowCheck } from '../../kernel/io/ledger-io';
import type { ExportColumn } from '../../kernel/io/xlsx-export';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import { donationBatches } from './donations.repository';
import { donations, fundraisingDrives } from './donations.table';

const exportDonationsQuerySchema = listDonationsQuerySchema
  .omit({ page: true, pageSize: true, sort: true })
  .strict();
type ExportDonationsQuery = z.infer<typeof exportDonationsQuerySchema>;

/** An amount in yuan as a sheet writes it (1000, 1,000.50, ￥200元): fen, never a float's rounding. */
const parseYuanCell = (v: CellValue) => {
  const s = cellText(v);
  if (s === undefined) return { value: undefined };
  const parsed = parseYuan(typeof v === 'number' ? String(v) : s);
  return 'error' in parsed ? { error: parsed.error } : { value: parsed.fen };
};

type Row = {
  drive: string;
  receivedOn: string;
  donorName: string;
  donorKind?: 'person' | 'organisation';
  isAnonymous?: boolean;
  kind?: 'money' | 'inKind';
  amountFen?: number;
  method?: keyof typeof paymentMethodLabels;
  receiptNo?: string;
  items?: string;
  note?: string;
};

const columns: LedgerIo['columns'] = [
  {
    key: 'drive',
    header: '募捐活动',
    aliases: ['活动名称', '募捐项目'],
    hint: '须已在系统中建立，填写活动名称',
    isRequired: true,
    width: 20,
    parse: (v) => parseTextCell(v, 80),
  },
  {
    key: 'receivedOn',
    header: '捐赠日期',
    aliases: ['日期', '收款日期'],
    hint: '如 2026-03-08',
    isRequired: true,
    width: 12,
    parse: parseDateCell,
  },
  {
    key: 'donorName',
    header: '捐赠人/单位',
    aliases: ['捐赠人', '捐赠单位', '姓名'],
    hint: '个人姓名或单位全称',
    isRequired: true,
    width: 18,
    parse: (v) => parseTextCell(v, 60),
  },
  {
    key: 'donorKind',
    header: '捐赠人类别',
    aliases: ['类别'],
    hint: '个人 或 单位，不填为个人',
    width: 10,
    options: ['个人', '单位'],
    parse: (v) => parseEnumCell(v, donorKindLabels),
  },
  {
    key: 'isAnonymous',
    header: '是否匿名',
    aliases: ['匿名'],
    hint: '是/否，匿名者公示为“爱心人士”',
    width: 8,
    options: ['是', '否'],
    parse: (v) => {
      const s = cellText(v);
      if (s === undefined) return { value: undefined };
      if (['是', '匿名', 'Y', 'y'].includes(s)) return { value: true };
      if (['否', 'N', 'n'].includes(s)) return { value: false };
      return { error: '请填写“是”或“否”' };
    },
  },
  {
    key: 'kind',
    header: '捐赠类型',
    aliases: ['类型'],
    hint: '资金 或 物资，不填为资金',
    width: 8,
    options: ['资金', '物资'],
    parse: (v) => parseEnumCell(v, donationKindLabels),
  },
  {
    key: 'amountFen',
    header: '金额/估值（元）',
    aliases: ['金额', '捐款金额', '金额（元）', '估值'],
    hint: '单位：元，最多两位小数',
    isRequired: true,
    width: 12,
    parse: parseYuanCell,
  },
  {
    key: 'method',
    header: '收款方式',
    aliases: ['方式'],
    hint: '现金/银行转账/微信/支付宝/其他',
    width: 10,
    options: Object.values(paymentMethodLabels).map((l) => l.zh),
    parse: (v) => parseEnumCell(v, paymentMethodLabels),
  },
  {
    key: 'receiptNo',
    header: '收据编号',
    aliases: ['收据号', '票据号'],
    hint: '同一活动内不能重复',
    width: 14,
    parse: (v) => parseTextCell(v, 40),
  },
  {
    key: 'items',
    header: '物资明细',
    aliases: ['物资'],
    hint: '物资捐赠必填，如：书包50个',
    width: 20,
    parse: (v) => parseTextCell(v, 500),
  },
  { key: 'note', header: '备注', hint: '选填', width: 16, parse: (v) => parseTextCell(v, 500) },
];

const checkRow = rowCheck<Row>((r, problem) => {
  if (r.receivedOn > shanghaiToday()) problem('receivedOn', '捐赠日期不能晚于今天');
  if ((r.kind ?? 'money') === 'money' && !r.method) problem('method', '资金捐赠请填写收款方式');
  if (r.kind === 'inKind' && !r.items) problem('items', '物资捐赠请填写物资明细');
  if (r.receiptNo && !/^[0-9A-Za-z\-_/]+$/.test(r.receiptNo))
    problem('receiptNo', '收据编号只能包含字母、数字和 - _ /');
});

const naturalKey = (v: Record<string, unknown>) => {
  const r = v as Row;
  return r.receiptNo ? `${r.drive}|${r.receiptNo}` : undefined;
};

/**
 * A donation sheet: each row to a drive she owns (by name), inside its period; a receipt number
 * already saved in that drive is the same donation (left alone). The drives' totals and balances
 * move by what was inserted, in the same transaction.
 */
const commit: LedgerIo['commit'] = async (tx, ctx, rows, _opts, onProgress) => {
  requirePermission(ctx.actor, 'donations.import');
  const issues = new RowIssues();
  const values = rows.map((r) => r.values as Row);
  const names = [...new Set(values.map((v) => v.drive))];
  const drives = await tx
    .select()
    .from(fundraisingDrives)
    .where(
      and(
        inArray(fundraisingDrives.name, names),
        isNull(fundraisingDrives.deletedAt),
        scoped(fundraisingDrives.orgPath, ctx.actor.orgPath),
      ),
    )
    .for('update');
  const byName = new Map<string, (typeof drives)[number][]>();
  for (const d of drives) byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
  const existing = drives.length
    ? await tx
        .select()
        .from(donations)
        .where(
          and(
            inArray(
              donations.driveId,
              drives.map((d) => d.id),
            ),
            isNull(donations.deletedAt),
          ),
        )
    : [];
  const saved = new Map(existing.map((d) => [`${d.driveId}|${d.receiptNo}`, d]));
  const plan = new ImportPlan<typeof donations.$inferSelect, typeof donations.$inferInsert>();
  for (const r of rows) {
    const v = r.values as Row;
    const found = byName.get(v.drive) ?? [];
    if (found.length !== 1) {
      issues.add(
        r,
        '募捐活动',
        v.drive,
        found.length ? '有多个同名募捐活动，请在系统中逐条登记' : '找不到该募捐活动，请先在系统中建立',
      );
      continue;
    }
    const drive = found[0];
    if (v.receivedOn < drive.startsOn || v.receivedOn > drive.endsOn) {
      issues.add(r, '捐赠日期', v.receivedOn, `须在募捐活动期间（${drive.startsOn}至${drive.endsOn}）内`);
      continue;
    }
    const id = uuidv7();
    const receiptNo = v.receiptNo ?? `${v.receivedOn.replaceAll('-', '')}-${id.slice(-6).toUpperCase()}`;
    const before = saved.get(`${drive.id}|${receiptNo}`);
    if (before) {
      plan.compare(before, { note: v.note });
      continue;
    }
    const isMoney = (v.kind ?? 'money') === 'money';
    plan.create({
      id,
      driveId: drive.id,
      orgUnitId: drive.orgUnitId,
      orgPath: drive.orgPath,
      donorName: v.donorName,
      donorKind: v.donorKind ?? 'person',
      isAnonymous: v.isAnonymous ?? false,
      kind: isMoney ? 'money' : 'inKind',
      amountFen: isMoney ? (v.amountFen as number) : null,
      method: isMoney ? (v.method ?? null) : null,
      receivedOn: v.receivedOn,
      receiptNo,
      items: v.items ?? null,
      estimatedValueFen: isMoney ? null : (v.amountFen as number),
      note: v.note ?? null,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
  }
  issues.throwIfAny();
  const writer = importWriter(tx, ctx, 'donations', 'donation');
  await writer.insert(
    donations,
    plan.inserts,
    (d) => ({
      label: `${d.receiptNo} ${d.donorName}`,
      after: {
        driveId: d.driveId,
        amountFen: d.amountFen,
        estimatedValueFen: d.estimatedValueFen,
        receivedOn: d.receivedOn,
      },
    }),
    onProgress,
  );
  await writer.update(donations, plan.updates, (d) => `${d.receiptNo} ${d.donorName}`);
  const totals = new Map<string, { money: number; inKind: number }>();
  for (const d of plan.inserts) {
    const t = totals.get(d.driveId) ?? { money: 0, inKind: 0 };
    t.money += d.amountFen ?? 0;
    t.inKind += d.estimatedValueFen ?? 0;
    totals.set(d.driveId, t);
  }
  for (const [driveId, t] of totals) {
    await tx
      .update(fundraisingDrives)
      .set({
        raisedFen: sql`${fundraisingDrives.raisedFen} + ${t.money}`,
        balanceFen: sql`${fundraisingDrives.balanceFen} + ${t.money}`,
        inKindFen: sql`${fundraisingDrives.inKindFen} + ${t.inKind}`,
      })
      .where(eq(fundraisingDrives.id, driveId));
  }
  return plan.counts;
};

const yuanOf = (fen: number | null) => (fen === null ? null : formatYuan(fen).replaceAll(',', ''));

const donationColumns: ExportColumn<Donation>[] = [
  { header: '募捐活动', width: 20, value: (d) => d.driveName },
  { header: '捐赠日期', width: 12, value: (d) => d.receivedOn },
  { header: '捐赠人/单位', width: 18, value: (d) => d.donorName },
  { header: '捐赠人类别', width: 10, value: (d) => donorKindLabels[d.donorKind].zh },
  { header: '是否匿名', width: 8, value: (d) => (d.isAnonymous ? '是' : '否') },
  { header: '捐赠类型', width: 8, value: (d) => donationKindLabels[d.kind].zh },
  { header: '金额/估值（元）', width: 12, value: (d) => yuanOf(d.amountFen ?? d.estimatedValueFen) },
  { header: '收款方式', width: 10, value: (d) => (d.method ? paymentMethodLabels[d.method].zh : null) },
  { header: '收据编号', width: 14, value: (d) => d.receiptNo },
  { header: '物资明细', width: 20, value: (d) => d.items },
  { header: '备注', width: 16, value: (d) => d.note },
];

export const donationsLedgerIo: LedgerIo = {
  ledger: 'donations',
  auditModule: 'donations',
  title: '捐赠台账',
  routeBase: '/api/v1/donations/donations',
  permissions: { import: 'donations.import', export: 'donations.export' },
  columns,
  checkRow,
  naturalKey,
  commit,
  exportQuerySchema: exportDonationsQuerySchema,
  exportColumns: () => donationColumns as ExportColumn<never>[],
  exportRows: async (ctx: ServiceContext, query) => {
    const q = query as ExportDonationsQuery;
    const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'donations.export', q.orgUnitId);
    return donationBatches(ctx.db, scopePath, q) as AsyncIterable<never[]>;
  },
};

export const donationsIo: LedgerIo[] = [donationsLedgerIo];
