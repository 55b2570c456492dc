/**
 * The actor map picture of the DOCX and PDF exports, read from its SVG: no relation label ever
 * lies under (or on) an actor box, an arrowhead or another label, labels are painted after every
 * box, and each label's text, as resvg draws it with the embedded fonts, stays inside its white
 * tag. Maps are generated (fixed seed, so a failure replays): crowds of actors on the default
 * circle, actors placed by hand on top of each other, many relations, both ways, parallel ones.
 */
import { Resvg } from '@resvg/resvg-js';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ACTOR_KINDS, RELATION_KINDS, type Actor, type Relation } from '../shared/charter/schema.js';
import { actorDiagramSvg } from '../server/export/actor-diagram.js';
import { FONT_FAMILY, FONT_FILES } from '../server/export/fonts.js';
import { overlaps, type Rect } from '../shared/diagram/label-place.js';
import { exportLabels } from '../server/export/labels.js';

type XmlNode = { [tag: string]: XmlNode[] } & { ':@'?: Record<string, string> };
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '' });

/** The SVG's top-level groups in paint order: kind, first rect, and text of each. */
function groups(svg: string): { kind: string; rect: Rect; text: string; textAt: { x: number; y: number } }[] {
  const root = (parser.parse(svg) as XmlNode[]).find((n) => 'svg' in n)!.svg!;
  return root
    .filter((n) => 'g' in n)
    .map((g) => {
      const kids = g.g!;
      const rect = kids.find((k) => 'rect' in k)?.[':@'] ?? {};
      const text = kids.find((k) => 'text' in k);
      return {
        kind: g[':@']!['data-kind']!,
        rect: { x: Number(rect.x), y: Number(rect.y), w: Number(rect.width), h: Number(rect.height) },
        text: text ? String((text.text![0] as unknown as { '#text': unknown })['#text'] ?? '') : '',
        textAt: { x: Number(text?.[':@']?.x), y: Number(text?.[':@']?.y) },
      };
    });
}

const actor = (id: string, x: number | null, y: number | null, kind: Actor['kind'] = 'state_agency'): Actor => ({
  id, name: `Aktør ${id}`, kind, role: '', needs: '', requirements: '', gains: '', order: id, x, y, source: null, organisationId: null,
});
const relation = (id: string, from: string, to: string, kind: Relation['kind'] = 'funds'): Relation => ({ id, from, to, kind, note: '' });
const names = (lang: keyof typeof exportLabels) => (kind: string) => exportLabels[lang].relationKinds[kind] ?? kind;

