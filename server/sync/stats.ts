/** Counters of the sync endpoint: plain numbers on the hot path, read by server/metrics.ts and tests. */
export class SyncStats {
  connections = 0;
  messagesIn = 0;
  messagesOut = 0;
  updatesStored = 0;
  remoteUpdatesIn = 0;
  droppedWrites = 0;
  /** Updates refused by the room's rules or caps (4422, 4414). */
  refusedUpdates = 0;
  /** Awareness updates dropped: larger than a state may be, or beyond the rate (server/sync/awareness-gate.ts). */
  awarenessDropped = 0;
  /** Awareness queries (type 3) beyond the rate, not answered. */
  awarenessQueriesDropped = 0;
  readonly closeCodes = new Map<number, number>();

  closed(code: number): void {
    this.closeCodes.set(code, (this.closeCodes.get(code) ?? 0) + 1);
  }
}
