/** Chooses the store adapter from configuration; PostgreSQL's driver loads only when it is configured. */
import path from 'node:path';
import type { Config } from '../config/index.js';
import type { Logger } from '../log.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './types.js';

export async function createStore(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'sqliteMaxBytes'>, log: Logger): Promise<Store> {
  if (config.databaseUrl) {
    const { PostgresStore } = await import('./postgres/postgres-store.js');
    const pgStore = new PostgresStore({
      connectionString: config.databaseUrl,
      onIdleError: (err) => log.warn({ err }, 'an idle PostgreSQL connection failed; the pool reconnects'),
    });
    try {
      await pgStore.migrate();
    } catch (err) {
      await pgStore.close();
      throw err;
    }
    return pgStore;
  }
  const store = new SqliteStore({ filename: path.join(config.dataDir, 'samskap.sqlite'), maxBytes: config.sqliteMaxBytes });
  await store.migrate();
  return store;
}
