import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { VISION_DOC_OPTIONS, visionFragment } from '../../shared/vision/schema.js';
import { readBreak, SUGGESTED_BREAK, writeBreak } from '../../shared/vision/suggestion-marks.js';
import { IdRemap } from './id-remap.js';
import { remapSuggestions } from './suggestion-remap.js';

describe('an imported vision’s suggestions', () => {
  it('name the new member and organisation ids; text and other formatting stay', () => {
    const doc = new Y.Doc(VISION_DOC_OPTIONS);
    const p = new Y.XmlElement('paragraph');
    visionFragment(doc).insert(0, [p]);
    const t = new Y.XmlText();
    p.insert(0, [t]);
    t.insert(0, 'Vi deler data.', { strong: {} });
    t.insert(9, 'alle ', { insertion: { id: 's1', memberId: 'OLDMEMBERAAAAAAA', organisationId: 'OLDORGAAAAAAAAAA', createdAt: 'T' } });
    t.format(0, 3, { deletion: { id: 's2', memberId: 'OLDMEMBERAAAAAAA', organisationId: null, createdAt: 'T' } });
    remapSuggestions(doc, new IdRemap(new Map([['OLDMEMBERAAAAAAA', 'NEWMEMBERBBBBBBB'], ['OLDORGAAAAAAAAAA', 'NEWORGBBBBBBBBBB']])));
    expect(t.toDelta()).toEqual([
      { insert: 'Vi ', attributes: { strong: {}, deletion: { id: 's2', memberId: 'NEWMEMBERBBBBBBB', organisationId: null, createdAt: 'T' } } },
      { insert: 'deler ', attributes: { strong: {} } },
      { insert: 'alle ', attributes: { insertion: { id: 's1', memberId: 'NEWMEMBERBBBBBBB', organisationId: 'NEWORGBBBBBBBBBB', createdAt: 'T' } } },
      { insert: 'data.', attributes: { strong: {} } },
    ]);
  });

  it('name them in a suggested paragraph break too', () => {
    const doc = new Y.Doc(VISION_DOC_OPTIONS);
    const p = new Y.XmlElement('paragraph');
    visionFragment(doc).insert(0, [p]);
    p.setAttribute(SUGGESTED_BREAK, writeBreak({ kind: 'insertion', id: 's3', memberId: 'OLDMEMBERAAAAAAA', organisationId: 'OLDORGAAAAAAAAAA', createdAt: 'T' }));
    remapSuggestions(doc, new IdRemap(new Map([['OLDMEMBERAAAAAAA', 'NEWMEMBERBBBBBBB'], ['OLDORGAAAAAAAAAA', 'NEWORGBBBBBBBBBB']])));
    expect(readBreak(p.getAttribute(SUGGESTED_BREAK))).toEqual({ kind: 'insertion', id: 's3', memberId: 'NEWMEMBERBBBBBBB', organisationId: 'NEWORGBBBBBBBBBB', createdAt: 'T' });
  });
});
