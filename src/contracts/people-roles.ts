import { z } from 'zod';
import { dateSchema, listQueryBaseSchema, listResultSchema, versionSchema } from './common/paging';

// Roles with terms (a person as chair, 执委, volunteer, 巾帼林长 …) and volunteer teams.

export const personRoles = [
  'chair',
  'viceChair',
  'executiveMember',
  'womenGroupLeader',
  'volunteer',
  'lecturer',
  'forestChief',
  'mediator',
  'productAmbassador',
  'entrepreneur',
] as const;
export const personRoleSchema = z.enum(personRoles);
export type PersonRole = z.infer<typeof personRoleSchema>;
export const personRoleLabels: Record<PersonRole, { zh: string; en: string }> = {
  chair: { zh: '主席', en: 'Chair' },
  viceChair: { zh: '副主席', en: 'Vice-chair' },
  executiveMember: { zh: '执委', en: 'Executive member' },
  womenGroupLeader: { zh: '妇女小组长', en: "Women's group leader" },
  volunteer: { zh: '巾帼志愿者', en: 'Volunteer' },
  lecturer: { zh: '宣讲员', en: 'Lecturer' },
  forestChief: { zh: '巾帼林长', en: 'Forest chief' },
  mediator: { zh: '调解员', en: 'Mediator' },
  productAmbassador: { zh: '家乡好物代言人', en: 'Product ambassador' },
  entrepreneur: { zh: '女企业家/女高管', en: 'Entrepreneur' },
};

const ledgerMeta = {
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
};

export const roleTermSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  role: personRoleSchema,
  startedOn: dateSchema,
  endedOn: dateSchema.nullable(),
  electionId: z.uuid().nullable(),
  company: z.string().nullable(),
  position: z.string().nullable(),
  note: z.string().nullable(),
  ...ledgerMeta,
});
export type RoleTerm = z.infer<typeof roleTermSchema>;
export const roleTermListSchema = listResultSchema(roleTermSchema);
export const listRoleTermsQuerySchema = listQueryBaseSchema
  .extend({
    q: z.string().trim().max(40).optional(),
    orgUnitId: z.uuid().optional(),
    personId: z.uuid().optional(),
    role: personRoleSchema.optional(),
    /** Terms active on this date (default: all terms, current and past). */
    activeOn: dateSchema.optional(),
    status: z.enum(['active', 'deleted']).default('active'),
  })
  .strict();
export type ListRoleTermsQuery = z.infer<typeof listRoleTermsQuerySchema>;
export const createRoleTermInputSchema = z
  .object({
    personId: z.uuid({ message: '请选择人员' }),
    orgUnitId: z.uuid({ message: '请选择任职组织' }),
    role: personRoleSchema,
    startedOn: dateSchema,
    endedOn: dateSchema.optional(),
    company: z.string().trim().max(100).optional(),
    position: z.string().trim().max(60).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .refine((v) => !v.endedOn || v.endedOn >= v.startedOn, {
    message: '卸任日期不能早于任职日期',
    path: ['endedOn'],
  });
export type CreateRoleTermInput = z.infer<typeof createRoleTermInputSchema>;
export const updateRoleTermInputSchema = z
  .object({
    startedOn: dateSchema.optional(),
    endedOn: dateSchema.nullable().optional(),
    company: z.string().trim().max(100).nullable().optional(),
    position: z.string().trim().max(60).nullable().optional(),
    note: z.string().trim().max(500).nullable().optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateRoleTermInput = z.infer<typeof updateRoleTermInputSchema>;

export const volunteerTeamKinds = ['lectureTeam', 'forestTeam', 'mediationTeam', 'serviceTeam'] as const;
export const volunteerTeamKindSchema = z.enum(volunteerTeamKinds);
export const volunteerTeamKindLabels: Record<
  (typeof volunteerTeamKinds)[number],
  { zh: string; en: string }
> = {
  lectureTeam: { zh: '宣讲队', en: 'Lecture team' },
  forestTeam: { zh: '林长队', en: 'Forest chiefs' },
  mediationTeam: { zh: '调解队', en: 'Mediation team' },
  serviceTeam: { zh: '志愿服务队', en: 'Volunteer service team' },
};

export const volunteerTeamSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  name: z.string(),
  kind: volunteerTeamKindSchema,
  leaderPersonId: z.uuid().nullable(),
  leaderName: z.string().nullable(),
  foundedOn: dateSchema.nullable(),
  members: z.array(z.object({ personId: z.uuid(), name: z.string(), joinedOn: dateSchema.nullable() })),
  note: z.string().nullable(),
  ...ledgerMeta,
});
export type VolunteerTeam = z.infer<typeof volunteerTeamSchema>;
export const volunteerTeamListSchema = listResultSchema(volunteerTeamSchema);
export const listVolunteerTeamsQuerySchema = listQueryBaseSchema
  .extend({
    q: z.string().trim().max(40).optional(),
    kind: volunteerTeamKindSchema.optional(),
    orgUnitId: z.uuid().optional(),
    status: z.enum(['active', 'deleted']).default('active'),
  })
  .strict();
export type ListVolunteerTeamsQuery = z.infer<typeof listVolunteerTeamsQuerySchema>;
export const createVolunteerTeamInputSchema = z
  .object({
    orgUnitId: z.uuid({ message: '请选择所属组织' }),
    name: z
      .string()
      .trim()
      .min(2, { message: '队伍名称至少2个字' })
      .max(60, { message: '队伍名称不能超过60个字' }),
    kind: volunteerTeamKindSchema,
    leaderPersonId: z.uuid().optional(),
    foundedOn: dateSchema.optional(),
    memberIds: z.array(z.uuid()).max(500).default([]),
    note: z.string().trim().max(500).optional(),
  })
  .strict();
export type CreateVolunteerTeamInput = z.infer<typeof createVolunteerTeamInputSchema>;
export const updateVolunteerTeamInputSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(2, { message: '队伍名称至少2个字' })
      .max(60, { message: '队伍名称不能超过60个字' })
      .optional(),
    kind: volunteerTeamKindSchema.optional(),
    leaderPersonId: z.uuid().nullable().optional(),
    foundedOn: dateSchema.nullable().optional(),
    memberIds: z.array(z.uuid()).max(500).optional(),
    note: z.string().trim().max(500).nullable().optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateVolunteerTeamInput = z.infer<typeof updateVolunteerTeamInputSchema>;

export const exportRoleTermsQuerySchema = listRoleTermsQuerySchema
  .omit({ page: true, pageSize: true, sort: true })
  .strict();
export type ExportRoleTermsQuery = z.infer<typeof exportRoleTermsQuerySchema>;

export const exportVolunteerTeamsQuerySchema = listVolunteerTeamsQuerySchema
  .omit({ page: true, pageSize: true, sort: true })
  .strict();
export type ExportVolunteerTeamsQuery = z.infer<typeof exportVolunteerTeamsQuerySchema>;
