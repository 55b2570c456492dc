/**
 * `<sk-export-dialog>`: an "Export" button and its dialog. Any member exports the charter
 * (Word, PDF, Markdown or JSON; in any of the three languages; only agreed principles or all)
 * or a board (SVG or PNG; whole, or one frame); a facilitator also downloads a backup of the
 * whole workshop. A progress bar follows the download (big boards take a moment).
 *
 * Properties: `currentBoard` (the board on screen: the dialog opens on it).
 * Context: the workshop (client/net/workshop-context.ts). Events: none. Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import type SlDialog from '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import type { WorkshopDto } from '../../shared/api.js';
import { BoardDoc } from '../../shared/board/board-doc.js';
import { appLocale, LOCALE_NAMES, LOCALES, type AppLocale } from '../ui/i18n.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { errorText } from '../ui/texts.js';
import { downloadFile } from './download.js';
import { exportDialogStyles } from './sk-export-dialog.styles.js';
import { WorkshopConsumer } from '../net/workshop-context.js';
import { showDialog } from '../ui/show-dialog.js';

type What = 'charter' | 'board' | 'backup';
type CharterFormat = 'docx' | 'pdf' | 'md' | 'json';
type BoardFormat = 'svg' | 'png';

export class SkExportDialog extends LitElement {
  static override styles = [sharedStyles, exportDialogStyles];
  static override properties = {
    currentBoard: { attribute: false },
    what: { state: true },
    charterFormat: { state: true },
    lang: { state: true },
    all: { state: true },
    boardId: { state: true },
    boardFormat: { state: true },
    frames: { state: true },
    frame: { state: true },
    progress: { state: true },
    error: { state: true },
    done: { state: true },
  };
  /** The board on screen, chosen when the dialog opens (null: not on the board tab). */
  declare currentBoard: string | null;
  declare what: What;
  declare charterFormat: CharterFormat;
  declare lang: AppLocale;
  declare all: boolean;
  declare boardId: string;
  declare boardFormat: BoardFormat;
  declare frames: { id: string; title: string }[] | null;
  declare frame: string;
  /** null: idle; received/total while downloading (total null: unknown yet). */
  declare progress: { received: number; total: number | null } | null;
  declare error: string;
  declare done: boolean;
  /** First: what follows reads the workshop context when the element connects. */
  private readonly ws = new WorkshopConsumer(this);
  /** The dialog is rendered only inside a loaded workshop (render() checks). */
  private get workshop(): WorkshopDto {
    return this.ws.workshop!;
  }
  private abort: AbortController | null = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.currentBoard = null;
    this.what = 'charter';
    this.charterFormat = 'docx';
    this.lang = appLocale();
    this.all = false;
    this.boardId = '';
    this.boardFormat = 'svg';
    this.frames = null;
    this.frame = '';
    this.progress = null;
    this.error = '';
    this.done = false;
  }

  private get dialog(): SlDialog | null {
    return this.renderRoot.querySelector('sl-dialog');
  }

  private open = async () => {
    this.lang = appLocale();
    // The board on screen, else the one chosen last time (if it still exists), else the first.
    const boards = this.workshop.boards;
    const has = (id: string | null) => !!id && boards.some((b) => b.id === id);
    this.boardId = has(this.currentBoard) ? this.currentBoard! : has(this.boardId) ? this.boardId : (boards[0]?.id ?? '');
    this.error = '';
    this.done = false;
    await showDialog(this.dialog);
  };

  /** Closing while a download runs cancels it instead of leaving it orphaned. */
  private onRequestClose = () => {
    if (this.progress) this.abort?.abort();
  };

  private async loadFrames(): Promise<void> {
    const board = this.workshop.boards.find((b) => b.id === this.boardId);
    if (!board) return;
    this.frames = null;
    // The board page's connection when it is open (the workshop's rooms are shared), else a new one.
    const conn = this.ws.value!.rooms.open(board.room);
    try {
      // Wait for the server's copy (not only the browser's), and never close a socket mid-handshake.
      await new Promise<void>((resolve) => {
        const done = () => {
          stop();
          clearTimeout(timer);
          resolve();
        };
        const stop = conn.onStatus((s) => {
          if (s.state === 'closed') done();
        });
        const timer = setTimeout(done, 10_000);
        void conn.synced.then(done);
        if (conn.status().state === 'closed') done();
      });
      await conn.ready;
      const list = new BoardDoc(conn.doc, () => '').list().filter((e) => e.kind === 'frame');
      this.frames = list.map((f, i) => ({ id: f.id, title: f.text.trim() || msg(str`Frame ${i + 1}`, { id: 'export_frame_untitled' }) }));
    } finally {
      conn.destroy();
    }
  }

  private setWhat(what: What): void {
    this.what = what;
    this.error = '';
    this.done = false;
    if (what === 'board' && this.frames === null) void this.loadFrames();
  }

  private path(): string {
    const id = this.workshop.id;
    if (this.what === 'charter') return `/api/workshops/${id}/export/charter?format=${this.charterFormat}&lang=${this.lang}&all=${this.all}`;
    if (this.what === 'board') return `/api/workshops/${id}/export/board/${this.boardId}?format=${this.boardFormat}${this.frame ? `&frame=${this.frame}` : ''}`;
    return `/api/workshops/${id}/backup`;
  }

  private download = async () => {
    this.error = '';
    this.done = false;
    this.abort = new AbortController();
    this.progress = { received: 0, total: null };
    try {
      await downloadFile(this.path(), (received, total) => (this.progress = { received, total }), this.abort.signal);
      this.done = true;
    } catch (err) {
      if ((err as Error).name !== 'AbortError') this.error = errorText(err);
    } finally {
      this.progress = null;
      this.abort = null;
    }
  };

  private renderCharter() {
    const formats: [CharterFormat, string][] = [
      ['docx', msg('Word document (DOCX)', { id: 'export_format_docx' })],
      ['pdf', msg('PDF', { id: 'export_format_pdf' })],
      ['md', msg('Markdown', { id: 'export_format_md' })],
      ['json', msg('JSON (for other tools)', { id: 'export_format_json' })],
    ];
    return html`<div class="field">
        <label for="charter-format">${msg('Format', { id: 'export_format' })}</label>
        <select id="charter-format" @change=${(e: Event) => (this.charterFormat = (e.target as HTMLSelectElement).value as CharterFormat)}>
          ${formats.map(([v, label]) => html`<option value=${v} ?selected=${this.charterFormat === v}>${label}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="charter-lang">${msg('Language of the document', { id: 'export_language' })}</label>
        <select id="charter-lang" @change=${(e: Event) => (this.lang = (e.target as HTMLSelectElement).value as AppLocale)}>
          ${LOCALES.map((l) => html`<option value=${l} lang=${l} ?selected=${this.lang === l}>${LOCALE_NAMES[l]}</option>`)}
        </select>
      </div>
      <label class="check"
        ><input type="checkbox" .checked=${this.all} @change=${(e: Event) => (this.all = (e.target as HTMLInputElement).checked)} />
        ${msg('Include principles that are not agreed (yet), with their status', { id: 'export_all_principles' })}</label
      >`;
  }

  private renderBoard() {
    return html`<div class="field">
        <label for="board">${msg('Board', { id: 'export_board' })}</label>
        <select id="board" @change=${(e: Event) => {
          this.boardId = (e.target as HTMLSelectElement).value;
          this.frame = '';
          void this.loadFrames();
        }}>
          ${this.workshop.boards.map((b) => html`<option value=${b.id} ?selected=${this.boardId === b.id}>${b.title}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="board-format">${msg('Format', { id: 'export_format' })}</label>
        <select id="board-format" @change=${(e: Event) => (this.boardFormat = (e.target as HTMLSelectElement).value as BoardFormat)}>
          <option value="svg" ?selected=${this.boardFormat === 'svg'}>${msg('SVG (vector, sharp at any size)', { id: 'export_format_svg' })}</option>
          <option value="png" ?selected=${this.boardFormat === 'png'}>${msg('PNG (picture)', { id: 'export_format_png' })}</option>
        </select>
      </div>
      <div class="field">
        <label for="frame">${msg('What to include', { id: 'export_scope' })}</label>
        <select id="frame" aria-busy=${this.frames === null ? 'true' : 'false'} @change=${(e: Event) => (this.frame = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${this.frame === ''}>${msg('The whole board', { id: 'export_whole_board' })}</option>
          ${(this.frames ?? []).map((f) => html`<option value=${f.id} ?selected=${this.frame === f.id}>${msg(str`Only the frame “${f.title}”`, { id: 'export_only_frame' })}</option>`)}
        </select>
        ${this.frames === null ? html`<p class="hint">${msg('Looking for frames…', { id: 'export_frames_loading' })}</p>` : nothing}
      </div>`;
  }

  private renderProgress() {
    const p = this.progress;
    if (!p) return nothing;
    const pct = p.total ? Math.round((p.received / p.total) * 100) : null;
    return html`<progress max="100" .value=${pct ?? 0} ?indeterminate=${pct === null} aria-label=${msg('Export progress', { id: 'export_progress' })}></progress>`;
  }

  override render() {
    if (!this.ws.workshop) return nothing;
    const facilitator = this.workshop.me.role === 'facilitator';
    const busy = this.progress !== null;
    const p = this.progress;
    const status = busy
      ? p!.total
        ? msg(str`Downloading… ${Math.round((p!.received / p!.total) * 100)} %`, { id: 'export_downloading' })
        : msg('Preparing the file…', { id: 'export_preparing' })
      : this.done
        ? msg('Downloaded. Look in your downloads folder.', { id: 'export_done' })
        : '';
    const choice = (value: What, label: string, hint: string) =>
      html`<label><input type="radio" name="what" .checked=${this.what === value} @change=${() => this.setWhat(value)} /><span>${label}<br /><span class="hint">${hint}</span></span></label>`;
    return html`
      <sl-button @click=${this.open}>${msg('Export', { id: 'export_open' })}</sl-button>
      <sl-dialog label=${msg('Export', { id: 'export_open' })} @sl-request-close=${this.onRequestClose}>
        <fieldset class="choices">
          <legend>${msg('What do you want to export?', { id: 'export_what' })}</legend>
          ${choice('charter', msg('The charter', { id: 'export_charter' }), msg('Vision, actor map, governance model and principles, with who agreed to what.', { id: 'export_charter_hint' }))}
          ${choice('board', msg('A board', { id: 'export_a_board' }), msg('As a picture, whole or one frame.', { id: 'export_board_hint' }))}
          ${facilitator ? choice('backup', msg('A backup of the whole workshop', { id: 'export_backup' }), msg('One file with everything, to keep or to move the workshop to another Samskap server.', { id: 'export_backup_hint' })) : nothing}
        </fieldset>
        ${this.what === 'charter' ? this.renderCharter() : this.what === 'board' ? this.renderBoard() : nothing}
        ${this.renderProgress()}
        <p class="status" role="status">${status}</p>
        ${this.error ? html`<div class="alert" role="alert">${this.error}</div>` : nothing}
        <div slot="footer" class="footer">
          <sl-button @click=${() => (busy ? this.abort?.abort() : void this.dialog?.hide())}>${busy ? msg('Cancel', { id: 'export_cancel' }) : msg('Close', { id: 'export_close' })}</sl-button>
          <sl-button variant="primary" ?disabled=${busy || (this.what === 'board' && !this.boardId)} @click=${this.download}>${msg('Download', { id: 'export_download' })}</sl-button>
        </div>
      </sl-dialog>
    `;
  }
}

customElements.define('sk-export-dialog', SkExportDialog);
