import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { SqliteStore } from '../server/store/sqlite/sqlite-store.js';
import { describeStoreContract } from './contracts/store.contract.js';

describeStoreContract('sqlite in memory', async () => new SqliteStore({ filename: ':memory:' }));

const dir = mkdtempSync(path.join(tmpdir(), 'samskap-store-'));
let n = 0;
const file = () => path.join(dir, `s${n}.sqlite`);
describeStoreContract('sqlite file (WAL)', async () => new SqliteStore({ filename: path.join(dir, `s${++n}.sqlite`) }), {
  // A second connection, as another program would: the trigger is in the file, so the store's own
  // connection sees it at its next statement.
  refuseAppendsTo: async (room) => {
    const db = new Database(file());
    try {
      const quoted = `'${room.replaceAll("'", "''")}'`;
      db.exec(`CREATE TRIGGER refuse_room BEFORE INSERT ON doc_updates WHEN NEW.room = ${quoted} BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
    } finally {
      db.close();
    }
  },
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
