/**
 * Awareness of one room, held by the server. Invariants:
 * - a state (its JSON) is at most AWARENESS_MAX_STATE_BYTES; a larger one is refused;
 * - a connection speaks only for client ids it owns (the first one it announces, or one that
 *   another connection of the same member held: a reconnect taking over);
 * - the `user` fields name, organisation, organisationId, role and memberId come from the member
 *   record, whatever the client sent.
 * Changes are coalesced into one outgoing message per room tick, encoded once, and rate-capped:
 * a room sends presence at most every `PRESENCE_MIN_MS`, and a change that only renews a state
 * (same state, higher clock: clients renew every 15 s and drop a state after 30 s without one)
 * waits up to `RENEWAL_DELAY_MS` to travel with others. A newcomer gets every current state in
 * the next tick, one snapshot shared by all who joined in it (a join burst encodes it a few times,
 * not once per joiner). Local changes are also published to other instances; their entries arrive
 * through `applyRemote`, are relayed but never republished, and expire unless renewed, so a dead
 * instance's cursors disappear.
 */
import { AWARENESS_MAX_STATE_BYTES } from './awareness-gate.js';
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
/** Shortest interval between two presence messages of one room (ms). */
export const PRESENCE_MIN_MS = 50;
/** How long a renewal may wait for company (ms); with 15 s renewals and a 30 s timeout, ample. */
export const RENEWAL_DELAY_MS = 3_000;

export interface PresenceIo {
  /** Asks the room to call `take()` at `at` (a `performance.now()` time) or soon after. */
  wake(at: number): void;
  /** Hands local changes (an awareness update, not a message) to other instances. */
  publish(update: Uint8Array): void;
}

/** What one tick sends: `delta` to everyone but `except` and the newcomers, `snapshot` to the newcomers. */
export interface PresenceOut {
  delta: Uint8Array | null;
  except: PresenceOwner | null;
  newcomers: ReadonlySet<PresenceOwner>;
  snapshot: Uint8Array | null;
}

export class RoomPresence {
  private readonly states = new Map<number, Held>();
  private changed = new Map<number, AwarenessEntry>();
  private changedLocally = new Map<number, AwarenessEntry>();
  private senders = new Set<PresenceOwner | null>();
  private newcomers = new Set<PresenceOwner>();
  /** Whether every pending change only renews a state, and since when the first one waits. */
  private onlyRenewals = true;
  private firstPendingAt = 0;
  private lastSent = -Infinity;

  constructor(private readonly io: PresenceIo) {}

  /** Applies an awareness update from a local connection; returns how many entries were refused. */
  apply(owner: PresenceOwner, update: Uint8Array): number {
    let refused = 0;
    for (const entry of decodeAwarenessUpdate(update)) {
      if (!this.mayClaim(owner, entry.clientId) || Buffer.byteLength(entry.state) > AWARENESS_MAX_STATE_BYTES) {
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
      this.queue(fixed, owner, true, held?.state === state);
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
      this.queue(entry, null, false, held?.state === entry.state);
    }
  }

  /** Removes entries of other instances that were not renewed in time. */
  sweep(now = Date.now()): void {
    for (const [clientId, held] of this.states) {
      if (held.owner || now - held.renewedAt < REMOTE_PRESENCE_TTL_MS) continue;
      this.states.delete(clientId);
      this.queue({ clientId, clock: held.clock + 1, state: 'null' }, null, false, false);
    }
  }

  /** A new connection: it receives every current state in the next tick. */
  welcome(owner: PresenceOwner): void {
    this.newcomers.add(owner);
    this.onlyRenewals = false;
    this.io.wake(this.dueAt());
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
      this.queue({ clientId, clock: held.clock + 1, state: 'null' }, null, true, false);
    }
    owner.ownedClientIds.clear();
    this.senders.delete(owner);
    this.newcomers.delete(owner);
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

  /** When the pending changes are due (Infinity: nothing pending). */
  dueAt(): number {
    if (this.changed.size === 0 && this.newcomers.size === 0) return Infinity;
    if (this.onlyRenewals) return this.firstPendingAt + RENEWAL_DELAY_MS;
    return this.lastSent + PRESENCE_MIN_MS;
  }

  /** Everything pending, for the room's tick to send (null when nothing is). Publishes local changes. */
  take(now = performance.now()): PresenceOut | null {
    if (this.changed.size === 0 && this.newcomers.size === 0) return null;
    if (this.changedLocally.size) this.io.publish(encodeAwarenessUpdate(this.changedLocally.values()));
    const out: PresenceOut = {
      delta: this.changed.size ? encodeAwarenessMessage(this.changed.values()) : null,
      except: this.senders.size === 1 ? [...this.senders][0]! : null,
      newcomers: this.newcomers,
      snapshot: this.newcomers.size ? this.snapshot() : null,
    };
    this.changed = new Map();
    this.changedLocally = new Map();
    this.senders = new Set();
    this.newcomers = new Set();
    this.onlyRenewals = true;
    this.lastSent = now;
    return out;
  }

  private queue(entry: AwarenessEntry, sender: PresenceOwner | null, local: boolean, renewal: boolean): void {
    if (this.changed.size === 0 && this.newcomers.size === 0) this.firstPendingAt = performance.now();
    this.changed.set(entry.clientId, entry);
    if (local) this.changedLocally.set(entry.clientId, entry);
    this.senders.add(sender);
    if (!renewal) this.onlyRenewals = false;
    this.io.wake(this.dueAt());
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
