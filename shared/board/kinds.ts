/**
 * The board's element kinds and their rules, written once: the size a new element gets, its
 * editable text field, whether it is a box or a line, what can be connected, where a click
 * places it, its outline for connector ends. The client's render and hit-test per kind sit beside
 * it (client/board/canvas/kind-views.ts); everything else asks this table instead of naming kinds.
 */
import type { BoardElement, ElementKind, PaletteColor } from './schema.js';

export interface KindRule {
  /** Width and height of a new element when none is given. */
  readonly size: readonly [number, number];
  /** The editable text (Y.Text) field, or null: pen strokes carry no text. */
  readonly field: 'text' | 'label' | null;
  /**
   * `box`: placed by its own x, y, w, h (it moves, aligns, is selected by a marquee, is inside
   * frames). `line`: drawn between two other elements, so its box follows theirs.
   */
  readonly shape: 'box' | 'line';
  /** May be an end of a connector (and so is what a connector's pointer hits). */
  readonly connectable: boolean;
  /** Resizable by its corner handle. */
  readonly resizable: boolean;
  /** Holds the elements inside its area: carries them when moved, sits below everything. */
  readonly container: boolean;
  /** Offset from the clicked point to the top-left corner when a click places it. */
  readonly place: readonly [number, number];
  /** Colour when none is given. */
  readonly color: PaletteColor;
  /** The outline a connector's end is clipped to. */
  readonly outline: 'rect' | 'ellipse' | 'diamond';
  /** Placed with its tool, it opens for typing at once. */
  readonly editsOnPlace: boolean;
  /** Can get dots in a dot vote. */
  readonly votable: boolean;
}

// A click with a creating tool has put boxes other than notes at (-90, -60) from the pointer
// since the tools came; a note is centred on the point wherever it is placed (N, double-click,
// paste, its tool), half its size.
const NOTE_SIZE = [180, 140] as const;
const box = { field: 'text', shape: 'box', connectable: true, resizable: true, container: false, place: [90, 60], color: 'blue', outline: 'rect', editsOnPlace: false, votable: true } as const;

export const KINDS: Readonly<Record<ElementKind, KindRule>> = {
  note: { ...box, size: NOTE_SIZE, place: [NOTE_SIZE[0] / 2, NOTE_SIZE[1] / 2], color: 'yellow', editsOnPlace: true },
  // Free text is mostly a template's guidance, a frame a container: neither is a candidate in a dot vote.
  text: { ...box, size: [240, 60], editsOnPlace: true, votable: false },
  rect: { ...box, size: [200, 120] },
  ellipse: { ...box, size: [200, 120], outline: 'ellipse' },
  diamond: { ...box, size: [200, 140], outline: 'diamond' },
  frame: { ...box, size: [800, 560], container: true, color: 'white', editsOnPlace: true, votable: false },
  connector: { ...box, size: [8, 8], field: 'label', shape: 'line', connectable: false, resizable: false, votable: false },
  pen: { ...box, size: [8, 8], field: null, connectable: false, resizable: false, votable: false },
  // Its label is the picture's description (alt text), shown under it and read by screen readers.
  image: { ...box, size: [320, 240], field: 'label', color: 'white' },
};

export const kindOf = (kind: ElementKind): KindRule => KINDS[kind];

/** Where a click at `p` puts a new element of this kind (its top-left corner). */
export const placedAt = (kind: ElementKind, p: { x: number; y: number }): { x: number; y: number } => ({ x: p.x - KINDS[kind].place[0], y: p.y - KINDS[kind].place[1] });

/** A box: has its own position and size (not a connector). */
export const isBox = (e: Pick<BoardElement, 'kind'>): boolean => KINDS[e.kind].shape === 'box';

/** May be an end of a connector (notes, text, shapes, frames; not connectors or pen strokes). */
export const isConnectable = (e: Pick<BoardElement, 'kind'>): boolean => KINDS[e.kind].connectable;

/** A container (frame): holds what lies in its area. */
export const isFrame = (e: Pick<BoardElement, 'kind'>): boolean => KINDS[e.kind].container;

/** The text a reader sees for an element: its text, or a connector's label. */
export const shownText = (e: BoardElement): string => (KINDS[e.kind].field === 'label' ? e.label : e.text);
