import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from '../../../shared/board/board-doc.js';
import { insertTemplate } from '../../../shared/board/templates.js';
import { addNote, moveToFrame } from './outline-actions.js';
import { connectTargets, outlineSections, readingOrder } from './outline-model.js';

let n = 0;
const author = { id: 'm1', name: 'Kari', organisationId: 'o1', organisationName: 'Nav' };
const origin = { local: 'm1' };
const fresh = () => new BoardDoc(new Y.Doc(), () => `e${++n}`);
const titles = (b: BoardDoc) => outlineSections(b).map((s) => s.frame?.text ?? null);

describe('outline model', () => {
  it('groups elements by frame in reading order, then the loose ones', () => {
    const b = fresh();
    const lower = b.create({ kind: 'frame', x: 0, y: 1000, w: 400, h: 400, text: 'Nedst' }, author, origin);
    const right = b.create({ kind: 'frame', x: 500, y: 0, w: 400, h: 400, text: 'Høgre' }, author, origin);
    b.create({ kind: 'frame', x: 0, y: 20, w: 400, h: 400, text: 'Venstre' }, author, origin);
    const inLower2 = b.create({ kind: 'note', x: 200, y: 1100, text: 'b' }, author, origin);
    const inLower1 = b.create({ kind: 'note', x: 10, y: 1110, text: 'a' }, author, origin);
    const loose = b.create({ kind: 'text', x: 2000, y: 0, text: 'laus' }, author, origin);
    const link = b.create({ kind: 'connector', x: 0, y: 0, from: inLower1, to: loose }, author, origin);
    expect(titles(b)).toEqual(['Venstre', 'Høgre', 'Nedst', null]);
    const sections = outlineSections(b);
    expect(sections[2]!.frame!.id).toBe(lower);
    expect(sections[2]!.items.map((e) => e.id)).toEqual([inLower1, link, inLower2]);
    expect(sections[3]!.items.map((e) => e.id)).toEqual([loose]);
    expect(sections[1]!.frame!.id).toBe(right);
  });

  it('reads a staircase step by step, left to right', () => {
    const steps = [0, 1, 2, 3].map((i) => ({ id: i, x: i * 470, y: (3 - i) * 120, w: 440, h: 460 }));
    expect(readingOrder(steps).map((s) => s.id)).toEqual([0, 1, 2, 3]);
    const b = fresh();
    insertTemplate(b, 'maturity', { x: 0, y: 0 }, 'en', author, origin);
    expect(titles(b)).toEqual([
      'Generation 1: Digital support for our own work',
      'Generation 2: Systems that run our own processes',
      'Generation 3: Digital services for our own users',
      'Generation 4: Seamless services together with others',
      null,
    ]);
  });

  it('finds the same frame as BoardDoc.frameOf, and stays fast on a big board', () => {
    const b = fresh();
    let seed = 7;
    const rnd = (max: number) => ((seed = (seed * 16807) % 2147483647) % max);
    for (let i = 0; i < 40; i++) b.create({ kind: 'frame', x: rnd(4000), y: rnd(4000), w: 200 + rnd(1500), h: 200 + rnd(1500) }, author, origin);
    for (let i = 0; i < 600; i++) b.create({ kind: 'note', x: rnd(5000), y: rnd(5000) }, author, origin);
    const started = performance.now();
    const sections = outlineSections(b);
    expect(performance.now() - started).toBeLessThan(500);
    const placed = sections.flatMap((s) => s.items.map((e) => [e, s.frame?.id ?? null] as const));
    for (const [e, frame] of placed.filter((_, i) => i % 6 === 0)) expect(b.frameOf(e)?.id ?? null).toBe(frame);
    expect(sections.reduce((n, s) => n + s.items.length, 0)).toBe(600);
  });

  it('always has the "not in a frame" section, even on an empty board', () => {
    expect(outlineSections(fresh())).toEqual([{ frame: null, items: [] }]);
  });
});

describe('outline actions', () => {
  it('adds notes in free spots of a frame, row by row, growing the frame when it is full', () => {
    const b = fresh();
    const f = b.create({ kind: 'frame', x: 100, y: 100, w: 440, h: 400, text: 'Start' }, author, origin);
    const ids = [1, 2, 3, 4, 5].map((i) => addNote(b, f, `lapp ${i}`, author, origin));
    const notes = ids.map((id) => b.get(id)!);
    for (const note of notes) expect(b.frameOf(note)?.id).toBe(f);
    for (const a of notes) for (const c of notes) if (a !== c) expect(a.x + a.w <= c.x || c.x + c.w <= a.x || a.y + a.h <= c.y || c.y + c.h <= a.y).toBe(true);
    expect(new Set(notes.map((x) => x.y)).size).toBe(3);
    expect(b.get(f)!.h).toBeGreaterThan(400);
  });

  it('moves an element into another frame, and out of all frames to their right', () => {
    const b = fresh();
    const ids = insertTemplate(b, 'start-stop-continue', { x: 0, y: 0 }, 'en', author, origin);
    const [start, stop] = ids.map((id) => b.get(id)!).filter((e) => e.kind === 'frame');
    const note = addNote(b, start!.id, 'Felles plattform', author, origin);
    expect(moveToFrame(b, note, stop!.id, origin)).toBe(true);
    expect(b.frameOf(b.get(note)!)?.id).toBe(stop!.id);
    expect(b.get(note)!.text).toBe('Felles plattform');
    expect(moveToFrame(b, note, null, origin)).toBe(true);
    const moved = b.get(note)!;
    expect(b.frameOf(moved)).toBeNull();
    expect(moved.x).toBeGreaterThan(Math.max(...b.list().filter((e) => e.kind === 'frame').map((f) => f.x + f.w)));
    expect(moveToFrame(b, start!.id, stop!.id, origin)).toBe(false);
  });

  it('makes each add and move one undo step', () => {
    const b = fresh();
    const undo = new Y.UndoManager(b.elements, { trackedOrigins: new Set([origin]), captureTimeout: 0 });
    const f = b.create({ kind: 'frame', x: 0, y: 0, w: 220, h: 240 }, author, origin);
    undo.stopCapturing();
    addNote(b, f, 'a', author, origin);
    undo.stopCapturing();
    addNote(b, f, 'b', author, origin); // grows the frame: still one step
    undo.stopCapturing();
    undo.undo();
    expect(b.list().map((e) => e.text)).toEqual(['', 'a']);
    expect(b.get(f)!.h).toBe(240);
  });

  it('offers as connect targets every frame and connectable element but the source, in outline order', () => {
    const b = fresh();
    const frame = b.create({ kind: 'frame', x: 0, y: 0, w: 600, h: 400, text: 'Ramme' }, author, origin);
    const inside = b.create({ kind: 'note', x: 20, y: 40, text: 'inni' }, author, origin);
    const loose = b.create({ kind: 'ellipse', x: 900, y: 0 }, author, origin);
    b.create({ kind: 'pen', x: 900, y: 300, w: 40, h: 20, points: [0, 0, 40, 20] }, author, origin);
    b.create({ kind: 'connector', x: 0, y: 0, from: inside, to: loose }, author, origin);
    expect(connectTargets(outlineSections(b), inside).map((e) => e.id)).toEqual([frame, loose]);
    expect(connectTargets(outlineSections(b), frame).map((e) => e.id)).toEqual([inside, loose]);
  });
});
