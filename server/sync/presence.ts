/**
 * Awareness of one room, held by the server. Invariants:
 * - a connection speaks only for client ids it owns (the first one it announces, or one that
 *   another connection of the same member owned: a reconnect taking over);
 * - the `user` fields name, organisation, organisationId, role and memberId come from the member
 *   record, whatever the client sent.
 * Changes are coalesced per tick into one outgoing message, encoded once.
 */
import { decodeAwarenessUpdate, encodeAwarenessMessage, type AwarenessEntry } from './protocol.js';

export interface PresenceOwner {
  readonly memberId: string;
  /** Fixed identity written into `state.user`. */
  readonly user: Record<string, string | null>;
  readonly ownedClientIds: Set<number>;
}

interface Held extends AwarenessEntry {
  owner: PresenceOwner;
}

const MAX_CLIENT_IDS_PER_CONNECTION = 1;

export class RoomPresence {
  private readonly states = new Map<number, Held>();
  private changed = new Map<number, AwarenessEntry>();
  private senders = new Set<PresenceOwner>();
  private scheduled = false;

  /** `send(message, except)` delivers to every connection of the room but `except`. */
  constructor(private readonly send: (message: Uint8Array, except: PresenceOwner | null) => void) {}

  /** Applies an awareness update from `owner`; returns how many entries were refused. */
  apply(owner: PresenceOwner, update: Uint8Array): number {
    let refused = 0;
    for (const entry of decodeAwarenessUpdate(update)) {
      if (!this.mayClaim(owner, entry.clientId)) {
        refused++;
        continue;
      }
      const held = this.states.get(entry.clientId);
      const state = entry.state === 'null' ? 'null' : fixUser(entry.state, owner.user);
      if (state === undefined) {
        refused++;
        continue;
      }
      const fresh = !held || held.clock < entry.clock || (held.clock === entry.clock && state === 'null' && held.state !== 'null');
      if (!fresh) continue;
      if (held && held.owner !== owner) held.owner.ownedClientIds.delete(entry.clientId);
      owner.ownedClientIds.add(entry.clientId);
      this.states.set(entry.clientId, { clientId: entry.clientId, clock: entry.clock, state, owner });
      this.queue({ clientId: entry.clientId, clock: entry.clock, state }, owner);
    }
    return refused;
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
      this.queue({ clientId, clock: held.clock + 1, state: 'null' }, null);
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
    return !held || held.owner.memberId === owner.memberId;
  }

  private queue(entry: AwarenessEntry, sender: PresenceOwner | null): void {
    this.changed.set(entry.clientId, entry);
    if (sender) this.senders.add(sender);
    else this.senders.add(NOBODY);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    if (this.changed.size === 0) return;
    const message = encodeAwarenessMessage(this.changed.values());
    const only = this.senders.size === 1 ? [...this.senders][0]! : null;
    this.changed = new Map();
    this.senders = new Set();
    this.send(message, only === NOBODY ? null : only);
  }
}

const NOBODY: PresenceOwner = { memberId: '', user: {}, ownedClientIds: new Set() };

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
