/**
 * `<sk-charter-send>`: "Send to the charter" (issue #17) for one board note: a modal Shoelace
 * dialog asking what the note becomes (an actor, a principle draft, a roadmap item or a benefits
 * line, pre-chosen from the template zone it sits in), with the actor's kind or the roadmap's
 * horizon. Send runs `charter.import` on the server, which copies the note from its own board and
 * records its author; the dialog says what happened, or the server's refusal, in words. Escape or
 * Cancel closes; focus returns to the opener.
 *
 * Methods: `show(element, zoneTitle, opener)`. Properties: `send` (runs the command).
 * Events: `sk-sent` `{ elementId, collection, entryId }`. Slots: none. Parts: `dialog`.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import type SlDialog from '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import type { BoardElement } from '../../../shared/board/schema.js';
import { frameRoleOf } from '../../../shared/board/templates.js';
import { ROADMAP_HORIZONS, type RoadmapHorizon } from '../../../shared/charter/charter-methods.js';
import { ACTOR_KINDS, type ActorKind } from '../../../shared/charter/schema.js';
import type { CharterImported, CommandPayload } from '../../../shared/realtime/index.js';
import { emitter } from '../../ui/events.js';
import { term, words } from '../../ui/vocabulary.js';
import { ACTOR_KIND_WORDS, ROADMAP_HORIZON_WORDS } from '../../../shared/glossary.js';
import { loadDialog } from '../../ui/lazy-shoelace.js';
import { sharedStyles } from '../../ui/shared.styles.js';
import { dialogStyles } from '../../ui/sk-confirm-dialog.styles.js';
import { errorText } from '../../ui/texts.js';
import { showDialog } from '../../ui/show-dialog.js';

export interface SkCharterSendEvents {
  'sk-sent': CharterImported;
}

type As = CommandPayload<'charter.import'>['as'];
const AS: readonly As[] = ['actor', 'principle', 'roadmap', 'benefit'];

const asName = (a: As) =>
  ({
    actor: msg('An actor in the actor map', { id: 'board_send_as_actor' }),
    principle: msg('A principle draft', { id: 'board_send_as_principle' }),
    roadmap: msg('A roadmap item', { id: 'board_send_as_roadmap' }),
    benefit: msg('A line in the benefits map', { id: 'board_send_as_benefit' }),
  })[a];

/** The roadmap's horizons as the charter names them (shared/glossary.ts). */
const horizonName = (h: RoadmapHorizon) => words(ROADMAP_HORIZON_WORDS[h]);

