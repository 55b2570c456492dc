/**
 * Board templates: frames with guidance for the council's methods (actor map, the four
 * paradoxes, the maturity staircase, a life-event journey) and a plain retrospective. Pure data
 * plus one insert function, so the browser, the server and tests share them.
 *
 * Every template's content is written in Nynorsk, Bokmål and English; the inserted text is in
 * the language the caller asks for (the inserting user's), because board content is plain text
 * that everyone then edits. Positions are relative to the template's top-left corner.
 */
import { isBox } from './kinds.js';
import type { BoardDoc } from './board-doc.js';
import type { Author } from './schema.js';
import { SPECS, type FrameRole, type TemplateId, type TemplateLang, type TemplateSpec } from './template-specs.js';

export { TEMPLATE_IDS, TEMPLATES, isTemplateId, type FrameRole, type Localised, type TemplateId, type TemplateLang, type TemplateMeta } from './template-specs.js';

const titleKey = (title: string) => title.trim().toLocaleLowerCase('nb');
const ROLE_BY_TITLE = new Map<string, FrameRole>(
  SPECS.flatMap((s) => s.frames.flatMap((f) => (f.role ? (['nn', 'nb', 'en'] as const).map((lang): [string, FrameRole] => [titleKey(f.title[lang]), f.role!]) : []))),
);

/**
 * What a template frame's notes become in the charter, found by the frame's title as a template
 * wrote it in any of the three languages (a renamed frame has no role), or null.
 */
export const frameRoleOf = (title: string): FrameRole | null => ROLE_BY_TITLE.get(titleKey(title)) ?? null;


function spec(id: TemplateId): TemplateSpec {
  const s = SPECS.find((t) => t.id === id);
  if (!s) throw new Error(`unknown template ${id}`);
  return s;
}

/** Width and height of a template's frames taken together. */
export function templateSize(id: TemplateId): { w: number; h: number } {
  const frames = spec(id).frames;
  return {
    w: Math.max(...frames.map((f) => f.x + f.w)) - Math.min(...frames.map((f) => f.x)),
    h: Math.max(...frames.map((f) => f.y + f.h)) - Math.min(...frames.map((f) => f.y)),
  };
}

/**
 * Inserts a template with its top-left corner at `at`, in one transaction (one undo step).
 * Returns the new ids: frames first, each followed by its contents, then the connectors.
 */
export function insertTemplate(board: BoardDoc, templateId: TemplateId, at: { x: number; y: number }, lang: TemplateLang, author: Author, origin: unknown): string[] {
  const s = spec(templateId);
  const ids: string[] = [];
  const keyed = new Map<string, string>();
  board.doc.transact(() => {
    for (const f of s.frames) {
      const fx = at.x + f.x;
      const fy = at.y + f.y;
      ids.push(board.create({ kind: 'frame', x: fx, y: fy, w: f.w, h: f.h, text: f.title[lang] }, author, origin));
      for (const it of f.items) {
        const id = board.create({ kind: it.kind, x: fx + it.x, y: fy + it.y, w: it.w, h: it.h, text: it.text[lang], color: it.color ?? (it.kind === 'note' ? 'yellow' : 'grey') }, author, origin);
        ids.push(id);
        if (it.key) keyed.set(it.key, id);
      }
    }
    for (const [from, to] of s.links ?? []) {
      const a = board.get(keyed.get(from) ?? '');
      const b = board.get(keyed.get(to) ?? '');
      if (!a || !b) continue;
      // The connector's own box sits between its ends, so it lies in the same frame as they do.
      const x = (a.x + a.w + b.x) / 2;
      const y = a.y + a.h / 2;
      ids.push(board.create({ kind: 'connector', x, y, from: a.id, to: b.id }, author, origin));
    }
  }, origin);
  return ids;
}

/**
 * Top-left corner for a template centred on `center`, moved down below existing content when
 * it would overlap any element there (overlapping frames would make "which frame is this in"
 * ambiguous).
 */
export function templateSpot(board: BoardDoc, templateId: TemplateId, center: { x: number; y: number }): { x: number; y: number } {
  const { w, h } = templateSize(templateId);
  const spot = { x: Math.round(center.x - w / 2), y: Math.round(center.y - h / 2) };
  const boxes = board.list().filter(isBox);
  const overlaps = boxes.some((e) => e.x < spot.x + w && e.x + e.w > spot.x && e.y < spot.y + h && e.y + e.h > spot.y);
  if (overlaps) spot.y = Math.max(...boxes.map((e) => e.y + e.h)) + 120;
  return spot;
}
