import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type AuditEntry,
  auditActionLabels,
  auditListSchema,
  auditModuleLabels,
  listAuditQuerySchema,
  recordHistoryQuerySchema,
  recordHistorySchema,
} from '../../../contracts/audit';
import { ctxOf } from '../../kernel/http/context';
import { type ExportColumn, streamXlsx } from '../../kernel/io/xlsx-export';
import { shanghaiToday } from '../../kernel/time/calendar';
import { exportAudit, listAudit } from './audit.service';
import { recordHistory } from './record-history';

const tags = ['audit'];
const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
const shanghaiTime = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

const columns: ExportColumn<AuditEntry>[] = [
  { header: '时间', width: 20, value: (r) => shanghaiTime(r.at) },
  { header: '操作人', value: (r) => r.actorName },
  { header: 'IP地址', value: (r) => r.ip },
  {
    header: '模块',
    value: (r) => auditModuleLabels[r.module as keyof typeof auditModuleLabels]?.zh ?? r.module,
  },
  { header: '操作', value: (r) => auditActionLabels[r.action]?.zh ?? r.action },
  { header: '对象', width: 24, value: (r) => r.entityLabel },
  { header: '对象编号', width: 38, value: (r) => r.entityId },
  { header: '修改前', width: 50, value: (r) => json(r.before) },
  { header: '修改后', width: 50, value: (r) => json(r.after) },
];

export const auditRoutes = async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/v1/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags,
        summary: '操作日志',
        querystring: listAuditQuerySchema,
        response: { 200: auditListSchema },
      },
    },
    (req) => listAudit(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/history',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: '某条记录的变更记录',
        querystring: recordHistoryQuerySchema,
        response: { 200: recordHistorySchema },
      },
    },
    (req) => recordHistory(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/audit/export',
    {
      config: { access: 'audit.export' },
      schema: { tags, summary: '导出操作日志（.xlsx）', querystring: listAuditQuerySchema },
    },
    async (req, reply) => {
      const rows = await exportAudit(ctxOf(req), req.query);
      const day = shanghaiToday();
      return streamXlsx(reply, { filename: `操作日志-${day}.xlsx`, sheetName: '操作日志', columns, rows });
    },
  );
};
