/**
 * The one place that opens a Yjs room in the browser: a stock y-websocket provider on
 * `/sync/<room>` (authenticated by the session cookie) and IndexedDB persistence, so a reload
 * while offline shows the room and edits made offline are sent on reconnect.
 *
 * Status: `connecting` → `synced` (server and client agree) ⇄ `offline` (with the number of local
 * changes made since the last sync, not yet confirmed by a resync); `closed` when the server
 * refused the room for good (a 44xx close code, e.g. the workshop was deleted).
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { announceRoleChanged } from './role-changed.js';

export type ConnectionState = 'connecting' | 'synced' | 'offline' | 'closed';
export interface ConnectionStatus {
  state: ConnectionState;
  unsent: number;
  closeCode: number | null;
}

export interface RoomConnection {
  readonly room: string;
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** Resolves once the room has content to show: from IndexedDB or from the server. */
  readonly ready: Promise<void>;
  status(): ConnectionStatus;
  onStatus(fn: (s: ConnectionStatus) => void): () => void;
  destroy(): void;
}

export interface OpenRoomOptions {
  /** Keep a copy in IndexedDB (off for observers on shared machines is a later option). */
  persist?: boolean;
  /** Override for tests; default is this page's origin. */
  serverUrl?: string;
  /** Options of the room's Y.Doc, e.g. `VISION_DOC_OPTIONS` (no garbage collection, for snapshots). */
  doc?: { gc?: boolean };
}

const ROLE_CHANGED = 4501;

export function syncUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

export function openRoom(room: string, opts: OpenRoomOptions = {}): RoomConnection {
  const doc = new Y.Doc(opts.doc);
  const idb = opts.persist === false ? null : new IndexeddbPersistence(`samskap:${room}`, doc);
  const provider = new WebsocketProvider(opts.serverUrl ?? syncUrl(), room, doc, { maxBackoffTime: 5000 });
  const listeners = new Set<(s: ConnectionStatus) => void>();
  let status: ConnectionStatus = { state: 'connecting', unsent: 0, closeCode: null };
  const set = (patch: Partial<ConnectionStatus>) => {
    status = { ...status, ...patch };
    listeners.forEach((fn) => fn(status));
  };

  doc.on('update', (_u: Uint8Array, origin: unknown) => {
    if (origin === provider || origin === idb) return;
    if (!(navigator.onLine && provider.wsconnected && provider.synced)) set({ unsent: status.unsent + 1 });
  });
  provider.on('sync', (synced: boolean) => {
    if (synced) set({ state: 'synced', unsent: 0 });
  });
  provider.on('status', ({ status: s }: { status: string }) => {
    if (s === 'disconnected') set({ state: status.state === 'closed' ? 'closed' : 'offline' });
  });
  provider.on('closed', (e: { code: number }) => set({ state: 'closed', closeCode: e.code }));
  // 4501: a facilitator changed our role; the provider reconnects by itself, the page reloads who we are.
  provider.on('connection-close', (e: CloseEvent | null) => {
    if (e?.code === ROLE_CHANGED) announceRoleChanged();
  });
  // The browser knows before the socket does: stop sending into a dead connection, and resync
  // (sync step 1/2 carries every unsent change) as soon as the network is back.
  const onOffline = () => {
    if (status.state === 'closed') return;
    provider.disconnect();
    set({ state: 'offline' });
  };
  const onOnline = () => {
    if (status.state !== 'closed') provider.connect();
  };
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);

  const fromServer = new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  const fromDisk = idb ? idb.whenSynced.then(() => (doc.share.size > 0 ? undefined : fromServer)) : fromServer;
  return {
    room,
    doc,
    awareness: provider.awareness,
    ready: Promise.race([fromServer, fromDisk]),
    status: () => status,
    onStatus(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    destroy() {
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      provider.destroy();
      void idb?.destroy();
      doc.destroy();
    },
  };
}
