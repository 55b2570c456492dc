/**
 * The sync fuzzer (issue #12): hostile members send generated Yjs updates of every content kind,
 * named or by-id parents, origins that exist or not, deep JSON and values, and delete ranges up to
 * 2^53 clocks, to every kind of room, while a prober times `GET /healthz`. Afterwards every room
 * must still open for a newcomer and the workshop must back up. Seeded (lib0/prng), so a failure
 * replays. Used by tests/sync-fuzz.test.ts and `npm run bench:fuzz`.
 */
import * as prng from 'lib0/prng';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { call, fixture, type Fixture } from './api.js';
import {
  anyContent, binaryContent, ContentRef, craftUpdate, deepAnyContent, deletedContent, docContent, embedContent, formatContent, jsonContent, nestedJson,
  stringContent, TypeRef, typeContent, type CraftedItem,
} from './crafted-updates.js';
import { provider, synced, syncMessage } from './sync.js';

export interface FuzzOptions {
  base: string;
  wsBase: string;
  seed: number;
  durationMs: number;
  /** Sockets sending at once. */
  senders?: number;
}

export interface FuzzResult {
  sent: number;
  /** Close codes the server answered with, and how often. */
  closes: Map<number, number>;
  /** `/healthz` round trips in ms, one every 100 ms. */
  probes: number[];
  /** Probes that failed or took longer than 1 s. */
  slowProbes: number;
  /** Rooms that still opened for a newcomer (synced within 10 s) and the backup's status. */
  roomsOpened: number;
  rooms: number;
  backupStatus: number;
}

type Gen = prng.PRNG;
const ROOTS = ['elements', 'meta', 'actors', 'principles', 'prosemirror', 'comments', 'junk', 'benefits', 'roadmap', 'services', 'lifeEvent', 'paradoxTargets', 'maturity', 'funding', 'settings'];
const TYPE_REFS = Object.values(TypeRef);

function randomValue(gen: Gen, depth: number): unknown {
  if (depth <= 0) return prng.oneOf(gen, [1, -2.5, 'tekst', true, null, 2 ** 60]);
  return prng.bool(gen) ? [randomValue(gen, depth - 1)] : { k: randomValue(gen, depth - 1) };
}

function randomItem(gen: Gen, client: number, clock: number): CraftedItem {
  const ref = prng.oneOf(gen, Object.values(ContentRef));
  const depth = prng.int32(gen, 0, 12);
  const content: CraftedItem['content'] = (() => {
    switch (ref) {
      case ContentRef.deleted: return deletedContent(prng.int32(gen, 1, 5));
      case ContentRef.json: return jsonContent(prng.bool(gen) ? nestedJson(prng.oneOf(gen, [3, 50, 5000])) : '{"a":[1,2]}');
      case ContentRef.binary: return binaryContent(prng.uint8Array(gen, prng.int32(gen, 0, 64)));
      case ContentRef.string: return stringContent(prng.utf16String(gen, 40));
      case ContentRef.embed: return embedContent(nestedJson(prng.oneOf(gen, [1, 5000])));
      case ContentRef.format: return formatContent(prng.word(gen, 1, 8), prng.bool(gen) ? 'null' : nestedJson(prng.oneOf(gen, [2, 30, 5000])));
      case ContentRef.type: return typeContent(prng.oneOf(gen, TYPE_REFS), 'p');
      case ContentRef.any: return prng.bool(gen) ? anyContent(randomValue(gen, depth)) : deepAnyContent(prng.oneOf(gen, [9, 200, 3000]));
      default: return docContent(prng.word(gen, 1, 8));
    }
  })();
  const item: CraftedItem = { client, clock, root: prng.oneOf(gen, ROOTS), key: prng.bool(gen) ? prng.word(gen, 1, 6) : null, ref, content };
  const pick = prng.int32(gen, 0, 9);
  // Some items hang off ids: earlier items of this fuzzer (which may be no type), or unknown ones.
  if (pick === 0) item.parentId = [client, prng.int32(gen, 0, clock)];
  if (pick === 1) item.origin = [client, prng.int32(gen, 0, clock + 3)];
  if (pick === 2) item.parentId = [prng.uint32(gen, 0, 2 ** 31), prng.int32(gen, 0, 100)];
  return item;
}

