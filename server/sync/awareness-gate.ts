/**
 * What one connection may do with presence (awareness), checked before the room sees it:
 * - an awareness update larger than one state of `AWARENESS_MAX_STATE_BYTES` is dropped unread;
 * - at most `AWARENESS_UPDATES_PER_SECOND` updates reach the room in any second. Those beyond are
 *   dropped (never relayed), except the newest of a burst, which is held and applied once the rate
 *   allows, so others see where a cursor came to rest rather than where the burst was cut off;
 * - a query (message type 3) is answered at most `AWARENESS_QUERIES_PER_SECOND`; it joins the
 *   room's next presence tick like a newcomer, so many queries in one tick share one snapshot.
 * Dropped updates and queries are counted (SyncStats); the connection stays open.
 */
import { RateWindow } from '../util/rate-window.js';
import { decodeAwarenessUpdate } from './protocol.js';
import type { SyncStats } from './stats.js';

export const AWARENESS_MAX_STATE_BYTES = 8 * 1024;
export const AWARENESS_UPDATES_PER_SECOND = 10;
export const AWARENESS_QUERIES_PER_SECOND = 1;
/** Entry count, client id, clock and string length (varints) around one state. */
const ENTRY_OVERHEAD_BYTES = 24;

export interface AwarenessSink {
  /** Hands an awareness update (not a message) to the room. */
  apply(update: Uint8Array): void;
  /** Asks for every current state in the room's next presence tick. */
  query(): void;
}

export class AwarenessGate {
  private readonly updates = new RateWindow(AWARENESS_UPDATES_PER_SECOND, 1000);
  private readonly queries = new RateWindow(AWARENESS_QUERIES_PER_SECOND, 1000);
  private held: Uint8Array | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly sink: AwarenessSink,
    private readonly stats: SyncStats,
  ) {}

  update(update: Uint8Array): void {
    if (update.byteLength > AWARENESS_MAX_STATE_BYTES + ENTRY_OVERHEAD_BYTES) {
      this.stats.awarenessDropped++;
      return;
    }
    if (this.held) this.stats.awarenessDropped++; // superseded by this newer one
    this.held = null;
    if (this.updates.take()) return this.sink.apply(update);
    decodeAwarenessUpdate(update); // a malformed one closes the connection now, not from a timer
    this.held = update;
    this.timer ??= setTimeout(() => this.release(), Math.max(0, this.updates.freeAt() - performance.now()));
  }

  query(): void {
    if (this.queries.take()) this.sink.query();
    else this.stats.awarenessQueriesDropped++;
  }

  /** The connection closed: nothing held is applied any more. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.held = null;
  }

  private release(): void {
    this.timer = null;
    const held = this.held;
    if (!held) return;
    if (!this.updates.take()) {
      this.timer = setTimeout(() => this.release(), Math.max(1, this.updates.freeAt() - performance.now()));
      return;
    }
    this.held = null;
    try {
      this.sink.apply(held);
    } catch {
      // Unreachable: it was decoded when held. Dropped rather than thrown from a timer.
      this.stats.awarenessDropped++;
    }
  }
}
