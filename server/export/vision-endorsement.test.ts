import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { VisionKey, VISION_DOC_OPTIONS, visionFragment } from '../../shared/vision/schema.js';
import { visionTemplateUpdate } from '../../shared/vision/template.js';
import type { VisionStanceRecord } from '../store/types.js';
import { visionBlocks } from './vision-blocks.js';
import { coverMilestone, textChangedSince } from './vision-endorsement.js';

const paragraph = (text: string, placeholder?: string) => {
  const p = new Y.XmlElement('paragraph');
  if (placeholder) p.setAttribute(VisionKey.placeholder, placeholder);
  if (text) p.insert(0, [new Y.XmlText(text)]);
  return p;
};

describe('placeholders in the export', () => {
  it('leaves out an empty paragraph with a placeholder, never the placeholder; text written there stays', () => {
    const doc = new Y.Doc(VISION_DOC_OPTIONS);
    Y.applyUpdate(doc, visionTemplateUpdate('nn'));
    visionFragment(doc).push([paragraph('', 'Skriv her'), paragraph('Skrive i ein med plasshaldar', 'Skriv her'), paragraph('')]);
    const blocks = visionBlocks(doc);
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'heading', 'heading', 'heading', 'paragraph', 'paragraph']);
    expect(blocks.slice(4)).toEqual([{ type: 'paragraph', content: [{ text: 'Skrive i ein med plasshaldar' }] }, { type: 'paragraph', content: [] }]);
    expect(JSON.stringify(blocks)).not.toMatch(/Skriv her|Skildra/);
  });
});

describe('the vision on the cover', () => {
  const m = (id: string) => ({ id, workshopId: 'w', name: id, createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'x' });
  const stance = (milestoneId: string, organisationId: string, s: VisionStanceRecord['stance']): VisionStanceRecord =>
    ({ workshopId: 'w', milestoneId, organisationId, memberId: 'x', stance: s, reason: null, at: '2026-01-02T00:00:00.000Z' });

  it('names the latest milestone an organisation of the workshop endorsed', () => {
    const list = [m('m1'), m('m2'), m('m3')];
    const orgs = [{ id: 'a' }, { id: 'b' }];
    expect(coverMilestone(list, [], orgs)).toBeNull();
    expect(coverMilestone(list, [stance('m1', 'a', 'endorse'), stance('m3', 'b', 'object'), stance('m2', 'b', 'abstain')], orgs)?.id).toBe('m1');
    expect(coverMilestone(list, [stance('m1', 'a', 'endorse'), stance('m2', 'b', 'endorse')], orgs)?.id).toBe('m2');
    expect(coverMilestone(list, [stance('m1', 'a', 'endorse'), stance('m3', 'gone', 'endorse')], orgs)?.id).toBe('m1');
  });

  it('tells whether the text changed since a snapshot, as the export reads it', () => {
    const doc = new Y.Doc(VISION_DOC_OPTIONS);
    visionFragment(doc).push([paragraph('Alle barn får hjelp.')]);
    const snap = Y.encodeSnapshot(Y.snapshot(doc));
    expect(textChangedSince(doc, snap)).toBe(false);
    // A placeholder is not text; a comment is not the text either.
    visionFragment(doc).push([paragraph('', 'Skriv her')]);
    doc.getMap('comments').set('c', 'x');
    expect(textChangedSince(doc, snap)).toBe(false);
    ((visionFragment(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 4, { strong: {} });
    expect(textChangedSince(doc, snap)).toBe(true);
    expect(textChangedSince(doc, new Uint8Array([1, 2, 3]))).toBe(true);
  });
});
