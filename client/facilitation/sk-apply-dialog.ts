/**
 * `<sk-apply-dialog>`: reveal, then apply. For a revealed question, lists per organisation what
 * the charter says now beside its revealed answer, so the facilitator sees old and new before
 * anything is written; the chosen organisations' answers are then applied (`answer.apply`). An
 * answer without a justification (or note) keeps the charter's, and the dialog says so.
 *
 * Context: the workshop (client/net/workshop-context.ts).
 * Methods: `show(opener, question)`. Events: `sk-applied` (the answers were written).
 * Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import type SlDialog from '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import type { WorkshopDto } from '../../shared/api.js';
import { CharterDoc } from '../../shared/charter/charter-doc.js';
import { paradoxKey } from '../../shared/charter/schema.js';
import type { AnswerValue, QuestionView } from '../../shared/realtime/index.js';
import { sharedStyles } from '../ui/shared.styles.js';
import type { RoomConnection } from '../net/room-connection.js';
import type { WorkshopSocket } from '../net/workshop-socket.js';
import { applyStyles } from './sk-apply-dialog.styles.js';
import { commandErrorText } from '../ui/texts.js';
import { questionTitle } from './facilitation-texts.js';
import { WorkshopConsumer } from '../net/workshop-context.js';
import { emitter } from '../ui/events.js';
import { showDialog } from '../ui/show-dialog.js';
import { onDocChange } from '../../shared/sync/doc-change.js';

type Shown = { generation: number; text: string } | { position: number; text: string };

export interface SkApplyDialogEvents {
  /** The answers were written into the charter. */
  'sk-applied': null;
}

