import {
  createRoleTermInputSchema,
  listRoleTermsQuerySchema,
  roleTermListSchema,
  roleTermSchema,
  updateRoleTermInputSchema,
} from '../../../contracts/people-roles';
import { recordRoutes } from '../../kernel/ledger/record-routes';
import {
  createRoleTerm,
  deleteRoleTerm,
  getRoleTerm,
  listRoleTerms,
  restoreRoleTerm,
  roleTermRecord,
  updateRoleTerm,
} from './role-terms.service';

export const roleTermsRoutes = recordRoutes({
  base: '/api/v1/people/role-terms',
  idParam: 'roleTermId',
  tags: ['people'],
  permissions: roleTermRecord.permissions,
  schemas: {
    record: roleTermSchema,
    list: roleTermListSchema,
    listQuery: listRoleTermsQuerySchema,
    create: createRoleTermInputSchema,
    update: updateRoleTermInputSchema,
  },
  summaries: { list: '任职记录（执委、志愿者、林长等）', create: '新增任职' },
  list: listRoleTerms,
  get: getRoleTerm,
  create: createRoleTerm,
  update: updateRoleTerm,
  remove: deleteRoleTerm,
  restore: restoreRoleTerm,
});
