/**
 * Last-editor records (who last changed each entry, `GET …/changes`), kept best effort off the sync
 * path: a commit hands its records over and goes on; they are written together a moment later, all
 * workshops' in one transaction, only the newest per entry. Busy boards (every commit a record)
 * then cost the store one transaction per `delayMs`, not one per commit.
 */
import type { Logger } from '../log.js';
import type { LastEdit, Store } from '../store/types.js';

export interface LastEditRecorder {
  record(workshopId: string, edits: readonly LastEdit[]): void;
  /** Writes what is waiting now (at shutdown). */
  flush(): Promise<void>;
}

export function createLastEditRecorder(deps: { store: Store; log: Logger; delayMs?: number }): LastEditRecorder {
  const delayMs = deps.delayMs ?? 1000;
  /** By workshop, then by room and key: the newest edit of each entry. */
  let waiting = new Map<string, Map<string, LastEdit>>();
  let timer: NodeJS.Timeout | null = null;

  const flush = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const due = [...waiting].map(([workshopId, edits]) => ({ workshopId, edits: [...edits.values()] }));
    waiting = new Map();
    if (due.length === 0) return;
    try {
      await deps.store.transaction(async (tx) => {
        for (const d of due) await tx.edits.record(d.workshopId, d.edits);
      });
    } catch {
      // One workshop's records that the store refuses must not cost another's: each alone.
      await Promise.all(
        due.map((d) => deps.store.edits.record(d.workshopId, d.edits).catch((err: unknown) => deps.log.warn({ err, workshopId: d.workshopId }, 'last editors not recorded'))),
      );
    }
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
