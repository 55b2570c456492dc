/**
 * The one socket.io connection of a workshop page: `/socket.io/` on this origin, authenticated by
 * the session cookie plus `auth.workshopId`, typed with the shared event maps.
 *
 * `command(name, payload)` resolves with the ack's data or rejects with a `CommandError` carrying
 * the ack's error code (`network_error` when offline or unanswered). On every (re)connect the
 * server pushes a snapshot (`state.synced`) and the client asks for one too (`state.sync`, for a
 * server that does not push); broadcasts are ordered against them by `seq` (WorkshopStateStore),
 * so a late joiner or a reconnect shows the right phase and timer. `view.summoned` is an event, not state:
 * listeners get it through `onSummon`; `member.changed` (someone renamed, removed or merged) through
 * `onMemberChanged`, so open member lists fetch again; `vision.endorsed` (issue #17) through
 * `onVisionEndorsed`, for the milestones on show. `member.removed` (sent only to the removed
 * member's own sockets) sets `removed`, announces it on window (membership.ts) and stops reconnecting.
 */
import { io, type Socket } from 'socket.io-client';
// Types only: the schemas' module builds zod schemas, whose eval probe the strict CSP reports.
import type {
  Ack,
  Broadcasts,
  ClientToServerEvents,
  CommandName,
  CommandPayload,
  CommandResults,
  ServerToClientEvents,
  SessionReady,
  WorkshopState,
} from '../../shared/realtime/index.js';
import { BROADCAST_NAMES } from '../../shared/realtime/broadcasts.js';
import { WorkshopStateStore } from './workshop-state.js';
import { announceRoleChanged } from './role-changed.js';
import { CommandError } from './command-error.js';
import { announceMemberRemoved } from './membership.js';

export type LinkState = 'connecting' | 'online' | 'offline' | 'refused';
export type Summon = Broadcasts['view.summoned'];
export type MemberChanged = Broadcasts['member.changed'];
export type BoardsChanged = Broadcasts['boards.changed'];
export type VisionEndorsed = Broadcasts['vision.endorsed'];

export { CommandError };

const COMMAND_TIMEOUT_MS = 10_000;

/** The untyped face of `emit`: the typed one cannot take a generic command name. */
type RawEmit = { timeout(ms: number): { emit(name: string, payload: unknown, cb: (err: Error | null, ack: Ack<unknown>) => void): void } };

export class WorkshopSocket {
  readonly store = new WorkshopStateStore();
  link: LinkState = 'connecting';
  session: SessionReady | null = null;
  /** A facilitator removed me from the workshop: the server closed this socket for good. */
  removed = false;
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly listeners = new Set<() => void>();
  private readonly summons = new Set<(s: Summon) => void>();
  private readonly memberChanges = new Set<(e: MemberChanged) => void>();
  private readonly boardsChanges = new Set<(e: BoardsChanged) => void>();
  private readonly visionEndorsements = new Set<(e: VisionEndorsed) => void>();
  private roleChanged = false;
  private readonly offHandlers: (() => void)[] = [];
  /** Disconnected by us because the browser went offline (not a refusal). */
  private pausedOffline = false;

