import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { VisionKey, VISION_DOC_OPTIONS, visionFragment, visionIsEmpty, visionTextLength } from './schema.js';
import { resetVisionTemplate, visionTemplateUpdate } from './template.js';

const fresh = (language: 'nn' | 'nb' | 'en') => {
  const doc = new Y.Doc(VISION_DOC_OPTIONS);
  Y.applyUpdate(doc, visionTemplateUpdate(language));
  return doc;
};
const paragraphs = (doc: Y.Doc) => visionFragment(doc).toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'paragraph');

describe('the vision template', () => {
  it.each(['nn', 'nb', 'en'] as const)('%s: headings are text, the prompts are placeholders of empty paragraphs', (language) => {
    const doc = fresh(language);
    const ps = paragraphs(doc);
    expect(ps).toHaveLength(3);
    for (const p of ps) {
      expect(p.length).toBe(0);
      expect(String(p.getAttribute(VisionKey.placeholder)).length).toBeGreaterThan(20);
    }
    const headings = visionFragment(doc).toArray().filter((n) => n instanceof Y.XmlElement && n.nodeName === 'heading');
    expect(visionTextLength(doc)).toBe(headings.reduce((n, h) => n + ((h as Y.XmlElement).get(0) as Y.XmlText).length, 0));
  });

  it('an emptied vision is empty although its placeholders are left, and resets to the template', () => {
    const doc = fresh('nn');
    const fragment = visionFragment(doc);
    expect(visionIsEmpty(doc)).toBe(false); // the headings
    doc.transact(() => {
      for (let i = fragment.length - 1; i >= 0; i--) if ((fragment.get(i) as Y.XmlElement).nodeName === 'heading') fragment.delete(i, 1);
    });
    expect(paragraphs(doc)).toHaveLength(3);
    expect(visionIsEmpty(doc)).toBe(true);
    resetVisionTemplate(doc, 'en');
    expect(paragraphs(doc).map((p) => p.getAttribute(VisionKey.placeholder))[0]).toMatch(/^Describe what is different/);
  });
});
