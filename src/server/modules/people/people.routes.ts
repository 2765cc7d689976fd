import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntrySchema } from '../../../contracts/audit';
import { okSchema } from '../../../contracts/common/paging';
import {
  createHouseholdInputSchema,
  createPersonInputSchema,
  householdListSchema,
  householdSchema,
  listHouseholdsQuerySchema,
  listPersonsQuerySchema,
  personListSchema,
  personSchema,
  revealSensitiveInputSchema,
  sensitiveValueSchema,
  setTagOptionsInputSchema,
  tagOptionsSchema,
  updateHouseholdInputSchema,
  updatePersonInputSchema,
} from '../../../contracts/people';
import { ctxOf } from '../../kernel/http/context';
import { recordRoutes } from '../../kernel/ledger/record-routes';
import {
  createHousehold,
  deleteHousehold,
  getHousehold,
  householdRecord,
  listHouseholds,
  restoreHousehold,
  updateHousehold,
} from './households.service';
import {
  createPerson,
  deletePerson,
  getPerson,
  listPersons,
  personHistory,
  personRecord,
  restorePerson,
  revealPersonSensitive,
  updatePerson,
} from './persons.service';
import { getTagOptions, setTagOptions } from './tag-options.service';

const tags = ['people'];

const personRoutes = recordRoutes({
  base: '/api/v1/people/persons',
  idParam: 'personId',
  tags,
  permissions: personRecord.permissions,
  schemas: {
    record: personSchema,
    list: personListSchema,
    listQuery: listPersonsQuerySchema,
    create: createPersonInputSchema,
    update: updatePersonInputSchema,
  },
  summaries: { list: '人员列表', create: '新增人员' },
  list: listPersons,
  get: getPerson,
  create: createPerson,
  update: updatePerson,
  remove: deletePerson,
  restore: restorePerson,
});

const householdRoutes = recordRoutes({
  base: '/api/v1/people/households',
  idParam: 'householdId',
  tags,
  permissions: householdRecord.permissions,
  schemas: {
    record: householdSchema,
    removed: okSchema,
    list: householdListSchema,
    listQuery: listHouseholdsQuerySchema,
    create: createHouseholdInputSchema,
    update: updateHouseholdInputSchema,
  },
  summaries: { list: '家庭列表', create: '新增家庭' },
  list: listHouseholds,
  get: getHousehold,
  create: createHousehold,
  update: updateHousehold,
  remove: async (ctx, id, version) => {
    await deleteHousehold(ctx, id, version);
    return { ok: true as const };
  },
  restore: restoreHousehold,
});

/** Persons (with the audited reveal of sensitive fields and their history), tag options, households. */
export const peopleRoutes = async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const persons = '/api/v1/people/persons';
  const personParams = z.object({ personId: z.uuid() }).strict();

  await personRoutes(fastify);
  app.post(
    `${persons}/:personId/sensitive`,
    {
      config: { access: 'people.viewSensitive' },
      schema: {
        tags,
        summary: '查看完整身份证号码和电话（须填写原因，留痕）',
        params: personParams,
        body: revealSensitiveInputSchema,
        response: { 200: sensitiveValueSchema },
      },
    },
    (req) => revealPersonSensitive(ctxOf(req), req.params.personId, req.body),
  );
  app.get(
    `${persons}/:personId/history`,
    {
      config: { access: 'people.read' },
      schema: {
        tags,
        summary: '人员变更记录',
        params: personParams,
        response: { 200: z.object({ items: z.array(auditEntrySchema) }) },
      },
    },
    (req) => personHistory(ctxOf(req), req.params.personId),
  );
  app.get(
    '/api/v1/people/tag-options',
    {
      config: { access: 'people.read' },
      schema: { tags, summary: '人员类别（标签）列表', response: { 200: tagOptionsSchema } },
    },
    (req) => getTagOptions(ctxOf(req)),
  );
  app.put(
    '/api/v1/people/tag-options',
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: '设置人员类别（县妇联）',
        body: setTagOptionsInputSchema,
        response: { 200: tagOptionsSchema },
      },
    },
    (req) => setTagOptions(ctxOf(req), req.body),
  );
  await householdRoutes(fastify);
};
