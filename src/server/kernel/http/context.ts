import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config';
import { actorOf } from '../auth/auth-hooks';
import type { Db } from '../db/connection';
import { createFieldCrypto, type FieldCrypto } from '../privacy/field-crypto';
import type { ServiceContext } from '../service-context';

declare module 'fastify' {
  // biome-ignore lint/style/useConsistentTypeDefinitions: declaration merging needs an interface
  interface FastifyInstance {
    db: Db;
    appConfig: Config;
    fieldCrypto: FieldCrypto;
  }
}

export const decorateApp = (app: FastifyInstance, db: Db, config: Config) => {
  app.decorate('db', db);
  app.decorate('appConfig', config);
  app.decorate('fieldCrypto', createFieldCrypto(config.secrets.fieldKey));
};

/** The service context of a request: its database and the signed-in user. */
export const ctxOf = (request: FastifyRequest): ServiceContext => ({
  db: request.server.db,
  actor: actorOf(request),
  crypto: request.server.fieldCrypto,
});
