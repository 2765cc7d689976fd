import type { Actor } from './access/actor';
import type { Db } from './db/connection';
import type { FieldCrypto } from './privacy/field-crypto';

/** What every use case receives: the database, the signed-in user it acts for, field encryption. */
export type ServiceContext = { db: Db; actor: Actor; crypto: FieldCrypto };
