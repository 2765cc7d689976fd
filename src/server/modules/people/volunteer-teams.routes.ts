import {
  createVolunteerTeamInputSchema,
  listVolunteerTeamsQuerySchema,
  updateVolunteerTeamInputSchema,
  volunteerTeamListSchema,
  volunteerTeamSchema,
} from '../../../contracts/people-roles';
import { recordRoutes } from '../../kernel/ledger/record-routes';
import {
  createVolunteerTeam,
  deleteVolunteerTeam,
  getVolunteerTeam,
  listVolunteerTeams,
  restoreVolunteerTeam,
  updateVolunteerTeam,
  volunteerTeamRecord,
} from './volunteer-teams.service';

export const volunteerTeamsRoutes = recordRoutes({
  base: '/api/v1/people/volunteer-teams',
  idParam: 'teamId',
  tags: ['people'],
  permissions: volunteerTeamRecord.permissions,
  schemas: {
    record: volunteerTeamSchema,
    list: volunteerTeamListSchema,
    listQuery: listVolunteerTeamsQuerySchema,
    create: createVolunteerTeamInputSchema,
    update: updateVolunteerTeamInputSchema,
  },
  summaries: {
    list: '志愿服务队列表',
    create: '新增志愿服务队',
    update: '修改志愿服务队（给出队员时整体替换，留下的队员保留入队日期）',
  },
  list: listVolunteerTeams,
  get: getVolunteerTeam,
  create: createVolunteerTeam,
  update: updateVolunteerTeam,
  remove: deleteVolunteerTeam,
  restore: restoreVolunteerTeam,
});
