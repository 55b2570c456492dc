/**
 * Last-editor records (who last changed each entry, `GET …/changes`), kept best effort off the sync
 * path: a commit hands its records over and goes on; they are written together a moment later, per
 * workshop in one transaction, only the newest per entry. A busy board (every commit a record)
 * then costs the store one write per `delayMs`, not one per commit.
 */
import type { Logger } from '../log.js';
import type { LastEdit, Store } from '../store/types.js';

export interface LastEditRecorder {
  record(workshopId: string, edits: readonly LastEdit[]): void;
  /** Writes what is waiting now (at shutdown). */
  flush(): Promise<void>;
}

export function createLastEditRecorder(deps: { store: Store; log: Logger; delayMs?: number }): LastEditRecorder {
  const delayMs = deps.delayMs ?? 200;
  /** By workshop, then by room and key: the newest edit of each entry. */
  let waiting = new Map<string, Map<string, LastEdit>>();
  let timer: NodeJS.Timeout | null = null;

  const flush = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const due = waiting;
    waiting = new Map();
    await Promise.all(
      [...due].map(([workshopId, edits]) =>
        deps.store.edits.record(workshopId, [...edits.values()]).catch((err: unknown) => deps.log.warn({ err, workshopId }, 'last editors not recorded')),
      ),
    );
  };

  return {
    record(workshopId, edits) {
      if (edits.length === 0) return;
      let entries = waiting.get(workshopId);
      if (!entries) waiting.set(workshopId, (entries = new Map()));
      for (const e of edits) entries.set(`${e.room}\n${e.key}`, e);
      if (timer) return;
      timer = setTimeout(() => void flush(), delayMs);
      timer.unref();
    },
    flush,
  };
}
