/**
 * `<sk-vision-comments>`: the comments panel. Open comments in text order (detached ones, whose
 * text was deleted, last and marked so), resolved ones behind a toggle; each with the commented
 * quote, author and organisation, its replies, and actions: show in text, reply, resolve or
 * reopen. A new comment (from Ctrl+Alt+M or the toolbar) is written in the form on top.
 * Keyboard: Tab through the controls; on a card, ↑/↓ (and Home/End) move between cards.
 *
 * Properties: `session`, `resolved` (ResolvedComment[] from the editor), `activeId`, `draft`
 * (`{ anchor, head, quote }` or null).
 * Events: `sk-comment-reveal` (detail: `{ id }`), `sk-comment-active` (detail: `{ id }`),
 * `sk-comment-draft-done` (detail: `{ saved }`). Parts: none.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { addComment, addReply, setResolved, type CommentAuthor, type VisionComment } from '../../shared/vision/comments.js';
import { emitter } from '../ui/events.js';
import { sharedStyles } from '../ui/shared.styles.js';
import type { ResolvedComment } from './comment-decorations.js';
import { keyLabel } from './editor-actions.js';
import { visionCommentsStyles } from './sk-vision-comments.styles.js';
import { formatWhen } from './texts.js';
import type { VisionSession } from './vision-session.js';

export interface CommentDraft {
  anchor: Uint8Array;
  head: Uint8Array;
  quote: string;
}

export interface SkVisionCommentsEvents {
  /** The draft was saved or cancelled. */
  'sk-comment-draft-done': { saved: boolean };
  'sk-comment-active': { id: string };
  /** Show this comment's range in the text. */
  'sk-comment-reveal': { id: string };
}

const newId = () => crypto.randomUUID();

