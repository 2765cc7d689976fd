import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntrySchema } from '../../../contracts/audit';
import { okSchema, versionQuerySchema } from '../../../contracts/common/paging';
import { versionInputSchema } from '../../../contracts/org';
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
import {
  createHousehold,
  deleteHousehold,
  getHousehold,
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
  restorePerson,
  revealPersonSensitive,
  updatePerson,
} from './persons.service';
import { getTagOptions, setTagOptions } from './tag-options.service';

const tags = ['people'];

export const peopleRoutes = async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const persons = '/api/v1/people/persons';
  const personParams = z.object({ personId: z.uuid() }).strict();

  app.get(
    persons,
    {
      config: { access: 'people.read' },
      schema: {
        tags,
        summary: '人员列表',
        querystring: listPersonsQuerySchema,
        response: { 200: personListSchema },
      },
    },
    (req) => listPersons(ctxOf(req), req.query),
  );
  app.get(
    `${persons}/:personId`,
    {
      config: { access: 'people.read' },
      schema: { tags, params: personParams, response: { 200: personSchema } },
    },
    (req) => getPerson(ctxOf(req), req.params.personId),
  );
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
  app.post(
    persons,
    {
      config: { access: 'people.write' },
      schema: { tags, summary: '新增人员', body: createPersonInputSchema, response: { 201: personSchema } },
    },
    async (req, reply) => reply.status(201).send(await createPerson(ctxOf(req), req.body)),
  );
  app.patch(
    `${persons}/:personId`,
    {
      config: { access: 'people.write' },
      schema: { tags, params: personParams, body: updatePersonInputSchema, response: { 200: personSchema } },
    },
    (req) => updatePerson(ctxOf(req), req.params.personId, req.body),
  );
  app.delete(
    `${persons}/:personId`,
    {
      config: { access: 'people.write' },
      schema: {
        tags,
        params: personParams,
        querystring: versionQuerySchema,
        response: { 200: personSchema },
      },
    },
    (req) => deletePerson(ctxOf(req), req.params.personId, req.query.version),
  );
  app.post(
    `${persons}/:personId/restore`,
    {
      config: { access: 'people.write' },
      schema: { tags, params: personParams, body: versionInputSchema, response: { 200: personSchema } },
    },
    (req) => restorePerson(ctxOf(req), req.params.personId, req.body.version),
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
      config: { access: 'org.write' },
      schema: {
        tags,
        summary: '设置人员类别（县妇联）',
        body: setTagOptionsInputSchema,
        response: { 200: tagOptionsSchema },
      },
    },
    (req) => setTagOptions(ctxOf(req), req.body),
  );

  const households = '/api/v1/people/households';
  const householdParams = z.object({ householdId: z.uuid() }).strict();
  app.get(
    households,
    {
      config: { access: 'people.read' },
      schema: {
        tags,
        summary: '家庭列表',
        querystring: listHouseholdsQuerySchema,
        response: { 200: householdListSchema },
      },
    },
    (req) => listHouseholds(ctxOf(req), req.query),
  );
  app.get(
    `${households}/:householdId`,
    {
      config: { access: 'people.read' },
      schema: { tags, params: householdParams, response: { 200: householdSchema } },
    },
    (req) => getHousehold(ctxOf(req), req.params.householdId),
  );
  app.post(
    households,
    {
      config: { access: 'people.write' },
      schema: {
        tags,
        summary: '新增家庭',
        body: createHouseholdInputSchema,
        response: { 201: householdSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createHousehold(ctxOf(req), req.body)),
  );
  app.patch(
    `${households}/:householdId`,
    {
      config: { access: 'people.write' },
      schema: {
        tags,
        params: householdParams,
        body: updateHouseholdInputSchema,
        response: { 200: householdSchema },
      },
    },
    (req) => updateHousehold(ctxOf(req), req.params.householdId, req.body),
  );
  app.delete(
    `${households}/:householdId`,
    {
      config: { access: 'people.write' },
      schema: { tags, params: householdParams, querystring: versionQuerySchema, response: { 200: okSchema } },
    },
    async (req) => {
      await deleteHousehold(ctxOf(req), req.params.householdId, req.query.version);
      return { ok: true as const };
    },
  );
  app.post(
    `${households}/:householdId/restore`,
    {
      config: { access: 'people.write' },
      schema: { tags, params: householdParams, body: versionInputSchema, response: { 200: householdSchema } },
    },
    (req) => restoreHousehold(ctxOf(req), req.params.householdId, req.body.version),
  );
};
