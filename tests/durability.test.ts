/**
 * The durability rule: an update relayed to anyone is already stored. Tested against a real
 * server process, stopped gracefully (SIGTERM) and killed (SIGKILL) in the middle of a stream,
 * on SQLite and on PostgreSQL (which skips with a notice when absent and fails when CI=true).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fixture, type Fixture } from './helpers/api.js';
import { killAllChildren, startChild } from './helpers/child-server.js';
import { absentServices, createTestDatabase, pgUnreachable } from './helpers/services.js';
import { provider, RawClient, synced, until } from './helpers/sync.js';

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

  it('kill -9 mid-stream, 10 times: a fresh client has every update that another client received', async () => {
    const env = await makeEnv();
    let server = await startChild(env);
    const f = await fixture(server.base);
    const receivedEver = new Set<string>();
    const figures: Array<{ sent: number; received: number; restored: number }> = [];
    for (let round = 0; round < 10; round++) {
      const writerDoc = new Y.Doc();
      const items = writerDoc.getArray<string>('items');
      const writer = new RawClient(`${server.wsBase}/${f.charter}?token=${f.participantA}`);
      const reader = provider(server.wsBase, f.charter, f.participantB);
      await Promise.all([writer.opened, synced(reader)]);
      let sent = 0;
      const stream = setInterval(() => {
        for (let k = 0; k < 3; k++) {
          const before = Y.encodeStateVector(writerDoc);
          items.push([`r${round}-${sent++}`]);
          writer.sendUpdate(Y.encodeStateAsUpdate(writerDoc, before));
        }
      }, 1);
      const readerItems = reader.doc.getArray<string>('items');
      await until(() => readerItems.length > 0 && readerItems.toArray().filter((x) => x.startsWith(`r${round}-`)).length >= 50 + round * 20, 10_000, 'reader to receive');
      server.proc.kill('SIGKILL');
      await server.exited;
      clearInterval(stream);
      // Whatever reaches the reader, even after the kill, was sent by the server, so was stored.
      await new Promise((r) => setTimeout(r, 50));
      const received = readerItems.toArray().filter((x) => x.startsWith(`r${round}-`));
      readerItems.toArray().forEach((x) => receivedEver.add(x));
      reader.destroy();
      writer.close();

      server = await startChild(env);
      const restoredDoc = await freshView(server.wsBase, f.charter, f.observer);
      const restored = new Set(restoredDoc.getArray<string>('items').toArray());
      const missing = [...receivedEver].filter((x) => !restored.has(x));
      expect(missing, `round ${round}: relayed but lost`).toEqual([]);
      figures.push({ sent, received: received.length, restored: [...restored].filter((x) => x.startsWith(`r${round}-`)).length });
    }
    server.proc.kill('SIGTERM');
    await server.exited;
    const total = figures.reduce((t, x) => ({ sent: t.sent + x.sent, received: t.received + x.received, restored: t.restored + x.restored }), { sent: 0, received: 0, restored: 0 });
    console.log(`${_kind} kill -9 x${figures.length}: sent ${total.sent}, received by B ${total.received}, restored ${total.restored}, lost of received 0`);
  }, 120_000);
});
