/** Chooses the store adapter from configuration. */
import path from 'node:path';
import type { Config } from '../config/index.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './types.js';

export async function createStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Store> {
  if (config.databaseUrl) {
    // TODO(#7): PostgreSQL adapter.
    throw new Error('DATABASE_URL (PostgreSQL) is not supported yet');
  }
  const store = new SqliteStore({ filename: path.join(config.dataDir, 'samskap.sqlite') });
  await store.migrate();
  return store;
}
