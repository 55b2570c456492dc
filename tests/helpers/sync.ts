/** Sync clients for tests: stock y-websocket providers and raw protocol sockets. */
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export function provider(wsBase: string, room: string, token: string, doc = new Y.Doc()): WebsocketProvider {
  return new WebsocketProvider(wsBase, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  });
}

export function synced(p: WebsocketProvider, timeoutMs = 5000): Promise<void> {
  if (p.synced) return Promise.resolve();
  return within(timeoutMs, 'provider sync', new Promise((resolve) => p.once('sync', () => resolve())));
}

/** Resolves with the close event when the server closes the provider's connection for good. */
export function closedFor(p: WebsocketProvider, timeoutMs = 5000): Promise<{ code: number; reason: string }> {
  return within(timeoutMs, 'provider closed', new Promise((resolve) => p.once('closed', (e) => resolve(e))));
}

export async function until(cond: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!(await cond())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms);
    }),
  ]);
}

/** A raw protocol client: records every message and the close code. */
export class RawClient {
  readonly ws: WebSocket;
  readonly messages: Uint8Array[] = [];
  closeCode: number | null = null;
  readonly opened: Promise<void>;
  readonly closed: Promise<number>;

  constructor(url: string, headers: Record<string, string> = {}) {
    this.ws = new WebSocket(url, { headers });
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('message', (d: Buffer) => this.messages.push(new Uint8Array(d)));
    this.ws.on('error', () => {});
    this.opened = new Promise((resolve) => this.ws.once('open', () => resolve()));
    this.closed = new Promise((resolve) =>
      this.ws.once('close', (code) => {
        this.closeCode = code;
        resolve(code);
      }),
    );
  }

  send(bytes: Uint8Array | string): void {
    this.ws.send(bytes);
  }

  /** Sends sync step 1 (empty state vector) as a fresh client does. */
  sendStep1(doc = new Y.Doc()): void {
    this.send(syncMessage(0, Y.encodeStateVector(doc)));
  }

  sendUpdate(update: Uint8Array): void {
    this.send(syncMessage(2, update));
  }

  /** Updates (sync step 2 or update) received so far, decoded from the messages. */
  updates(): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (const m of this.messages) {
      const d = decoding.createDecoder(m);
      if (decoding.readVarUint(d) !== 0) continue;
      const sub = decoding.readVarUint(d);
      if (sub === 1 || sub === 2) out.push(decoding.readVarUint8Array(d));
    }
    return out;
  }

  awareness(): Array<{ clientId: number; clock: number; state: unknown }> {
    const out: Array<{ clientId: number; clock: number; state: unknown }> = [];
    for (const m of this.messages) {
      const d = decoding.createDecoder(m);
      if (decoding.readVarUint(d) !== 1) continue;
      const inner = decoding.createDecoder(decoding.readVarUint8Array(d));
      const n = decoding.readVarUint(inner);
      for (let i = 0; i < n; i++) {
        out.push({ clientId: decoding.readVarUint(inner), clock: decoding.readVarUint(inner), state: JSON.parse(decoding.readVarString(inner)) });
      }
    }
    return out;
  }

  close(): void {
    this.ws.close();
  }
}

export function syncMessage(sub: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

export function awarenessMessage(entries: Array<{ clientId: number; clock: number; state: unknown }>): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const en of entries) {
    encoding.writeVarUint(inner, en.clientId);
    encoding.writeVarUint(inner, en.clock);
    encoding.writeVarString(inner, JSON.stringify(en.state));
  }
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

/** A small text edit as an update, from a doc with its own client id. */
export function textUpdate(doc: Y.Doc, text: string, key = 't'): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText(key).insert(doc.getText(key).length, text);
  return Y.encodeStateAsUpdate(doc, before);
}
