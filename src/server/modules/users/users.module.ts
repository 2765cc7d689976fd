import { auditModuleLabels } from '../../../contracts/audit';
import { defineModule } from '../../kernel/module';
import { usersRoutes } from './users.routes';
import { users } from './users.table';

export const usersModule = defineModule({
  name: 'users',
  label: auditModuleLabels.users,
  routes: [usersRoutes],
  keyTables: [users],
});
