/**
 * `/sync/<room>`: the y-websocket endpoint. The caller is authenticated and authorised, and the
 * room loaded, before the upgrade completes; a refusal completes the handshake only to close at
 * once with a documented code (4401 token, 4403 origin or other workshop, 4404 unknown room,
 * 4410 deleted workshop, 4429 room full), so a stock provider stops instead of reconnecting.
 * Admission (./admission.ts) caps connections per member (the oldest closes with 4509) and keeps
 * observers to half of a room.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode } from '../../shared/errors.js';
import { parseRoom, type RoomRef } from '../../shared/ids.js';
import { can, type Actor } from '../auth/access.js';
import type { Authenticator } from '../auth/authenticator.js';
import { sameOrigin } from '../http/origin.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/types.js';
import { Admission } from './admission.js';
import { SyncConnection, type ConnectionLimits } from './connection.js';
import type { DocRegistry } from './doc-registry.js';
import type { Fanout } from '../scale/fanout.js';
import type { SyncStats } from './stats.js';

export const SYNC_PREFIX = '/sync/';
const HEARTBEAT_MS = 30_000;

export interface SyncEndpointDeps {
  registry: DocRegistry;
  auth: Authenticator;
  store: Store;
  log: Logger;
  limits: ConnectionLimits & { maxClientsPerRoom: number; maxConnectionsPerMember: number };
  publicUrl: string | null;
  stats: SyncStats;
  fanout: Fanout;
  /** Read-only beyond the role: board locks (prepared before a connection is accepted, asked per write). */
  writeGuard?: WriteGuard;
}

export interface WriteGuard {
  prepare(workshopId: string): Promise<void>;
  readOnly(actor: Actor, room: RoomRef): boolean;
}

export type SyncEndpoint = ReturnType<typeof createSyncEndpoint>;

class Refusal {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {}
}

