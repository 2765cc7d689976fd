import type { Actor } from './access/actor';
import type { Db } from './db/connection';

/** What every use case receives: the database and the signed-in user it acts for. */
export type ServiceContext = { db: Db; actor: Actor };
