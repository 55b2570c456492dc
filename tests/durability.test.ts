/**
 * The durability rule: an update relayed to anyone is already stored. Tested against a real
 * server process, stopped gracefully (SIGTERM) and killed (SIGKILL) at random moments under load
 * (issue #18's kill cycles, a few here), on SQLite and on PostgreSQL (which skips with a notice
 * when absent and fails when CI=true).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fixture, type Fixture } from './helpers/api.js';
import { killAllChildren, startChild } from './helpers/child-server.js';
import { describeKillCycles, runKillCycles } from './helpers/kill-cycles.js';
import { absentServices, createTestDatabase, pgUnreachable } from './helpers/services.js';
import { provider, synced } from './helpers/sync.js';

const noPostgres = absentServices([['PostgreSQL', await pgUnreachable()]]);
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});

/** Environment of one store kind; PostgreSQL gets a fresh database per test. */
const STORES: Array<[string, () => Promise<Record<string, string>>]> = [
  ['SQLite', async () => ({ DATA_DIR: newDir() })],
  ...(noPostgres
    ? []
    : ([
        [
          'PostgreSQL',
          async () => {
            const db = await createTestDatabase();
            drops.push(db.drop);
            return { DATA_DIR: newDir(), DATABASE_URL: db.url, SESSION_SECRET: 'z'.repeat(40) };
          },
        ],
      ] as Array<[string, () => Promise<Record<string, string>>]>)),
];

const dirs: string[] = [];
const newDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'samskap-durable-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  killAllChildren();
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** Everything a fresh client sees in `room` on a freshly started server. */
async function freshView(wsBase: string, room: string, token: string): Promise<Y.Doc> {
  const p = provider(wsBase, room, token);
  await synced(p, 10_000);
  const doc = p.doc;
  p.destroy();
  return doc;
}

describe.each(STORES)('durability on %s', (_kind, makeEnv) => {
  it('keeps edits across a graceful restart (SIGTERM stores everything, exits 0)', async () => {
    const env = await makeEnv();
    let server = await startChild(env);
    const f: Fixture = await fixture(server.base);
    const a = provider(server.wsBase, f.charter, f.participantA);
    await synced(a);
    for (let i = 0; i < 50; i++) a.doc.getArray<string>('items').push([`item-${i}`]);
    await new Promise((r) => setTimeout(r, 30));
    server.proc.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    a.destroy();
    server = await startChild(env);
    const doc = await freshView(server.wsBase, f.charter, f.participantB);
    expect(doc.getArray<string>('items').toArray()).toEqual(Array.from({ length: 50 }, (_, i) => `item-${i}`));
    server.proc.kill('SIGTERM');
    await server.exited;
  });

  it('kill -9 under load, 6 times: every update a client received is there after the restart, and every edit a writer made arrives', async () => {
    // Three members editing the board, charter and vision, and a raw stream into the charter;
    // tests/helpers/kill-cycles.ts says how, `npm run reliability:kill` runs 100 cycles.
    const r = await runKillCycles({ env: await makeEnv(), cycles: 6, seed: 20261218 });
    console.log(describeKillCycles(_kind, r));
    expect(r.lost, 'relayed but lost').toEqual([]);
    expect(r.unsentLost, 'made by a writer, never stored').toEqual([]);
    expect(r.refusals, 'final refusals of a writer').toEqual([]);
    expect(r.damaged, 'SQLite integrity_check after a kill').toEqual([]);
    expect(r.relayed).toBeGreaterThan(500);
  }, 180_000);
});
