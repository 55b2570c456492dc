/**
 * `<sk-vision-suggestions>`: the pending suggestions beside the vision, in text order: who
 * suggested what (name, organisation, its colour), the text added or deleted, and what this
 * person may do (client/vision/suggestions.ts): show it in the text, accept or reject it, or
 * withdraw their own; "Accept all" and "Reject all" take every suggestion they may resolve.
 * Facilitators also find here the switch that requires suggestions of participants, written to
 * the vision document (shared/vision/suggestion-settings.ts).
 *
 * Properties: `session`, `suggestions` (ListedSuggestion[] from the editor).
 * Events: `sk-suggestion-resolve` (detail: `{ keys, accept }`), `sk-suggestion-reveal`
 * (detail: `{ key }`). Parts: none.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { observeSuggestionsRequired, setSuggestionsRequired, suggestionsRequired } from '../../shared/vision/suggestion-settings.js';
import { emitter } from '../ui/events.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { suggestionMarkStyles } from './suggestion-mark.styles.js';
import { keyLabel } from './editor-actions.js';
import { visionCommentsStyles } from './sk-vision-comments.styles.js';
import { visionSuggestionsStyles } from './sk-vision-suggestions.styles.js';
import type { ListedSuggestion } from './suggestion-rights.js';
import type { VisionSession } from './vision-session.js';
import { formatWords, memberLabel } from './texts.js';

export interface SkVisionSuggestionsEvents {
  /** Accept (or reject: withdraw, for one's own) the suggestions with these keys. */
  'sk-suggestion-resolve': { keys: string[]; accept: boolean };
  /** Show this suggestion in the text. */
  'sk-suggestion-reveal': { key: string };
}

export class SkVisionSuggestions extends LitElement {
  static override styles = [sharedStyles, visionCommentsStyles, suggestionMarkStyles, visionSuggestionsStyles];
  static override properties = {
    session: { attribute: false },
    suggestions: { attribute: false },
    required: { state: true },
  };
  declare session: VisionSession | null;
  declare suggestions: ListedSuggestion[];
  declare required: boolean;
  private unobserve: (() => void) | null = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
    this.suggestions = [];
    this.required = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('session')) return;
    this.unobserve?.();
    const s = this.session;
    this.unobserve = s ? observeSuggestionsRequired(s.doc, (r) => (this.required = r)) : null;
    this.required = s ? suggestionsRequired(s.doc) : false;
  }

  override disconnectedCallback(): void {
    this.unobserve?.();
    this.unobserve = null;
    super.disconnectedCallback();
  }

  private readonly emit = emitter<SkVisionSuggestionsEvents>(this);

  private resolve(keys: string[], accept: boolean): void {
    if (keys.length) this.emit('sk-suggestion-resolve', { keys, accept });
  }

  private item(x: ListedSuggestion, i: number) {
    const s = this.session!;
    const who = s.member(x.attrs.memberId);
    const name = memberLabel(who);
    const id = `suggestion-${i}`;
    const what =
      x.block !== undefined
        ? x.kind === 'insertion'
          ? msg(str`${name} suggests a new paragraph:`, { id: 'vision_suggests_break' })
          : msg(str`${name} suggests joining two paragraphs:`, { id: 'vision_suggests_join' })
        : x.kind === 'formatting'
          ? msg(str`${name} suggests formatting (${formatWords(x.format ?? {})}):`, { id: 'vision_suggests_format' })
          : x.kind === 'insertion'
            ? msg(str`${name} suggests adding:`, { id: 'vision_suggests_add' })
            : msg(str`${name} suggests deleting:`, { id: 'vision_suggests_delete' });
    const shown = x.block !== undefined ? `¶ ${x.text}${x.text.length >= 40 ? '…' : ''}` : x.text;
    return html`<li>
      <article style="--org:${who.color.strong};--change-strong:${who.color.strong};--change-soft:${who.color.soft}" aria-labelledby=${id}>
        <p class="what" id=${id}>
          ${what}
          ${x.kind === 'insertion'
            ? html`<ins class="suggestion">${shown}</ins>`
            : x.kind === 'formatting'
              ? html`<span class="suggestion formatting" data-strong=${x.format?.strong ?? ''} data-em=${x.format?.em ?? ''}>${shown}</span>`
              : html`<del class="suggestion">${shown}</del>`}
        </p>
        <div class="row" role="group" aria-labelledby=${id}>
          <button type="button" @click=${() => this.emit('sk-suggestion-reveal', { key: x.key })}>${msg('Show in text', { id: 'vision_comment_show' })}</button>
          ${x.may === 'resolve'
            ? html`<button type="button" class="primary" @click=${() => this.resolve([x.key], true)}>${msg('Accept', { id: 'vision_suggestion_accept' })}</button>
                <button type="button" @click=${() => this.resolve([x.key], false)}>${msg('Reject', { id: 'vision_suggestion_reject' })}</button>`
            : x.may === 'withdraw'
              ? html`<button type="button" @click=${() => this.resolve([x.key], false)}>${msg('Withdraw', { id: 'vision_suggestion_withdraw' })}</button>`
              : nothing}
        </div>
      </article>
    </li>`;
  }

  override render() {
    const s = this.session;
    if (!s) return nothing;
    const list = this.suggestions;
    const mine = list.filter((x) => x.may === 'resolve').map((x) => x.key);
    if (!list.length && !s.facilitator) return nothing;
    return html`<section aria-labelledby="suggestions-heading">
      <div class="head">
        <h2 id="suggestions-heading">${msg(str`Suggestions (${list.length})`, { id: 'vision_suggestions_heading' })}</h2>
      </div>
      ${s.facilitator
        ? html`<label class="required">
            <input type="checkbox" role="switch" .checked=${this.required} @change=${(e: Event) => setSuggestionsRequired(s.doc, (e.target as HTMLInputElement).checked, s.origin)} />
            ${msg('Participants suggest changes (they cannot edit the text directly)', { id: 'vision_suggestions_required' })}
          </label>`
        : this.required
          ? html`<p class="hint">${msg('The facilitator has asked everyone to suggest changes: accepted suggestions become the agreed text.', { id: 'vision_suggestions_required_hint' })}</p>`
          : nothing}
      ${list.length === 0
        ? html`<p class="empty">${msg(str`No suggestions. ${keyLabel('Mod-Alt-s')} turns suggestion mode on or off for you.`, { id: 'vision_suggestions_none' })}</p>`
        : nothing}
      ${mine.length > 1
        ? html`<div class="row all">
            <button type="button" @click=${() => this.resolve(mine, true)}>${msg('Accept all', { id: 'vision_suggestions_accept_all' })}</button>
            <button type="button" @click=${() => this.resolve(mine, false)}>${msg('Reject all', { id: 'vision_suggestions_reject_all' })}</button>
          </div>`
        : nothing}
      <ul aria-labelledby="suggestions-heading">
        ${list.map((x, i) => this.item(x, i))}
      </ul>
    </section>`;
  }
}

customElements.define('sk-vision-suggestions', SkVisionSuggestions);

declare global {
  interface HTMLElementTagNameMap {
    'sk-vision-suggestions': SkVisionSuggestions;
  }
}
