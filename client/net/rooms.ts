/**
 * The workshop's Yjs rooms, opened once and shared: a ref-counted registry like the server's
 * document registry. `open(room)` hands out a lease that behaves as a `RoomConnection`; every view
 * that needs the room (the board page, the export dialog listing the board's frames, the charter
 * and the dialog that applies answers to it) shares one provider, one document and one IndexedDB
 * copy. `destroy()` on a lease gives it back; the room closes when the last lease is given back.
 *
 * A refused update replaces the room's connection (room-connection.ts): the registry takes the
 * fresh one, and every lease that listens (`onReplaced`) is handed a lease on it, which carries
 * the old lease's reference (the old one is spent; giving it back does nothing). A lease nobody
 * rebuilds on keeps its reference until it is given back.
 */
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { openRoom, type ConnectionStatus, type OpenRoomOptions, type RoomConnection } from './room-connection.js';

type Opener = (room: string, opts: OpenRoomOptions) => RoomConnection;

interface Entry {
  conn: RoomConnection;
  refs: number;
  leases: Set<Lease>;
}

class Lease implements RoomConnection {
  private spent = false;
  private readonly replaced = new Set<(next: RoomConnection) => void>();

  constructor(
    private readonly conn: RoomConnection,
    private readonly giveBack: (lease: Lease) => void,
  ) {}

  get room(): string {
    return this.conn.room;
  }
  get doc(): Y.Doc {
    return this.conn.doc;
  }
  get awareness(): Awareness {
    return this.conn.awareness;
  }
  get ready(): Promise<void> {
    return this.conn.ready;
  }
  get synced(): Promise<void> {
    return this.conn.synced;
  }
  status(): ConnectionStatus {
    return this.conn.status();
  }
  onStatus(fn: (s: ConnectionStatus) => void): () => void {
    return this.conn.onStatus(fn);
  }
  onReplaced(fn: (next: RoomConnection) => void): () => void {
    this.replaced.add(fn);
    return () => this.replaced.delete(fn);
  }
  /** Someone rebuilds on the room's fresh connection: hand them `next`; this lease is spent. */
  handOver(next: Lease): boolean {
    if (this.spent || this.replaced.size === 0) return false;
    this.spent = true;
    [...this.replaced].forEach((fn) => fn(next));
    this.replaced.clear();
    return true;
  }
  destroy(): void {
    if (this.spent) return;
    this.spent = true;
    this.replaced.clear();
    this.giveBack(this);
  }
}

export class RoomRegistry {
  private readonly rooms = new Map<string, Entry>();
  private closed = false;

  constructor(
    private readonly memberId: string,
    private readonly opener: Opener = openRoom,
  ) {}

  /** A lease on `room`, opening it when nobody holds it. `doc`: the Y.Doc options (the vision's gc off). */
  open(room: string, opts: Pick<OpenRoomOptions, 'doc' | 'persist'> = {}): RoomConnection {
    if (this.closed) throw new Error('The workshop was closed: its rooms cannot be opened again.');
    let entry = this.rooms.get(room);
    if (!entry) {
      entry = { conn: this.opener(room, { ...opts, memberId: this.memberId }), refs: 0, leases: new Set() };
      this.rooms.set(room, entry);
      this.follow(room, entry);
    }
    return this.lease(room, entry);
  }

  /** How many leases hold `room` (0: closed). For tests and diagnostics. */
  holders(room: string): number {
    return this.rooms.get(room)?.refs ?? 0;
  }

  /** The workshop page is gone: close every room, whoever still holds it. */
  close(): void {
    this.closed = true;
    for (const entry of this.rooms.values()) entry.conn.destroy();
    this.rooms.clear();
  }

  private lease(room: string, entry: Entry): Lease {
    entry.refs += 1;
    const lease: Lease = new Lease(entry.conn, (l) => this.giveBack(room, entry, l));
    entry.leases.add(lease);
    return lease;
  }

  private giveBack(room: string, entry: Entry, lease: Lease): void {
    if (!entry.leases.delete(lease)) return;
    entry.refs -= 1;
    if (entry.refs > 0 || this.rooms.get(room) !== entry) return;
    this.rooms.delete(room);
    entry.conn.destroy();
  }

  /** The server refused an update: the room continues on `next`, and so do the views on it. */
  private follow(room: string, entry: Entry): void {
    entry.conn.onReplaced((next) => {
      if (this.rooms.get(room) !== entry) return next.destroy();
      entry.conn = next;
      this.follow(room, entry);
      for (const old of [...entry.leases]) {
        const fresh = new Lease(next, (l) => this.giveBack(room, entry, l));
        entry.leases.add(fresh);
        // The fresh lease takes over the old one's reference when someone rebuilds on it.
        if (old.handOver(fresh)) entry.leases.delete(old);
        else entry.leases.delete(fresh);
      }
    });
  }
}
