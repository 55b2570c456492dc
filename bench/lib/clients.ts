/**
 * Load-generating clients. The crowd are lightweight protocol clients (raw ws, no Y.Doc). Like a
 * stock y-websocket provider they send sync step 1 and, with `presence`, announce an awareness
 * state on connect and renew it every 15–18 s (y-protocols checks every 3 s and renews after
 * 15 s); optionally they move a cursor at a fixed rate. They time every edit they receive and
 * count what they receive both as frames and as messages: one edit or one awareness state reaching
 * one client is one message, however many a server merges into a frame. Writers edit a real Y.Doc
 * and stamp each edit's send time.
 */
import WebSocket from 'ws';
import { BoardDoc } from '../../shared/board/board-doc.js';
import type { Author } from '../../shared/board/schema.js';
import type { WorkshopDto } from '../../shared/api.js';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const syncMessage = (sub: number, payload: Uint8Array): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
};

export function awarenessMessage(clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

const EMPTY_STEP1 = syncMessage(0, Y.encodeStateVector(new Y.Doc()));
const RENEW_MS = 15_000;

/** Send times of every writer's edits, by the writer's Y.Doc client id, indexed by the clock of the item each edit wrote. */
export type SendTimes = Map<number, number[]>;

/** Awareness client ids, unique in the whole run (crowds of one room may sit on two servers). */
let nextClientId = 100_000;

export interface CrowdOptions {
  /** Announce and renew an awareness state as a stock provider does (default true). */
  presence?: boolean;
  connectTimeoutMs?: number;
  /** Told of each edit as it first arrives (writer's client id, edit number), for timing elsewhere. */
  onEdit?: (client: number, i: number) => void;
}

export interface Crowd {
  sockets: WebSocket[];
  latencies: number[];
  /** Frames received, and messages (edits and awareness states) they carried. */
  frames: number;
  messages: number;
  failed: number;
  /** Resolves when a socket has received its initial state (sync step 2). */
  synced: Promise<void>[];
  close(): void;
  startCursors(hz: number): void;
}

export async function openCrowd(urls: string[], sent: SendTimes, opts: CrowdOptions = {}): Promise<Crowd> {
  const timers: NodeJS.Timeout[] = [];
  const ids = new Map<WebSocket, { clientId: number; clock: number }>();
  const announce = (ws: WebSocket, cursor: unknown) => {
    const me = ids.get(ws)!;
    if (ws.readyState === ws.OPEN) ws.send(awarenessMessage(me.clientId, ++me.clock, { user: { name: `bench ${me.clientId}` }, cursor }));
  };
  const crowd: Crowd = {
    sockets: [],
    latencies: [],
    frames: 0,
    messages: 0,
    failed: 0,
    synced: [],
    close: () => {
      timers.forEach((t) => clearTimeout(t));
      crowd.sockets.forEach((ws) => ws.terminate());
    },
    startCursors(hz) {
      let tick = 0;
      timers.push(
        setInterval(() => {
          tick++;
          crowd.sockets.forEach((ws, i) => announce(ws, { x: tick, y: i }));
        }, 1000 / hz),
      );
    },
  };
  await Promise.all(
    urls.map(
      (url) =>
        new Promise<void>((resolve) => {
          const ws = new WebSocket(url, { perMessageDeflate: false });
          ids.set(ws, { clientId: nextClientId++, clock: 0 });
          const seen = new Map<number, number>();
          let resolveSynced!: () => void;
          crowd.synced.push(new Promise((r) => (resolveSynced = r)));
          const timer = setTimeout(() => {
            crowd.failed++;
            ws.terminate();
            resolve();
          }, opts.connectTimeoutMs ?? 60_000);
          ws.on('open', () => {
            clearTimeout(timer);
            ws.send(EMPTY_STEP1);
            crowd.sockets.push(ws);
            if (opts.presence ?? true) {
              announce(ws, null);
              const renew = () => {
                announce(ws, null);
                timers.push(setTimeout(renew, RENEW_MS + Math.random() * 3000));
              };
              timers.push(setTimeout(renew, RENEW_MS + Math.random() * 3000));
            }
            resolve();
          });
          ws.on('error', () => undefined);
          ws.on('message', (m: Buffer) => {
            crowd.frames++;
            if (m[0] === 1) {
              crowd.messages += awarenessEntries(m);
              return;
            }
            if (m[0] !== 0) return crowd.messages++;
            if (m[1] === 1) {
              crowd.messages++;
              return resolveSynced();
            }
            if (m[1] !== 2) return crowd.messages++;
            // A server may merge several edits into one message: each writer's clock range in the
            // update says which of its edits it carries (edit k is the writer's item with clock k).
            const now = performance.now();
            const meta = Y.parseUpdateMeta(decoding.readVarUint8Array(decoding.createDecoder(m.subarray(2))));
            let edits = 0;
            for (const [client, to] of meta.to) {
              const from = meta.from.get(client) ?? 0;
              edits += to - from;
              const times = sent.get(client);
              if (!times && !opts.onEdit) continue;
              const k = seen.get(client) ?? 0;
              for (let i = Math.max(from, k); i < to; i++) {
                opts.onEdit?.(client, i);
                const t = times?.[i];
                if (t !== undefined) crowd.latencies.push(now - t);
              }
              seen.set(client, Math.max(k, to));
            }
            crowd.messages += Math.max(1, edits);
          });
        }),
    ),
  );
  return crowd;
}

function awarenessEntries(m: Buffer): number {
  try {
    const d = decoding.createDecoder(m);
    decoding.readVarUint(d);
    return decoding.readVarUint(decoding.createDecoder(decoding.readVarUint8Array(d)));
  } catch {
    return 1;
  }
}

export interface Writer {
  edit(): void;
  close(): void;
}

/**
 * The author fields of the member a Samskap room URL signs in as (`/sync/<workshop>/…?token=`):
 * the server refuses board elements that name anyone else. The reference server checks nothing.
 */
export async function authorFor(url: string): Promise<Author> {
  const u = new URL(url);
  const token = u.searchParams.get('token');
  const workshopId = /^\/sync\/([^/]+)\//.exec(u.pathname)?.[1];
  if (!token || !workshopId) return { id: 'bench', name: 'Bench', organisationId: null, organisationName: null };
  const res = await fetch(`http://${u.host}/api/workshops/${workshopId}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`reading the bench member failed: ${res.status}`);
  const w = (await res.json()) as WorkshopDto;
  return { id: w.me.id, name: w.me.displayName, organisationId: w.me.organisationId, organisationName: w.organisations.find((o) => o.id === w.me.organisationId)?.name ?? null };
}

/** `now`: the clock the send times are taken with (the crowds' clock). */
export async function openWriter(url: string, sent: SendTimes, now = () => performance.now()): Promise<Writer> {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  await new Promise((r) => ws.once('open', r));
  ws.on('message', () => undefined);
  const doc = new Y.Doc();
  const times: number[] = [];
  sent.set(doc.clientID, times);
  // Schema-valid content in a board room: each writer moves its own note, as people edit
  // different notes of a board. The note is created before the edits are timed; each edit then
  // writes one item (`x`), and its send time is kept under that item's clock.
  const board = new BoardDoc(doc, () => `n${String(doc.clientID).padStart(15, '0')}`.slice(0, 16));
  const author = await authorFor(url);
  const note = board.create({ kind: 'note', x: 0, y: 0, text: 'Felles plattform' }, author, 'bench');
  ws.send(syncMessage(2, Y.encodeStateAsUpdate(doc)));
  let i = 0;
  return {
    edit() {
      const sv = Y.encodeStateVector(doc);
      const clock = Y.getState(doc.store, doc.clientID);
      board.update(note, { x: ++i }, 'bench');
      times[clock] = now();
      ws.send(syncMessage(2, Y.encodeStateAsUpdate(doc, sv)));
    },
    close: () => ws.terminate(),
  };
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
