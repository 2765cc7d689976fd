import { z } from 'zod';
import { toHalfWidth } from './common/id-number';
import { dateSchema, listQueryBaseSchema, listResultSchema, versionSchema } from './common/paging';

export const genders = ['female', 'male'] as const;
export const genderSchema = z.enum(genders);
export const genderLabels: Record<(typeof genders)[number], { zh: string; en: string }> = {
  female: { zh: '女', en: 'Female' },
  male: { zh: '男', en: 'Male' },
};

/** Default tag list; a county can extend it (tags are free strings validated against the configured list). */
export const defaultPersonTags = [
  '留守妇女',
  '留守儿童',
  '困境儿童',
  '困境妇女',
  '残疾',
  '低保',
  '特困',
  '单亲',
  '空巢老人',
  '孕产妇',
  '脱贫户',
] as const;

export const relationsToHead = [
  'head',
  'spouse',
  'child',
  'parent',
  'grandchild',
  'sibling',
  'other',
] as const;
export const relationSchema = z.enum(relationsToHead);
export const relationLabels: Record<(typeof relationsToHead)[number], { zh: string; en: string }> = {
  head: { zh: '户主', en: 'Head' },
  spouse: { zh: '配偶', en: 'Spouse' },
  child: { zh: '子女', en: 'Child' },
  parent: { zh: '父母', en: 'Parent' },
  grandchild: { zh: '孙辈', en: 'Grandchild' },
  sibling: { zh: '兄弟姐妹', en: 'Sibling' },
  other: { zh: '其他', en: 'Other' },
};

export const personNameSchema = z
  .string()
  .trim()
  .min(1, { message: '请填写姓名' })
  .max(30, { message: '姓名不能超过30个字' })
  .regex(/^[\p{Script=Han}A-Za-z·.\s]+$/u, { message: '姓名只能包含汉字、字母和间隔号' });

export const phoneInputSchema = z
  .string()
  .transform((s) => toHalfWidth(s).replace(/-/g, ''))
  .pipe(z.string().regex(/^(1\d{10}|0\d{9,11})$/, { message: '电话应为11位手机号或带区号的固定电话' }));

/** Masked unless the caller holds people.viewSensitive and asks (each unmasked view is audited). */
export const personSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  name: z.string(),
  gender: genderSchema.nullable(),
  birthDate: dateSchema.nullable(),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  householdId: z.uuid().nullable(),
  householdLabel: z.string().nullable(),
  relationToHead: relationSchema.nullable(),
  tags: z.array(z.string()),
  note: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Person = z.infer<typeof personSchema>;
export const personListSchema = listResultSchema(personSchema);
export const personSortFields = ['name', 'birthDate', 'createdAt', 'updatedAt'] as const;

export const listPersonsQuerySchema = listQueryBaseSchema
  .extend({
    /** Name, pinyin (full or initials), or a whole ID number (matched by blind index). */
    q: z.string().trim().max(40).optional(),
    orgUnitId: z.uuid().optional(),
    householdId: z.uuid().optional(),
    gender: genderSchema.optional(),
    tag: z.string().max(20).optional(),
    status: z.enum(['active', 'deleted']).default('active'),
  })
  .strict();
export type ListPersonsQuery = z.infer<typeof listPersonsQuerySchema>;

const personFields = {
  orgUnitId: z.uuid({ message: '请选择所属组织' }),
  name: personNameSchema,
  gender: genderSchema.optional(),
  birthDate: dateSchema.optional(),
  /** Validated on the server with GB 11643 (checksum; 15-digit numbers converted). */
  idNumber: z.string().trim().max(40).optional(),
  phone: phoneInputSchema.optional(),
  householdId: z.uuid().optional(),
  relationToHead: relationSchema.optional(),
  tags: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  note: z.string().trim().max(500).optional(),
};

export const createPersonInputSchema = z.object(personFields).strict();
export type CreatePersonInput = z.infer<typeof createPersonInputSchema>;

