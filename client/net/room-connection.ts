/**
 * The one place that opens a Yjs room in the browser: a stock y-websocket provider on
 * `/sync/<room>` (authenticated by the session cookie) and IndexedDB persistence keyed by member
 * and room, so a reload while offline shows the room and edits made offline are sent on reconnect.
 *
 * Status: `connecting` → `synced` (server and client agree) ⇄ `offline` (with the number of local
 * changes made since the last sync, not yet confirmed by a resync); `closed` when the server
 * refused the room for good (a 44xx close code, e.g. the workshop was deleted).
 *
 * A refused update (4422, or 4414 past the vision's cap) cannot be taken back, and a stock
 * provider would send it again on every reconnect. So the connection drops its copy (memory and
 * IndexedDB), opens the room afresh and hands the new connection to `onReplaced` listeners (the
 * views rebuild on it); what the old copy held that the server does not is announced with the
 * refusal (`refusal.ts`) once the fresh copy has synced, so nothing is lost silently. Until then
 * the refused copy waits in IndexedDB beside the emptied one (`room-store.ts`): a reload in
 * between announces it again. A room refused three times within a minute is not reopened.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/errors.js';
import { announceSessionEnded } from './membership.js';
import { announceRefusal, isRefusal, refusedRule } from './refusal.js';
import { announceRoleChanged } from './role-changed.js';
import { emptyKeepingRefused, forgetRefused, readRefused, roomStoreName, type RefusedCopy } from './room-store.js';
import { describeUnconfirmed } from './unconfirmed.js';
import { deferFirstSyncEncoding } from './first-sync.js';

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
  /** Resolves at the first sync with the server. */
  readonly synced: Promise<void>;
  status(): ConnectionStatus;
  onStatus(fn: (s: ConnectionStatus) => void): () => void;
  /** The server refused an update: this connection is gone and `next` holds the room afresh. */
  onReplaced(fn: (next: RoomConnection) => void): () => void;
  destroy(): void;
}

export interface OpenRoomOptions {
  /** Who is signed in: the IndexedDB copy is theirs alone. */
  memberId: string;
  /** Keep a copy in IndexedDB (off for observers on shared machines is a later option). */
  persist?: boolean;
  /** Override for tests; default is this page's origin. */
  serverUrl?: string;
  /** Options of the room's Y.Doc, e.g. `VISION_DOC_OPTIONS` (no garbage collection, for snapshots). */
  doc?: { gc?: boolean };
}

/** Refusals per room in this page: a room refused this often within the window is not reopened. */
const recentRefusals = new Map<string, number[]>();
const REOPEN_LIMIT = 3;
const REOPEN_WINDOW_MS = 60_000;

function mayReopen(room: string): boolean {
  const now = Date.now();
  const times = [...(recentRefusals.get(room) ?? []).filter((t) => now - t < REOPEN_WINDOW_MS), now];
  recentRefusals.set(room, times);
  return times.length <= REOPEN_LIMIT;
}

export function syncUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

export function openRoom(room: string, opts: OpenRoomOptions): RoomConnection {
  return open(room, opts).conn;
}

/** What the server lacks of `copy`, once `conn` has synced, told to the person. */
function announce(conn: RoomConnection, copy: RefusedCopy): Promise<unknown> {
  const lost = conn.synced.then(() => describeUnconfirmed(copy.local, Y.encodeStateVector(conn.doc)));
  announceRefusal({ room: conn.room, code: copy.code, rule: copy.rule, lost });
  return lost;
}

