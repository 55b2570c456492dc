/**
 * Exports cannot take the server down: a PNG of 45,000 notes renders in a worker thread while
 * /healthz keeps answering, a render past EXPORT_RENDER_TIMEOUT_MS is stopped with 503
 * `export_timeout`, and each member gets EXPORTS_PER_MINUTE exports
 * before 429 `rate_limited` with Retry-After.
 */
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from '../shared/board/board-doc.js';
import { fixture, type Fixture } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';

const NOTES = 45_000;
const PER_MINUTE = 4;

/** One update holding `notes` notes on a 300-column grid. */
function bigBoard(notes: number): Uint8Array {
  const doc = new Y.Doc();
  let n = 0;
  const board = new BoardDoc(doc, () => `n${(n++).toString().padStart(15, '0')}`);
  const author = { id: 'm', name: 'Test', organisationId: null, organisationName: null };
  doc.transact(() => {
    for (let i = 0; i < notes; i++) board.create({ kind: 'note', x: (i % 300) * 200, y: Math.floor(i / 300) * 160, text: `Innspel ${i}: ei felles løysing` }, author, 'test');
  });
  return Y.encodeStateAsUpdate(doc);
}

/** A server whose workshop's board holds `update`, written to the store. */
async function withBigBoard(env: Record<string, string>, update: Uint8Array): Promise<{ s: TestServer; f: Fixture; bigBoard: string }> {
  const s = await startServer(env);
  const f = await fixture(s.base);
  const big = f.workshop.boards[0]!;
  await s.app.registry.unloadWhere((name) => name === big.room, { compact: false });
  await s.app.store.docs.appendUpdate(big.room, update);
  return { s, f, bigBoard: big.id };
}

interface Got {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * GET on a fresh connection each time: every server here shares this process's event loop, so
 * a kept-alive socket may be closed by its server while a long export holds the loop.
 */
function request(url: string, token?: string): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { agent: false, headers: token ? { authorization: `Bearer ${token}` } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

const get = (s: TestServer, workshopId: string, path: string, token: string) => request(`${s.base}/api/workshops/${workshopId}${path}`, token);
const json = (r: Got): unknown => JSON.parse(r.body.toString('utf8'));

let roomy: Awaited<ReturnType<typeof withBigBoard>>;
let tight: Awaited<ReturnType<typeof withBigBoard>>;
beforeAll(async () => {
  roomy = await withBigBoard({ EXPORTS_PER_MINUTE: String(PER_MINUTE) }, bigBoard(NOTES));
  // 5,000 notes take far longer than 50 ms to rasterise.
  tight = await withBigBoard({ EXPORT_RENDER_TIMEOUT_MS: '50' }, bigBoard(5_000));
}, 120_000);
afterAll(async () => {
  for (const x of [roomy, tight]) {
    await x?.s.stop();
    x?.s.cleanup();
  }
});

describe('PNG rendering off the event loop', () => {
  it('keeps /healthz answering while a PNG of 45,000 notes renders', async () => {
    const { s, f, bigBoard: boardId } = roomy;
    // Load the board first (SVG): reading 45,000 elements is not what this test measures.
    expect((await get(s, f.workshop.id, `/export/board/${boardId}?format=svg`, f.facilitator)).status).toBe(200);
    let done = false;
    const started = performance.now();
    const png = get(s, f.workshop.id, `/export/board/${boardId}?format=png`, f.facilitator).then((r) => {
      done = true;
      return { ...r, ms: performance.now() - started };
    });
    const latencies: number[] = [];
    while (!done) {
      const t = performance.now();
      const r = await request(`${s.base}/healthz`);
      expect(r.status).toBe(200);
      latencies.push(performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const result = await png;
    expect(result.status).toBe(200);
    expect(result.body.subarray(1, 4).toString()).toBe('PNG');
    console.info(`PNG of ${NOTES} notes: ${Math.round(result.ms)} ms; /healthz answered ${latencies.length} times, slowest ${Math.round(Math.max(...latencies))} ms`);
    expect(latencies.length).toBeGreaterThan(3);
    // All but the slowest two: reading the 45,000 elements from the document still runs on the
    // main thread (well under a second unloaded); drawing and rasterising run in the worker.
    expect([...latencies].sort((a, b) => a - b).at(-3)!).toBeLessThan(500);
  }, 60_000);

  it('stops a render past the time limit with 503 export_timeout', async () => {
    const { s, f, bigBoard: boardId } = tight;
    const r = await get(s, f.workshop.id, `/export/board/${boardId}?format=png`, f.facilitator);
    expect(r.status).toBe(503);
    expect(json(r)).toMatchObject({ error: { code: 'export_timeout' } });
    expect((await request(`${s.base}/healthz`)).status).toBe(200);
    // The server goes on (the replaced worker is tested in server/export/png-renderer.test.ts).
    expect((await get(s, f.workshop.id, '/export/charter?format=md', f.facilitator)).status).toBe(200);
  }, 60_000);
});

describe('per-member export limit', () => {
  it(`answers 429 with Retry-After after ${PER_MINUTE} exports a minute, for that member only`, async () => {
    const { s, f, bigBoard: boardId } = roomy;
    for (let i = 0; i < PER_MINUTE; i++) {
      const path = `/export/charter?format=${i % 2 ? 'json' : 'md'}`;
      expect((await get(s, f.workshop.id, path, f.participantA)).status, path).toBe(200);
    }
    const refused = await get(s, f.workshop.id, '/export/charter?format=json', f.participantA);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(json(refused)).toMatchObject({ error: { code: 'rate_limited' } });
    // Board exports count too (refused before anything is read or drawn).
    expect((await get(s, f.workshop.id, `/export/board/${boardId}?format=png`, f.participantA)).status).toBe(429);
    // Another member of the same workshop is not affected.
    expect((await get(s, f.workshop.id, '/export/charter?format=md', f.participantB)).status).toBe(200);
  });
});