export const updatePersonInputSchema = z
  .object({
    name: personFields.name.optional(),
    gender: genderSchema.nullable().optional(),
    birthDate: dateSchema.nullable().optional(),
    idNumber: z.string().trim().max(40).nullable().optional(),
    phone: phoneInputSchema.nullable().optional(),
    householdId: z.uuid().nullable().optional(),
    relationToHead: relationSchema.nullable().optional(),
    tags: personFields.tags.optional(),
    note: z.string().trim().max(500).nullable().optional(),
    version: versionSchema,
  })
  .strict();
export type UpdatePersonInput = z.infer<typeof updatePersonInputSchema>;

/** Why a cadre needs the full numbers: required, kept in the audit row beside the view. */
export const revealSensitiveInputSchema = z
  .object({
    reason: z
      .string()
      .trim()
      .min(2, { message: '请填写查看原因（至少2个字）' })
      .max(200, { message: '查看原因不能超过200个字' }),
  })
  .strict();
export type RevealSensitiveInput = z.infer<typeof revealSensitiveInputSchema>;

export const sensitiveValueSchema = z.object({
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
});

export const householdSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  headPersonId: z.uuid().nullable(),
  headName: z.string().nullable(),
  address: z.string(),
  houseNumber: z.string().nullable(),
  gridId: z.uuid().nullable(),
  memberCount: z.number().int(),
  note: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Household = z.infer<typeof householdSchema>;
export const householdListSchema = listResultSchema(householdSchema);
export const householdSortFields = ['address', 'houseNumber', 'createdAt'] as const;

export const listHouseholdsQuerySchema = listQueryBaseSchema
  .extend({
    q: z.string().trim().max(40).optional(),
    orgUnitId: z.uuid().optional(),
    status: z.enum(['active', 'deleted']).default('active'),
  })
  .strict();
export type ListHouseholdsQuery = z.infer<typeof listHouseholdsQuerySchema>;

export const createHouseholdInputSchema = z
  .object({
    orgUnitId: z.uuid({ message: '请选择所属村（社区）' }),
    address: z.string().trim().min(2, { message: '请填写住址' }).max(120),
    houseNumber: z.string().trim().max(30).optional(),
    headPersonId: z.uuid().optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict();
export type CreateHouseholdInput = z.infer<typeof createHouseholdInputSchema>;

export const updateHouseholdInputSchema = z
  .object({
    address: z.string().trim().min(2).max(120).optional(),
    houseNumber: z.string().trim().max(30).nullable().optional(),
    headPersonId: z.uuid().nullable().optional(),
    note: z.string().trim().max(500).nullable().optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateHouseholdInput = z.infer<typeof updateHouseholdInputSchema>;

export const exportPersonsQuerySchema = listPersonsQuerySchema
  .omit({ page: true, pageSize: true, sort: true })
  .extend({
    /** Full ID numbers and phones instead of masked ones (needs people.viewSensitive; audited). */
    unmask: z.enum(['0', '1']).default('0'),
    /** Why the full numbers leave the system: required with unmask=1, kept in the audit row. */
    reason: revealSensitiveInputSchema.shape.reason.optional(),
  })
  .strict()
  .refine((q) => q.unmask !== '1' || !!q.reason, {
    path: ['reason'],
    message: '导出完整的身份证号码和电话须填写用途（至少2个字）',
  });
export type ExportPersonsQuery = z.infer<typeof exportPersonsQuerySchema>;

/** The tag list a county configures for persons (defaults to defaultPersonTags). */
export const tagOptionsSchema = z.object({ tags: z.array(z.string()), isDefault: z.boolean() });
export const setTagOptionsInputSchema = z
  .object({
    tags: z
      .array(z.string().trim().min(1, { message: '标签不能为空' }).max(20, { message: '标签不能超过20个字' }))
      .min(1, { message: '至少保留一个标签' })
      .max(60, { message: '标签最多60个' })
      .refine((xs) => new Set(xs).size === xs.length, { message: '标签不能重复' }),
  })
  .strict();
export type SetTagOptionsInput = z.infer<typeof setTagOptionsInputSchema>;
