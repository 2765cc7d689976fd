import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';

/**
 * A name for a database a test creates: under this run's prefix, so that the run's global setup and
 * teardown (and no other run sharing the server) clean it up. `tag` says what it is for, in the name.
 */
export const testDatabaseName = (tag = '') =>
  `${inject('dbPrefix')}${tag ? `${tag}_` : ''}${randomBytes(5).toString('hex')}`;

/** This run's migrated template database. */
export const templateDatabase = () => inject('templateDb');
