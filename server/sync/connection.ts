/**
 * One y-websocket connection in one room: enforces the message size and rate limits, drops the
 * writes of read-only connections (counted, never applied, stored or relayed), and hands valid
 * messages to its room. Any protocol violation closes this connection only.
 */
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/errors.js';
import type { Logger } from '../log.js';
import { TokenBucket } from '../util/token-bucket.js';
import { AwarenessGate } from './awareness-gate.js';
import { binaryFrame, rawSocket } from './frame.js';
import { decodeClientMessage, MalformedMessage } from './protocol.js';
import { RoomBroken, type Room, type RoomPeer } from './room.js';
import type { SyncStats } from './stats.js';

export interface ConnectionLimits {
  maxMessageBytes: number;
  messagesPerSecond: number;
  messageBurst: number;
}

export interface ConnectionDeps {
  room: Room;
  limits: ConnectionLimits;
  log: Logger;
  stats: SyncStats;
  /** Asked for every write, so a lock or role change takes effect at once. */
  canWrite: () => boolean;
  onClose: (conn: SyncConnection) => void;
}

/** A client's outgoing buffer beyond this means it cannot keep up: close it, it resyncs later. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

export class SyncConnection implements RoomPeer {
  readonly ownedClientIds = new Set<number>();
  droppedWrites = 0;
  private readonly bucket: TokenBucket;
  private readonly awareness: AwarenessGate;
  private closed = false;
  private alive = true;

  constructor(
    private readonly ws: WebSocket,
    readonly memberId: string,
    readonly user: Record<string, string | null>,
    private readonly deps: ConnectionDeps,
  ) {
    this.bucket = new TokenBucket(deps.limits.messagesPerSecond, deps.limits.messageBurst);
    const presence = deps.room.presence;
    this.awareness = new AwarenessGate({ apply: (u) => presence.apply(this, u), query: () => presence.welcome(this) }, deps.stats);
  }

  start(): void {
    const { room } = this.deps;
    room.peers.add(this);
    this.deps.stats.connections++;
    this.ws.on('message', (data, isBinary) => this.onMessage(data as Buffer, isBinary));
    this.ws.on('error', (err) => this.deps.log.debug({ err, room: room.name }, 'sync socket error'));
    this.ws.on('close', () => this.onClosed());
    this.ws.on('pong', () => (this.alive = true));
    this.send(room.step1());
    room.presence.welcome(this);
  }

  send(...messages: Uint8Array[]): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) return this.close(CloseCode.slowConsumer, 'too slow to keep up');
    const socket = rawSocket(this.ws);
    if (!socket) return messages.forEach((m) => this.ws.send(m));
    if (messages.length === 1) return void socket.write(binaryFrame(messages[0]!));
    // Corked: the frames leave in one writev.
    socket.cork();
    for (const m of messages) socket.write(binaryFrame(m));
    socket.uncork();
  }

  /** Called every heartbeat interval: a connection that did not answer the last ping is dead. */
  heartbeat(): void {
    if (this.closed) return;
    if (!this.alive) {
      this.ws.terminate();
      return this.onClosed();
    }
    this.alive = false;
    this.ws.ping();
  }

  fail(code: number, reason: string): void {
    this.close(code, reason);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.deps.stats.closed(code);
    this.ws.close(code, reason);
    this.detach();
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    if (this.closed) return;
    if (!isBinary) return this.close(CloseCode.malformedMessage, 'text frames are not part of the protocol');
    if (data.byteLength > this.deps.limits.maxMessageBytes) return this.close(CloseCode.messageTooLarge, 'message too large');
    if (!this.bucket.take()) return this.close(CloseCode.rateLimited, 'too many messages');
    this.deps.stats.messagesIn++;
    try {
      this.handle(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } catch (err) {
      if (err instanceof MalformedMessage) return this.close(CloseCode.malformedMessage, 'malformed message');
      // Not the client's fault (a broken room is being rebuilt): it may reconnect.
      if (!(err instanceof RoomBroken)) this.deps.log.error({ err, room: this.deps.room.name }, 'unexpected error on a sync message');
      this.close(CloseCode.internalError, 'server error');
    }
  }

  private handle(buf: Uint8Array): void {
    const msg = decodeClientMessage(buf);
    const { room } = this.deps;
    switch (msg.type) {
      case 'step1':
        return this.send(room.answerStep1(validStateVector(msg.stateVector)));
      case 'update':
        if (!this.deps.canWrite()) {
          this.droppedWrites++;
          this.deps.stats.droppedWrites++;
          return;
        }
        if (isEmptyUpdate(msg.update)) return;
        return room.submit(this, msg.update, msg.step2);
      case 'awareness':
        return this.awareness.update(msg.update);
      case 'queryAwareness':
        return this.awareness.query();
    }
  }

  private onClosed(): void {
    if (!this.closed) this.deps.stats.closed(1000);
    this.detach();
  }

  private detach(): void {
    if (this.closed) return;
    this.closed = true;
    const { room } = this.deps;
    room.peers.delete(this);
    this.awareness.dispose();
    room.presence.remove(this);
    this.deps.stats.connections--;
    this.deps.onClose(this);
  }
}

function isEmptyUpdate(u: Uint8Array): boolean {
  return u.byteLength === 2 && u[0] === 0 && u[1] === 0;
}

function validStateVector(sv: Uint8Array): Uint8Array {
  try {
    Y.decodeStateVector(sv);
    return sv;
  } catch {
    throw new MalformedMessage('unreadable state vector');
  }
}
