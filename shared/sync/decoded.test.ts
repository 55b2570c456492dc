/** One decoding per update buffer, given up on request. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodedUpdate, forgetDecoded } from './decoded.js';

const update = () => {
  const doc = new Y.Doc();
  doc.getMap('elements').set('a', 1);
  return Y.encodeStateAsUpdate(doc);
};

describe('decodedUpdate', () => {
  it('decodes a buffer once, until it is forgotten', () => {
    const u = update();
    const first = decodedUpdate(u);
    expect(first.structs).toHaveLength(1);
    expect(decodedUpdate(u)).toBe(first);
    // The same bytes in another buffer are decoded on their own.
    expect(decodedUpdate(u.slice())).not.toBe(first);
    forgetDecoded(u);
    expect(decodedUpdate(u)).not.toBe(first);
    expect(decodedUpdate(u)).toEqual(first);
  });

  it('throws on a malformed update, as Yjs does, and caches nothing', () => {
    const bad = new Uint8Array([200, 200, 200]);
    expect(() => decodedUpdate(bad)).toThrow();
    expect(() => decodedUpdate(bad)).toThrow();
  });
});
