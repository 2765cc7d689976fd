import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  beneficiaryListSchema,
  beneficiarySchema,
  createBeneficiaryInputSchema,
  createDisbursementInputSchema,
  createDonationInputSchema,
  createDriveInputSchema,
  type Disbursement,
  disbursementListSchema,
  disbursementSchema,
  disbursementStatusLabels,
  disbursementStepInputSchema,
  donationListSchema,
  donationSchema,
  driveListSchema,
  driveSchema,
  exportDisbursementsQuerySchema,
  formatYuan,
  listBeneficiariesQuerySchema,
  listDisbursementsQuerySchema,
  listDonationsQuerySchema,
  listDrivesQuerySchema,
  paymentMethodLabels,
  publicitySchema,
  receiptSchema,
  reconciliationSchema,
  updateBeneficiaryInputSchema,
  updateDisbursementInputSchema,
  updateDonationInputSchema,
  updateDriveInputSchema,
} from '../../../contracts/donations';
import { ctxOf } from '../../kernel/http/context';
import { type ExportColumn, streamXlsx } from '../../kernel/io/xlsx-export';
import { recordRoutes } from '../../kernel/ledger/record-routes';
import {
  auditReconciliationExport,
  beneficiaryRecord,
  createBeneficiary,
  createDisbursement,
  createDonation,
  createDrive,
  deleteBeneficiary,
  deleteDisbursement,
  deleteDonation,
  deleteDrive,
  disbursementExportRows,
  disbursementRecord,
  donationRecord,
  driveRecord,
  getBeneficiary,
  getDisbursement,
  getDonation,
  getDrive,
  getPublicity,
  getReceipt,
  getReconciliation,
  listBeneficiaries,
  listDisbursements,
  listDonations,
  listDrives,
  restoreBeneficiary,
  restoreDisbursement,
  restoreDonation,
  restoreDrive,
  stepDisbursement,
  updateBeneficiary,
  updateDisbursement,
  updateDonation,
  updateDrive,
} from './donations.service';

const tags = ['donations'];
const base = '/api/v1/donations';

const drivesRoutes = recordRoutes({
  base: `${base}/drives`,
  idParam: 'driveId',
  tags,
  permissions: driveRecord.permissions,
  schemas: {
    record: driveSchema,
    list: driveListSchema,
    listQuery: listDrivesQuerySchema,
    create: createDriveInputSchema,
    update: updateDriveInputSchema,
  },
  summaries: { list: '募捐活动（本单位及上级下发的）', create: '新建募捐活动' },
  list: listDrives,
  get: getDrive,
  create: createDrive,
  update: updateDrive,
  remove: deleteDrive,
  restore: restoreDrive,
});

const donationsRoutes = recordRoutes({
  base: `${base}/donations`,
  idParam: 'donationId',
  tags,
  permissions: donationRecord.permissions,
  schemas: {
    record: donationSchema,
    list: donationListSchema,
    listQuery: listDonationsQuerySchema,
    create: createDonationInputSchema,
    update: updateDonationInputSchema,
  },
  summaries: { list: '捐赠台账', create: '登记捐赠（资金或物资，金额以分为单位）' },
  list: listDonations,
  get: getDonation,
  create: createDonation,
  replays: ({ donation, isReplay }: Awaited<ReturnType<typeof createDonation>>) => ({
    record: donation,
    isReplay,
  }),
  update: updateDonation,
  remove: deleteDonation,
  restore: restoreDonation,
});

const beneficiariesRoutes = recordRoutes({
  base: `${base}/beneficiaries`,
  idParam: 'beneficiaryId',
  tags,
  permissions: beneficiaryRecord.permissions,
  schemas: {
    record: beneficiarySchema,
    list: beneficiaryListSchema,
    listQuery: listBeneficiariesQuerySchema,
    create: createBeneficiaryInputSchema,
    update: updateBeneficiaryInputSchema,
  },
  summaries: { list: '受助对象（未成年人姓名脱敏）', create: '登记受助对象' },
  list: listBeneficiaries,
  get: getBeneficiary,
  create: createBeneficiary,
  update: updateBeneficiary,
  remove: deleteBeneficiary,
  restore: restoreBeneficiary,
});

const disbursementsRoutes = recordRoutes({
  base: `${base}/disbursements`,
  idParam: 'disbursementId',
  tags,
  permissions: disbursementRecord.permissions,
  schemas: {
    record: disbursementSchema,
    list: disbursementListSchema,
    listQuery: listDisbursementsQuerySchema,
    create: createDisbursementInputSchema,
    update: updateDisbursementInputSchema,
  },
  summaries: {
    list: '发放台账',
    create: '村申报发放（从余额中占用；可带客户端编号，重试不重复）',
  },
  list: listDisbursements,
  get: getDisbursement,
  create: createDisbursement,
  replays: ({ disbursement, isReplay }: Awaited<ReturnType<typeof createDisbursement>>) => ({
    record: disbursement,
    isReplay,
  }),
  update: updateDisbursement,
  remove: deleteDisbursement,
  restore: restoreDisbursement,
});

const driveParams = z.object({ driveId: z.uuid() }).strict();

