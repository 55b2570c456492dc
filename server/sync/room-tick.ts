/**
 * A room's ticks: when it may write to its connections, and what each connection gets in one.
 * Writes are what a message costs (a loopback write is ~8–19 µs of CPU whatever its size), so a
 * room ticks on average at most once per `peers / framesPerSecond` seconds (never more than
 * `maxMs` apart); a token bucket lets a quiet room tick at once and take `TICK_BURST` ticks in a
 * row after a pause, so one writer's jitter does not make it wait. The rate follows the load:
 * while the process's event loop is mostly waiting, a busy room may write up to
 * `quietFramesPerSecond` times a second (less waiting, more writes); as the loop fills up it
 * falls to `framesPerSecond`, merging more of what arrives into each write.
 */
import * as Y from 'yjs';
import type { Load } from './load-gauge.js';
import type { PresenceOut } from './presence.js';
import { encodeSync, SyncType } from './protocol.js';
import type { RoomPeer } from './room.js';

export interface TickPolicy {
  /** Writes per second a room may make when the process is busy. */
  framesPerSecond: number;
  /** Writes per second a room may make when the process is quiet (default: `framesPerSecond`). */
  quietFramesPerSecond?: number;
  maxMs: number;
  /** The event loop's recent utilisation (load-gauge.ts); without it, `framesPerSecond` always. */
  load?: Load;
}

export const DEFAULT_TICK: TickPolicy = { framesPerSecond: 5_000, maxMs: 50 };
/** Ticks a room may take in a row faster than its rate, after a pause. */
const TICK_BURST = 3;
/** Event-loop utilisation at or below which the process counts as quiet, and at or above which as busy. */
const QUIET_LOAD = 0.3;
const BUSY_LOAD = 0.7;

/** The rate at this load: the quiet one, falling geometrically to the busy one between QUIET_LOAD and BUSY_LOAD. */
export function framesPerSecondAt(policy: TickPolicy, load: number): number {
  const busy = policy.framesPerSecond;
  const quiet = Math.max(busy, policy.quietFramesPerSecond ?? busy);
  const busyness = Math.min(1, Math.max(0, (load - QUIET_LOAD) / (BUSY_LOAD - QUIET_LOAD)));
  return quiet * (busy / quiet) ** busyness;
}

/** Updates stored (or received from another instance) and waiting for the next tick. */
export interface Outgoing {
  merged: Uint8Array;
  /** Who sent which part (null: the server or another instance); nobody gets their own back. */
  parts: { peer: RoomPeer | null; update: Uint8Array }[];
}

/** The rate limit and the one pending wake-up of a room's ticks. */
export class TickSchedule {
  private tokens = TICK_BURST;
  private tokensAt = 0;
  private wakeAt = Infinity;
  private cancel: (() => void) | null = null;

  constructor(
    private readonly policy: TickPolicy,
    private readonly peerCount: () => number,
    private readonly onTick: () => void,
  ) {}

  /** The earliest time the rate allows the next tick (`performance.now()` time). */
  nextAt(): number {
    const now = performance.now();
    const tokens = this.available(now);
    return tokens >= 1 ? now : now + (1 - tokens) * this.interval();
  }

  /** True when the rate allows a tick now. */
  ready(): boolean {
    return this.available(performance.now()) >= 1;
  }

  /** Resolves when the rate allows a tick (at once when it does now). */
  async whenReady(): Promise<void> {
    const wait = this.nextAt() - performance.now();
    if (wait >= 1) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  /** Asks for a tick at `at`, or as soon after as the rate allows. */
  wake(at: number): void {
    const when = Math.max(at, this.nextAt());
    if (when >= this.wakeAt) return;
    this.cancel?.();
    this.wakeAt = when;
    const delay = when - performance.now();
    if (delay < 1) {
      const h = setImmediate(() => this.fire());
      this.cancel = () => clearImmediate(h);
    } else {
      const h = setTimeout(() => this.fire(), delay);
      this.cancel = () => clearTimeout(h);
    }
  }

  /** A tick wrote something: it counts against the rate. */
  spent(now: number): void {
    this.tokens = Math.max(0, this.available(now) - 1);
    this.tokensAt = now;
  }

  private fire(): void {
    this.cancel = null;
    this.wakeAt = Infinity;
    this.onTick();
  }

  private interval(): number {
    const fps = this.policy.load ? framesPerSecondAt(this.policy, this.policy.load()) : this.policy.framesPerSecond;
    return Math.min(this.policy.maxMs, (this.peerCount() * 1000) / fps);
  }

  private available(now: number): number {
    const interval = this.interval();
    return interval <= 0 ? TICK_BURST : Math.min(TICK_BURST, this.tokens + (now - this.tokensAt) / interval);
  }
}

/**
 * Writes one tick: everyone gets the updates once, merged (a sender only the others' parts, never
 * its own), then presence (newcomers the snapshot, the others the delta), in one write per
 * connection. Returns the number of messages written.
 */
export function writeTick(peers: Iterable<RoomPeer>, outgoing: Outgoing[], presence: PresenceOut | null): number {
  let full: Uint8Array | null = null;
  // Who sent a part: one peer in the common case (one update in the tick), else a set.
  let sender: RoomPeer | null | undefined;
  let senders: Set<RoomPeer | null> | null = null;
  if (outgoing.length) {
    full = encodeSync(SyncType.update, outgoing.length === 1 ? outgoing[0]!.merged : Y.mergeUpdates(outgoing.map((o) => o.merged)));
    if (outgoing.length === 1 && outgoing[0]!.parts.length === 1) sender = outgoing[0]!.parts[0]!.peer;
    else senders = new Set(outgoing.flatMap((o) => o.parts.map((p) => p.peer)));
  }
  let written = 0;
  for (const peer of peers) {
    let update: Uint8Array | null = null;
    if (full) {
      if (!(senders ? senders.has(peer) : peer === sender)) update = full;
      else if (senders) {
        const others = outgoing.flatMap((o) => o.parts.filter((p) => p.peer !== peer).map((p) => p.update));
        if (others.length) update = encodeSync(SyncType.update, others.length === 1 ? others[0]! : Y.mergeUpdates(others));
      }
    }
    let state: Uint8Array | null = null;
    if (presence) {
      if (presence.newcomers.has(peer)) state = presence.snapshot;
      else if (peer !== presence.except) state = presence.delta;
    }
    if (update && state) {
      peer.send(update, state);
      written += 2;
    } else if (update || state) {
      peer.send((update ?? state)!);
      written++;
    }
  }
  return written;
}