/** `settled`: a refused copy kept beside this one (if any) has been listed and forgotten. */
function open(room: string, opts: OpenRoomOptions): { conn: RoomConnection; settled: Promise<unknown> } {
  const doc = new Y.Doc(opts.doc);
  const storeName = roomStoreName(opts.memberId, room);
  const idb = opts.persist === false ? null : new IndexeddbPersistence(storeName, doc);
  // No BroadcastChannel between tabs: it would carry one member's unsent (or refused) changes into
  // another member's tab, and hand a refused change back to a tab that has just dropped it.
  const provider = new WebsocketProvider(opts.serverUrl ?? syncUrl(), room, doc, { maxBackoffTime: 5000, disableBc: true });
  const listeners = new Set<(s: ConnectionStatus) => void>();
  const replaced = new Set<(next: RoomConnection) => void>();
  let status: ConnectionStatus = { state: 'connecting', unsent: 0, closeCode: null };
  let torn = false;
  let ownerLeft = false;
  const set = (patch: Partial<ConnectionStatus>) => {
    status = { ...status, ...patch };
    listeners.forEach((fn) => fn(status));
  };

  const countUnsent = (_u: Uint8Array, origin: unknown) => {
    if (origin === provider || origin === idb) return;
    if (!(navigator.onLine && provider.wsconnected && provider.synced)) set({ unsent: status.unsent + 1 });
  };
  doc.on('update', countUnsent);
  // The server's first sync is not encoded again for these three (first-sync.ts); IndexedDB gets the server's bytes.
  const storeSynced = idb
    ? (u: Uint8Array) => {
        if (!torn) idb._storeUpdate(u, provider);
      }
    : null;
  deferFirstSyncEncoding(doc, provider, [provider._updateHandler, ...(idb ? [idb._storeUpdate] : []), countUnsent], storeSynced);
  provider.on('sync', (synced: boolean) => {
    if (synced) set({ state: 'synced', unsent: 0 });
  });
  provider.on('status', ({ status: s }: { status: string }) => {
    if (s === 'disconnected') set({ state: status.state === 'closed' ? 'closed' : 'offline' });
  });
  provider.on('closed', (e: { code: number; reason: string }) => {
    set({ state: 'closed', closeCode: e.code });
    if (isRefusal(e.code)) void replace(e.code, e.reason);
    // Not (any more) a valid member token: removed, signed out elsewhere, or idle too long.
    if (e.code === CloseCode.unauthenticated) announceSessionEnded();
  });
  // A facilitator changed our role; the provider reconnects by itself, the page reloads who we are.
  provider.on('connection-close', (e: CloseEvent | null) => {
    if (e?.code === CloseCode.roleChanged) announceRoleChanged();
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

  /** Stops syncing and persisting; the document itself stays until `doc.destroy()`. */
  let closing: Promise<void> | undefined;
  const disconnect = () => {
    if (torn) return closing;
    torn = true;
    window.removeEventListener('offline', onOffline);
    window.removeEventListener('online', onOnline);
    provider.destroy();
    closing = idb?.destroy();
    return closing;
  };

  const dropDoc = () => {
    if (!doc.isDestroyed) doc.destroy();
  };

  /**
   * Drops this copy (keeping it beside the emptied one until what the server lacks of it was
   * listed: a reload in between shows the notice again), opens the room afresh and hands it over.
   */
  async function replace(code: number, reason: string): Promise<void> {
    await disconnect();
    const copy: RefusedCopy = { local: Y.encodeStateAsUpdate(doc), code, rule: refusedRule(code, reason) };
    const kept = idb ? await emptyKeepingRefused(storeName, copy).then(() => true, () => false) : false;
    // Not emptied: the fresh copy must not read the refused change back, so it is not persisted.
    const next = open(room, idb && !kept ? { ...opts, persist: false } : opts);
    const settled = kept ? next.settled : announce(next.conn, copy);
    if (!ownerLeft && replaced.size > 0 && mayReopen(room)) {
      [...replaced].forEach((fn) => fn(next.conn));
      dropDoc();
      return;
    }
    // Nobody to take it, or refused again and again (a view that keeps writing what the server
    // refuses): the fresh copy only tells what was lost; this room stays closed, its views keep
    // showing the old copy (so its text can still be read and copied) until they close it.
    void settled.then(next.conn.destroy, next.conn.destroy);
  }

  const fromServer = new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  // Content from disk means structs in the store: a view that touched a type (`getMap`) before the
  // copy loaded must not make an empty copy look loaded (a board would migrate it before syncing).
  const fromDisk = idb ? idb.whenSynced.then(() => (doc.store.clients.size > 0 ? undefined : fromServer)) : fromServer;
  const conn: RoomConnection = {
    room,
    doc,
    awareness: provider.awareness,
    ready: Promise.race([fromServer, fromDisk]),
    synced: fromServer,
    status: () => status,
    onStatus(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    onReplaced(fn) {
      replaced.add(fn);
      return () => replaced.delete(fn);
    },
    destroy() {
      ownerLeft = true;
      void disconnect();
      dropDoc();
    },
  };
  const settled = idb
    ? idb.whenSynced
        .then(() => readRefused(storeName))
        .then((copy) => copy && announce(conn, copy).then(() => forgetRefused(storeName)))
        .catch(() => undefined)
    : Promise.resolve();
  return { conn, settled };
}
