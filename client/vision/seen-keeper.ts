/**
 * Moves "since your last visit" along while the reader has the vision in front of them, so a
 * reload does not offer again what they watched arrive. While they are watching (the page is
 * visible and shows the live text) and caught up, the seen point is stored at most every
 * `intervalMs` (30 s) when the text changed, and at once when they stop watching (the tab hidden,
 * another view) or leave (another part of the app, a reload, the tab closed).
 *
 * What they have not seen stays new: changes from before this visit that the banner offers
 * (`behind`), and changes that arrive while they are not watching. A snapshot cannot leave out
 * earlier changes yet keep later ones, so until they catch up ("Mark as seen": `caughtUp()`) the
 * stored point stays where it is; `onMissed` tells the page, once they watch again, so it can
 * offer what came meanwhile.
 */
import * as Y from 'yjs';

export const SEEN_INTERVAL_MS = 30_000;

/** Whether the page is visible, and when that changes or the page goes away. */
export interface PageLifecycle {
  visible(): boolean;
  /** `visibility`: the page became hidden or visible; `leave`: it is being unloaded (pagehide). */
  listen(fn: (event: 'visibility' | 'leave') => void): () => void;
}

export const browserLifecycle: PageLifecycle = {
  visible: () => document.visibilityState === 'visible',
  listen(fn) {
    const onVisibility = () => fn('visibility');
    const onLeave = () => fn('leave');
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onLeave);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onLeave);
    };
  },
};

export interface SeenKeeperOptions {
  fragment: Y.XmlFragment;
  /** Stores `snapshot` as seen; `leaving`: the page may be gone before the answer comes. */
  store(snapshot: Y.Snapshot, leaving: boolean): Promise<void>;
  /** The page shows the live text (not a snapshot of another time). */
  showsLive(): boolean;
  /** They watch again after changes arrived that they did not see. */
  onMissed(): void;
  /** They start with changes to catch up on (or unknown ones: the check failed). */
  behind: boolean;
  lifecycle?: PageLifecycle;
  intervalMs?: number;
}

export interface SeenKeeper {
  /** The page changed what it shows: call after switching views. */
  check(): void;
  /** Everything up to now was marked as seen: moving along again. */
  caughtUp(): void;
  /** The reader leaves the vision: store what they saw, stop. */
  leave(): void;
}

export function keepSeen(o: SeenKeeperOptions): SeenKeeper {
  const lifecycle = o.lifecycle ?? browserLifecycle;
  const doc = o.fragment.doc!;
  const watching = () => lifecycle.visible() && o.showsLive();
  /** The text changed since the seen point was last stored. */
  let changed = false;
  /** There are changes they have not seen: the stored point stays put. */
  let missed = o.behind;
  /** …and the page has not been told since the last of them. */
  let untold = false;
  let wasWatching = watching();
  let stopped = false;

  const store = (leaving: boolean) => {
    if (!changed || missed || stopped) return;
    changed = false;
    // Best effort: a failed store is retried by the next one, and "Mark as seen" reports its errors.
    o.store(Y.snapshot(doc), leaving).catch(() => (changed = true));
  };
  const onChange = (_events: unknown, tr: Y.Transaction) => {
    changed = true;
    if (!tr.local && !watching()) missed = untold = true;
  };
  const check = () => {
    const now = watching();
    if (wasWatching && !now) store(true);
    if (now && untold) {
      untold = false;
      o.onMissed();
    }
    wasWatching = now;
  };
  o.fragment.observeDeep(onChange);
  const timer = setInterval(() => {
    if (watching()) store(false);
  }, o.intervalMs ?? SEEN_INTERVAL_MS);
  const unlisten = lifecycle.listen((event) => {
    if (event === 'visibility') check();
    else if (watching()) store(true);
  });

  return {
    check,
    caughtUp() {
      missed = untold = changed = false;
    },
    leave() {
      if (watching()) store(true);
      stopped = true;
      clearInterval(timer);
      unlisten();
      o.fragment.unobserveDeep(onChange);
    },
  };
}
