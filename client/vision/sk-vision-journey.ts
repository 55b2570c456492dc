/**
 * `<sk-vision-journey>`: "The journey", how the vision grew. Facilitators save named milestones
 * (the server stores the document's snapshot, when, and who). Anyone pages through the steps,
 * first milestone → today, each shown read-only with the changes since the step before
 * highlighted by organisation (or plain), or compares any two steps. Each milestone shows the
 * organisations' stances on it (issue #17: they endorse the vision as a whole by a milestone), and
 * on the milestone being looked at a representative takes their organisation's stance
 * (`<sk-milestone-stances>`); stances others take arrive live (`vision.endorsed`).
 *
 * Context: the workshop (members, the live connection). Properties: `session`.
 * Events: `sk-vision-render` (detail: `{ snapshot, prevSnapshot, caption }`; snapshot null is
 * "now"), `sk-vision-error` (detail: `{ error }`). Parts: none.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import * as Y from 'yjs';
import { api } from '../net/api.js';
import type { MilestoneDto, MilestoneStanceDto } from '../../shared/vision/api.js';
import type { WorkshopSocket } from '../net/workshop-socket.js';
import { WorkshopConsumer } from '../net/workshop-context.js';
import './sk-milestone-stances.js';
import type { SkMilestoneStancesEvents } from './sk-milestone-stances.js';
import './sk-vision-history.js';
import { emitter, type SkEvent } from '../ui/events.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { errorText } from '../ui/texts.js';
import { decodeSnapshotBase64 } from './change-count.js';
import { formatWhen } from './texts.js';
import type { VisionSession } from './vision-session.js';
import { term } from '../ui/vocabulary.js';

export interface RenderRequest {
  snapshot: Y.Snapshot | null;
  prevSnapshot: Y.Snapshot;
  caption: string;
}

type Load = { state: 'loading' } | { state: 'ready' } | { state: 'failed'; error: unknown };
const NOW = 'now';

export interface SkVisionJourneyEvents {
  /** Show this snapshot of the vision (against an earlier one). */
  'sk-vision-render': RenderRequest;
}

