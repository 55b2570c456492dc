/**
 * What the pointer does on the canvas, as a small state machine: idle → pointing → one of
 * moving, resizing, marquee, panning, creating, connecting or drawing → idle. Moves are written
 * live (others see them) and merged into one undo step for the whole drag.
 */
import type { BoardElement } from '../../../shared/board/schema.js';
import { COMMANDS, perform } from '../actions.js';
import type { BoardSession } from '../board-session.js';
import type { CanvasModel } from './canvas-model.js';
import { CREATES, type Tool } from './tools.js';
import { contains, rectFrom, type Point, type Rect } from './viewport.js';
import { isBox, KINDS, placedAt } from '../../../shared/board/kinds.js';

export const GRID = 20;

export type Overlay = { kind: 'marquee'; rect: Rect } | { kind: 'create'; rect: Rect } | { kind: 'link'; from: string; to: Point } | { kind: 'ink'; points: Point[] };

export interface ToolHost {
  readonly session: BoardSession;
  readonly model: CanvasModel;
  tool: Tool;
  snap: boolean;
  selection: ReadonlySet<string>;
  select(ids: Iterable<string>): void;
  setTool(t: Tool): void;
  toWorld(ev: PointerEvent): Point;
  /** A pan the user asked for (stops following someone). */
  panBy(dx: number, dy: number): void;
  edit(id: string): void;
  hitTest(p: Point): BoardElement | null;
  setOverlay(o: Overlay | null): void;
}

type State =
  | { s: 'idle' }
  | { s: 'pointing'; id: string | null; start: Point; sx: number; sy: number; shift: boolean }
  | { s: 'moving'; ids: string[]; anchor: BoardElement; start: Point }
  | { s: 'resizing'; id: string; start: Point; box: BoardElement }
  | { s: 'marquee'; start: Point; base: Set<string> }
  | { s: 'panning'; sx: number; sy: number }
  | { s: 'creating'; start: Point }
  | { s: 'connecting'; from: string }
  | { s: 'drawing'; points: Point[] };

const snapTo = (v: number, on: boolean) => (on ? Math.round(v / GRID) * GRID : Math.round(v));

export class PointerTool {
  private state: State = { s: 'idle' };
  private savedTimeout = 0;
  /** Space is held: a drag pans whatever the tool. */
  spaceHeld = false;

  constructor(private readonly host: ToolHost) {}

  get busy(): boolean {
    return this.state.s !== 'idle';
  }

  down(ev: PointerEvent, targetId: string | null, handle: boolean): boolean {
    const h = this.host;
    const p = h.toWorld(ev);
    const ro = h.session.readOnly;
    if (ev.button === 1 || this.spaceHeld || (ro && !targetId && ev.button === 0)) return this.to({ s: 'panning', sx: ev.clientX, sy: ev.clientY });
    if (ev.button !== 0) return false;
    if (!ro && h.tool === 'pen') return this.to({ s: 'drawing', points: [p] });
    if (!ro && h.tool === 'connector') return targetId ? this.to({ s: 'connecting', from: targetId }) : false;
    if (!ro && CREATES[h.tool]) return this.to({ s: 'creating', start: p });
    if (!ro && handle && targetId) return this.to({ s: 'resizing', id: targetId, start: p, box: h.model.get(targetId)! });
    if (targetId) {
      if (ev.shiftKey) {
        const next = new Set(h.selection);
        if (next.has(targetId)) next.delete(targetId);
        else next.add(targetId);
        h.select(next);
      } else if (!h.selection.has(targetId)) h.select([targetId]);
    } else if (!ev.shiftKey) h.select([]);
    return this.to({ s: 'pointing', id: targetId, start: p, sx: ev.clientX, sy: ev.clientY, shift: ev.shiftKey });
  }

