/**
 * One element of the outline as a list item: kind, text, author and organisation (colour swatch
 * plus name, never colour alone), and its actions. Rendered by `<sk-board-outline>`, which owns
 * the state; these functions only read `ItemContext` and call back.
 */
import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { BoardElement } from '../../../shared/board/schema.js';
import type { BoardSession } from '../board-session.js';
import { domId, type OutlineSection } from './outline-model.js';
import { anonymousAuthor, connectorHeading, elementName, frameTitle, kindName } from './outline-texts.js';
import { isBox, isConnectable, KINDS, shownText } from '../../../shared/board/kinds.js';

export interface ItemContext {
  session: BoardSession;
  writable: boolean;
  editing: string | null;
  /** The text when editing began: the field keeps the user's draft while others type. */
  editText: string;
  highlightOrg: string | null;
  sections: OutlineSection[];
  /** The element that holds the list's tab stop. */
  tabStop: string | undefined;
  onEdit(e: BoardElement): void;
  onEndEdit(e: BoardElement, save: boolean): void;
  onMove(e: BoardElement, select: HTMLSelectElement | null): void;
  onDelete(e: BoardElement, opener: HTMLElement): void;
  onShow(e: BoardElement): void;
  /** How many elements can be an end of a connector ("Connect to…" needs two). */
  connectable: number;
  /** "Connect to…": choose what `e` connects to (a dialog); `opener` gets focus back. */
  onConnect(e: BoardElement, opener: HTMLElement): void;
  /** Comments in the element's open threads. */
  comments(e: BoardElement): number;
  /** "Comment…": the element's comments beside the board, a new one at the ready. */
  onComment(e: BoardElement): void;
}

const unknownAuthor = () => msg('unknown', { id: 'outline_unknown_author' });
const editable = (e: BoardElement) => KINDS[e.kind].field !== null;
const movable = (e: BoardElement) => isBox(e) && !KINDS[e.kind].container;

export function renderItem(e: BoardElement, ctx: ItemContext) {
  const key = domId(e.id);
  const color = ctx.session.colorOf(e.author.organisationId);
  const mark = ctx.highlightOrg ? (e.author.organisationId === ctx.highlightOrg ? 'highlighted' : 'dimmed') : '';
  const text = shownText(e);
  // Names from member records, never from the element's own fields (any writer could fill those).
  const author = !e.author.id ? { name: anonymousAuthor(), organisation: null } : (ctx.session.people?.author(e) ?? { name: e.author.name, organisation: e.author.organisationName });
  const editor = ctx.session.people?.editor(e) ?? null;
  const heading = !isBox(e) ? connectorHeading(e, (id) => ctx.session.board.get(id)) : kindName(e.kind);
  return html`<li
    class="item ${mark}"
    data-element-id=${e.id}
    tabindex=${ctx.tabStop === e.id ? '0' : '-1'}
    aria-labelledby=${ctx.editing === e.id ? `kind-${key}` : `kind-${key} text-${key}`}
    aria-describedby="by-${key}"
    style=${styleMap({ '--org': color.strong })}
  >
    <p class="kind">
      <span id="kind-${key}"
        >${heading}${mark === 'highlighted' ? html` <span class="badge">${msg('Highlighted', { id: 'outline_highlighted' })}</span>` : nothing}</span
      >
    </p>
    ${ctx.editing === e.id
      ? renderEditor(e, ctx)
      : html`<p class="text ${text ? '' : 'empty'}" id="text-${key}">${text || msg('(no text)', { id: 'outline_no_text' })}</p>`}
    <p class="by" id="by-${key}">
      <span>${msg(str`By ${author.name || unknownAuthor()}`, { id: 'outline_by' })}</span>
      <span class="org"
        ><span class="swatch" aria-hidden="true" style=${styleMap({ background: color.strong })}></span>${author.organisation ||
        msg('no organisation', { id: 'outline_no_org' })}</span
      >
      ${editor
        ? html`<span class="edited">${msg(str`edited by ${editor.name}, ${editor.organisation || msg('no organisation', { id: 'outline_no_org' })}`, { id: 'outline_edited_by' })}</span>`
        : nothing}
    </p>
    ${ctx.editing === e.id ? nothing : renderActions(e, ctx)}
  </li>`;
}

