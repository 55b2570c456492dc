import { describe, expect, it } from 'vitest';
import { initProseMirrorDoc } from 'y-prosemirror';
import * as Y from 'yjs';
import { visionFragment, visionSchema, VISION_DOC_OPTIONS } from '../../shared/vision/schema.js';
import { anchorRange, resolveAnchor, type PMMapping } from './comment-anchors.js';

function docWith(...paragraphs: string[]) {
  const doc = new Y.Doc(VISION_DOC_OPTIONS);
  visionFragment(doc).insert(
    0,
    paragraphs.map((t) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(t)]);
      return p;
    }),
  );
  return doc;
}

/** Renders the fragment as y-prosemirror would and returns the text of a range. */
function view(doc: Y.Doc) {
  const { doc: pm, mapping } = initProseMirrorDoc(visionFragment(doc), visionSchema);
  return { pm, mapping: mapping as unknown as PMMapping };
}

const textAt = (doc: Y.Doc, r: { from: number; to: number } | null) => (r ? view(doc).pm.textBetween(r.from, r.to) : null);

describe('comment anchors', () => {
  it('follow their text through edits before, inside and after the range', () => {
    const doc = docWith('Alle barn skal få hjelp.', 'Andre avsnitt.');
    const { mapping } = view(doc);
    // "barn skal" = positions 1 + 5 .. 1 + 14 inside the first paragraph
    const stored = anchorRange(visionFragment(doc), mapping, 6, 15);
    expect(textAt(doc, resolveAnchor(visionFragment(doc), view(doc).mapping, stored))).toBe('barn skal');
    const t = (visionFragment(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    t.insert(0, 'No: ');
    t.insert(9, 'dei ');
    t.insert(17, ' ikkje');
    t.insert(t.length, ' Slutt.');
    visionFragment(doc).insert(0, [new Y.XmlElement('paragraph')]);
    // Text typed right before the range stays outside it; text typed inside is part of it.
    expect(textAt(doc, resolveAnchor(visionFragment(doc), view(doc).mapping, stored))).toBe('barn ikkje skal');
  });

  it('is detached when its text is deleted, or its paragraph', () => {
    const doc = docWith('Alle barn skal få hjelp.', 'Andre avsnitt.');
    const stored = anchorRange(visionFragment(doc), view(doc).mapping, 6, 15);
    const t = (visionFragment(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    t.delete(5, 9);
    expect(resolveAnchor(visionFragment(doc), view(doc).mapping, stored)).toBeNull();

    const doc2 = docWith('Alle barn skal få hjelp.', 'Andre avsnitt.');
    const stored2 = anchorRange(visionFragment(doc2), view(doc2).mapping, 6, 15);
    visionFragment(doc2).delete(0, 1);
    expect(resolveAnchor(visionFragment(doc2), view(doc2).mapping, stored2)).toBeNull();
  });

  it('survives a concurrent edit from another client', () => {
    const a = docWith('Felles mål for alle.');
    const b = new Y.Doc(VISION_DOC_OPTIONS);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const stored = anchorRange(visionFragment(a), view(a).mapping, 8, 11); // "mål"
    ((visionFragment(b).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Vårt ');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(textAt(a, resolveAnchor(visionFragment(a), view(a).mapping, stored))).toBe('mål');
  });

  it('treats garbage bytes as detached', () => {
    const doc = docWith('x');
    expect(resolveAnchor(visionFragment(doc), view(doc).mapping, { anchor: new Uint8Array([255, 1]), head: new Uint8Array() })).toBeNull();
  });
});
