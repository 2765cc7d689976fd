import {
  createSiteInputSchema,
  listSitesQuerySchema,
  siteListSchema,
  siteSchema,
  updateSiteInputSchema,
} from '../../../contracts/org-ledgers';
import { codeListRoutes } from '../../kernel/code-lists/code-lists.routes';
import { recordRoutes } from '../../kernel/ledger/record-routes';
import { siteKindList } from './site-kinds.service';
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

/** 阵地类型: the county's list (GET for every reader of sites, PUT for the county only). */
export const siteKindsRoutes = codeListRoutes(siteKindList, {
  path: '/api/v1/org/site-kinds',
  field: 'kinds',
  tags: ['org'],
  what: '阵地类型',
});
