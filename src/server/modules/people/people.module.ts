import { auditModuleLabels } from '../../../contracts/audit';
import { defineModule } from '../../kernel/module';
import { householdRecord } from './households.service';
import { peopleIndicators } from './people.indicators';
import { peopleRoutes } from './people.routes';
import { households, persons } from './people.table';
import { roleTerms, volunteerTeams } from './people-roles.table';
import { personsIo } from './persons.io';
import { personRecord } from './persons.service';
import { roleTermsIo } from './role-terms.io';
import { roleTermsRoutes } from './role-terms.routes';
import { roleTermRecord } from './role-terms.service';
import { volunteerTeamsIo } from './volunteer-teams.io';
import { volunteerTeamsRoutes } from './volunteer-teams.routes';
import { volunteerTeamRecord } from './volunteer-teams.service';

export const peopleModule = defineModule({
  name: 'people',
  label: auditModuleLabels.people,
  routes: [peopleRoutes, volunteerTeamsRoutes, roleTermsRoutes],
  io: [volunteerTeamsIo, personsIo, roleTermsIo],
  indicators: peopleIndicators,
  records: [personRecord, householdRecord, roleTermRecord, volunteerTeamRecord],
  scopedTables: [households, persons, roleTerms, volunteerTeams],
  figures: {
    dashboard: {
      organization: [
        {
          indicatorKey: 'people.roleHolders',
          filters: { role: 'executiveMember' },
          label: { zh: '执委人数', en: 'Executive members' },
          isStock: true,
        },
      ],
    },
  },
  keyTables: [persons, households],
});
