/**
 * `<sk-board-outline>`: the accessible alternative to the canvas. Lists every board element by
 * frame (frames in reading order, then the elements in no frame), with its kind, text, author
 * and organisation, and lets a keyboard or screen-reader user add notes, edit text, move
 * elements between frames, connect two (sk-connect-dialog.ts), delete (after confirming), undo
 * and redo. Observers only read.
 *
 * Keyboard: Tab reaches everything; in the lists, ↑/↓/Home/End move between elements (roving
 * tabindex); Ctrl+Enter saves a text, Escape cancels; Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo
 * and redo outside text fields. Outcomes are announced in a polite live region.
 *
 * Properties: `session` (BoardSession), `highlightOrg` (organisation id or null: its elements
 * are marked "Highlighted", the others dimmed), `commentCounts` (elementId → comments in open threads).
 * Events: `sk-show-element` `{ id }` (show this element on the canvas), `sk-comment` `{ id }` (show
 * its comments). Slots: none. Parts: none.
 */
import { renderAddForm } from './outline-add.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { BoardElement } from '../../../shared/board/schema.js';
import { emitter, type SkEvent } from '../../ui/events.js';
import { sharedStyles } from '../../ui/shared.styles.js';
import '../../ui/sk-confirm-dialog.js';
import type { SkConfirmDialog } from '../../ui/sk-confirm-dialog.js';
import type { BoardSession } from '../board-session.js';
import { BoardObserver } from './board-observer.js';
import { COMMANDS, perform } from '../actions.js';
import { renderEditor, renderFrameActions, renderItem, type ItemContext } from './outline-item.js';
import { connectTargets, domId, outlineSections, type OutlineSection } from './outline-model.js';
import './sk-connect-dialog.js';
import type { SkConnectDialog, SkConnectDialogEvents } from './sk-connect-dialog.js';
import { elementCount, elementName, frameTitle, short } from './outline-texts.js';
import { outlineStyles } from './sk-board-outline.styles.js';
import { isFrame, KINDS, shownText } from '../../../shared/board/kinds.js';

const sectionKey = (s: OutlineSection) => s.frame?.id ?? '';

export interface SkBoardOutlineEvents {
  /** Show this element on the canvas. */
  'sk-show-element': { id: string };
  /** Show this element's comments, a new one at the ready. */
  'sk-comment': { id: string };
}

