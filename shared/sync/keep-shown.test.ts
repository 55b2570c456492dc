import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { collectHistory } from './keep-shown.js';

/** `doc`'s state, collected but what `snaps` show, reopened from its encoding. */
function collected(doc: Y.Doc, snaps: Y.Snapshot[]): Y.Doc {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  collectHistory(copy, snaps);
  const out = new Y.Doc({ gc: false });
  Y.applyUpdate(out, Y.encodeStateAsUpdate(copy));
  return out;
}
const textAt = (doc: Y.Doc, snap: Y.Snapshot) => Y.createDocFromSnapshot(doc, snap).getText('t').toString();

describe('collectHistory', () => {
  it('keeps text a snapshot shows, also where one item spans the snapshot, and collects the rest', () => {
    const doc = new Y.Doc({ gc: false });
    const t = doc.getText('t');
    t.insert(0, 'abc');
    const snap = Y.snapshot(doc);
    t.insert(3, 'def'); // same client, next clocks: one item "abcdef" once merged
    t.insert(6, 'x'.repeat(10_000));
    t.delete(0, t.length);
    const reloaded = new Y.Doc({ gc: false });
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(doc));
    const after = collected(reloaded, [snap]);
    expect(textAt(after, snap)).toBe('abc');
    expect(after.getText('t').toString()).toBe('');
    expect(Y.encodeStateAsUpdate(after).byteLength).toBeLessThan(200);
  });

  it('collects text deleted before the snapshot, and keeps what any of several snapshots shows', () => {
    const doc = new Y.Doc({ gc: false });
    const t = doc.getText('t');
    t.insert(0, 'gone-before ');
    t.delete(0, 12);
    t.insert(0, 'first ');
    const one = Y.snapshot(doc);
    t.insert(6, 'second');
    const two = Y.snapshot(doc);
    t.delete(0, t.length);
    const after = collected(doc, [one, two]);
    expect(textAt(after, one)).toBe('first ');
    expect(textAt(after, two)).toBe('first second');
    // Without snapshots nothing deleted stays.
    expect(Y.encodeStateAsUpdate(collected(doc, [])).byteLength).toBeLessThan(Y.encodeStateAsUpdate(after).byteLength);
  });
});
