/**
 * Board actions, defined once as plain objects and used by the toolbar, the context menu and the
 * keyboard alike; the drawing tools as actions too; and commands, the writes that take an argument
 * (colour, a note at a point, the outline's add and move, a tool's gesture, a template). Every
 * board write of the client goes through here, and only through `ctx.board` with `ctx.origin`,
 * so undo stays per user.
 * Shortcuts: `Mod` is Ctrl (⌘ on Mac); a letter is matched case-insensitively; `Shift+1` names
 * the key by its position so any keyboard layout works.
 */
import { msg } from '@lit/localize';
import type { BoardDoc, NewElement } from '../../shared/board/board-doc.js';
import { addComment, deleteComments, editComment, setResolved } from '../../shared/board/comments.js';
import { isBox, isConnectable, isFrame, KINDS, placedAt } from '../../shared/board/kinds.js';
import type { Author, BoardElement, PaletteColor } from '../../shared/board/schema.js';
import { insertTemplate, templateSpot, type TemplateId, type TemplateLang } from '../../shared/board/templates.js';
import { addNote, moveToFrame } from './outline/outline-actions.js';
import { insertCopies, parse, serialize, toItems } from './canvas/clipboard.js';
import { TOOLS, type Tool } from './canvas/tools.js';
import type { Point } from './canvas/viewport.js';

/** What may go to the charter: a note or a shape with text (the server says the same). */
const CHARTER_KINDS = new Set(['note', 'rect', 'ellipse', 'diamond', 'text']);

export interface ActionContext {
  readonly board: BoardDoc;
  readonly origin: object;
  readonly me: Author;
  readonly readOnly: boolean;
  readonly undo: { undo(): unknown; redo(): unknown; canUndo(): boolean; canRedo(): boolean; stopCapturing(): void };
  /** Selected ids, or the focused element when nothing is selected. */
  readonly selection: readonly string[];
  select(ids: string[]): void;
  /** Where new things go: the view centre, or the pointer for paste from a context menu. */
  placePoint(): Point;
  edit(id: string): void;
  view: { zoomBy(factor: number): void; zoomReset(): void; zoomToFit(): void; zoomToSelection(): void };
  snap: boolean;
  setSnap(on: boolean): void;
  clipboard: { write(text: string): Promise<void> | void; read(): Promise<string> };
  openHelp(): void;
  setTool(tool: Tool): void;
  /** Starts choosing the target of a new connector from `from` (the canvas's connect mode). */
  connect(from: string): void;
  /** Opens the file picker for images to place at `placePoint()` (the canvas; issue #16). */
  pickImages(): void;
  /** Opens the comments of an element (a new comment at the ready for those who may write). */
  comment(id: string): void;
  /** Asks what a note becomes in the charter, then sends it there (`charter.import`, issue #17). */
  toCharter(id: string): void;
}

export type ActionGroup = 'create' | 'edit' | 'arrange' | 'align' | 'history' | 'view' | 'help' | 'tool';

export interface Action {
  id: string;
  label(): string;
  /** What the shortcut help says, when the label alone would not tell it. */
  help?(): string;
  shortcut?: string;
  /** Further shortcuts for the same action (not shown as the main one). */
  alt?: string[];
  group: ActionGroup;
  /** Changes the board: absent for observers. */
  writes: boolean;
  enabled(ctx: ActionContext): boolean;
  run(ctx: ActionContext): void;
}

const selected = (ctx: ActionContext): BoardElement[] => ctx.selection.map((id) => ctx.board.get(id)).filter((e): e is BoardElement => !!e);
const boxes = (ctx: ActionContext) => selected(ctx).filter(isBox);
const canWrite = (ctx: ActionContext) => !ctx.readOnly;
const hasText = (e: BoardElement | undefined) => !!e && KINDS[e.kind].field !== null;
const hasSelection = (ctx: ActionContext) => canWrite(ctx) && ctx.selection.length > 0;

/** Creates a note at the place point (shifted while another note sits exactly there) and edits it. */
export function newNote(ctx: ActionContext): string {
  const { x, y } = freeSlot(ctx.board.list(), placedAt('note', ctx.placePoint()));
  const id = ctx.board.create({ kind: 'note', x, y }, ctx.me, ctx.origin);
  ctx.select([id]);
  ctx.edit(id);
  return id;
}