export class SkBoardOutline extends LitElement {
  static override styles = [sharedStyles, outlineStyles];
  static override properties = {
    session: { attribute: false },
    highlightOrg: { attribute: false },
    commentCounts: { attribute: false },
    editing: { state: true },
    current: { state: true },
    announcement: { state: true },
    addError: { state: true },
    pendingDelete: { state: true },
  };
  declare session: BoardSession | null;
  declare highlightOrg: string | null;
  /** elementId → comments in its open threads (null: none). */
  declare commentCounts: ReadonlyMap<string, number> | null;
  /** The element whose text is being edited. */
  declare editing: string | null;
  /** The element holding the list's single tab stop. */
  declare current: string | null;
  declare announcement: string;
  /** The section whose add form was submitted empty. */
  declare addError: string | null;
  declare pendingDelete: BoardElement | null;
  private readonly observer = new BoardObserver(this);
  /** The text when editing began (see ItemContext.editText). */
  private editText = '';
  /** Where focus goes once the confirmation dialog has closed. */
  private afterDialog: (() => void) | null = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
    this.highlightOrg = null;
    this.commentCounts = null;
    this.editing = null;
    this.current = null;
    this.announcement = '';
    this.addError = null;
    this.pendingDelete = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session')) this.observer.watch(this.session);
  }

  private get writable(): boolean {
    return !!this.session && !this.session.readOnly;
  }

  /** Says `text` in the live region; clearing first makes a repeated message heard again. */
  private announce(text: string): void {
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  /** Re-renders now, then focuses what `select` finds. */
  private async focusAfterRender(select: () => HTMLElement | null | undefined): Promise<void> {
    this.observer.flush();
    await this.updateComplete;
    select()?.focus();
  }

  private item(id: string): HTMLElement | null {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('li.item')].find((li) => li.dataset['elementId'] === id) ?? null;
  }

  private editButton(id: string): HTMLElement | null {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[data-edit]')].find((b) => b.dataset['edit'] === id) ?? null;
  }

  // ---- actions -------------------------------------------------------------------------

  private onAdd(e: SubmitEvent, section: OutlineSection): void {
    e.preventDefault();
    if (!this.writable) return;
    const form = e.currentTarget as HTMLFormElement;
    const field = form.querySelector('textarea')!;
    const text = field.value.trim();
    const key = sectionKey(section);
    if (!text) {
      this.addError = key;
      field.focus();
      return;
    }
    this.addError = null;
    perform(COMMANDS.outlineAdd, this.session!, { frameId: section.frame?.id ?? null, text });
    field.value = '';
    field.focus();
    this.observer.flush();
    this.announce(
      section.frame
        ? msg(str`Note added to frame «${frameTitle(section.frame)}».`, { id: 'outline_added_to_frame' })
        : msg('Note added outside the frames.', { id: 'outline_added_loose' }),
    );
  }

  private startEdit(e: BoardElement): void {
    this.editText = shownText(e);
    this.editing = e.id;
    void this.updateComplete.then(() => {
      const field = this.renderRoot.querySelector<HTMLTextAreaElement>(`#edit-${domId(e.id)}`);
      field?.focus();
      field?.setSelectionRange(field.value.length, field.value.length);
    });
  }

  private endEdit(e: BoardElement, save: boolean): void {
    if (save && this.writable) {
      const field = this.renderRoot.querySelector<HTMLTextAreaElement>(`#edit-${domId(e.id)}`);
      if (field) perform(COMMANDS.setText, this.session!, { id: e.id, text: field.value, field: KINDS[e.kind].field ?? 'text' });
      this.announce(msg('Text saved.', { id: 'outline_saved' }));
    }
    this.editing = null;
    void this.focusAfterRender(() => this.editButton(e.id));
  }

  private move(e: BoardElement, select: HTMLSelectElement | null, sections: OutlineSection[]): void {
    if (!select || !this.writable) return;
    const target = sections.find((s) => sectionKey(s) === select.value);
    if (!target) return;
    perform(COMMANDS.outlineMove, this.session!, { id: e.id, frameId: target.frame?.id ?? null });
    this.current = e.id;
    void this.focusAfterRender(() => this.item(e.id));
    this.announce(
      target.frame
        ? msg(str`Moved to frame «${frameTitle(target.frame)}».`, { id: 'outline_moved_to_frame' })
        : msg('Moved out of the frames.', { id: 'outline_moved_loose' }),
    );
  }

  private async askDelete(e: BoardElement, opener: HTMLElement): Promise<void> {
    this.pendingDelete = e;
    await this.updateComplete;
    await this.renderRoot.querySelector<SkConfirmDialog>('sk-confirm-dialog')?.show(opener);
  }

  private async confirmDelete(sections: OutlineSection[]): Promise<void> {
    const e = this.pendingDelete;
    const dialog = this.renderRoot.querySelector<SkConfirmDialog>('sk-confirm-dialog');
    if (!e || !this.writable) return dialog?.close();
    // Focus goes to the next element of the same list, else the previous, else the heading.
    const section = sections.find((s) => s.frame?.id === e.id || s.items.some((i) => i.id === e.id));
    const at = section?.items.findIndex((i) => i.id === e.id) ?? -1;
    const next = section && at >= 0 ? (section.items[at + 1] ?? section.items[at - 1]) : undefined;
    const headingKey = section && section.frame?.id !== e.id ? sectionKey(section) : null;
    perform(COMMANDS.remove, this.session!, [e.id]);
    this.announce(msg(str`Deleted ${elementName(e)}.`, { id: 'outline_deleted' }));
    this.afterDialog = () =>
      void this.focusAfterRender(() =>
        next ? this.item(next.id) : (this.renderRoot.querySelector<HTMLElement>(`h3[data-section="${domId(headingKey ?? '')}"]`) ?? this.renderRoot.querySelector<HTMLElement>('h2')),
      );
    if (next) this.current = next.id;
    dialog?.close();
  }

  private askConnect(e: BoardElement, opener: HTMLElement, sections: OutlineSection[]): void {
    void this.renderRoot.querySelector<SkConnectDialog>('sk-connect-dialog')?.show(e, connectTargets(sections, e.id), opener);
  }

  private readonly onConnect = ({ detail: { from, to } }: SkEvent<SkConnectDialogEvents, 'sk-connect'>) => {
    const [a, b] = [from, to].map((id) => this.session?.board.get(id));
    this.session?.undo.stopCapturing();
    const id = this.writable && a && b ? perform(COMMANDS.connect, this.session!, { from, to }) : undefined;
    this.announce(id ? msg(str`Connected ${elementName(a!)} to ${elementName(b!)}.`, { id: 'outline_connected' }) : msg('Connection cancelled.', { id: 'outline_connect_cancelled' }));
  };

  private readonly onConnectClosed = (e: SkEvent<SkConnectDialogEvents, 'sk-close'>) => {
    if (!e.detail.connected) this.announce(msg('Connection cancelled.', { id: 'outline_connect_cancelled' }));
  };

  private readonly onDialogClosed = () => {
    this.pendingDelete = null;
    const then = this.afterDialog;
    this.afterDialog = null;
    then?.();
  };

  private undoRedo(redo: boolean): void {
    const undo = this.session?.undo;
    if (!undo || !this.writable) return;
    const done = redo ? undo.redo() : undo.undo();
    if (done) this.announce(redo ? msg('Redone.', { id: 'outline_redone' }) : msg('Undone.', { id: 'outline_undone' }));
    this.observer.flush();
  }

  private readonly emit = emitter<SkBoardOutlineEvents>(this);

  private showOnBoard(e: BoardElement): void {
    this.emit('sk-show-element', { id: e.id });
  }

  // ---- keyboard ------------------------------------------------------------------------

  private readonly onKeydown = (e: KeyboardEvent) => {
    const target = e.composedPath()[0] as HTMLElement;
    const inField = target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement || target instanceof HTMLSelectElement;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && !inField && !e.altKey && (e.key === 'z' || e.key === 'Z' || e.key === 'y')) {
      e.preventDefault();
      this.undoRedo(e.key === 'y' || e.shiftKey);
      return;
    }
    if (!(target instanceof HTMLLIElement) || !target.classList.contains('item')) return;
    const items = [...this.renderRoot.querySelectorAll<HTMLElement>('li.item')];
    const at = items.indexOf(target);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[e.key];
    if (to === undefined || !items[to]) return;
    e.preventDefault();
    items[to].focus();
  };

  private readonly onFocusIn = (e: FocusEvent) => {
    const li = (e.composedPath() as HTMLElement[]).find((n) => n instanceof HTMLLIElement && n.classList.contains('item'));
    const id = li?.dataset['elementId'];
    if (id !== undefined && id !== this.current) this.current = id;
  };

  // ---- rendering -----------------------------------------------------------------------

  override render() {
    const s = this.session;
    if (!s) return nothing;
    const sections = outlineSections(s.board);
    const total = sections.reduce((n, sec) => n + sec.items.length, 0) + sections.length - 1;
    const allIds = sections.flatMap((sec) => sec.items.map((i) => i.id));
    const tabStop = this.current && allIds.includes(this.current) ? this.current : allIds[0];
    const highlighted = this.highlightOrg ? s.organisations.find((o) => o.id === this.highlightOrg) : undefined;
    const ctx: ItemContext = {
      session: s,
      writable: this.writable,
      editing: this.editing,
      editText: this.editText,
      highlightOrg: this.highlightOrg,
      sections,
      tabStop,
      onEdit: (e) => this.startEdit(e),
      onEndEdit: (e, save) => this.endEdit(e, save),
      onMove: (e, select) => this.move(e, select, sections),
      onDelete: (e, opener) => void this.askDelete(e, opener),
      onShow: (e) => this.showOnBoard(e),
      connectable: connectTargets(sections, '').length,
      onConnect: (e, opener) => this.askConnect(e, opener, sections),
      comments: (e) => this.commentCounts?.get(e.id) ?? 0,
      onComment: (e) => this.emit('sk-comment', { id: e.id }),
    };
    return html`
      <div @keydown=${this.onKeydown} @focusin=${this.onFocusIn}>
        <div class="top">
          <h2 tabindex="-1">${msg('Outline of the board', { id: 'outline_heading' })}</h2>
          ${this.writable ? this.renderUndo() : nothing}
          <p class="summary">${msg(str`Elements: ${total}. Frames: ${sections.length - 1}.`, { id: 'outline_summary' })}</p>
        </div>
        ${highlighted
          ? html`<p class="notice">${msg(str`Highlighting ${highlighted.name}: its elements are marked «Highlighted», the others are dimmed.`, { id: 'outline_highlight_notice' })}</p>`
          : nothing}
        ${total === 0
          ? html`<p class="notice">
              ${this.writable
                ? msg('The board is empty. Add the first sticky note below, or insert a template.', { id: 'outline_empty' })
                : msg('The board is empty.', { id: 'outline_empty_read_only' })}
            </p>`
          : nothing}
        ${repeat(sections, sectionKey, (sec) => this.renderSection(sec, ctx))}
        <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
        ${this.renderDialog(sections)}
        <sk-connect-dialog @sk-connect=${this.onConnect} @sk-close=${this.onConnectClosed}></sk-connect-dialog>
      </div>
    `;
  }

  private renderUndo() {
    const undo = this.session!.undo;
    return html`<div class="undo" role="group" aria-label=${msg('History', { id: 'outline_history' })}>
      <button type="button" class="small" aria-keyshortcuts="Control+Z" ?disabled=${undo.undoStack.length === 0} @click=${() => this.undoRedo(false)}>
        ${msg('Undo', { id: 'outline_undo' })}
      </button>
      <button type="button" class="small" aria-keyshortcuts="Control+Shift+Z" ?disabled=${undo.redoStack.length === 0} @click=${() => this.undoRedo(true)}>
        ${msg('Redo', { id: 'outline_redo' })}
      </button>
    </div>`;
  }

  private renderSection(sec: OutlineSection, ctx: ItemContext) {
    const key = domId(sectionKey(sec));
    const title = frameTitle(sec.frame);
    const frame = sec.frame;
    const editingFrame = frame && this.editing === frame.id;
    return html`<section class=${frame ? 'frame' : 'loose'} aria-labelledby="sec-${key}">
      <div class="section-head">
        <h3 id="sec-${key}" data-section=${key} tabindex="-1">
          ${title} <span class="count">(${elementCount(sec.items.length)})</span>
        </h3>
        ${frame && !editingFrame ? renderFrameActions(frame, ctx) : nothing}
      </div>
      ${frame && editingFrame ? renderEditor(frame, ctx) : nothing}
      ${this.writable ? renderAddForm(sec, key, title, this.addError === sectionKey(sec), (e) => this.onAdd(e, sec)) : nothing}
      ${sec.items.length
        ? html`<ul class="items" role="list" aria-labelledby="sec-${key}">
            ${repeat(
              sec.items,
              (e) => e.id,
              (e) => renderItem(e, ctx),
            )}
          </ul>`
        : html`<p class="none">${sec.frame ? msg('Nothing in this frame yet.', { id: 'outline_frame_empty' }) : msg('Nothing outside the frames.', { id: 'outline_loose_empty' })}</p>`}
    </section>`;
  }

  private renderDialog(sections: OutlineSection[]) {
    const e = this.pendingDelete;
    const name = e ? elementName(e) : '';
    return html`<sk-confirm-dialog
      .heading=${msg(str`Delete ${name}?`, { id: 'outline_delete_heading' })}
      .confirmLabel=${msg('Delete', { id: 'outline_delete' })}
      .busyLabel=${msg('Deleting…', { id: 'outline_deleting' })}
      @sk-confirm=${() => void this.confirmDelete(sections)}
      @sk-close=${this.onDialogClosed}
    >
      <p>
        ${e && isFrame(e)
          ? msg('The frame is removed for everyone. What lies in it stays on the board, outside any frame. You can undo this.', { id: 'outline_delete_frame_text' })
          : msg('It is removed for everyone. You can undo this.', { id: 'outline_delete_text' })}
      </p>
      ${e && short(e.text) ? html`<p><strong>${short(e.text, 200)}</strong></p>` : nothing}
    </sk-confirm-dialog>`;
  }
}

customElements.define('sk-board-outline', SkBoardOutline);

declare global {
  interface HTMLElementTagNameMap {
    'sk-board-outline': SkBoardOutline;
  }
}
