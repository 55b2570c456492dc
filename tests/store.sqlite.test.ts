import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { SqliteStore } from '../server/store/sqlite/sqlite-store.js';
import { describeStoreContract } from './contracts/store.contract.js';

describeStoreContract('sqlite in memory', async () => new SqliteStore({ filename: ':memory:' }));

const dir = mkdtempSync(path.join(tmpdir(), 'samskap-store-'));
let n = 0;
describeStoreContract('sqlite file (WAL)', async () => new SqliteStore({ filename: path.join(dir, `s${++n}.sqlite`) }));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