/** One generated message: crafted items and delete ranges, a stock edit, or a cut-off update. */
function randomUpdate(gen: Gen, client: number, clock: number): Uint8Array {
  const shape = prng.int32(gen, 0, 9);
  if (shape === 0) {
    const doc = new Y.Doc();
    doc.getMap('elements').set(prng.word(gen, 1, 8), prng.utf16String(gen, 30));
    return Y.encodeStateAsUpdate(doc);
  }
  const deletes: Array<[number, number, number]> = [];
  if (shape <= 2) deletes.push([prng.oneOf(gen, [client, prng.uint32(gen, 0, 2 ** 31)]), prng.int32(gen, 0, 10), prng.oneOf(gen, [1, 2 ** 30, 2 ** 40, Number.MAX_SAFE_INTEGER - 20])]);
  const items = shape === 1 ? [] : Array.from({ length: prng.int32(gen, 1, 3) }, (_, i) => randomItem(gen, client, clock + i));
  const update = craftUpdate(items, deletes);
  return shape === 9 ? update.slice(0, Math.max(1, prng.int32(gen, 1, update.byteLength - 1))) : update;
}

async function probeLoop(base: string, until: () => boolean, probes: number[]): Promise<number> {
  let slow = 0;
  while (!until()) {
    const t0 = performance.now();
    try {
      const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.status !== 200) slow++;
    } catch {
      slow++;
    }
    const ms = performance.now() - t0;
    probes.push(ms);
    if (ms > 1000) slow++;
    await new Promise((r) => setTimeout(r, 100));
  }
  return slow;
}

/** Sends generated updates on one socket at a time per sender until the time is up. */
async function sender(gen: Gen, url: () => string, until: () => boolean, result: FuzzResult, client: number): Promise<void> {
  let clock = 0;
  while (!until()) {
    const ws = new WebSocket(url());
    ws.on('error', () => {});
    const code = await new Promise<number>((resolve) => {
      ws.once('close', (c) => resolve(c));
      ws.once('open', () => {
        const burst = prng.int32(gen, 1, 5);
        for (let i = 0; i < burst && ws.readyState === ws.OPEN; i++) {
          ws.send(syncMessage(2, randomUpdate(gen, client, clock)));
          clock += 3;
          result.sent++;
        }
        setTimeout(() => ws.close(), 150);
      });
    });
    result.closes.set(code, (result.closes.get(code) ?? 0) + 1);
  }
}

export async function runFuzz(opts: FuzzOptions): Promise<FuzzResult & { fixture: Fixture }> {
  const f = await fixture(opts.base);
  const rooms = [f.board, f.charter, `${f.workshop.id}/vision`];
  const tokens = [f.participantA, f.participantB, f.facilitator];
  const gen = prng.create(opts.seed);
  const end = Date.now() + opts.durationMs;
  const until = () => Date.now() >= end;
  const result: FuzzResult = { sent: 0, closes: new Map(), probes: [], slowProbes: 0, roomsOpened: 0, rooms: rooms.length, backupStatus: 0 };
  const senders = Array.from({ length: opts.senders ?? 3 }, (_, i) =>
    sender(prng.create(prng.uint32(gen, 0, 2 ** 31)), () => `${opts.wsBase}/${prng.oneOf(gen, rooms)}?token=${tokens[i % tokens.length]}`, until, result, 900_000 + i),
  );
  const [slow] = await Promise.all([probeLoop(opts.base, until, result.probes), ...senders]);
  result.slowProbes = slow as number;
  for (const room of rooms) {
    const p = provider(opts.wsBase, room, f.participantB, new Y.Doc({ gc: !room.endsWith('/vision') }));
    try {
      await synced(p, 10_000);
      result.roomsOpened++;
    } catch {
      // counted as not opened
    } finally {
      p.destroy();
    }
  }
  result.backupStatus = (await call(opts.base, 'GET', `/api/workshops/${f.workshop.id}/backup`, undefined, f.facilitator)).status;
  return { ...result, fixture: f };
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
