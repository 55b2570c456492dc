import { describe, expect, it } from 'vitest';
import type { Actor, Relation } from '../../../shared/charter/schema.js';
import { overlaps } from '../../../shared/diagram/label-place.js';
import { arrows, edgePoint, extent, labelBoxes, layoutActors, NODE_H, NODE_W, ring } from './actor-layout.js';

const actor = (id: string, x: number | null = null, y: number | null = null): Actor => ({
  id,
  name: id, kind: 'ngo', role: '', needs: '', requirements: '', gains: '', order: id, x, y, source: null,
  organisationId: null,
});
const rel = (id: string, from: string, to: string): Relation => ({ id, from, to, kind: 'serves', note: '' });

describe('actor layout', () => {
  it('keeps placed actors where they are and puts the others on a ring, clear of each other', () => {
    const pos = layoutActors([actor('a', 24, 24), actor('b'), actor('c', 500, 500), actor('d'), actor('e'), actor('f')]);
    expect(pos.get('a')).toEqual({ x: 24, y: 24 });
    expect(pos.get('c')).toEqual({ x: 500, y: 500 });
    const all = [...pos.values()];
    for (const p of all) for (const q of all) if (p !== q) expect(Math.abs(p.x - q.x) >= NODE_W || Math.abs(p.y - q.y) >= NODE_H).toBe(true);
  });

  it('spreads unplaced actors around the ring, the first at the top', () => {
    const pos = ring(4);
    expect(pos[0]!.y).toBeLessThan(pos[1]!.y);
    expect(pos[2]!.y).toBeGreaterThan(pos[1]!.y);
    expect(pos[1]!.x).toBeGreaterThan(pos[3]!.x);
    expect(ring(1)).toHaveLength(1);
  });

  it('measures the drawing, including nodes dragged to negative coordinates', () => {
    expect(extent([{ x: -100, y: 0 }, { x: 300, y: 200 }])).toEqual({ x: -124, y: -24, w: 300 + NODE_W + 24 + 124, h: 200 + NODE_H + 24 + 24 });
  });

  it('starts and ends arrows on the node edges', () => {
    expect(edgePoint({ x: 0, y: 0 }, { x: 1000, y: NODE_H / 2 })).toEqual({ x: NODE_W, y: NODE_H / 2 });
    expect(edgePoint({ x: 0, y: 0 }, { x: NODE_W / 2, y: -500 })).toEqual({ x: NODE_W / 2, y: 0 });
  });

  it('draws one arrow per relation, bending parallel ones apart and skipping dangling ones', () => {
    const pos = layoutActors([actor('a'), actor('b')]);
    const out = arrows([rel('1', 'a', 'b'), rel('2', 'b', 'a'), rel('3', 'a', 'zz')], pos);
    expect(out.map((a) => a.id)).toEqual(['1', '2']);
    expect(out[0]!.d).toMatch(/^M[\d.,-]+ L/);
    expect(out[1]!.d).toMatch(/ Q/);
    expect(out[0]!.label).not.toEqual(out[1]!.label);
  });

  it("puts every relation label on no actor box and on no other label, however crowded (the export's rule)", () => {
    let seed = 11;
    const rnd = (max: number) => ((seed = (seed * 16807) % 2147483647) % max);
    for (let round = 0; round < 20; round++) {
      const n = 2 + rnd(14);
      const actors = Array.from({ length: n }, (_, i) => actor(`a${i}`, rnd(3) === 0 ? null : rnd(900), rnd(3) === 0 ? null : rnd(600)));
      const rels = Array.from({ length: rnd(3 * n) }, (_, i) => rel(`r${i}`, `a${rnd(n)}`, `a${rnd(n)}`));
      const pos = layoutActors(actors);
      const lines = arrows(rels, pos);
      const boxes = labelBoxes(lines, pos, () => 'leverer data til', (t) => t.length * 7);
      expect(boxes).toHaveLength(lines.length);
      const nodes = [...pos.values()].map((p) => ({ x: p.x, y: p.y, w: NODE_W, h: NODE_H }));
      for (const [i, b] of boxes.entries()) {
        for (const node of nodes) expect(overlaps(b, node), `round ${round}: label ${i} on a box`).toBe(false);
        for (const other of boxes.slice(0, i)) expect(overlaps(b, other), `round ${round}: label ${i} on another`).toBe(false);
      }
    }
  });
});