/**
 * Where a new note goes near `at` (its top-left at the view centre): the nearest cell of a
 * note-sized grid around it that no box covers (frames hold notes, so they do not count), so
 * notes added one after another lie side by side instead of on each other; nearer cells first,
 * a row before the next, right before left and below before above. Everything covered within three cells: `at`.
 */
export function freeSlot(elements: readonly BoardElement[], at: Point): Point {
  const [w, h] = KINDS.note.size;
  const gap = 16;
  const boxes = elements.filter((e) => isBox(e) && !isFrame(e));
  const free = (x: number, y: number) => !boxes.some((b) => x < b.x + b.w && x + w > b.x && y < b.y + b.h && y + h > b.y);
  const cells: Array<[number, number]> = [];
  for (let dy = -3; dy <= 3; dy++) for (let dx = -3; dx <= 3; dx++) cells.push([dx, dy]);
  // In cells, rows counting a little more than columns: notes fill a row to the right first.
  const cost = ([dx, dy]: [number, number]) => Math.hypot(dx, dy * 1.2) + (dx < 0 ? 0.5 : 0) + (dy < 0 ? 0.3 : 0);
  cells.sort((a, b) => cost(a) - cost(b));
  for (const [dx, dy] of cells) {
    const x = Math.round(at.x + dx * (w + gap));
    const y = Math.round(at.y + dy * (h + gap));
    if (free(x, y)) return { x, y };
  }
  return { x: Math.round(at.x), y: Math.round(at.y) };
}

/** Moves the selection by (dx, dy) world px. */
export function nudge(ctx: ActionContext, dx: number, dy: number): void {
  if (canWrite(ctx) && ctx.selection.length) ctx.board.move([...ctx.selection], dx, dy, ctx.origin);
}

type Edge = 'left' | 'center' | 'right' | 'top' | 'middle' | 'bottom';
function align(ctx: ActionContext, edge: Edge): void {
  const list = boxes(ctx);
  const x0 = Math.min(...list.map((e) => e.x));
  const x1 = Math.max(...list.map((e) => e.x + e.w));
  const y0 = Math.min(...list.map((e) => e.y));
  const y1 = Math.max(...list.map((e) => e.y + e.h));
  ctx.board.doc.transact(() => {
    for (const e of list) {
      const target = { left: [x0, e.y], center: [(x0 + x1 - e.w) / 2, e.y], right: [x1 - e.w, e.y], top: [e.x, y0], middle: [e.x, (y0 + y1 - e.h) / 2], bottom: [e.x, y1 - e.h] }[edge];
      ctx.board.update(e.id, { x: Math.round(target[0]!), y: Math.round(target[1]!) }, ctx.origin);
    }
  }, ctx.origin);
}

/** Equal gaps between the selected elements along one axis, the outermost ones staying put. */
function distribute(ctx: ActionContext, axis: 'x' | 'y'): void {
  const size = axis === 'x' ? 'w' : 'h';
  const list = boxes(ctx).sort((a, b) => a[axis] - b[axis]);
  const first = list[0]!;
  const last = list.at(-1)!;
  const total = list.reduce((s, e) => s + e[size], 0);
  const gap = (last[axis] + last[size] - first[axis] - total) / (list.length - 1);
  let at = first[axis];
  ctx.board.doc.transact(() => {
    for (const e of list) {
      ctx.board.update(e.id, { [axis]: Math.round(at) }, ctx.origin);
      at += e[size] + gap;
    }
  }, ctx.origin);
}

async function paste(ctx: ActionContext): Promise<void> {
  const raw = await ctx.clipboard.read().catch(() => '');
  pasteText(ctx, raw);
}

/** Pastes Samskap elements, or plain text as a new note; selects what was pasted. */
export function pasteText(ctx: ActionContext, raw: string): void {
  if (ctx.readOnly || !raw.trim()) return;
  const items = parse(raw);
  if (items) return ctx.select(insertCopies(ctx.board, items, { at: ctx.placePoint() }, ctx.me, ctx.origin));
  const at = placedAt('note', ctx.placePoint());
  ctx.select([ctx.board.create({ kind: 'note', x: Math.round(at.x), y: Math.round(at.y), text: raw }, ctx.me, ctx.origin)]);
}

const zoomStep = 1.25;
const a = (x: Action) => x;

