import { auditModuleLabels } from '../../../contracts/audit';
import { defineModule } from '../../kernel/module';
import { authRoutes } from './auth.routes';

export const authModule = defineModule({
  name: 'auth',
  label: auditModuleLabels.auth,
  routes: ({ sessionSettings }) => [authRoutes(sessionSettings)],
});
