import { and, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import {
  type CaseOutcome,
  type CaseSource,
  caseOutcomeLabels,
  caseSourceLabels,
  type DisputeType,
  disputeTypeLabels,
  listCasesQuerySchema,
  type MediationCase,
} from '../../../contracts/care';
import { requirePermission, resolveScopePath } from '../../kernel/access/access';
import { uuidv7 } from '../../kernel/db/ids';
import { type CellValue, cellText, parseDateCell, parseEnumCell, parseTextCell } from '../../kernel/io/cells';
import { ImportPlan, importWriter, RowIssues } from '../../kernel/io/import-commit';
import { type LedgerIo, rowCheck } from '../../kernel/io/ledger-io';
import { rowUnits, unitColumn } from '../../kernel/io/unit-names';
import type { ExportColumn } from '../../kernel/io/xlsx-export';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import { caseBatches } from './care.repository';
import { mediationCases } from './care.table';

const exportCasesQuerySchema = listCasesQuerySchema
  .pick({ orgUnitId: true, disputeType: true, caseStatus: true })
  .extend({ orgUnitId: z.uuid().optional() })
  .strict();
type ExportCasesQuery = z.infer<typeof exportCasesQuerySchema>;

type Row = {
  receivedOn: string;
  orgUnit?: string;
  source: CaseSource;
  ticketNo?: string;
  replyDueOn?: string;
  disputeType: DisputeType;
  parties: string[];
  summary?: string;
  outcome?: CaseOutcome;
  closedOn?: string;
  referralNote?: string;
};

const parseNames = (v: CellValue) => {
  const s = cellText(v);
  if (s === undefined) return { value: undefined };
  const names = s
    .split(/[、，,；;]/)
    .map((x) => x.trim())
    .filter(Boolean);
  if (names.length === 0) return { value: undefined };
  if (names.length > 10 || names.some((n) => n.length > 40))
    return { error: '当事人最多10人，多人用顿号分隔' };
  return { value: names };
};

const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

const unitCol = unitColumn('所属村（社区）', ['村（社区）', '组织单位', '所属组织'], 14);

const columns: LedgerIo['columns'] = [
  {
    key: 'receivedOn',
    header: '受理日期',
    aliases: ['日期'],
    hint: '如 2026-03-08',
    isRequired: true,
    width: 12,
    parse: parseDateCell,
  },
  unitCol,
  {
    key: 'source',
    header: '来源',
    aliases: ['案件来源'],
    hint: Object.values(caseSourceLabels)
      .map((l) => l.zh)
      .join('、'),
    isRequired: true,
    width: 14,
    options: Object.values(caseSourceLabels).map((l) => l.zh),
    parse: (v) => parseEnumCell(v, caseSourceLabels),
  },
  {
    key: 'ticketNo',
    header: '工单编号',
    aliases: ['12345工单编号'],
    hint: '12345工单必填',
    width: 16,
    parse: (v) => parseTextCell(v, 40),
  },
  {
    key: 'replyDueOn',
    header: '答复期限',
    aliases: [],
    hint: '12345工单必填',
    width: 12,
    parse: parseDateCell,
  },
  {
    key: 'disputeType',
    header: '纠纷类型',
    aliases: ['类型', '案件类别'],
    hint: Object.values(disputeTypeLabels)
      .map((l) => l.zh)
      .join('、'),
    isRequired: true,
    width: 10,
    options: Object.values(disputeTypeLabels).map((l) => l.zh),
    parse: (v) => parseEnumCell(v, disputeTypeLabels),
  },
  {
    key: 'parties',
    header: '当事人',
    aliases: ['双方当事人'],
    hint: '多人用顿号分隔，第一位为申请人',
    isRequired: true,
    width: 20,
    parse: parseNames,
  },
  {
    key: 'summary',
    header: '简要案情',
    aliases: ['基本案情'],
    hint: '选填',
    width: 28,
    parse: (v) => parseTextCell(v, 2000),
  },
  {
    key: 'outcome',
    header: '调解结果',
    aliases: ['结果'],
    hint: '未结案不填',
    width: 16,
    options: Object.values(caseOutcomeLabels).map((l) => l.zh),
    parse: (v) => {
      const s = cellText(v);
      if (s === '达成协议' || s === '调解成功') return { value: 'agreement' as const };
      if (s === '未达成协议' || s === '调解不成') return { value: 'noAgreement' as const };
      return parseEnumCell(v, caseOutcomeLabels);
    },
  },
  {
    key: 'closedOn',
    header: '结案日期',
    aliases: [],
    hint: '有调解结果时必填',
    width: 12,
    parse: parseDateCell,
  },
  {
    key: 'referralNote',
    header: '引导途径',
    aliases: ['其他途径'],
    hint: '未达成协议时必填',
    width: 20,
    parse: (v) => parseTextCell(v, 1000),
  },
];

const checkRow = rowCheck<Row>((r, problem) => {
  const today = shanghaiToday();
  if (r.receivedOn > today) problem('receivedOn', '受理日期不能晚于今天');
  if (r.source === 'hotline' && !r.ticketNo) problem('ticketNo', '12345工单须填写工单编号');
  if (r.source === 'hotline' && !r.replyDueOn) problem('replyDueOn', '12345工单须填写答复期限');
  if (r.outcome && !r.closedOn) problem('closedOn', '有调解结果时请填写结案日期');
  if (r.closedOn && !r.outcome) problem('outcome', '填写结案日期时请选择调解结果');
  if (r.closedOn && (r.closedOn < r.receivedOn || r.closedOn > today))
    problem('closedOn', '结案日期须在受理日期和今天之间');
  if (r.outcome === 'noAgreement' && !r.referralNote)
    problem('referralNote', '未达成协议时请说明引导的其他途径');
});

const naturalKey = (v: Record<string, unknown>) => {
  const r = v as Row;
  return `${r.receivedOn}|${r.orgUnit ?? ''}|${r.parties.join('、')}`;
};

const keyOf = (unitId: string, on: string, parties: string[]) => `${unitId}|${on}|${parties.join('、')}`;

/**
 * A mediation ledger kept in Excel: one case a row; a case already saved (same village, date and
 * parties) is updated with what the sheet says; all rows or none. Sessions are entered in the system.
 */
const commit: LedgerIo['commit'] = async (tx, ctx, rows, opts, onProgress) => {
  requirePermission(ctx.actor, 'care.write');
  const issues = new RowIssues();
  const units = await rowUnits(tx, ctx.actor, opts, issues, unitCol);
  const resolved = rows.flatMap((r) => {
    const unit = units.check(r);
    return unit ? [{ v: r.values as Row, unit }] : [];
  });
  issues.throwIfAny();
  const unitIds = [...new Set(resolved.map((x) => x.unit.id))];
  const existing = unitIds.length
    ? await tx
        .select()
        .from(mediationCases)
        .where(and(inArray(mediationCases.orgUnitId, unitIds), isNull(mediationCases.deletedAt)))
    : [];
  const byKey = new Map(
    existing.map((c) => [
      keyOf(
        c.orgUnitId,
        c.receivedOn,
        c.parties.map((p) => p.name),
      ),
      c,
    ]),
  );
  const plan = new ImportPlan<typeof mediationCases.$inferSelect, typeof mediationCases.$inferInsert>();
  for (const { v, unit } of resolved) {
    const closing = v.outcome
      ? {
          status: 'closed',
          outcome: v.outcome,
          closedOn: v.closedOn,
          referralNote: v.referralNote,
          followUpDueOn: v.outcome === 'agreement' && v.closedOn ? addDays(v.closedOn, 30) : undefined,
        }
      : {};
    const found = byKey.get(keyOf(unit.id, v.receivedOn, v.parties));
    if (found) {
      plan.compare(found, {
        source: v.source,
        ticketNo: v.ticketNo,
        replyDueOn: v.replyDueOn,
        disputeType: v.disputeType,
        summary: v.summary,
        ...closing,
      });
      continue;
    }
    plan.create({
      id: uuidv7(),
      orgUnitId: unit.id,
      orgPath: unit.path,
      source: v.source,
      ticketNo: v.ticketNo ?? null,
      replyDueOn: v.replyDueOn ?? null,
      disputeType: v.disputeType,
      parties: v.parties.map((name, n) => ({ name, role: n === 0 ? 'applicant' : 'respondent' })),
      summary: v.summary ?? null,
      assignedUserId: ctx.actor.userId,
      receivedOn: v.receivedOn,
      dueOn: addDays(v.receivedOn, 30),
      status: v.outcome ? 'closed' : 'open',
      outcome: v.outcome ?? null,
      closedOn: v.closedOn ?? null,
      referralNote: v.referralNote ?? null,
      followUpDueOn: v.outcome === 'agreement' && v.closedOn ? addDays(v.closedOn, 30) : null,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
  }
  const label = (c: { receivedOn?: string | null; disputeType?: string | null }) =>
    `${c.receivedOn} ${disputeTypeLabels[c.disputeType as DisputeType]?.zh ?? ''}纠纷`;
  const writer = importWriter(tx, ctx, 'care', 'mediationCase');
  await writer.insert(
    mediationCases,
    plan.inserts,
    (c) => ({
      label: label(c),
      after: { receivedOn: c.receivedOn, disputeType: c.disputeType, status: c.status },
    }),
    onProgress,
  );
  await writer.update(mediationCases, plan.updates, label);
  return plan.counts;
};

const exportColumns: ExportColumn<MediationCase>[] = [
  { header: '受理日期', width: 12, value: (c) => c.receivedOn },
  { header: '所属村（社区）', width: 14, value: (c) => c.orgUnitName },
  { header: '来源', width: 14, value: (c) => caseSourceLabels[c.source].zh },
  { header: '工单编号', width: 16, value: (c) => c.ticketNo },
  { header: '答复期限', width: 12, value: (c) => c.replyDueOn },
  { header: '纠纷类型', width: 10, value: (c) => disputeTypeLabels[c.disputeType].zh },
  { header: '当事人', width: 20, value: (c) => c.parties.map((p) => p.name).join('、') },
  { header: '简要案情', width: 28, value: (c) => c.summary },
  { header: '调解结果', width: 16, value: (c) => (c.outcome ? caseOutcomeLabels[c.outcome].zh : null) },
  { header: '结案日期', width: 12, value: (c) => c.closedOn },
  { header: '引导途径', width: 20, value: (c) => c.referralNote },
];

/** 婚姻家庭纠纷调解台账: import with care.write, export (parties in full) only with care.export. */
export const casesIo: LedgerIo = {
  ledger: 'care-cases',
  auditModule: 'care',
  title: '婚姻家庭纠纷调解台账',
  routeBase: '/api/v1/care/cases',
  permissions: { import: 'care.write', export: 'care.export' },
  columns,
  checkRow,
  naturalKey,
  commit,
  exportQuerySchema: exportCasesQuerySchema,
  exportColumns: () => exportColumns as ExportColumn<never>[],
  exportRows: async (ctx: ServiceContext, query) => {
    const q = query as ExportCasesQuery;
    const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'care.export', q.orgUnitId);
    return caseBatches(ctx.db, scopePath, q) as AsyncIterable<never[]>;
  },
};
