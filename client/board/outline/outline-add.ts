/**
 * The outline's "new sticky note" form under each section: a labelled text area (Ctrl+Enter
 * adds), its hint, and the error when it was sent empty. The outline handles the submit.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { OutlineSection } from './outline-model.js';

export function renderAddForm(sec: OutlineSection, key: string, title: string, invalid: boolean, onAdd: (e: SubmitEvent) => void): TemplateResult {
  return html`<form class="add" novalidate @submit=${onAdd}>
    <div class="field">
      <label for="add-${key}">
        ${sec.frame ? msg(str`New sticky note in «${title}»`, { id: 'outline_add_label' }) : msg('New sticky note outside the frames', { id: 'outline_add_label_loose' })}
      </label>
      <textarea
        id="add-${key}"
        rows="2"
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby="add-hint-${key}${invalid ? ` add-error-${key}` : ''}"
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            (e.currentTarget as HTMLTextAreaElement).form?.requestSubmit();
          }
        }}
      ></textarea>
      <p class="hint" id="add-hint-${key}">${msg('Ctrl+Enter adds the note.', { id: 'outline_add_hint' })}</p>
      ${invalid ? html`<p class="error" id="add-error-${key}">${msg('Write the text of the note first.', { id: 'outline_add_error' })}</p>` : nothing}
    </div>
    <button type="submit" class="primary">${msg('Add note', { id: 'outline_add_note' })}</button>
  </form>`;
}
