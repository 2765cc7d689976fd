import { auditModuleLabels } from '../../../contracts/audit';
import { orgUnits } from '../../kernel/access/org-units.table';
import { defineModule } from '../../kernel/module';
import { electionsRoutes } from './elections.routes';
import { gridsIo } from './grids.io';
import { gridsRoutes } from './grids.routes';
import { gridRecord } from './grids.service';
import { orgIndicators } from './org.indicators';
import { orgRoutes } from './org.routes';
import { elections, grids, sites, womenGroups } from './org-ledgers.table';
import { sitesIo } from './sites.io';
import { siteKindsRoutes, sitesRoutes } from './sites.routes';
import { siteRecord } from './sites.service';
import { womenGroupsIo } from './women-groups.io';
import { womenGroupsRoutes } from './women-groups.routes';
import { womenGroupRecord } from './women-groups.service';

const read = { read: 'org.read' } as const;

export const orgModule = defineModule({
  name: 'org',
  label: auditModuleLabels.org,
  routes: [orgRoutes, sitesRoutes, siteKindsRoutes, electionsRoutes, gridsRoutes, womenGroupsRoutes],
  io: [sitesIo, gridsIo, womenGroupsIo],
  indicators: orgIndicators,
  records: [
    // Org units and elections keep their own use cases (see editUnit, elections.service): history only.
    { entityType: 'orgUnit', table: orgUnits, label: '组织', permissions: read },
    siteRecord,
    gridRecord,
    womenGroupRecord,
    { entityType: 'election', table: elections, label: '换届', permissions: read },
  ],
  scopedTables: [sites, grids, womenGroups, elections],
  figures: { dashboard: { organization: [{ indicatorKey: 'org.sites', isStock: true }] } },
  keyTables: [orgUnits],
});
