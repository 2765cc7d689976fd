import { defaultSiteKinds } from '../../../contracts/org-ledgers';
import { countyCodeList } from '../../kernel/code-lists/code-lists';
import { sites } from './org-ledgers.table';

/**
 * The county's site kinds (妇女之家, 儿童之家… and its own, such as 儿童实践基地): a county-configured
 * code list; a kind any site of the county has (removed ones included: they may be restored) can be
 * renamed but not removed.
 */
export const siteKindList = countyCodeList({
  list: 'siteKinds',
  what: '阵地类型',
  defaults: defaultSiteKinds,
  readPermission: 'org.read',
  audit: { module: 'org', entityType: 'siteKinds', field: 'kinds' },
  usage: { table: sites, column: sites.kind, orgPath: sites.orgPath, unit: '个阵地' },
});
