/** Counters of the sync endpoint (exported as metrics in #7; read by tests now). */
export class SyncStats {
  connections = 0;
  messagesIn = 0;
  droppedWrites = 0;
  readonly closeCodes = new Map<number, number>();

  closed(code: number): void {
    this.closeCodes.set(code, (this.closeCodes.get(code) ?? 0) + 1);
  }
}
