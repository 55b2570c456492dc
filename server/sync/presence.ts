/**
 * Awareness of one room, held by the server. Invariants:
 * - a connection speaks only for client ids it owns (the first one it announces, or one that
 *   another connection of the same member held: a reconnect taking over);
 * - the `user` fields name, organisation, organisationId, role and memberId come from the member
 *   record, whatever the client sent.
 * Changes are coalesced per tick into one outgoing message, encoded once. Local changes are also
 * published to other instances; their entries arrive through `applyRemote`, are relayed but never
 * republished, and expire unless renewed (clients renew every 15 s), so a dead instance's
 * cursors disappear.
 */
import { decodeAwarenessUpdate, encodeAwarenessMessage, encodeAwarenessUpdate, type AwarenessEntry } from './protocol.js';

export interface PresenceOwner {
  readonly memberId: string;
  /** Fixed identity written into `state.user`. */
  readonly user: Record<string, string | null>;
  readonly ownedClientIds: Set<number>;
}

interface Held extends AwarenessEntry {
  owner: PresenceOwner | null;
  memberId: string;
  /** For entries of other instances: when last renewed (ms). */
  renewedAt: number;
}

const MAX_CLIENT_IDS_PER_CONNECTION = 1;
export const REMOTE_PRESENCE_TTL_MS = 30_000;

export interface PresenceIo {
  /** Delivers to every connection of the room but `except`. */
  send(message: Uint8Array, except: PresenceOwner | null): void;
  /** Hands local changes (an awareness update, not a message) to other instances. */
  publish(update: Uint8Array): void;
}

export class RoomPresence {
  private readonly states = new Map<number, Held>();
  private changed = new Map<number, AwarenessEntry>();
  private changedLocally = new Map<number, AwarenessEntry>();
  private senders = new Set<PresenceOwner | null>();
  private scheduled = false;

  constructor(private readonly io: PresenceIo) {}

  /** Applies an awareness update from a local connection; returns how many entries were refused. */
  apply(owner: PresenceOwner, update: Uint8Array): number {
    let refused = 0;
    for (const entry of decodeAwarenessUpdate(update)) {
      if (!this.mayClaim(owner, entry.clientId)) {
        refused++;
        continue;
      }
      const state = entry.state === 'null' ? 'null' : fixUser(entry.state, owner.user);
      if (state === undefined) {
        refused++;
        continue;
      }
      const held = this.states.get(entry.clientId);
      if (!isFresh(held, entry.clock, state)) continue;
      if (held?.owner && held.owner !== owner) held.owner.ownedClientIds.delete(entry.clientId);
      owner.ownedClientIds.add(entry.clientId);
      const fixed = { clientId: entry.clientId, clock: entry.clock, state };
      this.states.set(entry.clientId, { ...fixed, owner, memberId: owner.memberId, renewedAt: Date.now() });
      this.queue(fixed, owner, true);
    }
    return refused;
  }

  /** Entries published by another instance (already checked and fixed there). */
  applyRemote(update: Uint8Array, now = Date.now()): void {
    for (const entry of decodeAwarenessUpdate(update)) {
      const held = this.states.get(entry.clientId);
      if (held?.owner) continue; // a local connection owns it here
      if (!isFresh(held, entry.clock, entry.state) && entry.state !== 'null') {
        if (held) held.renewedAt = now;
        continue;
      }
      if (entry.state === 'null') this.states.delete(entry.clientId);
      else this.states.set(entry.clientId, { ...entry, owner: null, memberId: memberIdOf(entry.state), renewedAt: now });
      this.queue(entry, null, false);
    }
  }

  /** Removes entries of other instances that were not renewed in time. */
  sweep(now = Date.now()): void {
    for (const [clientId, held] of this.states) {
      if (held.owner || now - held.renewedAt < REMOTE_PRESENCE_TTL_MS) continue;
      this.states.delete(clientId);
      this.queue({ clientId, clock: held.clock + 1, state: 'null' }, null, false);
    }
  }

  /** Every current state, as one message for a newcomer (null when there is none). */
  snapshot(): Uint8Array | null {
    const live = [...this.states.values()].filter((s) => s.state !== 'null');
    return live.length ? encodeAwarenessMessage(live) : null;
  }

  /** The owner left: its states are removed and everyone is told. */
  remove(owner: PresenceOwner): void {
    for (const clientId of owner.ownedClientIds) {
      const held = this.states.get(clientId);
      if (!held || held.owner !== owner) continue;
      this.states.delete(clientId);
      this.queue({ clientId, clock: held.clock + 1, state: 'null' }, null, true);
    }
    owner.ownedClientIds.clear();
    this.senders.delete(owner);
  }

  get size(): number {
    return this.states.size;
  }

  private mayClaim(owner: PresenceOwner, clientId: number): boolean {
    if (owner.ownedClientIds.has(clientId)) return true;
    if (owner.ownedClientIds.size >= MAX_CLIENT_IDS_PER_CONNECTION) return false;
    const held = this.states.get(clientId);
    return !held || held.memberId === owner.memberId;
  }

  private queue(entry: AwarenessEntry, sender: PresenceOwner | null, local: boolean): void {
    this.changed.set(entry.clientId, entry);
    if (local) this.changedLocally.set(entry.clientId, entry);
    this.senders.add(sender);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    if (this.changedLocally.size) this.io.publish(encodeAwarenessUpdate(this.changedLocally.values()));
    if (this.changed.size) {
      const only = this.senders.size === 1 ? [...this.senders][0]! : null;
      this.io.send(encodeAwarenessMessage(this.changed.values()), only);
    }
    this.changed = new Map();
    this.changedLocally = new Map();
    this.senders = new Set();
  }
}

function isFresh(held: Held | undefined, clock: number, state: string): boolean {
  return !held || held.clock < clock || (held.clock === clock && state === 'null' && held.state !== 'null');
}

function memberIdOf(json: string): string {
  try {
    const id = (JSON.parse(json) as { user?: { memberId?: unknown } }).user?.memberId;
    return typeof id === 'string' ? id : '';
  } catch {
    return '';
  }
}

/** Returns the state JSON with `user` fixed, or undefined when the state is not a JSON object. */
function fixUser(json: string, user: Record<string, string | null>): string | undefined {
  let state: unknown;
  try {
    state = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!state || typeof state !== 'object' || Array.isArray(state)) return undefined;
  const s = state as Record<string, unknown>;
  const given = s.user && typeof s.user === 'object' && !Array.isArray(s.user) ? (s.user as Record<string, unknown>) : {};
  return JSON.stringify({ ...s, user: { ...given, ...user } });
}
