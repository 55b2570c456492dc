/**
 * `<sk-principle-compare>`: an amendment beside the adopted text it would replace, with a
 * word-level diff: words the amendment removes are struck through on the adopted side, words it
 * adds are underlined on its own side (each also named for screen readers). Side by side where
 * there is room, one above the other on a narrow screen.
 *
 * Properties: `adopted` (the adopted text), `amended` (the amendment's text), `adoptedLabel`.
 * Events: none. Slots: none. Parts: `adopted`, `amendment`.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { sharedStyles } from '../../ui/shared.styles.js';
import { wordDiff, type DiffPart } from './word-diff.js';

export class SkPrincipleCompare extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        container-type: inline-size;
      }
      .compare {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0.75rem;
        margin: 0.5rem 0;
      }
      @container (max-width: 34rem) {
        .compare {
          grid-template-columns: 1fr;
        }
      }
      section {
        border: 1px solid var(--sk-line);
        border-radius: var(--sk-radius);
        padding: 0.5rem 0.75rem;
        background: var(--sk-bg);
      }
      h4 {
        margin: 0 0 0.25rem;
        font-size: 0.85rem;
        color: var(--sk-muted);
      }
      p {
        margin: 0;
        font-size: 1.05rem;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      del {
        background: #f8d3d3;
        color: var(--sk-text);
        text-decoration: line-through 2px;
      }
      ins {
        background: #c8ebd2;
        color: var(--sk-text);
        text-decoration: underline 2px;
        text-underline-offset: 3px;
      }
    `,
  ];
  static override properties = { adopted: { type: String }, amended: { type: String }, adoptedLabel: { type: String } };
  declare adopted: string;
  declare amended: string;
  declare adoptedLabel: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.adopted = this.amended = this.adoptedLabel = '';
  }

  private side(parts: DiffPart[], keep: 'removed' | 'added') {
    return parts
      .filter((p) => p.kind === 'same' || p.kind === keep)
      .map((p) =>
        p.kind === 'same'
          ? p.text
          : p.kind === 'removed'
            ? html`<del><span class="visually-hidden">${msg('removed:', { id: 'charter_diff_removed' })} </span>${p.text}</del>`
            : html`<ins><span class="visually-hidden">${msg('added:', { id: 'charter_diff_added' })} </span>${p.text}</ins>`,
      );
  }

  override render() {
    const parts = wordDiff(this.adopted, this.amended);
    return html`<div class="compare">
      <section part="adopted" class="adopted">
        <h4>${this.adoptedLabel || msg('Adopted text', { id: 'charter_diff_adopted' })}</h4>
        <p>${this.side(parts, 'removed')}</p>
      </section>
      <section part="amendment" class="amendment">
        <h4>${msg('Amendment', { id: 'charter_diff_amendment' })}</h4>
        <p>${this.side(parts, 'added')}</p>
      </section>
    </div>`;
  }
}

customElements.define('sk-principle-compare', SkPrincipleCompare);
