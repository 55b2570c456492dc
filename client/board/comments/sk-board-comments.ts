/**
 * `<sk-board-comments>`: the comments on one board element, beside the board (loaded when first
 * needed). Open threads first, resolved ones behind a toggle; each comment with its author and
 * organisation (from member records; the names in the document are display caches), time and
 * text. Anyone who may write adds a comment, replies, resolves and reopens; a comment is edited
 * and deleted (after asking) by its author or a facilitator, and a thread's first comment is
 * deleted with its replies, so a participant deletes it only while all replies are their own.
 * The server holds the same rules (server/sync/comment-guard.ts). Observers read only.
 * Keyboard: Tab through the controls; Ctrl+Enter in a text field sends it, Escape cancels an edit.
 *
 * Properties: `session` (BoardSession), `elementId`, `compose` (a number: each change focuses the
 * new comment's field, or the heading for those who only read).
 * Events: `sk-comments-close` (the panel's close button). Parts: none.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { listThreads, type BoardComment, type CommentThread } from '../../../shared/board/comments.js';
import { newElementId } from '../../../shared/ids.js';
import { emitter } from '../../ui/events.js';
import { formatLocales } from '../../ui/i18n.js';
import { LastEditsWatcher } from '../../net/last-edits.js';
import { sharedStyles } from '../../ui/shared.styles.js';
import '../../ui/sk-confirm-dialog.js';
import type { SkConfirmDialog } from '../../ui/sk-confirm-dialog.js';
import { COMMANDS, perform } from '../actions.js';
import type { BoardSession } from '../board-session.js';
import { elementName } from '../outline/outline-texts.js';
import { boardCommentsStyles } from './sk-board-comments.styles.js';
import { onDocChange } from '../../../shared/sync/doc-change.js';

export interface SkBoardCommentsEvents {
  'sk-comments-close': null;
}

function formatWhen(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : new Intl.DateTimeFormat(formatLocales(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export class SkBoardComments extends LitElement {
  static override styles = [sharedStyles, boardCommentsStyles];
  static override properties = {
    session: { attribute: false },
    elementId: { attribute: false },
    compose: { attribute: false },
    showResolved: { state: true },
    editing: { state: true },
    status: { state: true },
    pendingDelete: { state: true },
  };
  declare session: BoardSession | null;
  declare elementId: string;
  declare compose: number;
  declare showResolved: boolean;
  /** The comment whose text is being edited. */
  declare editing: string | null;
  declare status: string;
  declare pendingDelete: { comment: BoardComment; ids: string[] } | null;
  private observed: BoardSession | null = null;
  private offDoc: (() => void) | null = null;
  private readonly emit = emitter<SkBoardCommentsEvents>(this);
  /** Names come from member records: shown again when they load. */
  private readonly names = new LastEditsWatcher(this, () => this.session?.people);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
    this.elementId = '';
    this.compose = 0;
    this.showResolved = false;
    this.editing = null;
    this.status = '';
    this.pendingDelete = null;
  }

  private readonly onDocUpdate = () => this.requestUpdate();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session')) this.observe(this.session);
    if (changed.has('elementId')) {
      this.editing = null;
      this.showResolved = false;
    }
  }

  protected override async updated(changed: PropertyValues<this>): Promise<void> {
    if (changed.has('compose') && this.compose > 0) {
      await this.updateComplete;
      const field = this.renderRoot.querySelector<HTMLElement>('#new-comment') ?? this.renderRoot.querySelector<HTMLElement>('h2');
      // After a frame: the canvas's context menu, closing, puts focus back on the element first.
      requestAnimationFrame(() => field?.focus());
    }
    if (changed.has('editing') && this.editing) {
      const area = this.renderRoot.querySelector<HTMLTextAreaElement>(`#edit-${CSS.escape(this.editing)}`);
      area?.focus();
      area?.setSelectionRange(area.value.length, area.value.length);
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.session && !this.observed) this.observe(this.session);
  }

  override disconnectedCallback(): void {
    this.observe(null);
    super.disconnectedCallback();
  }

  /** Every change to the document may change what is shown (comments, the element's name). */
  private observe(s: BoardSession | null): void {
    this.offDoc?.();
    this.observed = s;
    this.offDoc = s ? onDocChange(s.board.doc, this.onDocUpdate) : null;
  }

  private get writable(): boolean {
    return !!this.session && !this.session.readOnly;
  }

  private mayEdit(c: BoardComment): boolean {
    const s = this.session;
    return !!s && this.writable && (c.author.id === s.me.id || s.me.role === 'facilitator');
  }

  /** A first comment goes with its replies: a participant deletes it while all of them are theirs. */
  private mayDelete(c: BoardComment, t: CommentThread): boolean {
    const s = this.session!;
    return this.mayEdit(c) && (c.parent !== null || s.me.role === 'facilitator' || t.replies.every((r) => r.author.id === s.me.id));
  }

  private who(c: BoardComment): { name: string; organisation: string } {
    this.session?.people?.met(c.author.id);
    const p = this.session?.people?.person(c.author.id, c.author.organisationId, c.author.name);
    return { name: p?.name ?? c.author.name, organisation: p?.organisation ?? c.author.organisationName ?? msg('no organisation', { id: 'outline_no_org' }) };
  }

  /** Ctrl+Enter (⌘+Enter) in a text field sends its form. */
  private readonly onFieldKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      (e.target as HTMLTextAreaElement).form?.requestSubmit();
    }
  };

  private add(e: SubmitEvent, parent: string | null): void {
    e.preventDefault();
    const s = this.session;
    const field = (e.target as HTMLFormElement).querySelector('textarea')!;
    if (!s) return;
    const added = perform(COMMANDS.commentAdd, s, { id: newElementId(), elementId: this.elementId, parent, text: field.value });
    if (!added) {
      this.status = parent ? msg('Write a reply first.', { id: 'comments_reply_empty' }) : msg('Write a comment first.', { id: 'comments_empty_text' });
      field.focus();
      return;
    }
    field.value = '';
    this.status = parent ? msg('Reply added.', { id: 'comments_reply_added' }) : msg('Comment added.', { id: 'comments_added' });
  }

  private async saveEdit(e: SubmitEvent, c: BoardComment): Promise<void> {
    e.preventDefault();
    const s = this.session;
    const field = (e.target as HTMLFormElement).querySelector('textarea')!;
    if (!s) return;
    if (!perform(COMMANDS.commentEdit, s, { id: c.id, text: field.value })) {
      this.status = msg('Write a comment first.', { id: 'comments_empty_text' });
      field.focus();
      return;
    }
    this.status = msg('Comment changed.', { id: 'comments_changed' });
    await this.endEdit(c);
  }

  private async endEdit(c: BoardComment): Promise<void> {
    this.editing = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-comment="${CSS.escape(c.id)}"] .edit`)?.focus();
  }

  private resolve(t: CommentThread, resolved: boolean): void {
    const s = this.session;
    if (!s) return;
    perform(COMMANDS.commentResolve, s, { id: t.start.id, resolved });
    this.status = resolved ? msg('Thread resolved.', { id: 'comments_resolved_status' }) : msg('Thread reopened.', { id: 'comments_reopened_status' });
  }

  private async askDelete(c: BoardComment, t: CommentThread, opener: HTMLElement): Promise<void> {
    this.pendingDelete = { comment: c, ids: c.parent === null ? [c.id, ...t.replies.map((r) => r.id)] : [c.id] };
    await this.updateComplete;
    await this.renderRoot.querySelector<SkConfirmDialog>('sk-confirm-dialog')?.show(opener);
  }

  private async confirmDelete(): Promise<void> {
    const s = this.session;
    const p = this.pendingDelete;
    const dialog = this.renderRoot.querySelector<SkConfirmDialog>('sk-confirm-dialog');
    if (s && p) perform(COMMANDS.commentDelete, s, p.ids);
    this.pendingDelete = null;
    this.status = msg('Comment deleted.', { id: 'comments_deleted' });
    dialog?.close();
    await this.updateComplete;
    // The opener is gone: focus goes to the panel's heading.
    requestAnimationFrame(() => this.renderRoot.querySelector<HTMLElement>('h2')?.focus());
  }

  private renderComment(c: BoardComment, t: CommentThread) {
    const who = this.who(c);
    const when = formatWhen(c.createdAt);
    return html`<div class="comment" data-comment=${c.id} style="--org: ${this.session!.colorOf(c.author.organisationId).strong}">
      <p class="who">
        <strong>${who.name}</strong>, ${who.organisation} · <time datetime=${c.createdAt}>${when}</time>${c.editedAt
          ? html` · <span class="edited">${msg('edited', { id: 'comments_edited' })}</span>`
          : nothing}
      </p>
      ${this.editing === c.id
        ? html`<form @submit=${(e: SubmitEvent) => void this.saveEdit(e, c)}>
            <label for="edit-${c.id}">${msg('Change the comment', { id: 'comments_edit_label' })}</label>
            <textarea
              id="edit-${c.id}"
              rows="3"
              maxlength="2000"
              .value=${c.text}
              @keydown=${(e: KeyboardEvent) => (e.key === 'Escape' ? (e.stopPropagation(), void this.endEdit(c)) : this.onFieldKey(e))}
            ></textarea>
            <div class="row">
              <button type="submit" class="primary">${msg('Save', { id: 'comments_save' })}</button>
              <button type="button" @click=${() => void this.endEdit(c)}>${msg('Cancel', { id: 'dialog_cancel' })}</button>
            </div>
          </form>`
        : html`<p class="text">${c.text}</p>`}
      ${this.editing === c.id || !this.mayEdit(c)
        ? nothing
        : html`<div class="row">
            <button type="button" class="small edit" aria-label=${msg(str`Edit the comment by ${who.name}`, { id: 'comments_edit_aria' })} @click=${() => (this.editing = c.id)}>
              ${msg('Edit', { id: 'comments_edit' })}
            </button>
            ${this.mayDelete(c, t)
              ? html`<button
                  type="button"
                  class="small danger"
                  aria-label=${msg(str`Delete the comment by ${who.name}`, { id: 'comments_delete_aria' })}
                  @click=${(e: Event) => void this.askDelete(c, t, e.currentTarget as HTMLElement)}
                >
                  ${msg('Delete', { id: 'comments_delete' })}
                </button>`
              : nothing}
          </div>`}
    </div>`;
  }

  private renderThread(t: CommentThread) {
    const s = this.session!;
    const r = t.start.resolved;
    if (r) s.people?.met(r.by);
    // Until the member records know them, the name their own comments carry.
    const cached = r ? [t.start, ...t.replies].find((c) => c.author.id === r.by)?.author.name : undefined;
    const by = r ? (s.people?.person(r.by, null, cached ?? '?').name ?? cached) : null;
    return html`<li>
      <article class=${t.start.resolved ? 'resolved' : ''} aria-label=${msg(str`Thread started by ${this.who(t.start).name}`, { id: 'comments_thread_label' })}>
        ${this.renderComment(t.start, t)}
        ${t.replies.length
          ? html`<ul class="replies" aria-label=${msg(str`${t.replies.length} replies`, { id: 'comments_replies' })}>
              ${t.replies.map((r) => html`<li>${this.renderComment(r, t)}</li>`)}
            </ul>`
          : nothing}
        ${t.start.resolved
          ? html`<p class="who">${msg(str`Resolved by ${by ?? '?'}`, { id: 'comments_resolved_by' })} · ${formatWhen(t.start.resolved.at)}</p>`
          : nothing}
        ${this.writable
          ? html`<div class="row">
              <button type="button" class="small" @click=${() => this.resolve(t, !t.start.resolved)}>
                ${t.start.resolved ? msg('Reopen', { id: 'comments_reopen' }) : msg('Resolve', { id: 'comments_resolve' })}
              </button>
            </div>`
          : nothing}
        ${this.writable && !t.start.resolved
          ? html`<form class="reply" @submit=${(e: SubmitEvent) => this.add(e, t.start.id)}>
              <label for="reply-${t.start.id}">${msg('Reply', { id: 'comments_reply_label' })}</label>
              <textarea id="reply-${t.start.id}" rows="2" maxlength="2000" @keydown=${this.onFieldKey}></textarea>
              <div class="row"><button type="submit">${msg('Send reply', { id: 'comments_reply_send' })}</button></div>
            </form>`
          : nothing}
      </article>
    </li>`;
  }

  override render() {
    const s = this.session;
    if (!s || !this.elementId) return nothing;
    const element = s.board.get(this.elementId);
    const threads = element ? listThreads(s.board.doc, this.elementId) : [];
    const open = threads.filter((t) => !t.start.resolved);
    const done = threads.filter((t) => t.start.resolved);
    const name = element ? elementName(element) : '';
    return html`
      <div class="head">
        <h2 id="comments-heading" tabindex="-1">${element ? msg(str`Comments: ${name}`, { id: 'comments_heading' }) : msg('Comments', { id: 'comments_heading_none' })}</h2>
        <button type="button" class="small" @click=${() => this.emit('sk-comments-close')}>${msg('Close', { id: 'comments_close' })}</button>
      </div>
      <p class="visually-hidden" role="status">${this.status}</p>
      ${!element
        ? html`<p class="empty">${msg('This element has been deleted; its comments are hidden.', { id: 'comments_element_gone' })}</p>`
        : html`
            ${this.writable
              ? html`<form class="new" @submit=${(e: SubmitEvent) => this.add(e, null)}>
                  <label for="new-comment">${msg('New comment', { id: 'comments_new_label' })}</label>
                  <textarea id="new-comment" rows="3" maxlength="2000" @keydown=${this.onFieldKey}></textarea>
                  <div class="row"><button type="submit" class="primary">${msg('Add comment', { id: 'comments_add' })}</button></div>
                </form>`
              : nothing}
            ${open.length
              ? html`<ul class="threads" aria-labelledby="comments-heading">
                  ${open.map((t) => this.renderThread(t))}
                </ul>`
              : html`<p class="empty">${msg('No open comments.', { id: 'comments_none' })}</p>`}
            ${done.length
              ? html`<button type="button" class="small toggle" aria-pressed=${this.showResolved ? 'true' : 'false'} @click=${() => (this.showResolved = !this.showResolved)}>
                  ${msg(str`Show resolved (${done.length})`, { id: 'comments_show_resolved' })}
                </button>`
              : nothing}
            ${this.showResolved && done.length
              ? html`<ul class="threads" aria-label=${msg('Resolved threads', { id: 'comments_resolved_list' })}>
                  ${done.map((t) => this.renderThread(t))}
                </ul>`
              : nothing}
          `}
      <sk-confirm-dialog
        .heading=${msg('Delete the comment?', { id: 'comments_delete_heading' })}
        .confirmLabel=${msg('Delete', { id: 'comments_delete' })}
        .busyLabel=${msg('Deleting…', { id: 'outline_deleting' })}
        @sk-confirm=${() => void this.confirmDelete()}
        @sk-close=${() => (this.pendingDelete = null)}
      >
        <p>
          ${this.pendingDelete && this.pendingDelete.ids.length > 1
            ? msg('The comment and its replies are removed for everyone.', { id: 'comments_delete_thread_text' })
            : msg('It is removed for everyone.', { id: 'comments_delete_text' })}
        </p>
        ${this.pendingDelete ? html`<p><strong>${this.pendingDelete.comment.text.slice(0, 200)}</strong></p>` : nothing}
      </sk-confirm-dialog>
    `;
  }
}

customElements.define('sk-board-comments', SkBoardComments);

declare global {
  interface HTMLElementTagNameMap {
    'sk-board-comments': SkBoardComments;
  }
}