export class SkVisionJourney extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      h2 {
        font-size: 1.05rem;
      }
      h3 {
        font-size: 0.98rem;
        margin-top: 1rem;
      }
      ol {
        margin: 0 0 0.5rem;
        padding-left: 1.4rem;
        font-size: 0.92rem;
      }
      li {
        margin-bottom: 0.3rem;
      }
      li button {
        font-size: 0.9rem;
        min-height: 2rem;
        padding: 0.15rem 0.5rem;
        text-align: start;
      }
      li button[aria-current='step'] {
        background: var(--sk-primary);
        color: #fff;
      }
      .meta {
        display: block;
        color: var(--sk-muted);
        font-size: 0.82rem;
      }
      .pager {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem;
      }
      .pager button,
      form button {
        min-height: 2.2rem;
        padding: 0.3rem 0.7rem;
        font-size: 0.9rem;
      }
      .check {
        display: flex;
        gap: 0.4rem;
        align-items: center;
        font-weight: 400;
        font-size: 0.9rem;
        margin: 0.4rem 0;
      }
      .check input {
        width: auto;
        min-height: 0;
      }
      select,
      input[type='text'] {
        min-height: 2.2rem;
        font-size: 0.92rem;
      }
      .field {
        margin-block-end: 0.6rem;
      }
      .status {
        font-size: 0.9rem;
      }
    `,
  ];
  static override properties = {
    session: { attribute: false },
    milestones: { state: true },
    load: { state: true },
    step: { state: true },
    highlight: { state: true },
    busy: { state: true },
    status: { state: true },
    nameError: { state: true },
  };
  declare session: VisionSession | null;
  declare milestones: MilestoneDto[];
  declare load: Load;
  declare step: number;
  declare highlight: boolean;
  declare busy: boolean;
  declare status: string;
  declare nameError: string;
  private readonly snapshots = new Map<string, Y.Snapshot>();
  /** First: the members and the live connection, for the milestones' stances. */
  private readonly ws = new WorkshopConsumer(this, (next, old) => {
    if (next?.socket !== old?.socket) this.listen(next?.socket ?? null);
  });
  private offEndorsed: (() => void) | null = null;
  /** Per milestone, the `seq` of the last `vision.endorsed` applied: an older one arriving late is dropped. */
  private readonly stanceSeq = new Map<string, number>();

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
    this.milestones = [];
    this.load = { state: 'loading' };
    this.step = 0;
    this.highlight = true;
    this.busy = false;
    this.status = '';
    this.nameError = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session') && this.session) void this.fetch();
  }

  override disconnectedCallback(): void {
    this.listen(null);
    super.disconnectedCallback();
  }

  private listen(socket: WorkshopSocket | null): void {
    this.offEndorsed?.();
    this.offEndorsed = socket?.onVisionEndorsed((e) => {
      if (e.seq <= (this.stanceSeq.get(e.milestoneId) ?? -1)) return;
      this.stanceSeq.set(e.milestoneId, e.seq);
      this.setStances(e.milestoneId, e.stances);
    }) ?? null;
  }

  private setStances(milestoneId: string, stances: MilestoneStanceDto[]): void {
    this.milestones = this.milestones.map((m) => (m.id === milestoneId ? { ...m, stances } : m));
  }

  /** Whether I represent my organisation (the members list is fresher than the workshop's `me`). */
  private get representative(): boolean {
    const me = this.ws.value?.me;
    return this.ws.members.find((m) => m.id === me?.id)?.representative ?? me?.representative ?? false;
  }

  private async fetch(): Promise<void> {
    const s = this.session;
    if (!s) return;
    this.load = { state: 'loading' };
    try {
      this.milestones = await api.milestones(s.workshopId);
      this.load = { state: 'ready' };
      await this.show(this.milestones.length); // today
    } catch (error) {
      this.load = { state: 'failed', error };
    }
  }

  /** Steps: every milestone, then today. */
  private get stepCount(): number {
    return this.milestones.length + 1;
  }

  private stepName(i: number): string {
    return i >= this.milestones.length ? term('today') : this.milestones[i]!.name;
  }

  private async snapshotOf(key: string): Promise<Y.Snapshot | null> {
    if (key === NOW) return null;
    const cached = this.snapshots.get(key);
    if (cached) return cached;
    const s = await api.milestone(this.session!.workshopId, key);
    const snap = decodeSnapshotBase64(s.snapshot);
    this.snapshots.set(key, snap);
    return snap;
  }

  private keyOf(i: number): string {
    return i >= this.milestones.length ? NOW : this.milestones[i]!.id;
  }

  private readonly emit = emitter<SkVisionJourneyEvents>(this);

  private fail(error: unknown): void {
    this.status = errorText(error);
  }

  /** Shows step `i`, with the changes since the step before highlighted (when chosen). */
  private async show(i: number): Promise<void> {
    this.step = Math.max(0, Math.min(this.stepCount - 1, i));
    const doc = this.session?.doc;
    if (!doc) return;
    try {
      const snap = await this.snapshotOf(this.keyOf(this.step));
      const here = snap ?? Y.snapshot(doc);
      const prev = !this.highlight ? here : this.step === 0 ? Y.emptySnapshot : ((await this.snapshotOf(this.keyOf(this.step - 1))) ?? Y.snapshot(doc));
      const name = this.stepName(this.step);
      const caption = this.highlight && this.step > 0
        ? msg(str`${name}: changes since ${this.stepName(this.step - 1)} are highlighted`, { id: 'vision_journey_caption_diff' })
        : this.highlight
          ? msg(str`${name}: everything written by then, by organisation`, { id: 'vision_journey_caption_first' })
          : msg(str`${name}, as it was`, { id: 'vision_journey_caption_plain' });
      this.status = '';
      this.emit('sk-vision-render', { snapshot: this.highlight ? snap : here, prevSnapshot: prev, caption });
    } catch (error) {
      this.fail(error);
    }
  }

  private async compare(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const from = (form.elements.namedItem('from') as HTMLSelectElement).value;
    const to = (form.elements.namedItem('to') as HTMLSelectElement).value;
    const idx = (k: string) => (k === NOW ? this.milestones.length : this.milestones.findIndex((m) => m.id === k));
    const [a, b] = idx(from) <= idx(to) ? [from, to] : [to, from];
    try {
      const earlier = (await this.snapshotOf(a)) ?? Y.snapshot(this.session!.doc);
      const later = await this.snapshotOf(b);
      this.step = idx(b);
      this.emit('sk-vision-render', { snapshot: later, prevSnapshot: earlier, caption: msg(str`Changes from ${this.stepName(idx(a))} to ${this.stepName(idx(b))}`, { id: 'vision_journey_caption_compare' }) });
    } catch (error) {
      this.fail(error);
    }
  }

  private async save(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const s = this.session;
    const input = (e.target as HTMLFormElement).elements.namedItem('name') as HTMLInputElement;
    const name = input.value.trim();
    this.nameError = name.length === 0 || name.length > 120 ? msg('Name the milestone (at most 120 characters).', { id: 'vision_milestone_name_error' }) : '';
    if (!s || this.nameError) {
      input.focus();
      return;
    }
    this.busy = true;
    try {
      const m = await api.saveMilestone(s.workshopId, name);
      this.milestones = [...this.milestones, m];
      input.value = '';
      this.status = msg(str`Milestone “${m.name}” saved.`, { id: 'vision_milestone_saved' });
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const s = this.session;
    if (!s) return nothing;
    const l = this.load;
    if (l.state === 'loading') return html`<p role="status">${msg('Loading the milestones…', { id: 'vision_journey_loading' })}</p>`;
    if (l.state === 'failed')
      return html`<div class="alert" role="alert">${errorText(l.error)}</div>
        <button type="button" @click=${this.fetch}>${msg('Try again', { id: 'ws_retry' })}</button>`;
    const options = [...this.milestones.map((m) => ({ key: m.id, name: m.name })), { key: NOW, name: this.stepName(this.milestones.length) }];
    return html`
      <h2>${msg('The journey', { id: 'vision_journey' })}</h2>
      <p class="hint">${msg('How the vision grew: page through the milestones, from the first to today.', { id: 'vision_journey_intro' })}</p>
      <p class="status" role="status">${this.status}</p>
      ${s.facilitator
        ? html`<form novalidate @submit=${this.save}>
            <div class="field">
              <label for="milestone-name">${msg('Save the vision as it is now as a milestone', { id: 'vision_milestone_name' })}</label>
              <input id="milestone-name" name="name" type="text" maxlength="120" placeholder=${msg('e.g. After workshop 1', { id: 'vision_milestone_placeholder' })}
                aria-invalid=${this.nameError ? 'true' : 'false'} aria-describedby="milestone-error" />
              <p class="error" id="milestone-error">${this.nameError}</p>
            </div>
            <button type="submit" class="primary" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>${msg('Save milestone', { id: 'vision_milestone_save' })}</button>
          </form>`
        : nothing}
      <h3 id="steps-heading">${term('milestones')}</h3>
      ${this.milestones.length === 0
        ? html`<p class="hint">${msg('No milestones yet. A facilitator can save one.', { id: 'vision_milestones_none' })}</p>`
        : html`<p class="hint">
            ${msg('Organisations endorse the vision as a whole by a milestone: choose one to read it; a representative then takes their organisation’s stance on it.', {
              id: 'vision_endorse_intro',
            })}
          </p>`}
      <ol aria-labelledby="steps-heading">
        ${options.map(
          (o, i) => html`<li>
            <button type="button" aria-current=${this.step === i ? 'step' : 'false'} @click=${() => this.show(i)}>${o.name}</button>
            ${i < this.milestones.length
              ? html`<span class="meta">${formatWhen(this.milestones[i]!.createdAt)} · ${this.milestones[i]!.createdBy.displayName}</span>
                  <sk-milestone-stances .milestone=${this.milestones[i]!} .session=${s} .members=${this.ws.members} .socket=${this.ws.socket}
                    ?representative=${this.representative} ?editable=${this.step === i}
                    @sk-milestone-stances=${(e: SkEvent<SkMilestoneStancesEvents, 'sk-milestone-stances'>) => this.setStances(e.detail.milestoneId, e.detail.stances)}
                  ></sk-milestone-stances>`
              : nothing}
          </li>`,
        )}
      </ol>
      <div class="pager" role="group" aria-label=${msg('Page through the milestones', { id: 'vision_journey_pager' })}>
        <button type="button" ?disabled=${this.step === 0} @click=${() => this.show(this.step - 1)}>${msg('Previous', { id: 'vision_journey_prev' })}</button>
        <span>${msg(str`Step ${this.step + 1} of ${this.stepCount}`, { id: 'vision_journey_step' })}</span>
        <button type="button" ?disabled=${this.step >= this.stepCount - 1} @click=${() => this.show(this.step + 1)}>${msg('Next', { id: 'vision_journey_next' })}</button>
      </div>
      <label class="check"><input type="checkbox" .checked=${this.highlight} @change=${(e: Event) => {
        this.highlight = (e.target as HTMLInputElement).checked;
        void this.show(this.step);
      }} />${msg('Highlight what changed since the step before', { id: 'vision_journey_highlight' })}</label>
      ${this.milestones.length > 0
        ? html`<h3>${msg('Compare two steps', { id: 'vision_compare' })}</h3>
            <form @submit=${this.compare}>
              <div class="field">
                <label for="cmp-from">${msg('From', { id: 'vision_compare_from' })}</label>
                <select id="cmp-from" name="from">${options.map((o, i) => html`<option value=${o.key} ?selected=${i === 0}>${o.name}</option>`)}</select>
              </div>
              <div class="field">
                <label for="cmp-to">${msg('To', { id: 'vision_compare_to' })}</label>
                <select id="cmp-to" name="to">${options.map((o) => html`<option value=${o.key} ?selected=${o.key === NOW}>${o.name}</option>`)}</select>
              </div>
              <button type="submit">${msg('Compare', { id: 'vision_compare_submit' })}</button>
            </form>`
        : nothing}
      <sk-vision-history .session=${s}></sk-vision-history>
    `;
  }
}

customElements.define('sk-vision-journey', SkVisionJourney);

declare global {
  interface HTMLElementTagNameMap {
    'sk-vision-journey': SkVisionJourney;
  }
}