function renderActions(e: BoardElement, item: ItemContext) {
  // Another organisation's element in a workshop that protects it: shown, not changed.
  const ctx = { ...item, writable: item.writable && item.session.mayChange(e) };
  const protectedNote =
    item.writable && !ctx.writable
      ? html`<p class="protected">${msg(str`Only ${e.author.organisationName || '?'} and the facilitators may change this.`, { id: 'outline_protected' })}</p>`
      : nothing;
  const name = elementName(e);
  const key = domId(e.id);
  const here = ctx.sections.find((s) => s.items.some((i) => i.id === e.id));
  const destinations = ctx.sections.filter((s) => s !== here);
  return html`${protectedNote}<div class="item-actions">
    ${ctx.writable && editable(e)
      ? html`<button type="button" class="small" data-edit=${e.id} aria-label=${msg(str`Edit ${name}`, { id: 'outline_edit_label' })} @click=${() => ctx.onEdit(e)}>
          ${msg('Edit', { id: 'outline_edit' })}
        </button>`
      : nothing}
    ${connectButton(e, item)}
    ${ctx.writable && movable(e) && destinations.length
      ? html`<span class="move">
          <label for="move-${key}">${msg('Move to', { id: 'outline_move_to' })}</label>
          <select id="move-${key}" aria-describedby="kind-${key} text-${key}">
            ${destinations.map((s) => html`<option value=${s.frame?.id ?? ''}>${frameTitle(s.frame)}</option>`)}
          </select>
          <button
            type="button"
            class="small"
            aria-label=${msg(str`Move ${name}`, { id: 'outline_move_label' })}
            @click=${(ev: Event) => ctx.onMove(e, (ev.currentTarget as HTMLElement).parentElement!.querySelector('select'))}
          >
            ${msg('Move', { id: 'outline_move' })}
          </button>
        </span>`
      : nothing}
    ${ctx.writable
      ? html`<button type="button" class="small danger" aria-label=${msg(str`Delete ${name}`, { id: 'outline_delete_label' })} @click=${(ev: Event) => ctx.onDelete(e, ev.currentTarget as HTMLElement)}>
          ${msg('Delete', { id: 'outline_delete' })}
        </button>`
      : nothing}
    ${commentButton(e, ctx, name)}
    <button type="button" class="small" aria-label=${msg(str`Show on board: ${name}`, { id: 'outline_show_label' })} @click=${() => ctx.onShow(e)}>
      ${msg('Show on board', { id: 'outline_show' })}
    </button>
  </div>`;
}

/** A frame's actions, beside its heading: rename, connect, delete, show on board. */
export function renderFrameActions(frame: BoardElement, ctx: ItemContext) {
  const name = elementName(frame);
  return html`<div class="item-actions">
    ${ctx.writable
      ? html`<button type="button" class="small" data-edit=${frame.id} aria-label=${msg(str`Rename ${name}`, { id: 'outline_rename_label' })} @click=${() => ctx.onEdit(frame)}>
            ${msg('Rename', { id: 'outline_rename' })}
          </button>
          ${connectButton(frame, ctx)}
          <button type="button" class="small danger" aria-label=${msg(str`Delete ${name}`, { id: 'outline_delete_label' })} @click=${(ev: Event) => ctx.onDelete(frame, ev.currentTarget as HTMLElement)}>
            ${msg('Delete', { id: 'outline_delete' })}
          </button>`
      : nothing}
    <button type="button" class="small" aria-label=${msg(str`Show on board: ${name}`, { id: 'outline_show_label' })} @click=${() => ctx.onShow(frame)}>
      ${msg('Show on board', { id: 'outline_show' })}
    </button>
  </div>`;
}

/**
 * "Connect to…" for a writer, on an element that can be an end of a connector while there is
 * another one. Creating a connector changes neither end, so a protected element has it too. Its
 * name starts with what it shows (WCAG 2.5.3), then names the element.
 */
function connectButton(e: BoardElement, ctx: ItemContext) {
  if (!ctx.writable || !isConnectable(e) || ctx.connectable < 2) return nothing;
  return html`<button type="button" class="small" aria-label=${msg(str`Connect to… (from ${elementName(e)})`, { id: 'outline_connect_label' })} @click=${(ev: Event) => ctx.onConnect(e, ev.currentTarget as HTMLElement)}>
    ${msg('Connect to…', { id: 'outline_connect' })}
  </button>`;
}

/** The inline text editor: Ctrl+Enter saves, Escape cancels. */
export function renderEditor(e: BoardElement, ctx: ItemContext) {
  const key = domId(e.id);
  const keydown = (ev: KeyboardEvent) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      ctx.onEndEdit(e, true);
    } else if (ev.key === 'Escape') {
      ev.preventDefault();
      ev.stopPropagation();
      ctx.onEndEdit(e, false);
    }
  };
  const label = KINDS[e.kind].container ? msg(str`Title of ${elementName(e)}`, { id: 'outline_title_field' }) : msg(str`Text of ${elementName(e)}`, { id: 'outline_text_field' });
  return html`<div class="edit">
    <label for="edit-${key}">${label}</label>
    <textarea id="edit-${key}" rows="3" aria-describedby="edit-hint-${key}" .value=${ctx.editText} @keydown=${keydown}></textarea>
    <p class="hint" id="edit-hint-${key}">${msg('Ctrl+Enter saves, Escape cancels.', { id: 'outline_edit_hint' })}</p>
    <div class="actions">
      <button type="button" class="small primary" @click=${() => ctx.onEndEdit(e, true)}>${msg('Save', { id: 'outline_save' })}</button>
      <button type="button" class="small" @click=${() => ctx.onEndEdit(e, false)}>${msg('Cancel', { id: 'outline_cancel' })}</button>
    </div>
  </div>`;
}

/** "Comment…", or "Comments (n)" while it has open threads; its name starts with what it shows. */
function commentButton(e: BoardElement, ctx: ItemContext, name: string) {
  const n = ctx.comments(e);
  const shown = n ? msg(str`Comments (${n})`, { id: 'outline_comments_count' }) : msg('Comment…', { id: 'canvas_act_comment' });
  return html`<button type="button" class="small" aria-label=${`${shown} ${name}`} @click=${() => ctx.onComment(e)}>${shown}</button>`;
}
