import type { ListAuditQuery } from '../../../contracts/audit';
import { resolveScopePath } from '../../kernel/access/access';
import { recordAudit } from '../../kernel/audit/audit';
import { maskFilters } from '../../kernel/privacy/pii-mask';
import type { ServiceContext } from '../../kernel/service-context';
import { auditBatches, listAuditRows } from './audit.repository';

export const listAudit = async (ctx: ServiceContext, q: ListAuditQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'audit.read', q.orgUnitId);
  return listAuditRows(ctx.db, scopePath, q);
};

/** An export is itself audited (who took which slice of the log), before the first byte leaves. */
export const exportAudit = async (ctx: ServiceContext, q: ListAuditQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'audit.export', q.orgUnitId);
  const { page: _p, pageSize: _s, ...filters } = q;
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx.actor, {
      module: 'audit',
      action: 'export',
      entityType: 'auditLog',
      orgUnitId: ctx.actor.orgUnitId,
      // The export is the exporter's action: it sits in her unit's log, not the exported unit's.
      orgPath: ctx.actor.orgPath,
      after: maskFilters(filters),
    }),
  );
  return auditBatches(ctx.db, scopePath, q);
};