export class SkVisionComments extends LitElement {
  static override styles = [sharedStyles, visionCommentsStyles];
  static override properties = {
    session: { attribute: false },
    resolved: { attribute: false },
    activeId: { attribute: false },
    draft: { attribute: false },
    showResolved: { state: true },
    status: { state: true },
  };
  declare session: VisionSession | null;
  declare resolved: ResolvedComment[];
  declare activeId: string | null;
  declare draft: CommentDraft | null;
  declare showResolved: boolean;
  declare status: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
    this.resolved = [];
    this.activeId = null;
    this.draft = null;
    this.showResolved = false;
    this.status = '';
  }

  protected override async updated(changed: PropertyValues<this>): Promise<void> {
    if (changed.has('draft') && this.draft) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLTextAreaElement>('#draft-text')?.focus();
    }
    if (changed.has('activeId') && this.activeId && changed.get('activeId') !== this.activeId) {
      this.renderRoot.querySelector(`article[data-id="${CSS.escape(this.activeId)}"]`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  private get author(): CommentAuthor | null {
    const s = this.session;
    return s ? { id: s.me.id, name: s.me.name, organisationId: s.me.organisationId } : null;
  }

  private readonly emit = emitter<SkVisionCommentsEvents>(this);

  private saveDraft(e: SubmitEvent): void {
    e.preventDefault();
    const s = this.session;
    const author = this.author;
    const d = this.draft;
    const field = this.renderRoot.querySelector<HTMLTextAreaElement>('#draft-text');
    const text = field?.value.trim() ?? '';
    if (!s || !author || !d) return;
    if (!text) {
      this.status = msg('Write a comment first.', { id: 'vision_comment_empty' });
      field?.focus();
      return;
    }
    addComment(s.doc, { id: newId(), anchor: d.anchor, head: d.head, quote: d.quote, author, text, createdAt: new Date().toISOString() }, s.origin);
    this.status = msg('Comment added.', { id: 'vision_comment_added' });
    this.emit('sk-comment-draft-done', { saved: true });
  }

  private reply(e: SubmitEvent, c: VisionComment): void {
    e.preventDefault();
    const s = this.session;
    const author = this.author;
    const field = (e.target as HTMLFormElement).querySelector('textarea');
    const text = field?.value.trim() ?? '';
    if (!s || !author || !field) return;
    if (!text) {
      this.status = msg('Write a reply first.', { id: 'vision_reply_empty' });
      field.focus();
      return;
    }
    addReply(s.doc, c.id, { id: newId(), author, text, createdAt: new Date().toISOString() }, s.origin);
    field.value = '';
    this.status = msg('Reply added.', { id: 'vision_reply_added' });
  }

  private resolve(c: VisionComment, done: boolean): void {
    const s = this.session;
    if (!s) return;
    setResolved(s.doc, c.id, done ? { id: s.me.id, name: s.me.name, at: new Date().toISOString() } : null, s.origin);
    this.status = done ? msg('Comment resolved.', { id: 'vision_comment_resolved_status' }) : msg('Comment reopened.', { id: 'vision_comment_reopened_status' });
  }

  /** ↑/↓/Home/End on a card move to the neighbouring card. */
  private onKeyDown(e: KeyboardEvent): void {
    const card = e.target as HTMLElement;
    if (card.localName !== 'article') return;
    const cards = [...this.renderRoot.querySelectorAll<HTMLElement>('article')];
    const at = cards.indexOf(card);
    const next = e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? cards.length - 1 : -2;
    if (next === -2) return;
    e.preventDefault();
    cards[Math.max(0, Math.min(cards.length - 1, next))]?.focus();
  }

  /** Open ones in text order, detached after them; resolved ones (when shown) newest first. */
  private ordered(): { open: ResolvedComment[]; done: ResolvedComment[] } {
    const open = this.resolved.filter((r) => !r.comment.resolved);
    open.sort((a, b) => (a.range && b.range ? a.range.from - b.range.from : a.range ? -1 : b.range ? 1 : a.comment.createdAt.localeCompare(b.comment.createdAt)));
    const done = this.resolved.filter((r) => r.comment.resolved).sort((a, b) => b.comment.resolved!.at.localeCompare(a.comment.resolved!.at));
    return { open, done };
  }

  private who(a: CommentAuthor, at: string) {
    const m = this.session?.member(a.id);
    const org = m?.organisationId === a.organisationId ? m?.organisationName : (this.session?.organisations.find((o) => o.id === a.organisationId)?.name ?? null);
    return html`<p class="who"><strong>${a.name}</strong>${org ? html`, ${org}` : nothing} · <time datetime=${at}>${formatWhen(at)}</time></p>`;
  }

  private card(r: ResolvedComment) {
    const c = r.comment;
    const s = this.session!;
    const ro = s.readOnly;
    const detached = !r.range && !c.resolved;
    return html`<li>
      <article
        tabindex="0"
        data-id=${c.id}
        class=${[c.id === this.activeId ? 'active' : '', c.resolved ? 'resolved' : ''].join(' ')}
        style="--org: ${s.colorOf(c.author.organisationId).strong}"
        aria-label=${msg(str`Comment by ${c.author.name}`, { id: 'vision_comment_label' })}
        @focus=${() => this.emit('sk-comment-active', { id: c.id })}
      >
        <p class="quote">
          ${detached ? html`<span class="badge">${msg('Detached', { id: 'vision_comment_detached' })}</span>` : nothing}
          ${c.resolved ? html`<span class="badge ok">${msg('Resolved', { id: 'vision_comment_resolved' })}</span>` : nothing}
          <q>${c.quote}</q>
        </p>
        ${detached ? html`<p class="hint">${msg('The commented text has been deleted. The comment is kept.', { id: 'vision_comment_detached_hint' })}</p>` : nothing}
        ${this.who(c.author, c.createdAt)}
        <p class="text">${c.text}</p>
        ${c.replies.length
          ? html`<ul class="replies" aria-label=${msg(str`${c.replies.length} replies`, { id: 'vision_comment_replies' })}>
              ${c.replies.map((rep) => html`<li>${this.who(rep.author, rep.createdAt)}<p class="text">${rep.text}</p></li>`)}
            </ul>`
          : nothing}
        ${c.resolved ? html`<p class="who">${msg(str`Resolved by ${c.resolved.name}`, { id: 'vision_comment_resolved_by' })} · ${formatWhen(c.resolved.at)}</p>` : nothing}
        <div class="row">
          ${r.range ? html`<button type="button" @click=${() => this.emit('sk-comment-reveal', { id: c.id })}>${msg('Show in text', { id: 'vision_comment_show' })}</button>` : nothing}
          ${ro
            ? nothing
            : html`<button type="button" @click=${() => this.resolve(c, !c.resolved)}>${c.resolved ? msg('Reopen', { id: 'vision_comment_reopen' }) : msg('Resolve', { id: 'vision_comment_resolve' })}</button>`}
        </div>
        ${ro || c.resolved
          ? nothing
          : html`<form @submit=${(e: SubmitEvent) => this.reply(e, c)}>
              <label for="reply-${c.id}">${msg('Reply', { id: 'vision_reply_label' })}</label>
              <textarea id="reply-${c.id}" rows="2" maxlength="2000"></textarea>
              <div class="row"><button type="submit">${msg('Send reply', { id: 'vision_reply_send' })}</button></div>
            </form>`}
      </article>
    </li>`;
  }

  override render() {
    const s = this.session;
    if (!s) return nothing;
    const { open, done } = this.ordered();
    return html`
      <div class="head">
        <h2 id="comments-heading">${msg(str`Comments (${open.length} open)`, { id: 'vision_comments_heading' })}</h2>
        <button type="button" class="toggle" aria-pressed=${this.showResolved ? 'true' : 'false'} @click=${() => (this.showResolved = !this.showResolved)}>
          ${msg(str`Show resolved (${done.length})`, { id: 'vision_comments_show_resolved' })}
        </button>
      </div>
      ${this.draft
        ? html`<form class="draft" @submit=${this.saveDraft}>
            <p class="quote"><q>${this.draft.quote}</q></p>
            <label for="draft-text">${msg('Your comment', { id: 'vision_comment_draft_label' })}</label>
            <textarea id="draft-text" rows="3" maxlength="2000" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.emit('sk-comment-draft-done', { saved: false })}></textarea>
            <div class="row">
              <button type="submit" class="primary">${msg('Add comment', { id: 'vision_comment_save' })}</button>
              <button type="button" @click=${() => this.emit('sk-comment-draft-done', { saved: false })}>${msg('Cancel', { id: 'dialog_cancel' })}</button>
            </div>
          </form>`
        : nothing}
      <p class="visually-hidden" role="status">${this.status}</p>
      ${open.length === 0 && !this.draft
        ? html`<p class="empty">${s.readOnly ? msg('No open comments.', { id: 'vision_comments_none_ro' }) : msg(str`No open comments. Select some text and press ${keyLabel('Mod-Alt-m')} to comment on it.`, { id: 'vision_comments_none' })}</p>`
        : nothing}
      <ul aria-labelledby="comments-heading" @keydown=${this.onKeyDown}>
        ${open.map((r) => this.card(r))}
      </ul>
      ${this.showResolved && done.length
        ? html`<h3>${msg('Resolved', { id: 'vision_comment_resolved' })}</h3>
            <ul @keydown=${this.onKeyDown}>${done.map((r) => this.card(r))}</ul>`
        : nothing}
    `;
  }
}

customElements.define('sk-vision-comments', SkVisionComments);

declare global {
  interface HTMLElementTagNameMap {
    'sk-vision-comments': SkVisionComments;
  }
}
