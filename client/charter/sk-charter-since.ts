/**
 * `<sk-charter-since>`: "Since your last visit" for the charter, like the vision's: what members
 * of other organisations changed since this person last marked the charter as seen, from the
 * server's last-editor records (who, which organisation, what, when). "Last visit" is the server's
 * (`visit.previousVisitAt`, per member, so it follows the person to another device), or a later
 * "Mark as seen" in this browser. Nothing shows on a first visit. When the server's answer is
 * missing (offline), the mark kept in this browser (per workshop and member) stands in, and a
 * first visit there marks itself.
 *
 * Properties: `session` (CharterSession). Context: the visit (client/net/workshop-context.ts). Events: none. Parts: none.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { sharedStyles } from '../ui/shared.styles.js';
import { axisNames } from '../ui/vocabulary.js';
import { formatChangedAt } from './charter-texts.js';
import type { CharterSession } from './charter-session.js';
import { PARADOX_AXES, type ParadoxAxis } from '../../shared/charter/schema.js';
import { LastEditsWatcher } from '../net/last-edits.js';
import { sinceMark, VISIT_PENDING, type VisitInfo } from '../net/visit.js';
import { WorkshopConsumer } from '../net/workshop-context.js';

const SHOWN = 8;

export class SkCharterSince extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section {
        border: 1px solid var(--sk-border);
        border-left: 4px solid var(--sk-primary);
        border-radius: 6px;
        padding: 0.75rem 1rem;
        margin-bottom: 1rem;
        background: var(--sk-surface);
      }
      h2 {
        font-size: 1rem;
        margin: 0 0 0.4rem;
      }
      ul {
        margin: 0 0 0.5rem;
        padding-left: 1.2rem;
        font-size: 0.92rem;
      }
    `,
  ];
  static override properties = { session: { attribute: false }, seenAt: { state: true } };
  declare session: CharterSession | null;
  declare seenAt: string | null;
  /** The visit (from the workshop context) changed since the last update. */
  private visitChanged = true;
  private readonly ws = new WorkshopConsumer(this, (next, old) => {
    if (next?.visit !== old?.visit) this.visitChanged = true;
  });
  private off: (() => void) | null = null;

  private readonly lastEdits = new LastEditsWatcher(this, () => this.session?.edits);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
    this.seenAt = null;
  }

  private get visit(): VisitInfo {
    return this.ws.value?.visit ?? VISIT_PENDING;
  }

  private get storageKey(): string {
    const s = this.session!;
    return `samskap:charter-seen:${s.workshopId}:${s.me.id}`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session')) {
      this.off?.();
      this.off = this.session?.onChange(() => this.requestUpdate()) ?? null;
    }
    const visitChanged = this.visitChanged;
    this.visitChanged = false;
    if (!this.session || !(changed.has('session') || visitChanged)) return;
    const marked = this.storedMark();
    const since = sinceMark(this.visit, marked);
    if (since !== 'fallback') this.seenAt = since ?? null;
    else {
      this.seenAt = marked;
      // A first visit has nothing to compare with: from now on.
      if (!this.seenAt) this.markSeen();
    }
  }

  private storedMark(): string | null {
    try {
      return localStorage.getItem(this.storageKey);
    } catch {
      return null;
    }
  }

  override disconnectedCallback(): void {
    this.off?.();
    this.off = null;
    super.disconnectedCallback();
  }

  private markSeen(): void {
    const now = new Date().toISOString();
    try {
      localStorage.setItem(this.storageKey, now);
    } catch {
      // Not kept; this page still hides what was marked.
    }
    this.seenAt = now;
  }

  private describe(key: string): string {
    const s = this.session!;
    const [collection, ...rest] = key.split('/');
    const id = rest.join('/');
    switch (collection) {
      case 'maturity':
        return msg(str`the maturity of ${s.orgName(id)}`, { id: 'charter_since_maturity' });
      case 'paradoxes': {
        const [axis, org] = id.split('/');
        const name = (PARADOX_AXES as readonly string[]).includes(axis ?? '') ? axisNames(axis as ParadoxAxis).name : (axis ?? '');
        return msg(str`the position of ${s.orgName(org ?? null)} on ${name}`, { id: 'charter_since_paradox' });
      }
      case 'actors': {
        const actor = s.charter.actors().find((a) => a.id === id);
        return actor ? msg(str`the actor ${actor.name}`, { id: 'charter_since_actor' }) : msg('an actor since removed', { id: 'charter_since_actor_removed' });
      }
      case 'principles': {
        const text = s.charter.principle(id)?.text ?? '';
        const short = text.length > 60 ? text.slice(0, 60) + '…' : text;
        return msg(str`the principle “${short}”`, { id: 'charter_since_principle' });
      }
      case 'benefits':
        return msg('the benefits map', { id: 'charter_since_benefits' });
      case 'roadmap':
        return msg('the roadmap', { id: 'charter_since_roadmap' });
      case 'services':
        return msg('the service inventory', { id: 'charter_since_services' });
      case 'lifeEvent':
        return msg('the life event', { id: 'charter_since_life_event' });
      default:
        return msg('the governance model', { id: 'charter_since_governance' });
    }
  }

  override render() {
    const s = this.session;
    const since = this.seenAt;
    if (!s || !since || !s.edits.loaded) return nothing;
    const mine = s.me.organisationId;
    const shown = new Set(['actors', 'relations', 'maturity', 'paradoxes', 'bodies', 'escalation', 'funding', 'decisions', 'principles', 'benefits', 'roadmap', 'services', 'lifeEvent']);
    const changes = s.edits.all().filter((e) => shown.has(e.key.split('/')[0]!) && e.at > since && e.memberId !== s.me.id && (mine === null || e.organisationId !== mine));
    if (changes.length === 0) return nothing;
    const when = formatChangedAt;
    return html`<section aria-labelledby="charter-since-heading">
      <h2 id="charter-since-heading">${msg(str`Since your last visit (${when(since)})`, { id: 'charter_since_heading' })}</h2>
      <p>${msg('What others changed since then, newest first:', { id: 'charter_since_lead' })}</p>
      <ul>
        ${changes.slice(0, SHOWN).map((c) => html`<li>${c.organisation ? `${c.name}, ${c.organisation}` : c.name}: ${this.describe(c.key)} (${when(c.at)})</li>`)}
        ${changes.length > SHOWN ? html`<li>${msg(str`and ${changes.length - SHOWN} more`, { id: 'charter_since_more' })}</li>` : nothing}
      </ul>
      <button type="button" @click=${() => this.markSeen()}>${msg('Mark as seen', { id: 'vision_since_mark' })}</button>
    </section>`;
  }
}

customElements.define('sk-charter-since', SkCharterSince);

declare global {
  interface HTMLElementTagNameMap {
    'sk-charter-since': SkCharterSince;
  }
}