export const ACTIONS: Action[] = [
  a({ id: 'new-note', label: () => msg('New sticky note', { id: 'canvas_act_new_note' }), shortcut: 'N', group: 'create', writes: true, enabled: canWrite, run: (ctx) => void newNote(ctx) }),
  a({
    id: 'edit',
    label: () => msg('Edit text', { id: 'canvas_act_edit' }),
    shortcut: 'Enter',
    group: 'edit',
    writes: true,
    enabled: (ctx) => canWrite(ctx) && ctx.selection.length === 1 && hasText(selected(ctx)[0]),
    run: (ctx) => ctx.edit(ctx.selection[0]!),
  }),
  a({
    id: 'connect',
    label: () => msg('Connect to…', { id: 'canvas_act_connect' }),
    help: () => msg('Connect the selected element to another: Tab or the arrow keys choose, Enter connects, Esc cancels (with nothing selected: the arrow tool)', { id: 'canvas_act_connect_help' }),
    shortcut: 'C',
    group: 'edit',
    writes: true,
    enabled: (ctx) => canWrite(ctx) && ctx.selection.length === 1 && selected(ctx).some(isConnectable),
    run: (ctx) => ctx.connect(ctx.selection[0]!),
  }),
  a({
    id: 'comment',
    label: () => msg('Comment…', { id: 'canvas_act_comment' }),
    help: () => msg('Comments on the selected element: read them, write one', { id: 'canvas_act_comment_help' }),
    shortcut: 'Mod+Alt+M',
    group: 'edit',
    // Observers read the comments; the panel offers writing only to those who may.
    writes: false,
    enabled: (ctx) => ctx.selection.length === 1 && !!ctx.board.get(ctx.selection[0]!),
    run: (ctx) => ctx.comment(ctx.selection[0]!),
  }),
  a({
    id: 'to-charter',
    label: () => msg('Send to the charter…', { id: 'canvas_act_to_charter' }),
    help: () => msg('The selected note becomes an actor, a principle, a roadmap item or a benefit in the charter', { id: 'canvas_act_to_charter_help' }),
    group: 'edit',
    writes: true,
    enabled: (ctx) => {
      const e = ctx.selection.length === 1 ? ctx.board.get(ctx.selection[0]!) : null;
      return !!e && CHARTER_KINDS.has(e.kind) && e.text.trim() !== '';
    },
    run: (ctx) => ctx.toCharter(ctx.selection[0]!),
  }),
  a({ id: 'duplicate', label: () => msg('Duplicate', { id: 'canvas_act_duplicate' }), shortcut: 'Mod+D', group: 'edit', writes: true, enabled: hasSelection, run: (ctx) => ctx.select(insertCopies(ctx.board, toItems(selected(ctx)), { offset: 24 }, ctx.me, ctx.origin)) }),
  a({ id: 'copy', label: () => msg('Copy', { id: 'canvas_act_copy' }), shortcut: 'Mod+C', group: 'edit', writes: false, enabled: (ctx) => ctx.selection.length > 0, run: (ctx) => void ctx.clipboard.write(serialize(selected(ctx))) }),
  a({
    id: 'cut',
    label: () => msg('Cut', { id: 'canvas_act_cut' }),
    shortcut: 'Mod+X',
    group: 'edit',
    writes: true,
    enabled: hasSelection,
    run: (ctx) => {
      void ctx.clipboard.write(serialize(selected(ctx)));
      ctx.board.delete([...ctx.selection], ctx.origin);
      ctx.select([]);
    },
  }),
  a({ id: 'paste', label: () => msg('Paste', { id: 'canvas_act_paste' }), shortcut: 'Mod+V', group: 'edit', writes: true, enabled: canWrite, run: (ctx) => void paste(ctx) }),
  a({ id: 'image', label: () => msg('Insert image…', { id: 'canvas_act_image' }), group: 'create', writes: true, enabled: canWrite, run: (ctx) => ctx.pickImages() }),
  a({
    id: 'delete',
    label: () => msg('Delete', { id: 'canvas_act_delete' }),
    shortcut: 'Delete',
    alt: ['Backspace'],
    group: 'edit',
    writes: true,
    enabled: hasSelection,
    run: (ctx) => {
      ctx.board.delete([...ctx.selection], ctx.origin);
      ctx.select([]);
    },
  }),
  a({ id: 'select-all', label: () => msg('Select all', { id: 'canvas_act_select_all' }), shortcut: 'Mod+A', group: 'edit', writes: false, enabled: () => true, run: (ctx) => ctx.select(ctx.board.list().map((e) => e.id)) }),
  a({ id: 'front', label: () => msg('Bring to front', { id: 'canvas_act_front' }), shortcut: ']', group: 'arrange', writes: true, enabled: hasSelection, run: (ctx) => ctx.board.bringToFront(sortedByZ(ctx), ctx.origin) }),
  a({ id: 'back', label: () => msg('Send to back', { id: 'canvas_act_back' }), shortcut: '[', group: 'arrange', writes: true, enabled: hasSelection, run: (ctx) => ctx.board.sendToBack(sortedByZ(ctx), ctx.origin) }),
  ...(
    [
      ['left', () => msg('Align left', { id: 'canvas_act_align_left' })],
      ['center', () => msg('Align centre', { id: 'canvas_act_align_center' })],
      ['right', () => msg('Align right', { id: 'canvas_act_align_right' })],
      ['top', () => msg('Align top', { id: 'canvas_act_align_top' })],
      ['middle', () => msg('Align middle', { id: 'canvas_act_align_middle' })],
      ['bottom', () => msg('Align bottom', { id: 'canvas_act_align_bottom' })],
    ] as Array<[Edge, () => string]>
  ).map(([edge, label]) => a({ id: `align-${edge}`, label, group: 'align', writes: true, enabled: (ctx) => canWrite(ctx) && boxes(ctx).length > 1, run: (ctx) => align(ctx, edge) })),
  a({ id: 'distribute-h', label: () => msg('Distribute horizontally', { id: 'canvas_act_distribute_h' }), group: 'align', writes: true, enabled: (ctx) => canWrite(ctx) && boxes(ctx).length > 2, run: (ctx) => distribute(ctx, 'x') }),
  a({ id: 'distribute-v', label: () => msg('Distribute vertically', { id: 'canvas_act_distribute_v' }), group: 'align', writes: true, enabled: (ctx) => canWrite(ctx) && boxes(ctx).length > 2, run: (ctx) => distribute(ctx, 'y') }),
  a({ id: 'undo', label: () => msg('Undo', { id: 'canvas_act_undo' }), shortcut: 'Mod+Z', group: 'history', writes: true, enabled: (ctx) => canWrite(ctx) && ctx.undo.canUndo(), run: (ctx) => void ctx.undo.undo() }),
  a({ id: 'redo', label: () => msg('Redo', { id: 'canvas_act_redo' }), shortcut: 'Mod+Shift+Z', alt: ['Mod+Y'], group: 'history', writes: true, enabled: (ctx) => canWrite(ctx) && ctx.undo.canRedo(), run: (ctx) => void ctx.undo.redo() }),
  a({ id: 'zoom-in', label: () => msg('Zoom in', { id: 'canvas_act_zoom_in' }), shortcut: '+', alt: ['='], group: 'view', writes: false, enabled: () => true, run: (ctx) => ctx.view.zoomBy(zoomStep) }),
  a({ id: 'zoom-out', label: () => msg('Zoom out', { id: 'canvas_act_zoom_out' }), shortcut: '-', group: 'view', writes: false, enabled: () => true, run: (ctx) => ctx.view.zoomBy(1 / zoomStep) }),
  a({ id: 'zoom-reset', label: () => msg('Zoom to 100 %', { id: 'canvas_act_zoom_reset' }), shortcut: '0', group: 'view', writes: false, enabled: () => true, run: (ctx) => ctx.view.zoomReset() }),
  a({ id: 'zoom-fit', label: () => msg('Zoom to fit', { id: 'canvas_act_zoom_fit' }), shortcut: 'Shift+1', group: 'view', writes: false, enabled: () => true, run: (ctx) => ctx.view.zoomToFit() }),
  a({ id: 'zoom-selection', label: () => msg('Zoom to selection', { id: 'canvas_act_zoom_selection' }), shortcut: 'Shift+2', group: 'view', writes: false, enabled: (ctx) => ctx.selection.length > 0, run: (ctx) => ctx.view.zoomToSelection() }),
  a({ id: 'snap', label: () => msg('Snap to grid', { id: 'canvas_act_snap' }), shortcut: 'G', group: 'view', writes: true, enabled: canWrite, run: (ctx) => ctx.setSnap(!ctx.snap) }),
  a({ id: 'help', label: () => msg('Keyboard shortcuts', { id: 'canvas_act_help' }), shortcut: '?', group: 'help', writes: false, enabled: () => true, run: (ctx) => ctx.openHelp() }),
];

