import { auditModuleLabels } from '../../../contracts/audit';
import { users } from '../../kernel/auth/users.table';
import { defineModule } from '../../kernel/module';
import { usersRoutes } from './users.routes';

export const usersModule = defineModule({
  name: 'users',
  label: auditModuleLabels.users,
  routes: [usersRoutes],
  keyTables: [users],
});
