import { auditModuleLabels } from '../../../contracts/audit';
import { defineModule } from '../../kernel/module';
import { peopleIndicators } from './people.indicators';
import { peopleRoutes } from './people.routes';
import { households, persons } from './people.table';
import { roleTerms, volunteerTeams } from './people-roles.table';
import { personsIo } from './persons.io';
import { roleTermsIo } from './role-terms.io';
import { roleTermsRoutes } from './role-terms.routes';
import { volunteerTeamsIo } from './volunteer-teams.io';
import { volunteerTeamsRoutes } from './volunteer-teams.routes';

const read = { read: 'people.read' } as const;

export const peopleModule = defineModule({
  name: 'people',
  label: auditModuleLabels.people,
  routes: [peopleRoutes, volunteerTeamsRoutes, roleTermsRoutes],
  io: [volunteerTeamsIo, personsIo, roleTermsIo],
  indicators: peopleIndicators,
  records: [
    { entityType: 'person', table: persons, label: { zh: '人员', en: 'Person' }, permissions: read },
    { entityType: 'household', table: households, label: { zh: '家庭', en: 'Household' }, permissions: read },
    { entityType: 'roleTerm', table: roleTerms, label: { zh: '任职', en: 'Role term' }, permissions: read },
    {
      entityType: 'volunteerTeam',
      table: volunteerTeams,
      label: { zh: '志愿队伍', en: 'Volunteer team' },
      permissions: read,
    },
  ],
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