  move(ev: PointerEvent): void {
    const h = this.host;
    const st = this.state;
    const p = h.toWorld(ev);
    switch (st.s) {
      case 'pointing': {
        if (Math.hypot(ev.clientX - st.sx, ev.clientY - st.sy) < 4) return;
        if (st.id && !h.session.readOnly) {
          // Connectors follow their ends; everything else selected moves.
          const ids = [...h.selection].filter((id) => {
            const e = h.model.get(id);
            return !e || isBox(e);
          });
          const anchor = h.model.get(st.id);
          if (anchor && ids.length) {
            this.beginGesture();
            this.state = { s: 'moving', ids, anchor, start: st.start };
            return this.move(ev);
          }
        }
        if (!st.id) this.state = { s: 'marquee', start: st.start, base: st.shift ? new Set(h.selection) : new Set() };
        return;
      }
      case 'moving': {
        const cur = h.model.get(st.anchor.id);
        if (!cur) return;
        const dx = snapTo(st.anchor.x + p.x - st.start.x, h.snap) - cur.x;
        const dy = snapTo(st.anchor.y + p.y - st.start.y, h.snap) - cur.y;
        if (dx || dy) perform(COMMANDS.moveBy, h.session, { ids: st.ids, dx, dy });
        return;
      }
      case 'resizing': {
        if (!this.savedTimeout) this.beginGesture();
        const w = Math.max(40, snapTo(st.box.x + st.box.w + p.x - st.start.x, h.snap) - st.box.x);
        const hh = Math.max(30, snapTo(st.box.y + st.box.h + p.y - st.start.y, h.snap) - st.box.y);
        perform(COMMANDS.resize, h.session, { id: st.id, w, h: hh });
        return;
      }
      case 'marquee': {
        const r = rectFrom(st.start, p);
        const inside = h.model.within(r).filter((e) => isBox(e) && contains(r, h.model.boxOf(e)));
        h.select(new Set([...st.base, ...inside.map((e) => e.id)]));
        return h.setOverlay({ kind: 'marquee', rect: r });
      }
      case 'panning':
        h.panBy(ev.clientX - st.sx, ev.clientY - st.sy);
        st.sx = ev.clientX;
        st.sy = ev.clientY;
        return;
      case 'creating':
        return h.setOverlay({ kind: 'create', rect: rectFrom(st.start, p) });
      case 'connecting':
        return h.setOverlay({ kind: 'link', from: st.from, to: p });
      case 'drawing':
        st.points.push(p);
        return h.setOverlay({ kind: 'ink', points: st.points });
    }
  }

  up(ev: PointerEvent): void {
    const h = this.host;
    const st = this.state;
    const p = h.toWorld(ev);
    this.state = { s: 'idle' };
    h.setOverlay(null);
    this.endGesture();
    h.session.undo.stopCapturing();
    if (st.s === 'creating') {
      const kind = CREATES[h.tool]!;
      const r = rectFrom(st.start, p);
      const dragged = r.w > 10 && r.h > 10;
      const c = placedAt(kind, p);
      const at = dragged ? { x: snapTo(r.x, h.snap), y: snapTo(r.y, h.snap), w: Math.max(40, snapTo(r.w, h.snap)), h: Math.max(30, snapTo(r.h, h.snap)) } : { x: snapTo(c.x, h.snap), y: snapTo(c.y, h.snap) };
      const id = perform(COMMANDS.create, h.session, { kind, ...at });
      h.setTool('select');
      if (!id) return;
      h.select([id]);
      if (KINDS[kind].editsOnPlace) h.edit(id);
    } else if (st.s === 'connecting') {
      const target = h.hitTest(p);
      const id = target ? perform(COMMANDS.connect, h.session, { from: st.from, to: target.id }) : undefined;
      if (id) h.select([id]);
    } else if (st.s === 'drawing' && st.points.length > 1) {
      const xs = st.points.map((q) => q.x);
      const ys = st.points.map((q) => q.y);
      const x = Math.min(...xs);
      const y = Math.min(...ys);
      const points = st.points.flatMap((q) => [Math.round((q.x - x) * 10) / 10, Math.round((q.y - y) * 10) / 10]);
      perform(COMMANDS.create, h.session, { kind: 'pen', x, y, w: Math.max(8, Math.max(...xs) - x), h: Math.max(8, Math.max(...ys) - y), points, color: 'grey' });
    } else if (st.s === 'pointing' && st.id && !st.shift && h.selection.size > 1) h.select([st.id]);
  }

  cancel(): void {
    this.state = { s: 'idle' };
    this.host.setOverlay(null);
    this.endGesture();
  }

  private to(s: State): true {
    this.state = s;
    return true;
  }

  /** One drag, one undo step: capture every write of the gesture into the same stack item. */
  private beginGesture(): void {
    const undo = this.host.session.undo;
    undo.stopCapturing();
    this.savedTimeout = undo.captureTimeout;
    undo.captureTimeout = Number.MAX_SAFE_INTEGER;
  }

  private endGesture(): void {
    if (!this.savedTimeout) return;
    const undo = this.host.session.undo;
    undo.captureTimeout = this.savedTimeout;
    this.savedTimeout = 0;
    undo.stopCapturing();
  }
}
