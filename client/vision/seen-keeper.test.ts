import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { visionFragment, VISION_DOC_OPTIONS } from '../../shared/vision/schema.js';
import { keepSeen, SEEN_INTERVAL_MS, type PageLifecycle } from './seen-keeper.js';

/** A page whose visibility the test sets, and a vision with a remote writer. */
function world(behind = false) {
  let visible = true;
  let listener: ((e: 'visibility' | 'leave') => void) | null = null;
  const lifecycle: PageLifecycle = {
    visible: () => visible,
    listen(fn) {
      listener = fn;
      return () => (listener = null);
    },
  };
  const doc = new Y.Doc(VISION_DOC_OPTIONS);
  const remote = new Y.Doc(VISION_DOC_OPTIONS);
  const stored: Array<{ snapshot: Y.Snapshot; leaving: boolean }> = [];
  const missed = vi.fn();
  let live = true;
  const keeper = keepSeen({
    fragment: visionFragment(doc),
    store: async (snapshot, leaving) => void stored.push({ snapshot, leaving }),
    showsLive: () => live,
    onMissed: missed,
    behind,
    lifecycle,
  });
  return {
    keeper,
    stored,
    missed,
    /** Another member writes; the update reaches this page. */
    othersWrite(text: string) {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(text)]);
      visionFragment(remote).push([p]);
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote));
    },
    setVisible(v: boolean) {
      visible = v;
      listener?.('visibility');
    },
    setLive(v: boolean) {
      live = v;
      keeper.check();
    },
    pagehide: () => listener?.('leave'),
    now: () => Y.snapshot(doc),
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('keepSeen', () => {
  it('stores what the reader watched at most every 30 s, and only when the text changed', () => {
    const w = world();
    w.othersWrite('Eitt');
    vi.advanceTimersByTime(SEEN_INTERVAL_MS - 1);
    expect(w.stored).toHaveLength(0);
    w.othersWrite('To');
    vi.advanceTimersByTime(1);
    expect(w.stored).toHaveLength(1);
    expect(Y.equalSnapshots(w.stored[0]!.snapshot, w.now())).toBe(true);
    vi.advanceTimersByTime(3 * SEEN_INTERVAL_MS);
    expect(w.stored).toHaveLength(1);
    w.keeper.leave();
  });

  it('stores when the tab is hidden, and never past what arrived while hidden until caught up', () => {
    const w = world();
    w.othersWrite('Sett');
    const seen = w.now();
    w.setVisible(false);
    expect(w.stored.map((s) => s.leaving)).toEqual([true]);
    expect(Y.equalSnapshots(w.stored[0]!.snapshot, seen)).toBe(true);

    w.othersWrite('Medan borte');
    expect(w.missed).not.toHaveBeenCalled();
    w.setVisible(true);
    expect(w.missed).toHaveBeenCalledTimes(1);
    w.othersWrite('Sett etterpå');
    vi.advanceTimersByTime(2 * SEEN_INTERVAL_MS);
    w.pagehide();
    w.keeper.leave();
    expect(w.stored).toHaveLength(1);
  });

  it('keeps the point of the last visit while the banner offers changes from before', () => {
    const w = world(true);
    w.othersWrite('Sett live');
    vi.advanceTimersByTime(SEEN_INTERVAL_MS);
    w.setVisible(false);
    w.keeper.leave();
    expect(w.stored).toHaveLength(0);
  });

  it('moves along again once caught up', () => {
    const w = world();
    w.setVisible(false);
    w.othersWrite('Medan borte');
    w.setVisible(true);
    w.keeper.caughtUp();
    w.othersWrite('Sett');
    vi.advanceTimersByTime(SEEN_INTERVAL_MS);
    expect(w.stored).toHaveLength(1);
    expect(Y.equalSnapshots(w.stored[0]!.snapshot, w.now())).toBe(true);
    w.keeper.leave();
  });

  it('counts a snapshot view as not watching, and stores on leaving', () => {
    const w = world();
    w.othersWrite('Sett');
    w.setLive(false); // "since your last visit" shown: what it shows stays still
    expect(w.stored).toHaveLength(1);
    w.othersWrite('Ikkje sett');
    w.setLive(true);
    expect(w.missed).toHaveBeenCalledTimes(1);

    const other = world();
    other.othersWrite('Sett');
    other.pagehide();
    expect(other.stored.map((s) => s.leaving)).toEqual([true]);
    other.othersWrite('Sett før eg gjekk');
    other.keeper.leave();
    expect(other.stored).toHaveLength(2);
    other.othersWrite('Etter');
    vi.advanceTimersByTime(SEEN_INTERVAL_MS);
    expect(other.stored).toHaveLength(2);
  });
});
