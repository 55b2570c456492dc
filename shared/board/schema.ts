/**
 * The board document (`<workshopId>/board/<boardId>`): the only file that spells its Yjs keys.
 *
 *   meta: Y.Map      { schemaVersion: number }
 *   elements: Y.Map  elementId → Y.Map of the fields below; `text` and `label` are Y.Text
 *   comments: Y.Map  commentId → Y.Map (see shared/board/comments.ts)
 *
 * Z-order is a fractional index string (`z`), so concurrent reorders never fight over array
 * positions. Anything read from the document is untrusted (any writer can put anything there):
 * `readElement` turns a map into a well-formed `BoardElement` or null.
 */
import * as Y from 'yjs';

export const BOARD_SCHEMA_VERSION = 2;

export const ELEMENT_KINDS = ['note', 'text', 'rect', 'ellipse', 'diamond', 'connector', 'frame', 'pen', 'image'] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];
export const SHAPE_KINDS: readonly ElementKind[] = ['rect', 'ellipse', 'diamond'];

export const BoardKey = {
  meta: 'meta',
  elements: 'elements',
  /**
   * Added after v1 without a version bump: a new root map older clients never read (they ignore
   * it, and a Y.Doc keeps what it does not read), and no existing data changes shape.
   */
  comments: 'comments',
  schemaVersion: 'schemaVersion',
} as const;

/** Field names inside an element map. */
export const F = {
  id: 'id',
  kind: 'kind',
  x: 'x',
  y: 'y',
  w: 'w',
  h: 'h',
  z: 'z',
  color: 'color',
  text: 'text',
  label: 'label',
  from: 'from',
  to: 'to',
  points: 'points',
  /** Image: the id of its file (`GET /api/workshops/:id/images/:imageId`). Since schema 2. */
  image: 'image',
  authorId: 'authorId',
  authorName: 'authorName',
  organisationId: 'organisationId',
  organisationName: 'organisationName',
  createdAt: 'createdAt',
} as const;

export interface Author {
  id: string;
  name: string;
  organisationId: string | null;
  organisationName: string | null;
}

export interface BoardElement {
  id: string;
  kind: ElementKind;
  x: number;
  y: number;
  w: number;
  h: number;
  z: string;
  color: string;
  text: string;
  label: string;
  /** Connector ends: ids of the bound elements. */
  from: string | null;
  to: string | null;
  /** Pen: flat [x0, y0, x1, y1, …] relative to (x, y). */
  points: number[];
  /** Image: its file's id; null for every other kind (or a malformed one). */
  image: string | null;
  author: Author;
  createdAt: string;
}

export const Limits = {
  coordinate: 1_000_000,
  minSize: 8,
  maxSize: 100_000,
  textMax: 10_000,
  labelMax: 500,
  pointsMax: 20_000,
} as const;

export const PALETTE = ['yellow', 'orange', 'pink', 'purple', 'blue', 'teal', 'green', 'grey', 'white'] as const;
export type PaletteColor = (typeof PALETTE)[number];

const num = (v: unknown, min: number, max: number, fallback: number) =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
const str = (v: unknown, max: number, fallback = '') => (typeof v === 'string' ? v.slice(0, max) : fallback);
const textOf = (v: unknown, max: number) => (v instanceof Y.Text ? v.toString().slice(0, max) : str(v, max));

/** An image id as the server hands them out (16 characters of [A-Za-z0-9_-]), else null. */
const imageIdOf = (v: unknown): string | null => (typeof v === 'string' && /^[A-Za-z0-9_-]{16}$/.test(v) ? v : null);

/** A well-formed element from a Yjs map, or null when it cannot be one. */
export function readElement(id: string, m: Y.Map<unknown>): BoardElement | null {
  const kind = m.get(F.kind);
  if (typeof kind !== 'string' || !(ELEMENT_KINDS as readonly string[]).includes(kind)) return null;
  const C = Limits.coordinate;
  const color = str(m.get(F.color), 20);
  const rawPoints = m.get(F.points);
  return {
    id,
    kind: kind as ElementKind,
    x: num(m.get(F.x), -C, C, 0),
    y: num(m.get(F.y), -C, C, 0),
    w: num(m.get(F.w), Limits.minSize, Limits.maxSize, 160),
    h: num(m.get(F.h), Limits.minSize, Limits.maxSize, 120),
    z: str(m.get(F.z), 200, 'a0'),
    color: (PALETTE as readonly string[]).includes(color) ? color : 'yellow',
    text: textOf(m.get(F.text), Limits.textMax),
    label: textOf(m.get(F.label), Limits.labelMax),
    from: str(m.get(F.from), 64) || null,
    to: str(m.get(F.to), 64) || null,
    points: Array.isArray(rawPoints) ? rawPoints.slice(0, Limits.pointsMax).map((p) => num(p, -C, C, 0)) : [],
    image: imageIdOf(m.get(F.image)),
    author: {
      id: str(m.get(F.authorId), 64),
      name: str(m.get(F.authorName), 100),
      organisationId: str(m.get(F.organisationId), 64) || null,
      organisationName: str(m.get(F.organisationName), 100) || null,
    },
    createdAt: str(m.get(F.createdAt), 40),
  };
}
