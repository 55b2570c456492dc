/**
 * `npm run bench:room`: a room's life on one instance (issue #7). A board of 10,000 notes is
 * written, every client leaves, and the script reports the room's memory as /metrics reports it
 * (encoded size, process heap) and how long until the room is released; then the process is
 * restarted on the same data and the first client's cold load from the store is timed (goal ≤ 1 s).
 * The reference server is shown beside it for the part it can do (it keeps rooms forever).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { BoardDoc } from '../shared/board/board-doc.js';
import type { Author } from '../shared/board/schema.js';
import { authorFor, openCrowd, syncMessage } from './lib/clients.js';
import { freePort, rssMb, startReference, startSamskap, type Target } from './lib/servers.js';

const NOTES = Number(process.env.BENCH_NOTES ?? 10_000);
const UNLOAD_MS = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The notes, written by the member `author` (the server refuses elements that name anyone else). */
function board(author: Author): Uint8Array {
  const doc = new Y.Doc();
  let n = 0;
  const b = new BoardDoc(doc, () => `n${(n++).toString().padStart(14, '0')}`);
  doc.transact(() => {
    for (let i = 0; i < NOTES; i++) b.create({ kind: 'note', x: (i % 100) * 200, y: Math.floor(i / 100) * 160, text: `Lapp nummer ${i}: felles plattform` }, author, 'bench');
  });
  return Y.encodeStateAsUpdate(doc);
}

/** Time from opening a socket to holding the whole document (a sync step 2 of its size). */
async function timeToDocument(url: string, size: number): Promise<number> {
  const t0 = performance.now();
  const crowd = await openCrowd([url], new Map(), { presence: false });
  await new Promise<void>((resolve) => crowd.sockets[0]!.on('message', (m: Buffer) => m[0] === 0 && m[1] === 1 && m.length >= size * 0.9 && resolve()));
  const ms = performance.now() - t0;
  crowd.close();
  return ms;
}

async function seed(url: string, update: Uint8Array): Promise<void> {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  await new Promise((r) => ws.once('open', r));
  ws.send(syncMessage(2, update));
  await timeToDocument(url, update.length); // returns once the server holds it
  ws.terminate();
}

async function metric(base: string, name: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

// Samskap: memory while loaded, release after the last client leaves, cold load after a restart.
const dir = mkdtempSync(path.join(tmpdir(), 'samskap-bench-room-'));
try {
  // --expose-gc: the registry collects right after an unload, so the heap shows what was kept.
  const first = await startSamskap({ SYNC_UNLOAD_AFTER_MS: String(UNLOAD_MS) }, ['--expose-gc'], dir);
  const url = await first.roomUrl(1);
  const update = board(await authorFor(url));
  console.log(`A board of ${NOTES} notes: ${mb(update.length)} MB encoded\n`);
  const baseline = await metric(first.base, 'samskap_process_nodejs_heap_size_used_bytes');
  await seed(url, update);
  const loaded = { rooms: await metric(first.base, 'samskap_sync_rooms_loaded'), bytes: await metric(first.base, 'samskap_sync_room_bytes'), heap: await metric(first.base, 'samskap_process_nodejs_heap_size_used_bytes'), rss: rssMb(first.pid).now };
  const left = performance.now();
  let releasedMs = NaN;
  while (performance.now() - left < 60_000) {
    if ((await metric(first.base, 'samskap_sync_rooms_loaded')) === 0) {
      releasedMs = performance.now() - left;
      break;
    }
    await sleep(250);
  }
  const after = { bytes: await metric(first.base, 'samskap_sync_room_bytes'), heap: await metric(first.base, 'samskap_process_nodejs_heap_size_used_bytes'), rss: rssMb(first.pid).now };
  await first.stop();
  const second = await startSamskap({}, [], dir);
  const port = new URL(second.base).port;
  const coldUrl = url.replace(/:\d+\//, `:${port}/`);
  const cold = await timeToDocument(coldUrl, update.length);
  const warm = await timeToDocument(coldUrl, update.length);
  await second.stop();

  // The reference: loaded memory, and what is left after everyone left (it has no store to reload from).
  const ref: Target = await startReference(await freePort());
  const refUrl = await ref.roomUrl(1);
  await seed(refUrl, update);
  const refLoaded = rssMb(ref.pid).now;
  await sleep(UNLOAD_MS + 5000);
  const refAfter = rssMb(ref.pid).now;
  const refSecond = await timeToDocument(refUrl, update.length);
  await ref.stop();

  console.log('| | Samskap | reference |\n| --- | ---: | ---: |');
  console.log(`| room loaded: encoded size (/metrics) | ${mb(loaded.bytes)} MB | – |`);
  console.log(`| room loaded: process heap used / RSS | ${mb(loaded.heap)} / ${loaded.rss.toFixed(0)} MB | – / ${refLoaded.toFixed(0)} MB |`);
  console.log(`| room released after the last client left | ${Number.isFinite(releasedMs) ? `${(releasedMs / 1000).toFixed(1)} s (unload delay ${UNLOAD_MS / 1000} s)` : 'not within 60 s'} | never (no store) |`);
  console.log(`| after release: room bytes / heap used / RSS | ${mb(after.bytes)} MB / ${mb(after.heap)} MB / ${after.rss.toFixed(0)} MB | – / – / ${refAfter.toFixed(0)} MB |`);
  console.log(`| cold load from the store after a restart | ${Math.round(cold)} ms | – (lost on restart) |`);
  console.log(`| next client (room warm) | ${Math.round(warm)} ms | ${Math.round(refSecond)} ms |`);
  console.log(`\nSamskap heap used: ${mb(baseline)} MB before the board, ${mb(loaded.heap)} MB with it loaded (${loaded.rooms} room), ${mb(after.heap)} MB once released.`);
  console.log('Goals: cold load ≤ 1 s; the room reported, and released within a minute of the last client leaving.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
