/**
 * `<sk-my-workshops>`: the workshops this browser belongs to (`GET /api/me/workshops`: every
 * session cookie it holds), most recently visited first, each a link to `/w/<id>` with the name
 * and organisation one takes part as and how much others changed since one's last visit. Renders
 * nothing when there are none (a first-time visitor sees only the create form); a failure is one
 * quiet line with "Try again", since the rest of the page works without it.
 *
 * Properties: none. Events: none. Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import type { MyWorkshopDto } from '../../shared/api.js';
import { api } from '../net/api.js';
import { navigate } from '../ui/navigation.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { errorText, roleName } from '../ui/texts.js';

type Load = { state: 'loading' } | { state: 'ready'; workshops: MyWorkshopDto[] } | { state: 'failed'; error: unknown };

export function changesText(w: Pick<MyWorkshopDto, 'lastVisitAt' | 'changesSinceLastVisit'>): string {
  if (w.lastVisitAt === null) return msg('Not opened yet', { id: 'mine_not_opened' });
  const n = w.changesSinceLastVisit;
  if (n === 0) return msg('No changes since your last visit', { id: 'mine_no_changes' });
  if (n === 1) return msg('1 change since your last visit', { id: 'mine_one_change' });
  return msg(str`${n} changes since your last visit`, { id: 'mine_changes' });
}

export class SkMyWorkshops extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      li {
        border: 1px solid var(--sk-line);
        border-radius: 8px;
        padding: 0.6rem 0.9rem;
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: baseline;
        gap: 0.15rem 1rem;
      }
      .title {
        font-weight: 700;
        font-size: 1.05rem;
        overflow-wrap: anywhere;
      }
      .as {
        display: block;
        color: var(--sk-muted);
        font-size: 0.925rem;
      }
      .changes {
        font-size: 0.925rem;
        font-weight: 600;
      }
      .changes.new {
        color: var(--sk-primary);
      }
      .loading {
        color: var(--sk-muted);
      }
    `,
  ];
  static override properties = { load: { state: true } };
  declare load: Load;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.load = { state: 'loading' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.fetch();
  }

  /** Fetches the list again (the start page asks after a sign-out). */
  readonly fetch = async (): Promise<void> => {
    this.load = { state: 'loading' };
    try {
      this.load = { state: 'ready', workshops: await api.myWorkshops() };
    } catch (error) {
      this.load = { state: 'failed', error };
    }
  };

  /** Known through sign-in only: this browser needs a session of the workshop first. */
  private async open(e: MouseEvent, w: MyWorkshopDto): Promise<void> {
    if (!w.viaSignIn || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    e.stopPropagation();
    try {
      await api.enterWorkshop(w.id);
      navigate(`/w/${encodeURIComponent(w.id)}`);
    } catch (error) {
      this.load = { state: 'failed', error };
    }
  }

  override render() {
    const l = this.load;
    if (l.state === 'loading') return html`<p class="loading" role="status">${msg('Looking for your workshops…', { id: 'mine_loading' })}</p>`;
    if (l.state === 'failed') {
      return html`<p class="hint">${msg('Your workshops could not be listed.', { id: 'mine_failed' })} ${errorText(l.error)}
        <sl-button size="small" @click=${this.fetch}>${msg('Try again', { id: 'ws_retry' })}</sl-button></p>`;
    }
    if (l.workshops.length === 0) return nothing;
    return html`<section class="card" aria-labelledby="mine-heading">
      <h2 id="mine-heading">${msg('Your workshops', { id: 'mine_heading' })}</h2>
      <ul>
        ${l.workshops.map((w) => {
          const as = [w.member.displayName, w.organisationName ?? roleName(w.member.role)].join(', ');
          const fresh = w.lastVisitAt !== null && w.changesSinceLastVisit > 0;
          return html`<li>
            <span><a class="title" href="/w/${encodeURIComponent(w.id)}" @click=${(e: MouseEvent) => this.open(e, w)}>${w.title}</a>
              <span class="as">${msg(str`You take part as ${as}`, { id: 'mine_as' })}</span></span>
            <span class="changes ${fresh ? 'new' : ''}">${changesText(w)}</span>
          </li>`;
        })}
      </ul>
    </section>`;
  }
}

customElements.define('sk-my-workshops', SkMyWorkshops);
