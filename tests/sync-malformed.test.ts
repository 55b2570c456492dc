/**
 * Bad bytes on the sync socket: each closes only the offending connection; the server stays up,
 * other connections keep working and the document is intact. Inputs come from fast-check with a
 * fixed seed, so a failure replays.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../shared/errors.js';
import { fixture, type Fixture } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';
import { absentServices, createTestDatabase, pgUnreachable } from './helpers/services.js';
import { provider, RawClient, synced, syncMessage, until } from './helpers/sync.js';

const MAX = 64 * 1024;
const noPostgres = absentServices([['PostgreSQL', await pgUnreachable()]]);
const STORES = noPostgres ? ['SQLite'] : ['SQLite', 'PostgreSQL'];

describe.each(STORES)('on %s', (kind) => {
  let s: TestServer;
  let f: Fixture;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const env: Record<string, string> = { SYNC_MAX_MESSAGE_BYTES: String(MAX), SYNC_MESSAGES_PER_SECOND: '50', SYNC_MESSAGE_BURST: '100' };
    if (kind === 'PostgreSQL') {
      const db = await createTestDatabase();
      drop = db.drop;
      env.DATABASE_URL = db.url;
    }
    s = await startServer(env);
    f = await fixture(s.base);
  });
  afterAll(async () => {
    await s.stop();
    s.cleanup();
    await drop?.();
  });

  const open = async (room = f.charter, token = f.participantA) => {
    const c = new RawClient(`${s.wsBase}/${room}?token=${token}`);
    await c.opened;
    return c;
  };

  describe('malformed sync messages', () => {
    it('random bytes, truncations and unknown types close only the sender; the document stays intact', async () => {
      const keeper = provider(s.wsBase, f.charter, f.participantB);
      await synced(keeper);
      keeper.doc.getText('t').insert(0, 'intact');
      const valid = syncMessage(2, Y.encodeStateAsUpdate(keeper.doc));
      const closes = new Map<number, number>();
      let cases = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.uint8Array({ minLength: 0, maxLength: 300 }),
            fc.integer({ min: 1, max: valid.length - 1 }).map((n) => valid.slice(0, n)),
            fc.integer({ min: 4, max: 1000 }).map((t) => new Uint8Array([t & 127 | (t > 127 ? 128 : 0), ...(t > 127 ? [t >> 7] : []), 1, 2])),
            fc.uint8Array({ minLength: 1, maxLength: 50 }).map((b) => new Uint8Array([0, 2, b.length, ...b])),
            fc.uint8Array({ minLength: 1, maxLength: 50 }).map((b) => new Uint8Array([0, 0, b.length, ...b])),
            fc.uint8Array({ minLength: 1, maxLength: 50 }).map((b) => new Uint8Array([1, b.length, ...b])),
            fc.integer({ min: 3, max: 100 }).map((sub) => new Uint8Array([0, sub, 0])),
          ),
          async (bytes) => {
            cases++;
            const c = await open();
            c.send(bytes);
            // Either the server closes the connection, or the message was valid; both are fine as
            // long as nobody else is affected. Probe with a valid step 1 to see which.
            c.sendStep1();
            const code = await Promise.race([c.closed, until(() => c.updates().length > 0, 2000).then(() => 0)]);
            closes.set(code, (closes.get(code) ?? 0) + 1);
            if (code !== 0) expect(code).toBe(CloseCode.malformedMessage);
            c.close();
          },
        ),
        { seed: 20261127, numRuns: 150 },
      );
      expect(cases).toBe(150);
      expect(closes.get(CloseCode.malformedMessage) ?? 0).toBeGreaterThan(50);
      // The keeper was never disturbed and the stored document is intact.
      expect(keeper.wsconnected).toBe(true);
      keeper.doc.getText('t').insert(6, '!');
      const fresh = provider(s.wsBase, f.charter, f.observer);
      await synced(fresh);
      await until(() => fresh.doc.getText('t').toString() === 'intact!');
      const health = await fetch(`${s.base}/healthz`);
      expect(health.status).toBe(200);
      keeper.destroy();
      fresh.destroy();
    }, 60_000);

    it('a text frame is malformed', async () => {
      const c = await open();
      c.send('hello');
      expect(await c.closed).toBe(CloseCode.malformedMessage);
    });

    it('an oversized message closes with 4413 and is not stored; far beyond it the ws layer answers 1009', async () => {
      const other = await open(f.board, f.participantB);
      const before = (await s.app.store.docs.load(f.board)).updates.length;
      const big = new Y.Doc();
      big.getText('t').insert(0, 'x'.repeat(MAX + 10));
      const c = await open(f.board);
      c.sendUpdate(Y.encodeStateAsUpdate(big));
      expect(await c.closed).toBe(CloseCode.messageTooLarge);
      const huge = await open(f.board);
      huge.send(new Uint8Array(MAX * 3));
      expect(await huge.closed).toBe(CloseCode.frameTooBig);
      expect((await s.app.store.docs.load(f.board)).updates.length).toBe(before);
      expect(other.closeCode).toBeNull();
      other.close();
    });

    it('a flood beyond the per-connection rate closes that connection with 4529', async () => {
      const calm = await open(f.board, f.participantB);
      const c = await open(f.board);
      const step1 = syncMessage(0, Y.encodeStateVector(new Y.Doc()));
      for (let i = 0; i < 300; i++) c.send(step1);
      expect(await c.closed).toBe(CloseCode.rateLimited);
      calm.sendStep1();
      await until(() => calm.updates().length > 0);
      expect(calm.closeCode).toBeNull();
      calm.close();
    });
  });
});
