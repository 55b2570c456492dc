/**
 * socket.io for workshop events. Bound to an engine.io server that the one upgrade router in
 * server/app.ts feeds, so `/socket.io/` and `/sync/` never race for the same upgrade.
 * A socket is authenticated in the handshake (`auth.token`, or the session cookie with
 * `auth.workshopId`) and joins its workshop's room, gets `session.ready` and a `state.synced`
 * snapshot, and its commands are registered per concern (./handlers.ts), drawing on one command
 * budget per member across their sockets (./member-budget.ts). Broadcasts go through
 * `io.to(workshopRoom(id))`, so with Redis they reach sockets on every instance.
 */
import { Server as Engine } from 'engine.io';
import type { Redis } from 'ioredis';
import { Server as IoServer } from 'socket.io';
import type { Actor } from '../auth/access.js';
import type { Authenticator } from '../auth/authenticator.js';
import { sameOrigin } from '../http/origin.js';
import type { Logger } from '../log.js';
import type { BroadcastName, Broadcasts } from '../../shared/realtime/index.js';
import type { EventSink } from '../services/ports.js';
import { registerAll, type RealtimeServices } from './handlers.js';
import { MemberBudgets } from './member-budget.js';

export const SOCKET_PATH = '/socket.io/';

export interface RealtimeDeps {
  auth: Authenticator;
  log: Logger;
  publicUrl: string | null;
  /** With Redis, broadcasts reach sockets on every instance (socket.io's Redis adapter). */
  redis: { url: string; prefix: string } | null;
  /** Commands per member, shared by their sockets on this instance: sustained rate and burst (default 20/s, burst 100). */
  commandRate?: { perSecond: number; burst: number };
}

export type Realtime = Awaited<ReturnType<typeof createRealtime>>;

export const workshopRoom = (workshopId: string) => `workshop:${workshopId}`;

export async function createRealtime(deps: RealtimeDeps) {
  const engine = new Engine({ maxHttpBufferSize: 1e5 });
  const io = new IoServer({ path: SOCKET_PATH, serveClient: false });
  io.bind(engine);
  const redisClients: Redis[] = [];
  if (deps.redis) {
    // Loaded only with Redis: a single instance does without them (about 8 MB less resident).
    const [{ createAdapter }, { Redis }] = await Promise.all([import('@socket.io/redis-adapter'), import('ioredis')]);
    // No retry limit: the adapter publishes without handling failures, so commands wait for the
    // connection to come back (broadcasts to other instances arrive late) instead of rejecting.
    const pub = new Redis(deps.redis.url, { maxRetriesPerRequest: null });
    const sub = pub.duplicate();
    for (const c of [pub, sub]) c.on('error', (err: Error) => deps.log.debug({ err }, 'socket.io redis connection error'));
    redisClients.push(pub, sub);
    io.adapter(createAdapter(pub, sub, { key: `${deps.redis.prefix}io` }));
  }

  io.use(async (socket, next) => {
    try {
      const a = socket.handshake.auth as { token?: unknown; workshopId?: unknown };
      const token = typeof a.token === 'string' ? a.token : null;
      const workshopId = typeof a.workshopId === 'string' ? a.workshopId : null;
      const creds = token ? { token, viaCookie: false } : deps.auth.requestCredentials(socket.request, workshopId);
      if (!creds) return next(new Error('unauthenticated'));
      if (creds.viaCookie && !sameOrigin(socket.request, deps.publicUrl)) return next(new Error('forbidden'));
      const actor = await deps.auth.fromToken(creds.token);
      // A removed member is told so (`member_removed`), also when they missed `member.removed`.
      if (!actor) return next(new Error((await deps.auth.refusal(creds.token)) ?? 'unauthenticated'));
      socket.data.actor = actor satisfies Actor;
      next();
    } catch (err) {
      deps.log.error({ err }, 'socket handshake failed');
      next(new Error('internal_error'));
    }
  });

  let services: RealtimeServices | null = null;
  const budgets = new MemberBudgets(deps.commandRate ?? { perSecond: 20, burst: 100 });
  io.on('connection', (socket) => {
    const actor = socket.data.actor as Actor;
    const workshopId = actor.member.workshopId;
    void socket.join(workshopRoom(workshopId));
    socket.emit('session.ready', { memberId: actor.member.id, role: actor.member.role, workshopId });
    if (!services) return;
    const log = deps.log.child({ workshop: workshopId, member: actor.member.id });
    const ctx = { socket, actor, log, bucket: budgets.acquire(actor.member.id) };
    socket.once('disconnect', () => budgets.release(actor.member.id));
    for (const register of registerAll) register(ctx, services);
    // Joined before the snapshot is read: later changes arrive as broadcasts with higher seq.
    services.state.snapshot(actor).then(
      (state) => socket.emit('state.synced', state),
      (err: unknown) => log.warn({ err }, 'snapshot on connect failed'),
    );
  });

  const sink: EventSink = {
    broadcast<K extends BroadcastName>(id: string, name: K, event: Broadcasts[K]): void {
      io.to(workshopRoom(id)).emit(name, event);
    },
  };

  return {
    engine,
    io,
    sink,
    /** Handlers are registered once the services exist (they need `sink`). */
    serve(s: RealtimeServices): void {
      services = s;
    },
    async evictWorkshop(workshopId: string): Promise<void> {
      io.in(workshopRoom(workshopId)).disconnectSockets(true);
    },
    /** A member's role changed: their sockets (on any instance) are told, then disconnected; they reconnect with the new role. */
    async evictMember(workshopId: string, memberId: string, reason: 'role_changed' | 'removed' | 'merged' = 'role_changed'): Promise<void> {
      for (const s of await io.in(workshopRoom(workshopId)).fetchSockets()) {
        if ((s.data as { actor?: Actor }).actor?.member.id !== memberId) continue;
        s.emit(reason === 'role_changed' ? 'member.role_changed' : 'member.removed', { memberId, reason });
        s.disconnect(true);
      }
    },
    async close(): Promise<void> {
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      engine.close();
      budgets.close();
      await Promise.allSettled(redisClients.map((c) => c.quit()));
    },
  };
}
