/**
 * `<sk-import-form>`: recreate a workshop from a backup file (exported on this or another Samskap
 * server). The file is read in the browser, sent once, and checked by the server before anything
 * is created; the importer becomes the new workshop's facilitator.
 *
 * Properties: none. Events: none (navigates to the new workshop). Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { CreatedWorkshopDto } from '../../shared/api.js';
import type { ErrorBody } from '../../shared/errors.js';
import { ApiError } from '../net/api.js';
import { navigate } from '../ui/navigation.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { errorText } from '../ui/texts.js';

/** The largest file the server takes (64 MB). */
const MAX_BYTES = 64 * 1024 * 1024;

export class SkImportForm extends LitElement {
  static override styles = [sharedStyles];
  static override properties = {
    file: { state: true },
    displayName: { state: true },
    createCode: { state: true },
    askCode: { state: true },
    busy: { state: true },
    error: { state: true },
  };
  declare file: File | null;
  declare displayName: string;
  declare createCode: string;
  declare askCode: boolean;
  declare busy: boolean;
  declare error: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.file = null;
    this.displayName = '';
    this.createCode = '';
    this.askCode = false;
    this.busy = false;
    this.error = '';
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    this.error = '';
    if (!this.file) return void (this.error = msg('Choose the backup file first.', { id: 'import_no_file' }));
    if (!this.displayName.trim()) return void (this.error = msg('Write your name.', { id: 'import_no_name' }));
    if (this.file.size > MAX_BYTES) return void (this.error = msg('The file is larger than 64 MB, more than this server takes.', { id: 'import_too_big' }));
    this.busy = true;
    try {
      let backup: unknown;
      try {
        backup = JSON.parse(await this.file.text());
      } catch {
        throw new ApiError(400, 'backup_invalid', msg('The file could not be read: it is damaged or cut short.', { id: 'import_unreadable' }));
      }
      // The code travels in a header, so a wrong one is refused before the server reads the file;
      // one a header cannot carry (beyond Latin-1) goes in the body, which the server also accepts.
      const inHeader = /^[\x20-\x7e\xa0-\xff]*$/.test(this.createCode);
      const body = { displayName: this.displayName.trim(), backup, ...(this.createCode && !inHeader ? { createCode: this.createCode } : {}) };
      const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json', ...(this.createCode && inHeader ? { 'X-Create-Code': this.createCode } : {}) };
      const res = await fetch('/api/workshops/import', { method: 'POST', credentials: 'same-origin', headers, body: JSON.stringify(body) }).catch((err: Error) => {
        throw new ApiError(0, 'network_error', err.message);
      });
      const data = (await res.json().catch(() => null)) as (CreatedWorkshopDto & Partial<ErrorBody>) | null;
      if (!res.ok || !data?.id) throw new ApiError(res.status, data?.error?.code ?? 'bad_response', data?.error?.message ?? `HTTP ${res.status}`);
      navigate(`/w/${encodeURIComponent(data.id)}`);
    } catch (err) {
      this.error = this.describe(err);
      this.busy = false;
    }
  }

  private describe(err: unknown): string {
    const code = err instanceof ApiError ? err.code : null;
    if (code === 'create_code_required') {
      this.askCode = true;
      return msg('This server needs its creation code to import a workshop.', { id: 'import_code_needed' });
    }
    if (code === 'backup_invalid') return `${msg('This is not a usable Samskap backup. Nothing was created.', { id: 'import_invalid' })} (${(err as Error).message})`;
    if (code === 'invalid_json') return msg('The file could not be read: it is damaged or cut short.', { id: 'import_unreadable' });
    if (code === 'payload_too_large') return msg('The file is larger than 64 MB, more than this server takes.', { id: 'import_too_big' });
    return errorText(err);
  }

  override render() {
    return html`<form class="card" novalidate aria-labelledby="import-heading" @submit=${this.submit}>
      <h2 id="import-heading">${msg('Move a workshop here', { id: 'import_heading' })}</h2>
      <p class="hint">${msg('A facilitator can download a backup of a workshop (Export, then “A backup of the whole workshop”). Import it here to carry on with everything in it: texts, boards, principles and who agreed to what.', { id: 'import_intro' })}</p>
      <div class="field">
        <label for="import-file">${msg('Backup file', { id: 'import_file' })}</label>
        <input id="import-file" type="file" accept=".json,application/json" @change=${(e: Event) => (this.file = (e.target as HTMLInputElement).files?.[0] ?? null)} />
      </div>
      <div class="field">
        <label for="import-name">${msg('Name of the facilitator of the copy (you)', { id: 'import_name' })}</label>
        <input id="import-name" maxlength="100" autocomplete="name" .value=${live(this.displayName)} @input=${(e: InputEvent) => (this.displayName = (e.target as HTMLInputElement).value)} />
      </div>
      ${this.askCode
        ? html`<div class="field">
            <label for="import-code">${msg('Creation code', { id: 'start_code_label' })}</label>
            <input id="import-code" maxlength="200" autocomplete="off" .value=${live(this.createCode)} @input=${(e: InputEvent) => (this.createCode = (e.target as HTMLInputElement).value)} />
          </div>`
        : nothing}
      <div class="alert" role="alert">${this.error}</div>
      <div class="actions">
        <sl-button type="submit" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>${this.busy ? msg('Importing…', { id: 'import_busy' }) : msg('Import workshop', { id: 'import_submit' })}</sl-button>
      </div>
    </form>`;
  }
}

customElements.define('sk-import-form', SkImportForm);
