/**
 * kill -9 cycles under load (issue #18), shared by tests/durability.test.ts (a few cycles) and
 * `npm run reliability:kill` (100 per store). Three members edit a board, the charter and the
 * vision through stock y-websocket providers (one each per room), and a raw client streams
 * updates into the charter as fast as it can, while the server (a child process, as `npm start`
 * runs it) is SIGKILLed at a seeded random moment and restarted on the same data and port.
 *
 * Invariants, after every restart: everything any client received from the server (another
 * writer's edit, or the stream's) is there for a fresh client (DESIGN.md §7: relayed means
 * stored); and at the end, every edit a writer made (including those made while the server was
 * down, and those it sent but the killed server never stored) has reached the server, because
 * the writers kept them in their documents and sent them when they reconnected.
 *
 * Writers are disconnected from the moment of the kill until the fresh client has looked, so a
 * writer resending a lost update cannot hide the loss. With SQLite the killed server's database
 * must also pass `PRAGMA integrity_check` every time.
 */
import Database from 'better-sqlite3';
import * as prng from 'lib0/prng';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BoardDoc } from '../../shared/board/board-doc.js';
import { CharterDoc } from '../../shared/charter/charter-doc.js';
import { VISION_DOC_OPTIONS, visionFragment } from '../../shared/vision/schema.js';
import { authorOf, fixture } from './api.js';
import { startChild, type ChildServer } from './child-server.js';
import { percentile } from './fuzz.js';
import { freePort } from './services.js';
import { provider, RawClient, synced, until } from './sync.js';

export interface KillCycleOptions {
  /** The store: DATA_DIR, and DATABASE_URL for PostgreSQL. */
  env: Record<string, string>;
  cycles: number;
  seed: number;
  /** The kill comes this long after the writers are back, at random in between (ms). */
  killAfter?: [number, number];
  /** Told after each cycle (the script prints progress). */
  onCycle?: (cycle: number, figures: { relayed: number; lost: number; restartMs: number }) => void;
}

export interface KillCycleResult {
  cycles: number;
  /** Distinct edits some client received from the server, over the whole run. */
  relayed: number;
  /** Relayed, then missing after a restart (`room: tag`); must be empty. */
  lost: string[];
  /** Edits the writers made, and those that never reached the server by the end (must be empty). */
  made: number;
  unsentLost: string[];
  /** Spawn to listening, per restart (ms). */
  restartsMs: number[];
  /** Close codes the server sent the writers, and how often. */
  closes: Map<number, number>;
  /** Final refusals (44xx) of a writer's edit, with the reason: a bug here, where every edit is allowed. */
  refusals: string[];
  /** SQLite: `PRAGMA integrity_check` answers other than ok, read after each kill before the restart. */
  damaged: string[];
}

type RoomName = 'board' | 'charter' | 'vision';
const ROOMS: RoomName[] = ['board', 'charter', 'vision'];
/** Edits each writer makes while the server is down, per cycle. */
const OFFLINE_EDITS = 5;
const newId = () => randomBytes(9).toString('base64url');
/** One BoardDoc per document: each one observes the elements map for as long as the document lives. */
const boards = new WeakMap<Y.Doc, BoardDoc>();
const boardOf = (doc: Y.Doc): BoardDoc => boards.get(doc) ?? boards.set(doc, new BoardDoc(doc, newId)).get(doc)!;

/** The tags (unique texts) an edit of each room leaves, and how a writer makes one. */
const TAGS: Record<RoomName, (doc: Y.Doc) => string[]> = {
  board: (doc) => boardOf(doc).list().map((e) => e.text),
  charter: (doc) => [...new CharterDoc(doc, newId).actors().map((a) => a.name), ...doc.getArray<string>('items').toArray()],
  vision: (doc) => visionFragment(doc).toArray().map((p) => (p instanceof Y.XmlElement ? (p.get(0)?.toString() ?? '') : '')),
};

interface Writer {
  name: string;
  token: string;
  author: Awaited<ReturnType<typeof authorOf>>;
  providers: Record<RoomName, WebsocketProvider>;
  made: number;
}

