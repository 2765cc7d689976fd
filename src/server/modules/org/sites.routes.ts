import {
  createSiteInputSchema,
  listSitesQuerySchema,
  siteListSchema,
  siteSchema,
  updateSiteInputSchema,
} from '../../../contracts/org-ledgers';
import { recordRoutes } from '../../kernel/ledger/record-routes';
import {
  createSite,
  deleteSite,
  getSite,
  listSites,
  restoreSite,
  siteRecord,
  updateSite,
} from './sites.service';

export const sitesRoutes = recordRoutes({
  base: '/api/v1/org/sites',
  idParam: 'siteId',
  tags: ['org'],
  permissions: siteRecord.permissions,
  schemas: {
    record: siteSchema,
    list: siteListSchema,
    listQuery: listSitesQuerySchema,
    create: createSiteInputSchema,
    update: updateSiteInputSchema,
  },
  summaries: { list: '阵地列表', create: '新增阵地' },
  list: listSites,
  get: getSite,
  create: createSite,
  update: updateSite,
  remove: deleteSite,
  restore: restoreSite,
});
