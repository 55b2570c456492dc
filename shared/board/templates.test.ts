import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from './board-doc.js';
import { frameRoleOf, insertTemplate, TEMPLATE_IDS, TEMPLATES, templateSize, templateSpot, type TemplateLang } from './templates.js';

let n = 0;
const author = { id: 'm1', name: 'Kari', organisationId: 'o1', organisationName: 'Nav' };
const origin = { local: 'm1' };

function fresh() {
  const doc = new Y.Doc();
  const board = new BoardDoc(doc, () => `t${++n}`);
  const undo = new Y.UndoManager(board.elements, { trackedOrigins: new Set([origin]), captureTimeout: 0 });
  return { doc, board, undo };
}

describe('board templates', () => {
  it('lists the templates with a title and a description in every language', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([...TEMPLATE_IDS]);
    for (const t of TEMPLATES) for (const lang of ['nn', 'nb', 'en'] as const) {
      expect(t.title[lang].length).toBeGreaterThan(3);
      expect(t.description[lang].length).toBeGreaterThan(20);
    }
  });

  it.each(TEMPLATE_IDS)('%s: one transaction, everything inside its frame, unique ids, one undo step', (id) => {
    const { doc, board, undo } = fresh();
    const other = board.create({ kind: 'note', x: -5000, y: -5000, text: 'before' }, author, origin);
    undo.stopCapturing();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const ids = insertTemplate(board, id, { x: 100, y: 200 }, 'nn', author, origin);
    expect(transactions).toBe(1);
    expect(new Set(ids).size).toBe(ids.length);
    const els = ids.map((i) => board.get(i)!);
    const frames = els.filter((e) => e.kind === 'frame');
    expect(frames.length).toBeGreaterThanOrEqual(3);
    for (const e of els) {
      if (e.kind === 'frame') continue;
      const frame = board.frameOf(e);
      expect(frame, `${e.kind} «${e.text}» lies in a frame`).not.toBeNull();
      expect(frames.map((f) => f.id)).toContain(frame!.id);
      expect(e.author).toEqual(author);
    }
    // Frames do not overlap each other, so every element belongs to exactly one frame.
    for (const a of frames) for (const b of frames) if (a !== b) expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
    const { w, h } = templateSize(id);
    expect(Math.min(...frames.map((f) => f.x))).toBe(100);
    expect(Math.max(...frames.map((f) => f.x + f.w)) - 100).toBe(w);
    expect(Math.max(...frames.map((f) => f.y + f.h)) - Math.min(...frames.map((f) => f.y))).toBe(h);

    undo.undo();
    expect(board.list().map((e) => e.id)).toEqual([other]);
  });

  it.each([
    ['nn', 'Hald fram', 'Éin idé per lapp'],
    ['nb', 'Fortsett', 'Én idé per lapp'],
    ['en', 'Continue', 'One idea per sticky note'],
  ] as const)('writes the content in the requested language (%s)', (lang: TemplateLang, frameTitle, guidance) => {
    const { board } = fresh();
    const ids = insertTemplate(board, 'start-stop-continue', { x: 0, y: 0 }, lang, author, origin);
    const texts = ids.map((i) => board.get(i)!.text);
    expect(texts).toContain(frameTitle);
    expect(texts.filter((t) => t.includes(guidance))).toHaveLength(3);
  });

  it('uses the domain words of each language', () => {
    const { board } = fresh();
    const words: Record<TemplateLang, string[]> = {
      nn: ['verksemd', 'livshending', 'Generasjon 4'],
      nb: ['virksomhet', 'livshendelse', 'Generasjon 4'],
      en: ['organisation', 'life event', 'Generation 4'],
    };
    for (const lang of ['nn', 'nb', 'en'] as const) {
      const all = TEMPLATE_IDS.flatMap((id) => insertTemplate(board, id, { x: 0, y: 0 }, lang, author, origin))
        .map((i) => board.get(i)!.text)
        .join('\n')
        .toLowerCase();
      for (const w of words[lang]) expect(all, `${lang}: ${w}`).toContain(w.toLowerCase());
    }
  });

  it("draws each paradox as an axis: the report's two poles joined by a connector inside the frame", () => {
    const { board } = fresh();
    const ids = insertTemplate(board, 'paradoxes', { x: 0, y: 0 }, 'en', author, origin);
    const connectors = ids.map((i) => board.get(i)!).filter((e) => e.kind === 'connector');
    expect(connectors).toHaveLength(4);
    const poles = connectors.map((c) => [board.get(c.from!)!.text, board.get(c.to!)!.text]);
    expect(poles).toEqual([
      ['Local solutions and collaboration', 'Centralised initiatives and solutions'],
      ['Local benefit', 'Collective solutions'],
      ['Domain expertise', 'IT expertise'],
      ['Contextual digitalisation', 'Universal digitalisation'],
    ]);
    for (const c of connectors) expect(board.frameOf(c)?.id).toBe(board.frameOf(board.get(c.from!)!)?.id);
    const nn = fresh();
    const nnTexts = insertTemplate(nn.board, 'paradoxes', { x: 0, y: 0 }, 'nn', author, origin).map((i) => nn.board.get(i)!.text);
    expect(nnTexts).toContain('Lokale løysingar og samarbeid');
    expect(nnTexts).toContain('Sentraliserte initiativ og løysingar');
    expect(nnTexts).toContain('Domeneekspertise på kostnad av IT-ekspertise.');
  });

  it.each(['benefits-map', 'life-event-governance', 'roadmap', 'service-overlap', 'three-questions'] as const)(
    "%s (the report's methods, issue #17): every frame carries visible guidance in every language",
    (id) => {
      for (const lang of ['nn', 'nb', 'en'] as const) {
        const { board } = fresh();
        const els = insertTemplate(board, id, { x: 0, y: 0 }, lang, author, origin).map((i) => board.get(i)!);
        const frames = els.filter((e) => e.kind === 'frame');
        for (const f of frames) {
          const guidance = els.filter((e) => e.kind === 'text' && board.frameOf(e)?.id === f.id);
          expect(guidance.length, `${lang} ${f.text}`).toBeGreaterThan(0);
          expect(guidance.every((g) => g.text.length > 20 && g.w * g.h > 10_000)).toBe(true);
        }
      }
    },
  );

  it('knows what a zone’s notes become in the charter by the zone’s title, in any language', () => {
    expect(frameRoleOf('Kommunar og fylkeskommunar')).toBe('actor-municipality');
    expect(frameRoleOf(' shared platforms ')).toBe('actor-shared_platform');
    expect(frameRoleOf('Fellesløsninger og plattformer')).toBe('actor-shared_platform');
    expect(frameRoleOf('Seinare')).toBe('roadmap-later');
    expect(frameRoleOf('Stopp')).toBe('roadmap-now');
    expect(frameRoleOf('Gevinster')).toBe('benefit');
    expect(frameRoleOf('Question 2')).toBe('principle');
    expect(frameRoleOf('Ramma vår')).toBeNull();
  });

  it('three questions to top leaders: the report’s three, as checklists', () => {
    const { board } = fresh();
    const texts = insertTemplate(board, 'three-questions', { x: 0, y: 0 }, 'nn', author, origin).map((i) => board.get(i)!.text);
    expect(texts).toContain('Samarbeider de om grunnleggande infrastruktur?');
    expect(texts).toContain('Ser de satsinga i samanheng med nasjonal infrastruktur?');
    expect(texts.filter((t) => t.startsWith('☐ Ja'))).toHaveLength(3);
  });

  it('centres a template on a point, below existing content when it would overlap', () => {
    const { board } = fresh();
    const { w, h } = templateSize('start-stop-continue');
    expect(templateSpot(board, 'start-stop-continue', { x: 0, y: 0 })).toEqual({ x: Math.round(-w / 2), y: Math.round(-h / 2) });
    board.create({ kind: 'note', x: 0, y: 0, w: 100, h: 1000 }, author, origin);
    const spot = templateSpot(board, 'start-stop-continue', { x: 0, y: 0 });
    expect(spot.y).toBeGreaterThanOrEqual(1000);
  });
});