export class SkApplyDialog extends LitElement {
  static override styles = [sharedStyles, applyStyles];
  static override properties = { question: { state: true }, busy: { state: true }, error: { state: true }, chosen: { state: true } };
  declare question: QuestionView | null;
  declare busy: boolean;
  declare error: string;
  declare chosen: ReadonlySet<string>;
  /** First: what follows reads the workshop context when the element connects. */
  private readonly ws = new WorkshopConsumer(this);
  private get workshop(): WorkshopDto | null {
    return this.ws.workshop;
  }
  private get socket(): WorkshopSocket | null {
    return this.ws.socket;
  }
  private conn: RoomConnection | null = null;
  private offDoc: (() => void) | null = null;
  private opener: HTMLElement | null = null;
  private readonly refresh = () => this.requestUpdate();

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.question = null;
    this.busy = false;
    this.error = '';
    this.chosen = new Set();
  }

  override disconnectedCallback(): void {
    this.release();
    super.disconnectedCallback();
  }

  private release(): void {
    this.offDoc?.();
    this.offDoc = null;
    this.conn?.destroy();
    this.conn = null;
  }

  /** The latest answer of each organisation (answers come oldest first); text answers never go into the charter. */
  private latest(): Map<string, Exclude<AnswerValue, string>> {
    return new Map((this.question?.answers ?? []).flatMap((a) => (typeof a.value === 'string' ? [] : [[a.organisationId, a.value] as const])));
  }

  async show(opener: HTMLElement | null, q: QuestionView): Promise<void> {
    const w = this.workshop;
    if (!w) return;
    this.opener = opener;
    this.question = q;
    this.error = '';
    this.busy = false;
    this.chosen = new Set(this.latest().keys());
    if (!this.conn) {
      // Shared with the charter page when it is open (the workshop's rooms).
      this.conn = this.ws.value!.rooms.open(`${w.id}/charter`);
      this.offDoc = onDocChange(this.conn.doc, this.refresh);
    }
    await this.updateComplete;
    await showDialog(this.renderRoot.querySelector<SlDialog>('sl-dialog'));
  }

  private current(org: string): Shown | null {
    const q = this.question;
    if (!this.conn || !q) return null;
    const charter = new CharterDoc(this.conn.doc, () => '');
    if (q.kind === 'maturity') {
      const m = charter.maturity().find((e) => e.organisationId === org);
      return m ? { generation: m.generation, text: m.justification } : null;
    }
    const p = q.axis ? charter.paradoxes().find((e) => paradoxKey(e.axis, e.organisationId) === paradoxKey(q.axis!, org)) : undefined;
    return p ? { position: p.position, text: p.note } : null;
  }

  private valueText(v: Shown | null): string {
    if (!v) return msg('(nothing yet)', { id: 'fac_apply_nothing' });
    const head = 'generation' in v ? msg(str`Generation ${v.generation}`, { id: 'fac_apply_generation' }) : msg(str`Position ${Math.round(v.position)} of 100`, { id: 'fac_apply_position' });
    return v.text ? `${head}: ${v.text}` : head;
  }

  private toggle(org: string, on: boolean): void {
    const next = new Set(this.chosen);
    if (on) next.add(org);
    else next.delete(org);
    this.chosen = next;
  }

  private readonly emit = emitter<SkApplyDialogEvents>(this);

  private async apply(): Promise<void> {
    const q = this.question;
    if (!q || !this.socket || this.chosen.size === 0) return;
    this.busy = true;
    this.error = '';
    try {
      await this.socket.command('answer.apply', { questionId: q.questionId, organisationIds: [...this.chosen] });
      this.emit('sk-applied');
      await this.renderRoot.querySelector<SlDialog>('sl-dialog')?.hide();
    } catch (err) {
      this.error = commandErrorText(err);
    } finally {
      this.busy = false;
    }
  }

  private readonly afterHide = (e: Event) => {
    if (e.target !== this.renderRoot.querySelector('sl-dialog')) return;
    this.release();
    if (this.opener?.isConnected) this.opener.focus();
  };

  override render() {
    const q = this.question;
    const orgs = this.workshop?.organisations ?? [];
    const latest = this.latest();
    const rows = orgs.filter((o) => latest.has(o.id));
    return html`<sl-dialog label=${q ? msg(str`Apply to the charter: ${questionTitle(q)}`, { id: 'fac_apply_title' }) : ''} @sl-after-hide=${this.afterHide}>
      <p>${msg('Compare what the charter says now with each revealed answer, and choose what to apply. An answer without a justification or note keeps the one in the charter.', { id: 'fac_apply_lead' })}</p>
      ${rows.length === 0
        ? html`<p>${msg('Nobody answered this question.', { id: 'fac_apply_none' })}</p>`
        : html`<table>
            <thead>
              <tr>
                <th scope="col">${msg('Apply for', { id: 'fac_apply_col' })}</th>
                <th scope="col">${msg('In the charter now', { id: 'fac_apply_now' })}</th>
                <th scope="col">${msg('Revealed answer', { id: 'fac_apply_answer' })}</th>
              </tr>
            </thead>
            <tbody>
              ${rows.map((o) => {
                const v = latest.get(o.id)!;
                const now = this.current(o.id);
                const given = 'generation' in v ? v.justification?.trim() : v.note?.trim();
                const next: Shown = 'generation' in v ? { generation: v.generation, text: given || '' } : { position: v.position, text: given || '' };
                return html`<tr>
                  <th scope="row">
                    <label class="org"><input type="checkbox" .checked=${this.chosen.has(o.id)} @change=${(e: Event) => this.toggle(o.id, (e.target as HTMLInputElement).checked)} /> ${o.name}</label>
                  </th>
                  <td class="now">${this.valueText(now)}</td>
                  <td class="new">${this.valueText(next)}${!given && now?.text ? html`<span class="kept">${msg('(keeps the charter’s text)', { id: 'fac_apply_kept' })}</span>` : nothing}</td>
                </tr>`;
              })}
            </tbody>
          </table>`}
      <p class="alert" role="alert">${this.error}</p>
      <div class="footer" slot="footer">
        <sl-button @click=${() => this.renderRoot.querySelector<SlDialog>('sl-dialog')?.hide()}>${msg('Cancel', { id: 'dialog_cancel' })}</sl-button>
        <sl-button variant="primary" ?loading=${this.busy} ?disabled=${this.chosen.size === 0} @click=${this.apply}>${msg(str`Apply ${this.chosen.size} to the charter`, { id: 'fac_apply_confirm' })}</sl-button>
      </div>
    </sl-dialog>`;
  }
}

customElements.define('sk-apply-dialog', SkApplyDialog);