export class SkCharterSend extends LitElement {
  static override styles = [
    sharedStyles,
    dialogStyles,
    css`
      fieldset {
        margin: 0 0 0.75rem;
        padding: 0;
        border: 0;
      }
      legend {
        padding: 0;
        margin-bottom: 0.4rem;
        font-weight: 600;
      }
      label.choice {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        padding: 0.25rem;
        min-height: 24px;
      }
      label.choice input {
        width: 1.1rem;
        height: 1.1rem;
        margin: 0;
        flex: none;
      }
      select {
        font: inherit;
        min-height: 2.25rem;
      }
      .quote {
        margin: 0 0 0.75rem;
        padding: 0.4rem 0.6rem;
        border-inline-start: 3px solid var(--sk-primary, #0b6e6e);
        white-space: pre-wrap;
        max-height: 6rem;
        overflow: auto;
      }
      .error {
        color: var(--sk-danger, #a4161a);
      }
    `,
  ];
  static override properties = { element: { attribute: false }, as: { state: true }, kind: { state: true }, horizon: { state: true }, error: { state: true }, busy: { state: true } };
  declare element: BoardElement | null;
  declare as: As;
  declare kind: ActorKind;
  declare horizon: RoadmapHorizon;
  declare error: string | null;
  declare busy: boolean;
  /** Runs `charter.import` (the board page hands in its socket's command). */
  send: ((p: CommandPayload<'charter.import'>) => Promise<CharterImported>) | null = null;
  boardId = '';
  private opener: HTMLElement | null = null;
  private readonly emit = emitter<SkCharterSendEvents>(this);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.element = null;
    this.as = 'principle';
    this.kind = 'state_agency';
    this.horizon = 'now';
    this.error = null;
    this.busy = false;
  }

  private get dialog(): SlDialog | null {
    return this.renderRoot.querySelector('sl-dialog');
  }

  /** Opens for `element`; the zone it sits in (its frame's title) pre-chooses what it becomes. */
  async show(element: BoardElement, zoneTitle: string, opener: HTMLElement | null): Promise<void> {
    const role = frameRoleOf(zoneTitle);
    this.element = element;
    this.opener = opener;
    this.error = null;
    this.as = role?.startsWith('actor-') ? 'actor' : role?.startsWith('roadmap-') ? 'roadmap' : role === 'benefit' ? 'benefit' : 'principle';
    this.kind = role?.startsWith('actor-') ? (role.slice(6) as ActorKind) : 'state_agency';
    this.horizon = role?.startsWith('roadmap-') ? (role.slice(8) as RoadmapHorizon) : 'now';
    try {
      await loadDialog();
    } catch (err) {
      return console.warn('The send-to-charter dialog could not be loaded:', err);
    }
    await this.updateComplete;
    await showDialog(this.dialog);
  }

  private onInitialFocus(e: Event): void {
    if (e.target !== this.dialog) return;
    e.preventDefault();
    this.renderRoot.querySelector<HTMLInputElement>('input:checked')?.focus();
  }

  private onHide(e: Event): void {
    if (e.target !== this.dialog) return;
    queueMicrotask(() => {
      const opener = this.opener;
      this.opener = null;
      if (opener?.isConnected) opener.focus();
    });
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (!this.element || !this.send || this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      const r = await this.send({
        boardId: this.boardId,
        elementId: this.element.id,
        as: this.as,
        ...(this.as === 'actor' ? { kind: this.kind } : {}),
        ...(this.as === 'roadmap' ? { horizon: this.horizon } : {}),
      });
      this.emit('sk-sent', r);
      await this.dialog?.hide();
    } catch (err) {
      this.error = errorText(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const text = this.element?.text ?? '';
    return html`<form novalidate @submit=${this.submit}>
      <sl-dialog part="dialog" label=${msg('Send to the charter', { id: 'board_send_heading' })} @sl-initial-focus=${this.onInitialFocus} @sl-hide=${this.onHide}>
        <p class="quote">${text}</p>
        <fieldset>
          <legend>${msg('In the charter it becomes', { id: 'board_send_legend' })}</legend>
          ${AS.map(
            (a) => html`<label class="choice"><input type="radio" name="as" .value=${a} .checked=${this.as === a} @change=${() => (this.as = a)} /> ${asName(a)}</label>`,
          )}
        </fieldset>
        ${this.as === 'actor'
          ? html`<label class="choice"
              >${msg('Kind of actor', { id: 'board_send_kind' })}
              <select @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as ActorKind)}>
                ${ACTOR_KINDS.map((k) => html`<option value=${k} ?selected=${this.kind === k}>${words(ACTOR_KIND_WORDS[k])}</option>`)}
              </select></label
            >`
          : nothing}
        ${this.as === 'roadmap'
          ? html`<label class="choice"
              >${term('horizon')}
              <select @change=${(e: Event) => (this.horizon = (e.target as HTMLSelectElement).value as RoadmapHorizon)}>
                ${ROADMAP_HORIZONS.map((h) => html`<option value=${h} ?selected=${this.horizon === h}>${horizonName(h)}</option>`)}
              </select></label
            >`
          : nothing}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="actions" slot="footer">
          <sl-button variant="primary" type="submit" ?loading=${this.busy}>${msg('Send', { id: 'board_send_submit' })}</sl-button>
          <sl-button @click=${() => this.dialog?.hide()}>${msg('Cancel', { id: 'board_send_cancel' })}</sl-button>
        </div>
      </sl-dialog>
    </form>`;
  }
}

/** What the board says once a note has gone to the charter. */
export const sentText = (c: CharterImported['collection'], name: string) =>
  ({
    actors: msg(str`«${name}» is now an actor in the charter.`, { id: 'board_sent_actor' }),
    principles: msg(str`«${name}» is now a principle draft in the charter.`, { id: 'board_sent_principle' }),
    roadmap: msg(str`«${name}» is now on the charter's roadmap.`, { id: 'board_sent_roadmap' }),
    benefits: msg(str`«${name}» is now in the charter's benefits map.`, { id: 'board_sent_benefit' }),
  })[c];

customElements.define('sk-charter-send', SkCharterSend);

declare global {
  interface HTMLElementTagNameMap {
    'sk-charter-send': SkCharterSend;
  }
}
