import { auditModuleLabels } from '../../../contracts/audit';
import { auditLog } from '../../kernel/audit/audit.table';
import { defineModule } from '../../kernel/module';
import { auditRoutes } from './audit.routes';

export const auditModule = defineModule({
  name: 'audit',
  label: auditModuleLabels.audit,
  routes: [auditRoutes],
  keyTables: [auditLog],
});
