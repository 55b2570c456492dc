import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from './board-doc.js';
import { migrateBoard } from './migrations.js';
import { BoardKey, F, readElement } from './schema.js';

let n = 0;
const newId = () => `el${++n}`;
const author = { id: 'm1', name: 'Kari', organisationId: 'o1', organisationName: 'Bergen kommune' };
const local = { local: true };

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('BoardDoc', () => {
  it('creates attributed elements with text and lists them back to front', () => {
    const b = new BoardDoc(new Y.Doc(), newId);
    const note = b.create({ kind: 'note', x: 10, y: 20, text: 'Felles plattform' }, author, local);
    const frame = b.create({ kind: 'frame', x: 0, y: 0, text: 'Aktørkart' }, author, local);
    const list = b.list();
    expect(list.map((e) => e.id)).toEqual([frame, note]);
    expect(b.get(note)).toMatchObject({ kind: 'note', x: 10, y: 20, text: 'Felles plattform', author });
  });

  it('moves a frame with what lies inside it, and connectors follow by binding', () => {
    const b = new BoardDoc(new Y.Doc(), newId);
    const frame = b.create({ kind: 'frame', x: 0, y: 0, w: 500, h: 500 }, author, local);
    const inside = b.create({ kind: 'note', x: 10, y: 10 }, author, local);
    const outside = b.create({ kind: 'note', x: 600, y: 10 }, author, local);
    const link = b.create({ kind: 'connector', x: 0, y: 0, from: inside, to: outside }, author, local);
    b.move([frame], 100, 50, local);
    expect(b.get(inside)).toMatchObject({ x: 110, y: 60 });
    expect(b.get(outside)).toMatchObject({ x: 600, y: 10 });
    expect(b.frameOf(b.get(inside)!)?.id).toBe(frame);
    b.delete([outside], local);
    expect(b.get(link)).toBeNull();
  });

  it('orders by fractional index so concurrent reorders both hold', () => {
    const d1 = new Y.Doc();
    const d2 = new Y.Doc();
    const b1 = new BoardDoc(d1, newId);
    const b2 = new BoardDoc(d2, newId);
    const a = b1.create({ kind: 'note', x: 0, y: 0 }, author, local);
    const c = b1.create({ kind: 'note', x: 0, y: 0 }, author, local);
    sync(d1, d2);
    b1.bringToFront([a], local);
    b2.sendToBack([c], local);
    sync(d1, d2);
    expect(b1.list().map((e) => e.id)).toEqual(b2.list().map((e) => e.id));
  });

  it('reads hostile or broken maps safely', () => {
    const doc = new Y.Doc();
    const elements = doc.getMap<Y.Map<unknown>>(BoardKey.elements);
    const bad = new Y.Map<unknown>();
    elements.set('x', bad);
    bad.set(F.kind, 'note');
    bad.set(F.x, Number.NaN);
    bad.set(F.w, 1e12);
    bad.set(F.color, 'red; background:url(x)');
    bad.set(F.text, '<img src=x onerror=alert(1)>');
    expect(readElement('x', bad)).toMatchObject({ x: 0, w: 100_000, color: 'yellow', text: '<img src=x onerror=alert(1)>' });
    const worse = new Y.Map<unknown>();
    elements.set('y', worse);
    worse.set(F.kind, 'script');
    expect(readElement('y', worse)).toBeNull();
    expect(new BoardDoc(doc, newId).list().map((e) => e.id)).toEqual(['x']);
  });

  it('migrates once and records the schema version', () => {
    const doc = new Y.Doc();
    expect(migrateBoard(doc, local)).toEqual(['001_initial', '002_images']);
    expect(migrateBoard(doc, local)).toEqual([]);
    expect(doc.getMap('meta').get('schemaVersion')).toBe(2);
    // A board of version 1 gets only what came after it.
    const v1 = new Y.Doc();
    v1.getMap('meta').set('schemaVersion', 1);
    expect(migrateBoard(v1, local)).toEqual(['002_images']);
  });
});