  /**
   * In the browser: this origin and the session cookie. `url` and `token` are for other callers
   * (tests, scripts), which have no page origin and no cookie.
   */
  constructor(
    readonly workshopId: string,
    opts: { url?: string; token?: string } = {},
  ) {
    const auth = opts.token ? { token: opts.token } : { workshopId };
    // WebSocket only: no long-polling requests to fall back on or upgrade from (the server speaks both).
    const options = { path: '/socket.io/', auth, transports: ['websocket'], reconnectionDelayMax: 5000 };
    this.socket = opts.url ? io(opts.url, options) : io(options);
    this.socket.on('connect', () => {
      this.setLink('online');
      void this.sync();
    });
    this.socket.on('disconnect', (reason) => {
      // A facilitator changed our role: the server drops the socket; come back with the new role.
      if (reason === 'io server disconnect' && this.roleChanged) {
        this.roleChanged = false;
        this.setLink('offline');
        this.socket.connect();
        return;
      }
      this.setLink(this.socket.active || this.pausedOffline ? 'offline' : 'refused');
    });
    (this.socket.on.bind(this.socket) as (n: string, fn: () => void) => void)('member.role_changed', () => {
      this.roleChanged = true;
      announceRoleChanged();
    });
    (this.socket.on.bind(this.socket) as (n: string, fn: () => void) => void)('member.removed', () => this.onRemoved());
    // A refusal by the server's middleware is final (socket.active is false); anything else retries.
    // `member_removed`: removed while this socket was away (it missed `member.removed`).
    this.socket.on('connect_error', (err) => {
      if (err.message === 'member_removed') return this.onRemoved();
      this.setLink(this.socket.active ? 'offline' : 'refused');
    });
    // The browser knows before the socket does: no reconnect attempts into a dead network (each
    // would fail), and one as soon as it is back; on reconnect `state.sync` brings the state.
    if (typeof window !== 'undefined') {
      const offline = () => {
        if (this.link === 'refused') return;
        this.pausedOffline = true;
        this.socket.disconnect();
      };
      const online = () => {
        if (!this.pausedOffline) return;
        this.pausedOffline = false;
        this.socket.connect();
      };
      window.addEventListener('offline', offline);
      window.addEventListener('online', online);
      this.offHandlers.push(() => window.removeEventListener('offline', offline), () => window.removeEventListener('online', online));
    }
    this.socket.on('session.ready', (s) => {
      this.session = s;
      this.notify();
    });
    // Servers may push the snapshot on connect as well (`state.synced`); it is the same shape.
    (this.socket.on.bind(this.socket) as (n: string, fn: (e: unknown) => void) => void)('state.synced', (e) => {
      if (e && typeof e === 'object' && typeof (e as { seq?: unknown }).seq === 'number') this.store.snapshot(e as WorkshopState);
    });
    for (const name of BROADCAST_NAMES) {
      const on = this.socket.on.bind(this.socket) as (n: string, fn: (e: Broadcasts[typeof name]) => void) => void;
      on(name, (e) => {
        if (typeof e?.seq !== 'number') return;
        if (name === 'view.summoned') this.summons.forEach((fn) => fn(e as Summon));
        if (name === 'member.changed') this.memberChanges.forEach((fn) => fn(e as MemberChanged));
        if (name === 'boards.changed') this.boardsChanges.forEach((fn) => fn(e as BoardsChanged));
        if (name === 'vision.endorsed') this.visionEndorsements.forEach((fn) => fn(e as VisionEndorsed));
        this.store.broadcast(name, e);
      });
    }
  }

  /** Any change: the link, the session, the state. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    const off = this.store.subscribe(fn);
    return () => {
      this.listeners.delete(fn);
      off();
    };
  }

  onSummon(fn: (s: Summon) => void): () => void {
    this.summons.add(fn);
    return () => this.summons.delete(fn);
  }

  onMemberChanged(fn: (e: MemberChanged) => void): () => void {
    this.memberChanges.add(fn);
    return () => this.memberChanges.delete(fn);
  }

  /** A facilitator added, renamed, moved, duplicated or deleted a board: the list now, in order. */
  onBoardsChanged(fn: (e: BoardsChanged) => void): () => void {
    this.boardsChanges.add(fn);
    return () => this.boardsChanges.delete(fn);
  }

  /** An organisation took or changed its stance on a milestone of the vision: the milestone's stances now. */
  onVisionEndorsed(fn: (e: VisionEndorsed) => void): () => void {
    this.visionEndorsements.add(fn);
    return () => this.visionEndorsements.delete(fn);
  }

  async command<K extends CommandName>(name: K, payload: CommandPayload<K>): Promise<CommandResults[K]> {
    if (!this.socket.connected) throw new CommandError('network_error', 'not connected');
    const raw = this.socket as unknown as RawEmit;
    const ack = await new Promise<Ack<unknown>>((resolve, reject) =>
      raw.timeout(COMMAND_TIMEOUT_MS).emit(name, payload, (err, res) => (err ? reject(new CommandError('network_error', err.message)) : resolve(res))),
    );
    if (!ack || typeof ack !== 'object') throw new CommandError('internal_error', 'malformed ack');
    if (!ack.ok) throw new CommandError(ack.error.code, ack.error.message);
    return ack.data as CommandResults[K];
  }

  /** Fetches the whole state again (the server also pushes it on connect, as `state.synced`). */
  async sync(): Promise<void> {
    try {
      this.store.snapshot(await this.command('state.sync', {}));
    } catch {
      // The pushed snapshot or the next reconnect brings the state.
    }
  }

  destroy(): void {
    this.offHandlers.splice(0).forEach((off) => off());
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.listeners.clear();
    this.summons.clear();
    this.memberChanges.clear();
    this.boardsChanges.clear();
    this.visionEndorsements.clear();
  }

  /** A facilitator removed me: the server is done with this socket; the page says so. */
  private onRemoved(): void {
    if (this.removed) return;
    this.removed = true;
    this.socket.disconnect();
    this.setLink('refused');
    announceMemberRemoved();
  }

  private setLink(link: LinkState): void {
    if (this.link === link) return;
    this.link = link;
    this.notify();
  }

  private notify(): void {
    for (const fn of this.listeners) fn();
  }
}