function sortedByZ(ctx: ActionContext): string[] {
  return selected(ctx)
    .sort((x, y) => (x.z < y.z ? -1 : x.z > y.z ? 1 : 0))
    .map((e) => e.id);
}

/** Runs an action as its own undo step (not merged with an edit made just before it). */
export function runAction(a: Action, ctx: ActionContext): void {
  if (!a.enabled(ctx)) return;
  ctx.undo.stopCapturing();
  a.run(ctx);
  ctx.undo.stopCapturing();
}

/**
 * The drawing tools as actions (`tool-note`, …), by their one-letter keys. Kept out of ACTIONS so
 * the context menu and the help's action list stay as they are; observers get none of them.
 */
export const TOOL_ACTIONS: Action[] = TOOLS.map((t) => a({ id: `tool-${t.id}`, label: t.label, shortcut: t.key, group: 'tool', writes: true, enabled: canWrite, run: (ctx) => ctx.setTool(t.id) }));

export const actionById = (id: string): Action | undefined => ACTIONS.find((x) => x.id === id) ?? TOOL_ACTIONS.find((x) => x.id === id);

/** Actions an observer may see: nothing that writes. */
export const visibleActions = (ctx: Pick<ActionContext, 'readOnly'>): Action[] => ACTIONS.filter((x) => !(ctx.readOnly && x.writes));

