import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { visionFragment, VISION_DOC_OPTIONS } from '../../shared/vision/schema.js';
import { stickLeft } from './caret-sticks-left.js';

/** Two replicas of a vision with one paragraph reading `text`. */
function replicas(text: string) {
  const a = new Y.Doc(VISION_DOC_OPTIONS);
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  visionFragment(a).insert(0, [p]);
  const b = new Y.Doc(VISION_DOC_OPTIONS);
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const textOf = (d: Y.Doc) => (visionFragment(d).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  return { a, b, textOf };
}

const indexOf = (pos: Y.RelativePosition, doc: Y.Doc) => Y.createAbsolutePositionFromRelativePosition(pos, doc)?.index;

describe('stickLeft', () => {
  it('keeps a caret at the end of a paragraph before what another replica appends there', () => {
    const { a, b, textOf } = replicas('Skildra');
    const atEnd = Y.createRelativePositionFromTypeIndex(textOf(a), 7); // as y-prosemirror takes it
    const left = stickLeft(atEnd, a);
    textOf(b).insert(7, 'B');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(textOf(a).toString()).toBe('SkildraB');
    expect(indexOf(atEnd, a)).toBe(8); // past the other's letter: the next one typed would follow it
    expect(indexOf(left, a)).toBe(7);
  });

  it('keeps a caret inside text after its own left neighbour', () => {
    const { a, b, textOf } = replicas('abcdef');
    const left = stickLeft(Y.createRelativePositionFromTypeIndex(textOf(a), 3), a);
    textOf(b).insert(3, 'XY');
    textOf(b).insert(0, '>');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(textOf(a).toString()).toBe('>abcXYdef');
    expect(indexOf(left, a)).toBe(4);
  });

  it('leaves a caret at the start of a text or outside text as it was', () => {
    const { a, textOf } = replicas('abc');
    const start = Y.createRelativePositionFromTypeIndex(textOf(a), 0);
    expect(stickLeft(start, a)).toBe(start);
    const between = Y.createRelativePositionFromTypeIndex(visionFragment(a), 1);
    expect(stickLeft(between, a)).toBe(between);
  });
});
