import type { FastifyReply } from 'fastify';
import { recordAudit } from '../../kernel/audit/audit';
import { contentDisposition } from '../../kernel/io/xlsx-export';
import type { ServiceContext } from '../../kernel/service-context';

export const tags = ['reports'];

/** A report or summary leaving the system as a file is audited (who took what, which version). */
export const auditExport = (
  ctx: ServiceContext,
  entityType: string,
  entityId: string,
  label: string,
  after: unknown,
) =>
  ctx.db.transaction((tx) =>
    recordAudit(tx, ctx.actor, {
      module: 'reports',
      action: 'export',
      entityType,
      entityId,
      entityLabel: label,
      orgUnitId: ctx.actor.orgUnitId,
      orgPath: ctx.actor.orgPath,
      after,
    }),
  );

/** A generated file, never cached. */
export const sendFile = (reply: FastifyReply, file: Buffer, type: string, filename: string) =>
  reply
    .header('content-type', type)
    .header('content-disposition', contentDisposition(filename))
    .header('cache-control', 'no-store')
    .send(file);