/** Whether a key event matches a shortcut such as `Mod+Shift+Z`, `Shift+1`, `?` or `N`. */
export function matches(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, shortcut: string): boolean {
  const parts = shortcut.split('+');
  // `+` on its own (zoom in) splits into two empty parts.
  const key = shortcut.endsWith('+') ? '+' : parts.at(-1)!;
  const mods = new Set(shortcut.endsWith('+') ? parts.slice(0, -2) : parts.slice(0, -1));
  if (mods.has('Mod') !== (e.ctrlKey || e.metaKey) || e.altKey !== mods.has('Alt')) return false;
  // Symbols need Shift on some layouts and not on others: ignore Shift for them.
  if (!/^[A-Za-z0-9]$/.test(key) && key.length === 1 && !mods.has('Shift')) return e.key === key;
  if (e.shiftKey !== mods.has('Shift')) return false;
  if (/^[0-9]$/.test(key)) return e.code === `Digit${key}` || (!e.shiftKey && e.key === key);
  return e.key.toLowerCase() === key.toLowerCase();
}

/** The action a key event asks for, if any (observers get no writing action). */
export function actionForKey(e: KeyboardEvent, ctx: Pick<ActionContext, 'readOnly'>, among: Action[] = ACTIONS): Action | undefined {
  return among.filter((x) => !(ctx.readOnly && x.writes)).find((x) => [x.shortcut, ...(x.alt ?? [])].some((s) => s && matches(e, s)));
}

// ---- Commands: writes that take an argument --------------------------------------------------

/** What a command needs: the board and who writes (origin, author), and whether they may. */
export type WriteContext = Pick<ActionContext, 'board' | 'origin' | 'me' | 'readOnly' | 'undo'>;

/**
 * A board write that takes an argument (a colour, a point, a frame, a gesture's result), run from
 * a control or a pointer gesture rather than a key. Each writes through `ctx.board` with
 * `ctx.origin` and keeps the undo grouping its caller had before it was a command.
 */
export interface Command<A, R> {
  id: string;
  run(ctx: WriteContext, arg: A): R;
}

const command = <A, R>(id: string, run: (ctx: WriteContext, arg: A) => R): Command<A, R> => ({ id, run });
const author = ({ id, name, organisationId, organisationName }: Author): Author => ({ id, name, organisationId, organisationName });

