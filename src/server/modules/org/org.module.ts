import { auditModuleLabels } from '../../../contracts/audit';
import { defineModule } from '../../kernel/module';
import { electionsRoutes } from './elections.routes';
import { gridsIo } from './grids.io';
import { gridsRoutes } from './grids.routes';
import { orgIndicators } from './org.indicators';
import { orgRoutes } from './org.routes';
import { orgUnits } from './org.table';
import { elections, grids, sites, womenGroups } from './org-ledgers.table';
import { sitesIo } from './sites.io';
import { sitesRoutes } from './sites.routes';
import { womenGroupsIo } from './women-groups.io';
import { womenGroupsRoutes } from './women-groups.routes';

const read = { read: 'org.read' } as const;

export const orgModule = defineModule({
  name: 'org',
  label: auditModuleLabels.org,
  routes: [orgRoutes, sitesRoutes, electionsRoutes, gridsRoutes, womenGroupsRoutes],
  io: [sitesIo, gridsIo, womenGroupsIo],
  indicators: orgIndicators,
  records: [
    { entityType: 'orgUnit', table: orgUnits, label: { zh: '组织', en: 'Org unit' }, permissions: read },
    { entityType: 'site', table: sites, label: { zh: '阵地', en: 'Site' }, permissions: read },
    { entityType: 'grid', table: grids, label: { zh: '网格', en: 'Grid' }, permissions: read },
    {
      entityType: 'womenGroup',
      table: womenGroups,
      label: { zh: '妇女小组', en: "Women's group" },
      permissions: read,
    },
    { entityType: 'election', table: elections, label: { zh: '换届', en: 'Election' }, permissions: read },
  ],
  scopedTables: [sites, grids, womenGroups, elections],
  figures: { dashboard: { organization: [{ indicatorKey: 'org.sites', isStock: true }] } },
  keyTables: [orgUnits],
});
