/**
 * `<sk-board-tabs>`: the workshop's boards above the board (issue #16), as links
 * (`/w/<id>/b/<boardId>`; the current one `aria-current="page"`). Facilitators also add a board,
 * and rename, duplicate, move and delete the one shown (deleting asks first). Every change is one
 * REST call; the list on screen follows the server's `boards.changed` (through the workshop
 * context), so all pages agree. Refusals are shown in words.
 *
 * Properties: `current` (the id of the board shown). Context: the workshop (client/net/workshop-context.ts).
 * Events: none. Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import type SlDialog from '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import type { BoardDto, WorkshopDto } from '../../shared/api.js';
import { Limits } from '../../shared/limits.js';
import { api, ApiError } from '../net/api.js';
import { WorkshopConsumer } from '../net/workshop-context.js';
import { loadDialog } from '../ui/lazy-shoelace.js';
import { navigate } from '../ui/navigation.js';
import { sharedStyles } from '../ui/shared.styles.js';
import '../ui/sk-confirm-dialog.js';
import type { SkConfirmDialog } from '../ui/sk-confirm-dialog.js';
import { dialogStyles } from '../ui/sk-confirm-dialog.styles.js';
import { errorText } from '../ui/texts.js';
import { showDialog } from '../ui/show-dialog.js';

type TitleAsk = { kind: 'new' } | { kind: 'rename'; board: BoardDto };

export class SkBoardTabs extends LitElement {
  static override styles = [
    sharedStyles,
    dialogStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem 0.75rem;
      }
      ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      a {
        display: inline-block;
        padding: 0.25rem 0.7rem;
        border: 1px solid var(--sk-line);
        border-radius: 999px;
        color: var(--sk-text);
        text-decoration: none;
        font-size: 0.92rem;
        max-width: 16rem;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      a[aria-current='page'] {
        background: var(--sk-primary-soft);
        border-color: var(--sk-primary);
        font-weight: 700;
      }
      button {
        min-height: 2rem;
        padding: 0.2rem 0.7rem;
        font-size: 0.9rem;
      }
      details {
        position: relative;
      }
      summary {
        cursor: pointer;
        font-size: 0.9rem;
        font-weight: 600;
        color: var(--sk-primary);
        padding: 0.25rem 0.4rem;
        border-radius: 6px;
      }
      .manage {
        position: absolute;
        z-index: 20;
        top: 100%;
        left: 0;
        display: flex;
        flex-direction: column;
        gap: 0.3rem;
        min-width: 12rem;
        padding: 0.5rem;
        background: var(--sk-surface);
        border: 1px solid var(--sk-line);
        border-radius: 8px;
        box-shadow: 0 6px 20px rgb(23 33 43 / 15%);
      }
      .manage button {
        text-align: start;
      }
      .alert:empty {
        display: none;
      }
      label {
        display: block;
        font-weight: 600;
        margin-bottom: 0.3rem;
      }
      input {
        width: 100%;
      }
    `,
  ];
  static override properties = { current: { type: String }, busy: { state: true }, error: { state: true }, ask: { state: true } };
  declare current: string;
  declare busy: boolean;
  declare error: string;
  declare ask: TitleAsk | null;
  private readonly ws = new WorkshopConsumer(this);
  private opener: HTMLElement | null = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.current = '';
    this.busy = false;
    this.error = '';
    this.ask = null;
  }

  private get workshop(): WorkshopDto | null {
    return this.ws.workshop;
  }

  private async run<T>(fn: () => Promise<T>): Promise<T | null> {
    this.busy = true;
    this.error = '';
    try {
      return await fn();
    } catch (err) {
      // The server's one refusal here that is not an error: the last board, or one too many.
      this.error = err instanceof ApiError && err.code === 'conflict' ? msg(str`A workshop keeps at least one board and has at most ${Limits.boardsMax}.`, { id: 'boards_conflict' }) : errorText(err);
      return null;
    } finally {
      this.busy = false;
    }
  }

  private closeMenu(): void {
    this.renderRoot.querySelector('details')?.removeAttribute('open');
  }

  private async askTitle(ask: TitleAsk, opener: HTMLElement): Promise<void> {
    this.closeMenu();
    this.opener = opener;
    this.ask = ask;
    try {
      await loadDialog();
    } catch {
      // Offline before the dialog's code arrived: the browser's own prompt.
      const title = window.prompt(this.dialogLabel(ask), ask.kind === 'rename' ? ask.board.title : '')?.trim();
      if (title) await this.saveTitle(ask, title);
      return;
    }
    await this.updateComplete;
    await showDialog(this.renderRoot.querySelector<SlDialog>('sl-dialog'));
  }

  private dialogLabel(ask: TitleAsk): string {
    return ask.kind === 'new' ? msg('New board', { id: 'boards_new_heading' }) : msg(str`Rename the board «${ask.board.title}»`, { id: 'boards_rename_heading' });
  }

  private async saveTitle(ask: TitleAsk, title: string): Promise<boolean> {
    const w = this.workshop;
    if (!w) return false;
    if (ask.kind === 'new') {
      const made = await this.run(() => api.createBoard(w.id, title));
      if (made) navigate(`/w/${w.id}/b/${made.id}`);
      return !!made;
    }
    return (await this.run(() => api.updateBoard(w.id, ask.board.id, { title }))) !== null;
  }

  private async onSubmitTitle(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const ask = this.ask;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#board-title');
    const title = input?.value.trim() ?? '';
    if (!ask || !title) {
      input?.focus();
      return;
    }
    if (await this.saveTitle(ask, title)) void this.renderRoot.querySelector<SlDialog>('sl-dialog')?.hide();
  }

  private onInitialFocus(e: Event): void {
    if ((e.target as Element).localName !== 'sl-dialog') return;
    e.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#board-title');
    input?.focus();
    input?.select();
  }

  private onHide(e: Event): void {
    if ((e.target as Element).localName !== 'sl-dialog') return;
    queueMicrotask(() => {
      const opener = this.opener;
      this.opener = null;
      this.ask = null;
      if (opener?.isConnected) opener.focus();
    });
  }

  private async move(board: BoardDto, by: number): Promise<void> {
    const w = this.workshop;
    const at = w?.boards.findIndex((b) => b.id === board.id) ?? -1;
    if (!w || at < 0) return;
    await this.run(() => api.updateBoard(w.id, board.id, { order: Math.max(0, at + by) }));
  }

  private async duplicate(board: BoardDto): Promise<void> {
    const w = this.workshop;
    this.closeMenu();
    if (!w) return;
    const copy = await this.run(() => api.duplicateBoard(w.id, board.id));
    if (copy) navigate(`/w/${w.id}/b/${copy.id}`);
  }

  private async deleteCurrent(): Promise<void> {
    const w = this.workshop;
    const confirm = this.renderRoot.querySelector<SkConfirmDialog>('sk-confirm-dialog');
    if (!w || !confirm) return;
    confirm.busy = true;
    const left = await this.run(() => api.deleteBoard(w.id, this.current));
    confirm.busy = false;
    if (!left) {
      confirm.error = this.error;
      return;
    }
    confirm.close();
    navigate(`/w/${w.id}/b/${left[0]!.id}`, { replace: true });
  }

  override render() {
    const w = this.workshop;
    if (!w) return nothing;
    const boards = w.boards;
    const here = boards.find((b) => b.id === this.current) ?? null;
    const at = here ? boards.indexOf(here) : -1;
    const facilitator = w.me.role === 'facilitator';
    return html`
      <nav aria-label=${msg('Boards', { id: 'boards_nav' })}>
        <ul>
          ${boards.map((b) => html`<li><a href="/w/${w.id}/b/${b.id}" title=${b.title} aria-current=${b.id === this.current ? 'page' : 'false'}>${b.title}</a></li>`)}
        </ul>
      </nav>
      ${facilitator
        ? html`<button type="button" ?disabled=${this.busy || boards.length >= Limits.boardsMax} @click=${(e: Event) => this.askTitle({ kind: 'new' }, e.currentTarget as HTMLElement)}>
              + ${msg('New board', { id: 'boards_new' })}
            </button>
            ${here
              ? html`<details @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (this.closeMenu(), this.renderRoot.querySelector<HTMLElement>('summary')?.focus())}>
                  <summary>${msg('This board', { id: 'boards_manage' })}</summary>
                  <div class="manage" role="group" aria-label=${msg(str`Change the board «${here.title}»`, { id: 'boards_manage_label' })}>
                    <button type="button" ?disabled=${this.busy} @click=${(e: Event) => this.askTitle({ kind: 'rename', board: here }, e.currentTarget as HTMLElement)}>${msg('Rename…', { id: 'boards_rename' })}</button>
                    <button type="button" ?disabled=${this.busy || boards.length >= Limits.boardsMax} @click=${() => this.duplicate(here)}>${msg('Duplicate', { id: 'boards_duplicate' })}</button>
                    <button type="button" ?disabled=${this.busy || at <= 0} @click=${() => this.move(here, -1)}>${msg('Move earlier', { id: 'boards_move_earlier' })}</button>
                    <button type="button" ?disabled=${this.busy || at >= boards.length - 1} @click=${() => this.move(here, 1)}>${msg('Move later', { id: 'boards_move_later' })}</button>
                    <button type="button" class="danger" ?disabled=${this.busy || boards.length <= 1} @click=${(e: Event) => {
                      this.closeMenu();
                      void this.renderRoot.querySelector<SkConfirmDialog>('sk-confirm-dialog')?.show(e.currentTarget as HTMLElement);
                    }}>${msg('Delete…', { id: 'boards_delete' })}</button>
                  </div>
                </details>
                <sk-confirm-dialog
                  .heading=${msg(str`Delete the board «${here.title}»?`, { id: 'boards_delete_heading' })}
                  .confirmLabel=${msg('Delete the board', { id: 'boards_delete_confirm' })}
                  .busyLabel=${msg('Deleting…', { id: 'boards_deleting' })}
                  @sk-confirm=${() => this.deleteCurrent()}
                  >${msg('Everything on it goes, for everyone. Export it first if you want to keep it. The audit log keeps that it was deleted, and by whom.', { id: 'boards_delete_text' })}</sk-confirm-dialog
                >`
              : nothing}`
        : nothing}
      <p class="alert" role="alert">${this.error}</p>
      ${this.ask
        ? html`<form novalidate @submit=${this.onSubmitTitle}>
            <sl-dialog label=${this.dialogLabel(this.ask)} @sl-initial-focus=${this.onInitialFocus} @sl-hide=${this.onHide}>
              <label for="board-title">${msg('Name of the board', { id: 'boards_title' })}</label>
              <input id="board-title" maxlength=${Limits.boardTitleMax} .value=${this.ask.kind === 'rename' ? this.ask.board.title : ''} required />
              <p class="alert" role="alert">${this.error}</p>
              <div class="actions" slot="footer">
                <sl-button variant="primary" type="submit" ?loading=${this.busy}>${this.ask.kind === 'new' ? msg('Add the board', { id: 'boards_add' }) : msg('Save', { id: 'boards_save' })}</sl-button>
                <sl-button @click=${() => this.renderRoot.querySelector<SlDialog>('sl-dialog')?.hide()}>${msg('Cancel', { id: 'boards_cancel' })}</sl-button>
              </div>
            </sl-dialog>
          </form>`
        : nothing}
    `;
  }
}

customElements.define('sk-board-tabs', SkBoardTabs);

declare global {
  interface HTMLElementTagNameMap {
    'sk-board-tabs': SkBoardTabs;
  }
}
