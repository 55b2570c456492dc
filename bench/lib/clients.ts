/**
 * Load-generating clients. The crowd are lightweight protocol clients (raw ws, no Y.Doc): they
 * send sync step 1, optionally an awareness cursor at a fixed rate, and time every document
 * update they receive. The writer edits a real Y.Doc and stamps each edit's send time.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** The writer's Y.Doc client id, registered per `sentAt` array (one writer per room). */
const writers = new WeakMap<number[], number>();
const writerClient = (sentAt: number[]) => writers.get(sentAt);

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

export interface Crowd {
  sockets: WebSocket[];
  /** Send time of edit k (shared with the writer). */
  sentAt: number[];
  latencies: number[];
  messages: number;
  failed: number;
  /** Resolves when a socket has received its initial state (sync step 2). */
  synced: Promise<void>[];
  close(): void;
  startCursors(hz: number): void;
}

export async function openCrowd(urls: string[], sentAt: number[], connectTimeoutMs = 60_000): Promise<Crowd> {
  const crowd: Crowd = {
    sockets: [],
    sentAt,
    latencies: [],
    messages: 0,
    failed: 0,
    synced: [],
    close: () => crowd.sockets.forEach((ws) => ws.terminate()),
    startCursors(hz) {
      let clock = 0;
      const timer = setInterval(() => {
        clock++;
        crowd.sockets.forEach((ws, i) => ws.readyState === ws.OPEN && ws.send(awarenessMessage(100_000 + i, clock, { cursor: { x: clock, y: i } })));
      }, 1000 / hz);
      const close = crowd.close;
      crowd.close = () => {
        clearInterval(timer);
        close();
      };
    },
  };
  await Promise.all(
    urls.map(
      (url) =>
        new Promise<void>((resolve) => {
          const ws = new WebSocket(url, { perMessageDeflate: false });
          let k = 0;
          let resolveSynced!: () => void;
          crowd.synced.push(new Promise((r) => (resolveSynced = r)));
          const timer = setTimeout(() => {
            crowd.failed++;
            ws.terminate();
            resolve();
          }, connectTimeoutMs);
          ws.on('open', () => {
            clearTimeout(timer);
            ws.send(EMPTY_STEP1);
            crowd.sockets.push(ws);
            resolve();
          });
          ws.on('error', () => undefined);
          ws.on('message', (m: Buffer) => {
            crowd.messages++;
            if (m[0] !== 0) return;
            if (m[1] === 1) return resolveSynced();
            if (m[1] !== 2) return;
            // A server may merge several edits into one message: the writer's clock range in the
            // update says which edits it carries (edit i is the writer's item with clock i).
            const now = performance.now();
            const meta = Y.parseUpdateMeta(decoding.readVarUint8Array(decoding.createDecoder(m.subarray(2))));
            for (const [client, to] of meta.to) {
              if (client !== writerClient(sentAt)) continue;
              for (let i = meta.from.get(client) ?? 0; i < to; i++) {
                const t = sentAt[i];
                if (t !== undefined && i >= k) crowd.latencies.push(now - t);
              }
              k = Math.max(k, to);
            }
          });
        }),
    ),
  );
  return crowd;
}

export interface Writer {
  edit(): void;
  close(): void;
}

export async function openWriter(url: string, sentAt: number[]): Promise<Writer> {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  await new Promise((r) => ws.once('open', r));
  ws.on('message', () => undefined);
  const doc = new Y.Doc();
  writers.set(sentAt, doc.clientID);
  const map = doc.getMap('bench');
  let i = 0;
  return {
    edit() {
      const sv = Y.encodeStateVector(doc);
      map.set('x', i++);
      sentAt.push(performance.now());
      ws.send(syncMessage(2, Y.encodeStateAsUpdate(doc, sv)));
    },
    close: () => ws.terminate(),
  };
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
