import { auditModuleLabels } from '../../../contracts/audit';
import { defineModule } from '../../kernel/module';
import { systemRoutes } from './system.routes';

export const systemModule = defineModule({
  name: 'system',
  label: auditModuleLabels.system,
  routes: [systemRoutes],
});