function checkPicture(actors: Actor[], relations: Relation[], relationName = names('nn')) {
  const out = actorDiagramSvg(actors, relations, relationName)!;
  const gs = groups(out.svg);
  const boxes = gs.filter((g) => g.kind === 'actor');
  const labels = gs.filter((g) => g.kind === 'relation-label');
  const ids = new Set(actors.map((a) => a.id));
  expect(boxes).toHaveLength(actors.length);
  expect(labels).toHaveLength(relations.filter((r) => ids.has(r.from) && ids.has(r.to) && r.from !== r.to).length);
  // Labels come after the last box in paint order.
  const lastBox = gs.map((g) => g.kind).lastIndexOf('actor');
  expect(gs.findIndex((g) => g.kind === 'relation-label')).toSatisfy((i: number) => i === -1 || i > lastBox);
  const [vx, vy] = out.svg.match(/viewBox="(\S+) (\S+)/)!.slice(1).map(Number) as [number, number];
  const tips = [...out.svg.matchAll(/<path d="M([^,]+),([^L]+)L([^,]+),([^L]+)L([^,]+),([^Z]+)Z"/g)].map((m) => m.slice(1).map(Number));
  expect(tips).toHaveLength(labels.length);
  // Collected, then compared once: an expect per pair would dominate the run time.
  const wrong: string[] = [];
  for (const [i, l] of labels.entries()) {
    const at = `label ${i} ${JSON.stringify(l.rect)}`;
    for (const b of boxes) if (overlaps(l.rect, b.rect)) wrong.push(`${at} on box ${JSON.stringify(b.rect)}`);
    for (const o of labels.slice(i + 1)) if (overlaps(l.rect, o.rect)) wrong.push(`${at} on label ${JSON.stringify(o.rect)}`);
    // No arrowhead (any of its three corners) under a label.
    for (const t of tips) for (let k = 0; k < 6; k += 2) if (overlaps(l.rect, { x: t[k]!, y: t[k + 1]!, w: 0, h: 0 })) wrong.push(`${at} on an arrowhead`);
    if (l.rect.x < vx || l.rect.y < vy || l.rect.x + l.rect.w > vx + out.width || l.rect.y + l.rect.h > vy + out.height) wrong.push(`${at} outside the picture`);
  }
  expect(wrong).toEqual([]);
  return { boxes, labels, out };
}

describe('actor map picture', () => {
  it('generated maps: no label touches an actor box, an arrowhead or another label; all drawn after the boxes', () => {
    const kinds = fc.constantFrom(...RELATION_KINDS);
    const map = fc
      .record({
        n: fc.integer({ min: 1, max: 30 }),
        // Hand-placed actors crowd a small area so that boxes touch and overlap.
        spread: fc.constantFrom(300, 900, 3000),
        placed: fc.array(fc.option(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { nil: null }), { minLength: 30, maxLength: 30 }),
        pairs: fc.array(fc.tuple(fc.nat(29), fc.nat(29), kinds), { maxLength: 80, size: 'max' }),
      })
      .map(({ n, spread, placed, pairs }) => ({
        actors: Array.from({ length: n }, (_, i) => {
          const p = placed[i];
          return actor(`a${i}`, p ? Math.round(p[0] * spread) : null, p ? Math.round(p[1] * spread * 0.6) : null, ACTOR_KINDS[i % ACTOR_KINDS.length]!);
        }),
        relations: pairs.map(([a, b, k], i) => relation(`r${i}`, `a${a % n}`, `a${b % n}`, k)),
      }));
    let labelled = 0;
    fc.assert(
      fc.property(map, ({ actors, relations }) => {
        labelled += checkPicture(actors, relations).labels.length;
      }),
      { seed: 20261217, numRuns: 60 },
    );
    expect(labelled).toBeGreaterThan(1000);
  });

  it('every actor related to every other on the circle, and in both directions', () => {
    const actors = Array.from({ length: 12 }, (_, i) => actor(`a${i}`, null, null));
    const relations = actors.flatMap((a, i) => actors.filter((b) => b !== a).map((b, j) => relation(`r${i}-${j}`, a.id, b.id, RELATION_KINDS[(i + j) % RELATION_KINDS.length])));
    expect(checkPicture(actors, relations).labels).toHaveLength(132);
  });

  it('an arrow running behind another actor has its label on the arrow beside that actor', () => {
    const actors = [actor('a', 0, 0), actor('b', 400, 0), actor('c', 800, 0)];
    const { labels, boxes } = checkPicture(actors, [relation('r', 'a', 'c')]);
    const l = labels[0]!;
    expect(l.rect.y + l.rect.h / 2).toBeCloseTo(32, 0); // on the arrow (the boxes' middle line)…
    expect(l.rect.x + l.rect.w <= boxes[1]!.rect.x || l.rect.x >= boxes[1]!.rect.x + boxes[1]!.rect.w).toBe(true); // …not behind b
    expect(l.text).toBe('finansierer');
  });

  it('relations both ways between two actors are two arrows, each label on its own', () => {
    const { labels, out } = checkPicture([actor('a', 0, 0), actor('b', 600, 0)], [relation('r1', 'a', 'b', 'funds'), relation('r2', 'b', 'a', 'serves')]);
    const ys = [...out.svg.matchAll(/<g data-kind="relation"><line x1="[^"]+" y1="([^"]+)" x2="[^"]+" y2="([^"]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(ys).toEqual([[24, 24], [40, 40]]);
    expect(labels.map((l) => [l.text, l.rect.y + l.rect.h / 2])).toEqual([['finansierer', 24], ['tener', 40]].map(([t, y]) => [t, expect.closeTo(y as number, 0)]));
  });

  it('each label, as resvg draws it with the embedded font, stays inside its tag', () => {
    const kinds = [...RELATION_KINDS];
    const texts = new Set<string>();
    for (const lang of ['nn', 'nb', 'en'] as const) for (const k of kinds) texts.add(names(lang)(k));
    const odd = ['WWWWWWWWWW', 'mmmmmmmmmm', 'ÆØÅ æøå «»', 'gjyqp', 'x'.repeat(60)];
    texts.add(odd[0]!);
    const actors = [actor('a', 0, 0), actor('b', 600, 0)];
    let checked = 0;
    for (const text of [...texts, ...odd]) {
      const { labels } = checkPicture(actors, [relation('r', 'a', 'b')], () => text);
      const l = labels[0]!;
      // The label alone, drawn exactly as in the picture, measured by the renderer.
      const text13 = `<text x="${l.textAt.x}" y="${l.textAt.y}" font-size="13" text-anchor="middle">${l.text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</text>`;
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="400" font-family="${FONT_FAMILY}, sans-serif">${text13}</svg>`;
      const bb = new Resvg(svg, { font: { fontFiles: [FONT_FILES.regular], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY } }).getBBox()!;
      expect(bb, text).toBeDefined();
      expect(bb.x, text).toBeGreaterThanOrEqual(l.rect.x);
      expect(bb.x + bb.width, text).toBeLessThanOrEqual(l.rect.x + l.rect.w);
      expect(bb.y, text).toBeGreaterThanOrEqual(l.rect.y);
      expect(bb.y + bb.height, text).toBeLessThanOrEqual(l.rect.y + l.rect.h);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
    expect(checkPicture(actors, [relation('r', 'a', 'b')], () => 'x'.repeat(60)).labels[0]!.text).toBe(`${'x'.repeat(39)}…`);
  });
});
