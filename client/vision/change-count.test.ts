import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { visionFragment, VISION_DOC_OPTIONS } from '../../shared/vision/schema.js';
import type { VisionAuthorsDto } from '../../shared/vision/api.js';
import { createAuthorship } from './attribution.js';
import { base64ToBytes, bytesToBase64, countChanges, decodeSnapshotBase64, encodeSnapshotBase64 } from './change-count.js';

/** Two members' documents kept in sync, with attribution recorded as the server would. */
function setup() {
  const authors: VisionAuthorsDto = { clients: {}, deletions: [] };
  const docs = { anne: new Y.Doc(VISION_DOC_OPTIONS), bo: new Y.Doc(VISION_DOC_OPTIONS), cy: new Y.Doc(VISION_DOC_OPTIONS) };
  for (const [member, doc] of Object.entries(docs)) {
    authors.clients[String(doc.clientID)] = member;
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin === 'sync') return;
      const ranges: Array<[number, number, number]> = [];
      tr.deleteSet.clients.forEach((dels, client) => dels.forEach((d) => ranges.push([client, d.clock, d.len])));
      if (ranges.length) authors.deletions.push({ memberId: member, ranges });
    });
    doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === 'sync') return;
      for (const other of Object.values(docs)) if (other !== doc) Y.applyUpdate(other, u, 'sync');
    });
  }
  return { docs, authors };
}

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

const textOf = (doc: Y.Doc, i: number) => (visionFragment(doc).get(i) as Y.XmlElement).get(0) as Y.XmlText;
const orgs: Record<string, string> = { anne: 'nav', bo: 'kommune', cy: 'kommune' };

describe('countChanges', () => {
  it('counts passages by other members, grouped by organisation, and ignores my own', () => {
    const { docs, authors } = setup();
    visionFragment(docs.anne).insert(0, [paragraph('Alle barn skal få hjelp.'), paragraph('Tenestene heng saman.')]);
    const seen = Y.snapshot(docs.anne);

    textOf(docs.bo, 0).insert(0, 'Tidleg: '); // bo inserts one passage
    textOf(docs.bo, 1).delete(0, 'Tenestene '.length); // bo deletes one passage
    textOf(docs.cy, 1).insert(textOf(docs.cy, 1).length, ' Heilt.'); // cy, same organisation
    textOf(docs.anne, 0).insert(textOf(docs.anne, 0).length, ' Mine ord.'); // my own: not counted
    visionFragment(docs.bo).insert(2, [paragraph('Ny del.'), paragraph('Og meir.')]); // one passage over two blocks

    const a = createAuthorship(authors);
    const summary = countChanges(visionFragment(docs.anne), Y.snapshot(docs.anne), seen, a, {
      isMine: (m) => m === 'anne',
      organisationOf: (m) => (m ? (orgs[m] ?? '') : ''),
    });
    expect(summary.passages).toBe(4);
    expect(Object.fromEntries(summary.byOrganisation)).toEqual({ kommune: 4 });
  });

  it('finds nothing when only I changed the text', () => {
    const { docs, authors } = setup();
    visionFragment(docs.anne).insert(0, [paragraph('Ein tekst.')]);
    const seen = Y.snapshot(docs.anne);
    textOf(docs.anne, 0).insert(0, 'Min ');
    textOf(docs.anne, 0).delete(4, 4);
    const summary = countChanges(visionFragment(docs.anne), Y.snapshot(docs.anne), seen, createAuthorship(authors), { isMine: (m) => m === 'anne', organisationOf: () => '' });
    expect(summary.passages).toBe(0);
  });

  it('attributes two deletions of one run to the two members who made them', () => {
    const { docs, authors } = setup();
    visionFragment(docs.anne).insert(0, [paragraph('abcdefgh')]);
    const seen = Y.snapshot(docs.anne);
    textOf(docs.bo, 0).delete(0, 4);
    textOf(docs.cy, 0).delete(0, 4);
    const summary = countChanges(visionFragment(docs.anne), Y.snapshot(docs.anne), seen, createAuthorship(authors), { isMine: (m) => m === 'anne', organisationOf: (m) => m ?? '' });
    expect(Object.fromEntries(summary.byOrganisation)).toEqual({ bo: 1, cy: 1 });
  });

  it('round-trips snapshots through base64', () => {
    const doc = new Y.Doc(VISION_DOC_OPTIONS);
    visionFragment(doc).insert(0, [paragraph('x')]);
    const s = Y.snapshot(doc);
    expect(Y.equalSnapshots(decodeSnapshotBase64(encodeSnapshotBase64(s)), s)).toBe(true);
    const big = new Uint8Array(100_000).map((_, i) => i % 256);
    expect(base64ToBytes(bytesToBase64(big))).toEqual(big);
  });
});
