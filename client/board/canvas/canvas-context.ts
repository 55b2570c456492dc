/**
 * What the canvas hands to actions and renderers: the ActionContext (board, origin, selection,
 * view commands) built from the canvas's current state, each element's render state, and the
 * system clipboard's copy/cut/paste events.
 */
import { addImages } from './image-upload.js';
import { actionById, pasteText, runAction, type ActionContext } from '../actions.js';
import type { BoardElement } from '../../../shared/board/schema.js';
import type { ElementState } from './renderers.js';
import type { CanvasState } from './canvas-state.js';
import type { SkShortcutHelp } from './sk-shortcut-help.js';
import { KINDS } from '../../../shared/board/kinds.js';

export function actionContextOf(c: CanvasState): ActionContext {
  const s = c.session!;
  const vp = c.viewport;
  return {
    board: s.board,
    origin: s.origin,
    me: s.me,
    readOnly: s.readOnly,
    undo: s.undo,
    selection: [...c.selection],
    select: (ids) => c.select(ids),
    placePoint: () => vp.center(),
    edit: (id) => c.edit(id),
    view: {
      zoomBy: (f) => c.userView(() => vp.zoomAt(vp.zoom * f)),
      zoomReset: () => c.userView(() => vp.zoomAt(1)),
      zoomToFit: () => c.view.fitAll(),
      zoomToSelection: () => c.view.fitSelection(),
    },
    snap: c.snap,
    setSnap: (on) => (c.snap = on),
    clipboard: { write: (t) => navigator.clipboard.writeText(t), read: () => navigator.clipboard.readText() },
    openHelp: () => c.host.renderRoot.querySelector<SkShortcutHelp>('sk-shortcut-help')?.show(),
    setTool: (t) => (c.tool = s.readOnly ? 'select' : t),
    connect: (id) => c.connect.start(id),
    pickImages: () => c.host.renderRoot.querySelector<HTMLInputElement>('input.image-picker')?.click(),
    comment: (id) => c.host.dispatchEvent(new CustomEvent<{ id: string }>('sk-comment', { detail: { id }, bubbles: true, composed: true })),
    toCharter: (id) => c.host.dispatchEvent(new CustomEvent<{ id: string }>('sk-to-charter', { detail: { id }, bubbles: true, composed: true })),
  };
}

/** How one element shows: selection, focus, organisation filter, others' selections. */
export function elementState(c: CanvasState, e: BoardElement, remote: Map<string, string>): ElementState {
  const s = c.session!;
  const hl = c.highlightOrg;
  const emphasis = hl !== null && e.author.organisationId === hl;
  return {
    selected: c.selection.has(e.id),
    tabStop: c.focusId === e.id,
    dim: hl !== null && e.author.organisationId !== hl,
    emphasis,
    remote: remote.get(e.id) ?? null,
    org: s.colorOf(e.author.organisationId).strong,
    // The highlighted organisation's elements come above the dimmed rest.
    rank: c.model!.zRank(e.id) + (emphasis ? c.model!.elements.size : 0),
    handles: c.selection.size === 1 && c.selection.has(e.id) && s.mayChange(e) && KINDS[e.kind].resizable,
    editing: c.editing?.id === e.id,
    tip: (c.hoverId === e.id || c.focusId === e.id) && c.editing?.id !== e.id,
    target: c.connect.target === e.id,
    label: '',
  };
}

/** Copy, cut and paste arrive as clipboard events: they carry the data without a permission prompt. */
export function handleClipboard(c: CanvasState, e: ClipboardEvent): void {
  const target = e.composedPath()[0];
  if (!c.session || !c.host.matches(':focus-within') || target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement) return;
  const ctx = actionContextOf(c);
  if (e.type === 'paste') {
    if (ctx.readOnly) return;
    e.preventDefault();
    ctx.undo.stopCapturing();
    // A pasted picture (a screenshot, an image copied in a browser) goes up as an image.
    const files = [...(e.clipboardData?.files ?? [])];
    if (files.length) return void addImages(ctx, files, ctx.placePoint(), (p) => c.showProblem(p));
    return pasteText(ctx, e.clipboardData?.getData('text/plain') ?? '');
  }
  const chosen = ctx.selection.map((id) => c.model?.get(id)).filter((x): x is BoardElement => !!x);
  if (!chosen.length) return;
  e.preventDefault();
  // The event's own data is the clipboard here; an observer's cut is a copy.
  const clipboard = { write: (t: string) => e.clipboardData?.setData('text/plain', t), read: ctx.clipboard.read };
  runAction(actionById(e.type === 'cut' && !ctx.readOnly ? 'cut' : 'copy')!, { ...ctx, clipboard });
}
