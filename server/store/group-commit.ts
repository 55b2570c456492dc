/**
 * Group commit of a DocStore's appends, shared by both adapters so their contract is the same:
 * every append made in one turn of the event loop (one tick of the sync layer, across rooms)
 * goes to the database as one group, committed at once, and each caller resolves only after its
 * update is committed. A group that fails stores none of its appends and is retried one append
 * at a time, so one room's bad write (an update that does not fit, a refused row) fails only its
 * own caller, never another room's.
 */

export interface Append {
  room: string;
  update: Uint8Array;
}

interface Queued extends Append {
  resolve: (seq: number) => void;
  reject: (err: unknown) => void;
}

/** Stores `batch` in one transaction, all or nothing; answers each append's seq, in order. */
export type CommitGroup = (batch: Append[]) => Promise<number[]>;

export class GroupCommit {
  private queue: Queued[] = [];

  constructor(private readonly commit: CommitGroup) {}

  append(room: string, update: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ room, update, resolve, reject });
      if (this.queue.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    this.commit(batch).then(
      (seqs) => batch.forEach((a, i) => a.resolve(seqs[i]!)),
      (err: unknown) => {
        if (batch.length === 1) return batch[0]!.reject(err);
        this.retryAlone(batch);
      },
    );
  }

  /**
   * Rooms in parallel (a database that is down fails them all within one timeout, not one after
   * another), each room's appends one after another so they still get increasing seqs.
   */
  private retryAlone(batch: Queued[]): void {
    const tails = new Map<string, Promise<unknown>>();
    for (const a of batch) {
      const alone = (tails.get(a.room) ?? Promise.resolve()).then(() => this.commit([a])).then(([seq]) => a.resolve(seq!), a.reject);
      tails.set(a.room, alone);
    }
  }
}
