import { recordAudit } from '../../kernel/audit/audit';
import type { Tx } from '../../kernel/db/connection';
import type { ServiceContext } from '../../kernel/service-context';

/** The audit row of a courtyard write, in the write's own transaction. */
export const auditCourtyards = (
  tx: Tx,
  ctx: ServiceContext,
  e: {
    action: string;
    entityType: string;
    entityId: string;
    entityLabel: string;
    orgUnitId: string;
    orgPath: string;
    before: unknown;
    after: unknown;
  },
) => recordAudit(tx, ctx.actor, { module: 'courtyards', ...e });
