import { and, desc, eq, sql } from 'drizzle-orm';
import type { historyEntityTypes } from '../../../contracts/audit';
import type { Permission } from '../../../contracts/common/permissions';
import { requirePermission, scoped } from '../../kernel/access/access';
import { auditLog } from '../../kernel/audit/audit.table';
import { notFound } from '../../kernel/http/errors';
import type { ServiceContext } from '../../kernel/service-context';
import { toAuditEntry } from './audit.repository';

/** Reading a record's history needs the permission to read the record itself, not audit.read. */
const readPermission: Record<(typeof historyEntityTypes)[number], Permission> = {
  orgUnit: 'org.read',
  site: 'org.read',
  grid: 'org.read',
  womenGroup: 'org.read',
  election: 'org.read',
  person: 'people.read',
  household: 'people.read',
  roleTerm: 'people.read',
  volunteerTeam: 'people.read',
  activity: 'activities.read',
  campaign: 'activities.read',
  patrol: 'activities.read',
  reportDefinition: 'reports.read',
  courtyardRubric: 'courtyards.read',
  courtyardGroup: 'courtyards.read',
  courtyardInspection: 'courtyards.read',
  courtyardRectification: 'courtyards.read',
  courtyardFeatured: 'courtyards.read',
};

/** Where each record type lives, so the record itself is checked against the caller's subtree. */
const recordTable: Record<(typeof historyEntityTypes)[number], [string, string]> = {
  orgUnit: ['org_units', 'path'],
  site: ['sites', 'org_path'],
  grid: ['grids', 'org_path'],
  womenGroup: ['women_groups', 'org_path'],
  election: ['elections', 'org_path'],
  person: ['persons', 'org_path'],
  household: ['households', 'org_path'],
  roleTerm: ['role_terms', 'org_path'],
  volunteerTeam: ['volunteer_teams', 'org_path'],
  activity: ['activities', 'org_path'],
  campaign: ['campaigns', 'org_path'],
  patrol: ['patrols', 'org_path'],
  reportDefinition: ['report_definitions', 'org_path'],
  courtyardRubric: ['courtyard_rubrics', 'org_path'],
  courtyardGroup: ['courtyard_groups', 'org_path'],
  courtyardInspection: ['courtyard_inspections', 'org_path'],
  courtyardRectification: ['courtyard_rectifications', 'org_path'],
  courtyardFeatured: ['courtyard_featured', 'org_path'],
};

/**
 * Every recorded change of one record, newest first. The record must lie in the caller's subtree
 * (else 404, as for a missing record); the rows shown are those written inside her subtree.
 */
export const recordHistory = async (
  ctx: ServiceContext,
  q: { entityType: (typeof historyEntityTypes)[number]; entityId: string },
) => {
  requirePermission(ctx.actor, readPermission[q.entityType]);
  const [table, pathColumn] = recordTable[q.entityType];
  const found = await ctx.db.execute(
    sql`select 1 from ${sql.identifier(table)} where id = ${q.entityId} and ${scoped(pathColumn, ctx.actor.orgPath)}`,
  );
  if (found.rows.length === 0) throw notFound();
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, q.entityType),
        eq(auditLog.entityId, q.entityId),
        scoped(auditLog.orgPath, ctx.actor.orgPath),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(200);
  return { items: rows.map(toAuditEntry) };
};
