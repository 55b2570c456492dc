/** Viewport maths, the spatial index, connector clipping, reading order and text diffs. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BoardElement } from '../../../shared/board/schema.js';
import { borderPoint, readingOrder } from './geometry.js';
import { SpatialIndex } from './spatial-index.js';
import { applyText, diff } from '../../ui/text-binding.js';
import { Viewport } from './viewport.js';

const el = (id: string, x: number, y: number, w = 100, h = 100, kind: BoardElement['kind'] = 'note') => ({ id, kind, x, y, w, h }) as BoardElement;

describe('viewport', () => {
  it('zooms around a screen point and fits a rectangle', () => {
    const v = Object.assign(new Viewport(), { width: 1000, height: 800 });
    const before = v.toWorld(200, 100);
    v.zoomAt(2, 200, 100);
    expect(v.toWorld(200, 100)).toEqual(before);
    v.zoomAt(100);
    expect(v.zoom).toBe(4);
    v.fit({ x: 0, y: 0, w: 2000, h: 400 }, 0);
    expect(v.zoom).toBe(0.5);
    expect(v.center()).toEqual({ x: 1000, y: 200 });
  });

  it('fits below the toolbar: nothing of the rectangle lands under the top inset', () => {
    const v = Object.assign(new Viewport(), { width: 1000, height: 800 });
    const r = { x: 0, y: 0, w: 800, h: 1000 };
    v.fit(r, 0, 4, 100);
    expect(v.zoom).toBe(0.7);
    const topLeft = v.toScreen(r.x, r.y);
    const bottomRight = v.toScreen(r.x + r.w, r.y + r.h);
    expect(topLeft.y).toBeCloseTo(100);
    expect(bottomRight.y).toBeCloseTo(800);
    expect((topLeft.x + bottomRight.x) / 2).toBeCloseTo(500);
  });
});

describe('spatial index', () => {
  it('finds what meets a rectangle, and follows updates and deletes', () => {
    const ix = new SpatialIndex();
    for (let i = 0; i < 5000; i++) ix.set(`n${i}`, { x: (i % 100) * 200, y: Math.floor(i / 100) * 200, w: 180, h: 140 });
    ix.set('huge', { x: -50_000, y: -50_000, w: 100_000, h: 100_000 });
    const hits = ix.query({ x: 0, y: 0, w: 990, h: 590 });
    expect(hits.size).toBe(5 * 3 + 1);
    ix.set('n0', { x: 90_000, y: 0, w: 10, h: 10 });
    ix.delete('huge');
    expect(ix.query({ x: 0, y: 0, w: 990, h: 590 }).size).toBe(14);
    expect([...ix.query({ x: 89_000, y: -5, w: 2000, h: 20 })]).toEqual(['n0']);
  });
});

describe('geometry', () => {
  it('clips connectors to rectangles, ellipses and diamonds', () => {
    expect(borderPoint(el('a', 0, 0), { x: 500, y: 50 })).toEqual({ x: 100, y: 50 });
    expect(borderPoint(el('a', 0, 0, 100, 100, 'ellipse'), { x: 50, y: 500 })).toEqual({ x: 50, y: 100 });
    const d = borderPoint(el('a', 0, 0, 100, 100, 'diamond'), { x: 500, y: 500 });
    expect(d.x).toBeCloseTo(75);
  });

  it('orders for Tab by frame, then y, then x', () => {
    const frame = el('f', 0, 500, 1000, 500, 'frame');
    const order = readingOrder([el('in2', 600, 600), el('top2', 400, 0), frame, el('in1', 100, 600), el('top1', 0, 0)]);
    expect(order.map((e) => e.id)).toEqual(['top1', 'top2', 'f', 'in1', 'in2']);
  });
});

describe('text binding', () => {
  it('turns a new value into the smallest edit, so concurrent typing merges', () => {
    expect(diff('Felles plattform', 'Felles nasjonal plattform')).toEqual([7, 0, 'nasjonal ']);
    expect(diff('aaa', 'aa')).toEqual([2, 1, '']);
    const d1 = new Y.Doc();
    const d2 = new Y.Doc();
    const t1 = d1.getText('t');
    t1.insert(0, 'Felles plattform');
    Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1));
    applyText(t1, 'Felles nasjonal plattform', 'a', 1000);
    applyText(d2.getText('t'), 'Felles plattform først', 'b', 1000);
    Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1));
    Y.applyUpdate(d1, Y.encodeStateAsUpdate(d2));
    expect(t1.toString()).toBe('Felles nasjonal plattform først');
  });
});
