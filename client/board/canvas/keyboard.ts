/**
 * The canvas's keyboard contract (documented in the shortcut help): actions by their shortcuts,
 * tools by their letters (C connects the one selected element, else picks the arrow tool), Tab
 * through elements in reading order, arrows move the selection (10 px, 1 with Shift) or pan when
 * nothing is selected, Escape clears, Shift+F10 / ContextMenu opens the menu. Nothing fires while
 * the user types in a field. While connecting, connect-mode.ts has the keys first.
 */
import { actionForKey, nudge, runAction, TOOL_ACTIONS, type ActionContext } from '../actions.js';
import type { Tool } from './tools.js';

export interface KeyHost {
  readonly readOnly: boolean;
  readonly selection: ReadonlySet<string>;
  actionContext(): ActionContext;
  select(ids: Iterable<string>): void;
  setTool(t: Tool): void;
  /** Moves focus to the next/previous element in reading order; false when there is none. */
  moveFocus(dir: 1 | -1, from: string | null): boolean;
  openMenu(): void;
  panBy(dx: number, dy: number): void;
  /** Space held: a drag pans. */
  setSpace(held: boolean): void;
}

const isField = (el: Element | undefined) => !!el && (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement || el instanceof HTMLSelectElement || (el as HTMLElement).isContentEditable);
const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

export function handleKeyDown(e: KeyboardEvent, host: KeyHost): void {
  const target = e.composedPath()[0] as Element | undefined;
  if (e.defaultPrevented || e.isComposing || isField(target)) return;
  const onButton = target instanceof HTMLButtonElement;
  const elementId = (target as HTMLElement | undefined)?.closest?.('[data-id]')?.getAttribute('data-id') ?? null;
  // Keyboard focus on an element selects it (focus events may not have reached us first).
  if (elementId && !host.selection.has(elementId) && e.key !== 'Tab') host.select([elementId]);
  const done = () => {
    e.preventDefault();
    e.stopPropagation();
  };

  if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) {
    if (host.moveFocus(e.shiftKey ? -1 : 1, elementId)) done();
    return;
  }
  if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) return void (done(), host.openMenu());
  if (e.key === 'Escape') {
    if (host.selection.size) done();
    return host.select([]);
  }
  if (e.key === ' ' && !onButton) return void (done(), host.setSpace(true));
  const arrow = ARROWS[e.key];
  if (arrow && !e.ctrlKey && !e.metaKey && !e.altKey) {
    done();
    const step = e.shiftKey ? 1 : 10;
    if (!host.readOnly && host.selection.size) return nudge(host.actionContext(), arrow[0] * step, arrow[1] * step);
    return host.panBy(-arrow[0] * 60, -arrow[1] * 60);
  }
  if (onButton && (e.key === 'Enter' || e.key === ' ')) return;
  const ctx = host.actionContext();
  const action = actionForKey(e, ctx);
  if (!host.readOnly && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey) {
    // A key both an action's and a tool's (C) is the action when it applies now, else the tool.
    const tool = actionForKey(e, host, TOOL_ACTIONS);
    if (tool && !action?.enabled(ctx)) return void (done(), tool.run(ctx));
  }
  if (!action) return;
  // Copy and paste go through the clipboard events, which carry the data (see the canvas).
  if (action.id === 'copy' || action.id === 'cut' || action.id === 'paste') return;
  done();
  runAction(action, ctx);
}

export function handleKeyUp(e: KeyboardEvent, host: KeyHost): void {
  if (e.key === ' ') host.setSpace(false);
}