export const COMMANDS = {
  /** Paints elements: one undo step. */
  color: command('color', (ctx, a: { ids: readonly string[]; color: PaletteColor }) => {
    ctx.undo.stopCapturing();
    ctx.board.doc.transact(() => a.ids.forEach((id) => ctx.board.update(id, { color: a.color }, ctx.origin)), ctx.origin);
  }),
  /** A new note centred on `at`, on the grid of `grid` px (1: none); returns its id. */
  noteAt: command('note-at', (ctx, a: { at: Point; grid: number }) => {
    const c = placedAt('note', a.at);
    const snap = (v: number) => Math.round(v / a.grid) * a.grid;
    return ctx.board.create({ kind: 'note', x: snap(c.x), y: snap(c.y) }, ctx.me, ctx.origin);
  }),
  /** A new element made by a tool or a gesture (a box, a connector, a pen stroke); returns its id. */
  create: command('create', (ctx, e: NewElement) => ctx.board.create(e, ctx.me, ctx.origin)),
  /**
   * A connector from one element to another (the arrow tool's drag, "Connect to…" on the canvas and
   * in the outline); returns its id, or undefined when an end is missing, the same, or not connectable.
   */
  connect: command('connect', (ctx, a: { from: string; to: string }) => {
    const ends = [ctx.board.get(a.from), ctx.board.get(a.to)];
    if (a.from === a.to || !ends.every((e) => e && isConnectable(e))) return undefined;
    return ctx.board.create({ kind: 'connector', x: 0, y: 0, from: a.from, to: a.to, color: 'grey' }, ctx.me, ctx.origin);
  }),
  moveBy: command('move-by', (ctx, a: { ids: string[]; dx: number; dy: number }) => ctx.board.move(a.ids, a.dx, a.dy, ctx.origin)),
  resize: command('resize', (ctx, a: { id: string; w: number; h: number }) => ctx.board.update(a.id, { w: a.w, h: a.h }, ctx.origin)),
  setText: command('set-text', (ctx, a: { id: string; text: string; field: 'text' | 'label' }) => ctx.board.setText(a.id, a.text, ctx.origin, a.field)),
  remove: command('remove', (ctx, ids: string[]) => ctx.board.delete(ids, ctx.origin)),
  /** The outline's "add": a note with `text` in a free spot of the frame (null: outside frames). */
  outlineAdd: command('outline-add', (ctx, a: { frameId: string | null; text: string }) => addNote(ctx.board, a.frameId, a.text, author(ctx.me), ctx.origin)),
  /** The outline's "move to": into a free spot of the frame (null: out of the frames). */
  outlineMove: command('outline-move', (ctx, a: { id: string; frameId: string | null }) => moveToFrame(ctx.board, a.id, a.frameId, ctx.origin)),
  /** A template centred on `center`, in `lang`: one undo step; returns the new ids. */
  /** A new comment on an element, or a reply (`parent`: the thread's first comment); false when empty. */
  commentAdd: command('comment-add', (ctx, a: { id: string; elementId: string; parent: string | null; text: string }) =>
    addComment(ctx.board.doc, { ...a, author: author(ctx.me), at: new Date() }, ctx.origin),
  ),
  /** A comment's new text (the author's or a facilitator's; the server refuses others'). */
  commentEdit: command('comment-edit', (ctx, a: { id: string; text: string }) => editComment(ctx.board.doc, a.id, a.text, new Date(), ctx.origin)),
  /** Deletes comments: a thread's first one with the replies that go with it. */
  commentDelete: command('comment-delete', (ctx, ids: readonly string[]) => deleteComments(ctx.board.doc, ids, ctx.origin)),
  /** Resolves (true) or reopens a thread, as me. */
  commentResolve: command('comment-resolve', (ctx, a: { id: string; resolved: boolean }) =>
    setResolved(ctx.board.doc, a.id, a.resolved ? { by: ctx.me.id, at: new Date().toISOString() } : null, ctx.origin),
  ),
  template: command('template', (ctx, a: { templateId: TemplateId; center: Point; lang: TemplateLang }) => insertTemplate(ctx.board, a.templateId, templateSpot(ctx.board, a.templateId, a.center), a.lang, author(ctx.me), ctx.origin)),
};

/** Runs a command for a writer; observers write nothing (the server would refuse it anyway). */
export function perform<A, R>(c: Command<A, R>, ctx: WriteContext, arg: A): R | undefined {
  return ctx.readOnly ? undefined : c.run(ctx, arg);
}
