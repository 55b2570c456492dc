/**
 * Flushes SQLite's write-ahead log to disk off the event loop (issue #19). With `synchronous =
 * NORMAL` SQLite fsyncs the WAL only when it checkpoints, inside whichever commit crosses the
 * checkpoint threshold, so that commit blocks the event loop for as long as the disk takes to write
 * everything since the last checkpoint: on the bench machine 15–20 ms every half second at 2,000
 * edits a second, which every room's p99 then shows. Flushing the WAL meanwhile with an async fsync
 * (libuv's thread pool) leaves the checkpoint's own fsync little to write.
 *
 * An extra fsync only makes data durable earlier; what SQLite guarantees does not change. A failed
 * one is not reported here: the fd is dropped (reopened at the next turn) and the same disk error
 * reaches the store through SQLite's own fsync at the next checkpoint, as it did without this.
 */
import fs from 'node:fs';

export class WalFlusher {
  private file: fs.promises.FileHandle | null = null;
  private lastChange = '';
  private busy = false;
  private closed = false;
  private readonly timer: NodeJS.Timeout;
  /** Flushes done, for tests. */
  flushes = 0;

  constructor(
    private readonly walPath: string,
    everyMs: number,
  ) {
    this.timer = setInterval(() => void this.turn(), everyMs);
    this.timer.unref();
  }

  /** Flushes now if the WAL changed since the last flush; resolves when done (or when there was nothing to do). */
  async turn(): Promise<void> {
    if (this.busy || this.closed) return;
    this.busy = true;
    try {
      // The WAL appears with the first write and goes when the last connection closes.
      this.file ??= await fs.promises.open(this.walPath, 'r');
      const { mtimeMs, size } = await this.file.stat();
      const change = `${mtimeMs}:${size}`;
      if (change !== this.lastChange) {
        this.lastChange = change;
        await this.file.sync();
        this.flushes++;
      }
    } catch {
      this.release();
    } finally {
      this.busy = false;
      if (this.closed) this.release();
    }
  }

  private release(): void {
    const file = this.file;
    this.file = null;
    // A read-only descriptor: closing it cannot lose anything, and there is no one to tell.
    void file?.close().catch(() => undefined);
  }

  /** Stops flushing and closes the WAL's descriptor (once a flush in progress has ended). */
  close(): void {
    this.closed = true;
    clearInterval(this.timer);
    if (!this.busy) this.release();
  }
}
