/**
 * `<sk-tools-aside>`: the facilitator's tools beside the tab's content (issue #16, point 10), a
 * complementary region, not a dialog: the facilitator keeps working on the board (or any tab)
 * while they are open. Its heading takes focus when it opens; Escape anywhere inside (unless a
 * field or dialog in it took it) or the × button closes it.
 *
 * Properties: `boardView`, `voteScopes`, `onBoard`, `shownBoard`, handed to `<sk-facilitator-panel>`.
 * Methods: `focusHeading()`. Events: `sk-tools-close` (null). Slots: none. Parts: none.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import type { BoardView } from '../facilitation/sk-facilitator-panel.js';
import type { VoteScopes } from '../facilitation/sk-rounds-panel.js';
import { emitter } from '../ui/events.js';
import { sharedStyles } from '../ui/shared.styles.js';

export interface SkToolsAsideEvents {
  'sk-tools-close': null;
}

export class SkToolsAside extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .head {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
      }
      h2 {
        margin: 0;
        font-size: 1.05rem;
      }
      .close {
        display: inline-grid;
        place-items: center;
        min-width: 2.2rem;
        min-height: 2.2rem;
        padding: 0;
        background: transparent;
        color: var(--sk-text);
        border: 1px solid var(--sk-line);
      }
    `,
  ];
  static override properties = {
    boardView: { attribute: false },
    voteScopes: { attribute: false },
    onBoard: { type: Boolean },
    shownBoard: { attribute: false },
  };
  declare boardView: () => BoardView | null;
  declare voteScopes: () => VoteScopes | null;
  declare onBoard: boolean;
  declare shownBoard: string | null;
  private readonly emit = emitter<SkToolsAsideEvents>(this);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.boardView = () => null;
    this.voteScopes = () => null;
    this.onBoard = false;
    this.shownBoard = null;
  }

  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    this.emit('sk-tools-close');
  };

  override render() {
    const close = msg('Close the facilitator tools', { id: 'fac_tools_close' });
    return html`<aside aria-labelledby="tools-heading" @keydown=${this.onKey}>
      <div class="head">
        <h2 id="tools-heading" tabindex="-1">${msg('Facilitator tools', { id: 'fac_tools' })}</h2>
        <button type="button" class="close" aria-label=${close} title=${close} @click=${() => this.emit('sk-tools-close')}>
          <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16"><path d="M3 3l10 10M13 3L3 13" stroke="currentColor" stroke-width="2" stroke-linecap="round" /></svg>
        </button>
      </div>
      <sk-facilitator-panel .boardView=${this.boardView} .voteScopes=${this.voteScopes} .onBoard=${this.onBoard} .shownBoard=${this.shownBoard}></sk-facilitator-panel>
    </aside>`;
  }
}

customElements.define('sk-tools-aside', SkToolsAside);

declare global {
  interface HTMLElementTagNameMap {
    'sk-tools-aside': SkToolsAside;
  }
}