export const donationsRoutesPlugin = async (fastify: FastifyInstance) => {
  await drivesRoutes(fastify);
  await donationsRoutes(fastify);
  await beneficiariesRoutes(fastify);
  await disbursementsRoutes(fastify);
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    `${base}/donations/:donationId/receipt`,
    {
      config: { access: 'donations.read' },
      schema: {
        tags,
        summary: '捐赠收据（金额大写）',
        params: z.object({ donationId: z.uuid() }).strict(),
        response: { 200: receiptSchema },
      },
    },
    (req) => getReceipt(ctxOf(req), req.params.donationId),
  );
  app.post(
    `${base}/disbursements/:disbursementId/steps`,
    {
      config: { access: 'donations.approve' },
      schema: {
        tags,
        summary: '发放审批：镇审核、负责单位审批、发放或退回（按顺序）',
        params: z.object({ disbursementId: z.uuid() }).strict(),
        body: disbursementStepInputSchema,
        response: { 200: disbursementSchema },
      },
    },
    (req) => stepDisbursement(ctxOf(req), req.params.disbursementId, req.body),
  );
  app.get(
    `${base}/drives/:driveId/reconciliation`,
    {
      config: { access: 'donations.read' },
      schema: {
        tags,
        summary: '募捐活动收支对账（按月）',
        params: driveParams,
        response: { 200: reconciliationSchema },
      },
    },
    (req) => getReconciliation(ctxOf(req), req.params.driveId),
  );
  app.get(
    `${base}/disbursements/export`,
    {
      config: { access: 'donations.export' },
      schema: {
        tags,
        summary: '发放台账导出（Excel，受助人姓名脱敏，金额单位：元）',
        querystring: exportDisbursementsQuerySchema,
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const rows = await disbursementExportRows(ctx, req.query);
      const yuan = (fen: number) => formatYuan(fen).replaceAll(',', '');
      const columns: ExportColumn<Disbursement>[] = [
        { header: '募捐活动', width: 20, value: (d) => d.driveName },
        { header: '所属村（社区）', width: 14, value: (d) => d.orgUnitName },
        { header: '受助对象', width: 10, value: (d) => d.beneficiaryName },
        { header: '金额（元）', width: 12, value: (d) => yuan(d.amountFen) },
        { header: '用途', width: 18, value: (d) => d.purpose },
        { header: '申报日期', width: 12, value: (d) => d.submittedOn },
        { header: '状态', width: 18, value: (d) => disbursementStatusLabels[d.status].zh },
        { header: '发放日期', width: 12, value: (d) => d.paidOn },
        {
          header: '发放方式',
          width: 10,
          value: (d) => (d.paidMethod ? paymentMethodLabels[d.paidMethod].zh : null),
        },
        { header: '经办人', width: 10, value: (d) => d.payer },
      ];
      return streamXlsx(reply, { filename: '善款发放台账.xlsx', sheetName: '善款发放台账', columns, rows });
    },
  );
  app.get(
    `${base}/drives/:driveId/reconciliation/export`,
    {
      config: { access: 'donations.export' },
      schema: { tags, summary: '募捐活动收支对账导出（Excel，金额单位：元）', params: driveParams },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const r = await getReconciliation(ctx, req.params.driveId);
      await auditReconciliationExport(ctx, r);
      type Line = {
        month: string;
        received: string;
        n: number | string;
        paid: string;
        m: number | string;
        cash: string;
      };
      const yuan = (fen: number) => formatYuan(fen).replaceAll(',', '');
      const lines: Line[] = [
        ...r.months.map((m) => ({
          month: m.month,
          received: yuan(m.receivedFen),
          n: m.donationCount,
          paid: yuan(m.paidFen),
          m: m.paidCount,
          cash: yuan(m.cashFen),
        })),
        {
          month: '合计',
          received: yuan(r.receivedFen),
          n: '',
          paid: yuan(r.paidFen),
          m: '',
          cash: yuan(r.receivedFen - r.paidFen),
        },
        { month: '审批中（已占用）', received: '', n: '', paid: yuan(r.pendingFen), m: '', cash: '' },
        { month: '可用余额', received: '', n: '', paid: '', m: '', cash: yuan(r.computedBalanceFen) },
      ];
      const columns: ExportColumn<Line>[] = [
        { header: '月份', width: 16, value: (l) => l.month },
        { header: '收入（元）', width: 14, value: (l) => l.received },
        { header: '捐赠笔数', width: 10, value: (l) => l.n },
        { header: '发放（元）', width: 14, value: (l) => l.paid },
        { header: '发放笔数', width: 10, value: (l) => l.m },
        { header: '结存（元）', width: 14, value: (l) => l.cash },
      ];
      async function* rows() {
        yield lines;
      }
      return streamXlsx(reply, {
        filename: `${r.driveName}收支对账.xlsx`,
        sheetName: '收支对账',
        title: `${r.orgUnitName}“${r.driveName}”收支对账${r.isBalanced ? '' : '（对账不平，请核查）'}`,
        columns,
        rows: rows(),
      });
    },
  );
  app.get(
    `${base}/drives/:driveId/publicity`,
    {
      config: { access: 'donations.read' },
      schema: {
        tags,
        summary: '公示：捐赠（按捐赠人意愿署名）与发放（受助人姓名脱敏）',
        params: driveParams,
        response: { 200: publicitySchema },
      },
    },
    (req) => getPublicity(ctxOf(req), req.params.driveId),
  );
};