export function createSyncEndpoint(deps: SyncEndpointDeps) {
  const { registry, log } = deps;
  const { stats } = deps;
  // The ws layer's own hard cap; our limit (checked per message) answers with 4413 below it.
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.limits.maxMessageBytes * 2, perMessageDeflate: false });
  const connections = new Set<{ conn: SyncConnection; workshopId: string; room: string }>();
  const admission = new Admission<SyncConnection>({ maxPerMember: deps.limits.maxConnectionsPerMember, maxPerRoom: deps.limits.maxClientsPerRoom });
  /** Workshops being deleted: refused until the deletion has finished. */
  const evicted = new Set<string>();
  /** Rooms (boards) being deleted: refused likewise. */
  const evictedRooms = new Set<string>();
  // Dead TCP connections (a laptop closed mid-sentence) are found by ping and dropped, so their
  // cursors leave and their rooms can unload.
  const heartbeat = setInterval(() => connections.forEach((e) => e.conn.heartbeat()), HEARTBEAT_MS);
  heartbeat.unref();

  const refuse = (req: IncomingMessage, socket: Duplex, head: Buffer, r: Refusal) => {
    stats.closed(r.code);
    wss.handleUpgrade(req, socket, head, (ws) => ws.close(r.code, r.reason));
  };

  async function authorise(req: IncomingMessage): Promise<{ name: string; ref: RoomRef; actor: Actor; workshopId: string; organisation: string | null }> {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    let name: string;
    try {
      name = decodeURIComponent(pathname.slice(SYNC_PREFIX.length));
    } catch {
      throw new Refusal(CloseCode.unknownRoom, 'unknown room');
    }
    const ref = parseRoom(name);
    if (!ref) throw new Refusal(CloseCode.unknownRoom, 'unknown room');
    if (evicted.has(ref.workshopId)) throw new Refusal(CloseCode.workshopDeleted, 'workshop deleted');
    if (evictedRooms.has(name)) throw new Refusal(CloseCode.unknownRoom, 'unknown board');
    const creds = deps.auth.credentials(req, ref.workshopId);
    if (!creds) throw new Refusal(CloseCode.unauthenticated, 'no token');
    if (creds.viaCookie && !sameOrigin(req, deps.publicUrl)) throw new Refusal(CloseCode.forbidden, 'origin not allowed');
    const actor = await deps.auth.fromToken(creds.token);
    if (!actor) throw new Refusal(CloseCode.unauthenticated, 'invalid token');
    if (!can(actor, 'doc.read', ref.workshopId)) throw new Refusal(CloseCode.forbidden, 'not a member of this workshop');
    if (ref.part.kind === 'board') {
      const boardId = ref.part.boardId;
      const boards = await deps.store.workshops.boards(ref.workshopId);
      if (!boards.some((b) => b.id === boardId)) throw new Refusal(CloseCode.unknownRoom, 'unknown board');
    }
    await deps.writeGuard?.prepare(ref.workshopId);
    const orgId = actor.member.organisationId;
    const organisation = orgId ? ((await deps.store.workshops.organisations(ref.workshopId)).find((o) => o.id === orgId)?.name ?? null) : null;
    return { name, ref, actor, workshopId: ref.workshopId, organisation };
  }

  function attach(ws: WebSocket, target: Awaited<ReturnType<typeof authorise>>, room: Awaited<ReturnType<DocRegistry['acquire']>>) {
    const { actor, workshopId } = target;
    const m = actor.member;
    const entry = {
      workshopId,
      room: target.name,
      conn: new SyncConnection(
        ws,
        actor.member.id,
        { name: m.displayName, organisation: target.organisation, organisationId: m.organisationId, role: m.role, memberId: m.id },
        {
          room,
          limits: deps.limits,
          log,
          stats,
          canWrite: () => can(actor, 'doc.write', workshopId) && !deps.writeGuard?.readOnly(actor, target.ref),
          onClose: (conn) => {
            admission.remove(conn, target.name, m.role);
            connections.delete(entry);
            registry.release(room);
          },
        },
      ),
    };
    connections.add(entry);
    entry.conn.start();
    for (const old of admission.add(entry.conn, target.name, m.role)) old.close(CloseCode.superseded, 'too many connections of this member');
  }

  async function evictLocally(workshopId: string): Promise<void> {
    evicted.add(workshopId);
    setTimeout(() => evicted.delete(workshopId), 60_000).unref();
    for (const e of [...connections]) if (e.workshopId === workshopId) e.conn.close(CloseCode.workshopDeleted, 'workshop deleted');
    await registry.unloadWhere((name) => name.startsWith(`${workshopId}/`), { compact: false });
  }

  async function evictRoomLocally(room: string): Promise<void> {
    evictedRooms.add(room);
    setTimeout(() => evictedRooms.delete(room), 60_000).unref();
    for (const e of [...connections]) if (e.room === room) e.conn.close(CloseCode.unknownRoom, 'board deleted');
    await registry.unloadWhere((name) => name === room, { compact: false });
  }

  return {
    stats,

    /** A board is being deleted: its connections close with 4404 here and on other instances; the room unloads unsaved. */
    async evictRoom(room: string): Promise<void> {
      deps.fanout.publishControl(`evict-room:${room}`);
      await evictRoomLocally(room);
    },

    /** Another instance deleted a board: evict here, then remove anything written meanwhile. */
    async roomEvictedElsewhere(room: string): Promise<void> {
      await evictRoomLocally(room);
      await deps.store.docs.delete(room);
    },

    async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
      socket.on('error', () => socket.destroy());
      let target: Awaited<ReturnType<typeof authorise>>;
      try {
        target = await authorise(req);
      } catch (err) {
        if (!(err instanceof Refusal)) log.error({ err }, 'sync upgrade failed');
        return refuse(req, socket, head, err instanceof Refusal ? err : new Refusal(CloseCode.internalError, 'server error'));
      }
      let room;
      try {
        room = await registry.acquire(target.name);
      } catch (err) {
        log.error({ err, room: target.name }, 'room could not be loaded');
        return refuse(req, socket, head, new Refusal(CloseCode.internalError, 'room could not be loaded'));
      }
      if (evicted.has(target.workshopId)) {
        registry.release(room);
        return refuse(req, socket, head, new Refusal(CloseCode.workshopDeleted, 'workshop deleted'));
      }
      if (evictedRooms.has(target.name)) {
        registry.release(room);
        return refuse(req, socket, head, new Refusal(CloseCode.unknownRoom, 'unknown board'));
      }
      if (room.peers.size >= deps.limits.maxClientsPerRoom) {
        registry.release(room);
        return refuse(req, socket, head, new Refusal(CloseCode.roomFull, 'room full'));
      }
      if (target.actor.member.role === 'observer' && !admission.admitsObserver(target.name)) {
        registry.release(room);
        return refuse(req, socket, head, new Refusal(CloseCode.roomFull, 'room full for observers'));
      }
      let attached = false;
      socket.once('close', () => {
        if (!attached) registry.release(room);
      });
      wss.handleUpgrade(req, socket, head, (ws) => {
        attached = true;
        attach(ws, target, room);
      });
    },

    /** Closes every connection to the workshop's rooms, here and on other instances. */
    async evictWorkshop(workshopId: string): Promise<void> {
      deps.fanout.publishControl(`evict:${workshopId}`);
      await evictLocally(workshopId);
    },

    /** Another instance deleted a workshop: evict here, then remove anything written meanwhile. */
    async evictedElsewhere(workshopId: string): Promise<void> {
      await evictLocally(workshopId);
      await deps.store.docs.deletePrefix(`${workshopId}/`);
    },


    /**
     * A member's role changed or they were merged into another record: their connections close
     * with 4501 (transient), here and on other instances, so they reconnect and are let in as they
     * are now. A removed member's close with 4401 (final: their credentials no longer work).
     */
    evictMember(workshopId: string, memberId: string, reason: 'role_changed' | 'removed' | 'merged' = 'role_changed', fromControl = false): void {
      if (!fromControl) deps.fanout.publishControl(`evict-member:${workshopId}:${memberId}:${reason}`);
      for (const e of [...connections]) {
        if (e.workshopId !== workshopId || e.conn.memberId !== memberId) continue;
        if (reason === 'removed') e.conn.close(CloseCode.unauthenticated, 'no longer a member');
        else e.conn.close(CloseCode.roleChanged, reason === 'merged' ? 'merged into another member' : 'role changed');
      }
    },

    /** Graceful shutdown: everything queued is stored, then every socket is closed with 1001. */
    async close(): Promise<void> {
      clearInterval(heartbeat);
      await Promise.all(registry.rooms().map((r) => r.idle()));
      for (const e of [...connections]) e.conn.close(CloseCode.goingAway, 'server shutting down');
      await Promise.all(registry.rooms().map((r) => registry.unload(r)));
      wss.close();
    },
  };
}