function edit(w: Writer, room: RoomName, tag: string, gen: prng.PRNG): void {
  const doc = w.providers[room].doc;
  if (room === 'board') boardOf(doc).create({ kind: 'note', x: prng.int32(gen, 0, 3000), y: prng.int32(gen, 0, 3000), text: tag }, w.author, 'kill-cycles');
  else if (room === 'charter') new CharterDoc(doc, newId).addActor({ name: tag, kind: 'municipality' }, 'kill-cycles');
  else {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(tag)]);
    doc.transact(() => visionFragment(doc).push([p]), 'kill-cycles');
  }
}

/** Everything a fresh client (the observer) sees of each room. */
async function freshTags(server: ChildServer, rooms: Record<RoomName, string>, token: string): Promise<Record<RoomName, Set<string>>> {
  const out = {} as Record<RoomName, Set<string>>;
  await Promise.all(
    ROOMS.map(async (r) => {
      const p = provider(server.wsBase, rooms[r], token, new Y.Doc(r === 'vision' ? VISION_DOC_OPTIONS : {}));
      try {
        await synced(p, 15_000);
        out[r] = new Set(TAGS[r](p.doc));
      } finally {
        p.destroy();
        p.doc.destroy();
      }
    }),
  );
  return out;
}

/** Read-only, so it neither recovers nor checkpoints the WAL: the restarted server does that itself. */
function integrity(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

export async function runKillCycles(opts: KillCycleOptions): Promise<KillCycleResult> {
  const gen = prng.create(opts.seed);
  // Each stock provider listens for the process's exit: nine writers and three fresh readers.
  process.setMaxListeners(Math.max(process.getMaxListeners(), 30));
  const [killMin, killMax] = opts.killAfter ?? [100, 900];
  // A fixed port, so the stock providers reconnect to the restarted server as they would in life.
  const env = { ...opts.env, PORT: String(await freePort()), LOG_LEVEL: 'error', SYNC_MESSAGES_PER_SECOND: '100000', SYNC_MESSAGE_BURST: '100000' };
  const restartsMs: number[] = [];
  const start = async () => {
    const t = performance.now();
    const s = await startChild(env);
    restartsMs.push(performance.now() - t);
    return s;
  };
  let server = await start();
  const f = await fixture(server.base);
  const rooms: Record<RoomName, string> = { board: f.board, charter: f.charter, vision: `${f.workshop.id}/vision` };
  const closes = new Map<number, number>();
  const refusals: string[] = [];
  const members: Array<[string, string]> = [['fac', f.facilitator], ['ola', f.participantA], ['kari', f.participantB]];
  const writers: Writer[] = await Promise.all(
    members.map(async ([name, token]) => {
      const providers = {} as Record<RoomName, WebsocketProvider>;
      for (const r of ROOMS) {
        const p = provider(server.wsBase, rooms[r], token, new Y.Doc(r === 'vision' ? VISION_DOC_OPTIONS : {}));
        p.on('connection-close', (e: CloseEvent | null) => {
          if (!e) return;
          closes.set(e.code, (closes.get(e.code) ?? 0) + 1);
          if (e.code >= 4400 && e.code < 4500) refusals.push(`${name} in the ${r}: ${e.code} ${e.reason}`);
        });
        providers[r] = p;
      }
      return { name, token, author: await authorOf(server.base, f.workshop.id, token), providers, made: 0 };
    }),
  );
  const all = () => writers.flatMap((w) => ROOMS.map((r) => w.providers[r]));
  await Promise.all(all().map((p) => synced(p, 15_000)));

  // Every writer edits every ~10 ms while the server is up, and a few times while it is down
  // (offline edits, kept and sent on reconnect); bounded so 100 cycles stay under the rooms' caps.
  let offline = false;
  const timers = writers.map((w) => {
    let offlineLeft = 0;
    return setInterval(() => {
      if (!offline) offlineLeft = OFFLINE_EDITS;
      else if (offlineLeft-- <= 0) return;
      edit(w, prng.oneOf(gen, ROOMS), `${w.name}-${w.made++}`, gen);
    }, 10);
  });
  const lost: string[] = [];
  const damaged: string[] = [];
  const relayedEver = new Set<string>();
  try {
    for (let cycle = 0; cycle < opts.cycles; cycle++) {
      // The stream: a raw client pushing three updates every millisecond into the charter.
      const streamDoc = new Y.Doc();
      const stream = new RawClient(`${server.wsBase}/${rooms.charter}?token=${f.participantA}`);
      await stream.opened;
      let n = 0;
      const pump = setInterval(() => {
        for (let k = 0; k < 3; k++) {
          const before = Y.encodeStateVector(streamDoc);
          streamDoc.getArray<string>('items').push([`k${cycle}-${n++}`]);
          stream.sendUpdate(Y.encodeStateAsUpdate(streamDoc, before));
        }
      }, 1);
      await new Promise((r) => setTimeout(r, prng.int32(gen, killMin, killMax)));
      server.proc.kill('SIGKILL');
      offline = true;
      await server.exited;
      clearInterval(pump);
      if (!opts.env.DATABASE_URL) {
        const found = integrity(path.join(opts.env.DATA_DIR!, 'samskap.sqlite'));
        if (found !== 'ok') damaged.push(`cycle ${cycle}: ${found}`);
      }
      // What was already on its way to the clients arrives; it was sent by the server, so stored.
      await new Promise((r) => setTimeout(r, 50));
      all().forEach((p) => p.disconnect());
      stream.close();
      streamDoc.destroy();

      // Received: in a writer's copy and not written by that writer (no BroadcastChannel: it came from the server).
      const relayed = new Map<RoomName, Set<string>>(ROOMS.map((r) => [r, new Set()]));
      for (const w of writers) for (const r of ROOMS) for (const tag of TAGS[r](w.providers[r].doc)) if (!tag.startsWith(`${w.name}-`)) relayed.get(r)!.add(tag);

      server = await start();
      const restored = await freshTags(server, rooms, f.observer);
      let lostNow = 0;
      for (const r of ROOMS) {
        for (const tag of relayed.get(r)!) {
          relayedEver.add(`${r}: ${tag}`);
          if (!restored[r].has(tag)) {
            lost.push(`cycle ${cycle}, ${r}: ${tag}`);
            lostNow++;
          }
        }
      }
      all().forEach((p) => p.connect());
      await Promise.all(all().map((p) => synced(p, 15_000)));
      offline = false;
      opts.onCycle?.(cycle, { relayed: relayedEver.size, lost: lostNow, restartMs: restartsMs.at(-1)! });
    }
  } finally {
    timers.forEach(clearInterval);
  }

  // Every edit any writer made reaches the server: sent, resent after a kill, or made offline.
  const made = new Map<RoomName, Set<string>>(ROOMS.map((r) => [r, new Set()]));
  for (const w of writers) for (const r of ROOMS) for (const tag of TAGS[r](w.providers[r].doc)) if (tag.startsWith(`${w.name}-`)) made.get(r)!.add(tag);
  let seen = await freshTags(server, rooms, f.observer);
  const missing = () => ROOMS.flatMap((r) => [...made.get(r)!].filter((t) => !seen[r].has(t)).map((t) => `${r}: ${t}`));
  await until(async () => (seen = await freshTags(server, rooms, f.observer)) && missing().length === 0, 20_000, 'every edit on the server').catch(() => undefined);
  const unsentLost = missing();
  all().forEach((p) => {
    p.destroy();
    p.doc.destroy();
  });
  server.proc.kill('SIGTERM');
  await server.exited;
  return {
    cycles: opts.cycles,
    relayed: relayedEver.size,
    lost,
    made: writers.reduce((n, w) => n + w.made, 0),
    unsentLost,
    restartsMs: restartsMs.slice(1),
    closes,
    refusals,
    damaged,
  };
}

/** One line of figures for a run. */
export function describeKillCycles(kind: string, r: KillCycleResult): string {
  const closes = [...r.closes.entries()].sort((a, b) => a[0] - b[0]).map(([c, n]) => `${c}×${n}`).join(' ') || 'none';
  return (
    `${kind}: ${r.cycles} kill -9 cycles; updates relayed ${r.relayed}, lost ${r.lost.length}; writers' edits ${r.made}, never stored ${r.unsentLost.length}; ` +
    `final refusals ${r.refusals.length}${r.damaged.length ? `; INTEGRITY CHECK FAILED ${r.damaged.length}×` : ''}; ` +
    `restart (spawn to listening) median ${percentile(r.restartsMs, 50).toFixed(0)} ms, p99 ${percentile(r.restartsMs, 99).toFixed(0)} ms; closes seen by writers: ${closes}`
  );
}
