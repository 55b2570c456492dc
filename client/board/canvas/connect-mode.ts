/**
 * Connecting two elements without a pointer (issue #16): `C` or "Connect to…" on one connectable
 * element starts it; Tab / Shift+Tab and the arrow keys (→ ↓ forward, ← ↑ back) move a highlighted
 * target through the other connectable elements in reading order, round and round; Enter draws
 * the connector through COMMANDS.connect, Escape cancels. Each step is said in the canvas's live
 * region. Focus stays on the source throughout, so it is there when the mode ends. A click on an
 * element makes it the target and connects; any other key, a click elsewhere or focus leaving the
 * board ends the mode.
 */
import { msg, str } from '@lit/localize';
import type { BoardElement } from '../../../shared/board/schema.js';
import { isConnectable } from '../../../shared/board/kinds.js';
import { COMMANDS, perform } from '../actions.js';
import type { CanvasState } from './canvas-state.js';
import { elementName } from './texts.js';

const FORWARD = new Set(['Tab', 'ArrowRight', 'ArrowDown']);
const BACK = new Set(['ArrowLeft', 'ArrowUp']);
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta']);

export class ConnectMode {
  private from: string | null = null;
  /** The element Enter would connect to, or null before Tab or an arrow chose one. */
  target: string | null = null;

  constructor(private readonly c: CanvasState) {}

  get active(): boolean {
    return this.from !== null;
  }

  private started(e: BoardElement): string {
    return msg(str`Connecting from ${elementName(e)}. Choose the target with Tab or the arrow keys, Enter to connect, Escape to cancel.`, { id: 'canvas_connect_start' });
  }

  /** The elements the source may connect to, in reading order. */
  private candidates(): BoardElement[] {
    return this.c.readingOrder().filter((e) => e.id !== this.from && isConnectable(e));
  }

  start(from: string): void {
    const e = this.c.model?.get(from);
    if (!e || !this.c.session || this.c.session.readOnly || !isConnectable(e)) return;
    this.stop();
    if (!this.c.readingOrder().some((x) => x.id !== from && isConnectable(x))) {
      return this.c.announce(msg(str`There is nothing to connect ${elementName(e)} to.`, { id: 'canvas_connect_none' }));
    }
    this.from = from;
    void this.c.focusElement(from);
    this.c.announce(this.started(e));
  }

  /** A key while the mode is on: true when it was the mode's (the caller stops it there). */
  onKey(ev: KeyboardEvent): boolean {
    if (MODIFIERS.has(ev.key)) return true;
    const plain = !ev.ctrlKey && !ev.metaKey && !ev.altKey;
    if (plain && (FORWARD.has(ev.key) || BACK.has(ev.key))) this.step(BACK.has(ev.key) || (ev.key === 'Tab' && ev.shiftKey) ? -1 : 1);
    else if (plain && ev.key === 'Enter') this.commit();
    else if (ev.key === 'Escape') this.cancel();
    else {
      this.cancel();
      return false;
    }
    return true;
  }

  /** Moves the target to the next (1) or previous (-1) candidate; from none, the nearest after / before the source. */
  private step(dir: 1 | -1): void {
    const list = this.candidates();
    if (!list.length) return this.cancel();
    const at = list.findIndex((e) => e.id === this.target);
    let next: BoardElement;
    if (at >= 0) next = list[(at + dir + list.length) % list.length]!;
    else {
      const order = this.c.readingOrder();
      const source = order.findIndex((e) => e.id === this.from);
      const after = list.filter((e) => order.indexOf(e) > source);
      const before = list.filter((e) => order.indexOf(e) < source);
      next = dir === 1 ? (after[0] ?? list[0]!) : (before.at(-1) ?? list.at(-1)!);
    }
    this.point(next);
    this.c.announce(msg(str`Target: ${elementName(next)}`, { id: 'canvas_connect_target' }));
  }

  /** Highlights `e` as the target, shows it, and draws the dashed preview line to it. */
  private point(e: BoardElement): void {
    this.target = e.id;
    this.c.bringIntoView(e.id, 'reveal');
    this.c.applyView(true);
    const b = this.c.model!.boxOf(e);
    this.c.overlay = { kind: 'link', from: this.from!, to: { x: b.x + b.w / 2, y: b.y + b.h / 2 } };
  }

  /** Connects to the target (or says again what to do when there is none yet). */
  commit(): void {
    const from = this.from && this.c.model?.get(this.from);
    const to = this.target && this.c.model?.get(this.target);
    if (from && !to) return this.c.announce(this.started(from));
    const s = this.c.session;
    this.stop();
    if (!from || !to || !s) return;
    s.undo.stopCapturing();
    const id = perform(COMMANDS.connect, s, { from: from.id, to: to.id });
    s.undo.stopCapturing();
    this.c.announce(id ? msg(str`Connected ${elementName(from)} to ${elementName(to)}.`, { id: 'canvas_connect_done' }) : msg('Connection cancelled.', { id: 'canvas_connect_cancelled' }));
    void this.c.focusElement(from.id);
  }

  /** A click while connecting: on another connectable element, connects to it; elsewhere, cancels. */
  click(id: string | null): void {
    const e = id ? this.c.model?.get(id) : null;
    if (!e || e.id === this.from || !isConnectable(e)) return this.cancel();
    this.target = e.id;
    this.commit();
  }

  cancel(): void {
    if (!this.active) return;
    this.stop();
    this.c.announce(msg('Connection cancelled.', { id: 'canvas_connect_cancelled' }));
  }

  /** The board changed: a source that is gone ends the mode, a target that is gone is forgotten. */
  check(): void {
    if (this.from && !this.c.model?.get(this.from)) this.cancel();
    else if (this.target && !this.c.model?.get(this.target)) {
      this.target = null;
      this.c.overlay = null;
    }
  }

  /** Ends the mode without a word (the board was closed, or a step already said what happened). */
  stop(): void {
    const was = this.active;
    this.from = this.target = null;
    if (was) this.c.overlay = null;
  }
}
