import {
  createWomenGroupInputSchema,
  listWomenGroupsQuerySchema,
  updateWomenGroupInputSchema,
  womenGroupListSchema,
  womenGroupSchema,
} from '../../../contracts/org-ledgers';
import { recordRoutes } from '../../kernel/ledger/record-routes';
import {
  createWomenGroup,
  deleteWomenGroup,
  getWomenGroup,
  listWomenGroups,
  restoreWomenGroup,
  updateWomenGroup,
  womenGroupRecord,
} from './women-groups.service';

export const womenGroupsRoutes = recordRoutes({
  base: '/api/v1/org/women-groups',
  idParam: 'groupId',
  tags: ['org'],
  permissions: womenGroupRecord.permissions,
  schemas: {
    record: womenGroupSchema,
    list: womenGroupListSchema,
    listQuery: listWomenGroupsQuerySchema,
    create: createWomenGroupInputSchema,
    update: updateWomenGroupInputSchema,
  },
  summaries: { list: '妇女小组列表', create: '新增妇女小组', update: '修改妇女小组（给出组员时整体替换）' },
  list: listWomenGroups,
  get: getWomenGroup,
  create: createWomenGroup,
  update: updateWomenGroup,
  remove: deleteWomenGroup,
  restore: restoreWomenGroup,
});
