/**
 * `<sk-vision-editor>`: the vision text in ProseMirror, bound to the room's Y.XmlFragment, with
 * its toolbar, the link dialog and the shortcut help. Live, it is editable (unless read-only)
 * and shows others' cursors and the commented ranges; `showSnapshot` turns it into a read-only
 * rendering of a snapshot or of the changes between two (authorship, "since your last visit",
 * milestones), `showLive` back.
 *
 * Properties: `session` (VisionSession; the room must be ready), `comments` (VisionComment[]),
 * `activeCommentId`.
 * Methods: `showSnapshot(snapshot | null, prevSnapshot, authorship, quietMember)`, `showLive()`,
 * `focusEditor()`, `revealComment(id)`, `commentOnSelection()`, `resolveSuggestions(keys, accept)`,
 * `revealSuggestion(key)`.
 * Events: `sk-vision-change` (detail: `{ length }`, characters of text), `sk-vision-refused`
 * (detail: `{ length }`: a change was refused by the length cap), `sk-vision-comment-request`
 * (detail: `{ anchor, head, quote }`), `sk-vision-comment-focus` (detail: `{ id }`: a commented
 * range was clicked), `sk-vision-anchors` (detail: ResolvedComment[]), `sk-vision-suggestions`
 * (detail: ListedSuggestion[], the pending suggestions and what this person may do with each),
 * `sk-vision-suggest-refused` (a change that cannot be a suggestion was not made).
 * Parts: none.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { TextSelection, type EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';
import type { VisionComment } from '../../shared/vision/comments.js';
import { visionSchema } from '../../shared/vision/schema.js';
import { emitter, type SkEvent } from '../ui/events.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { suggestionMarkStyles } from './suggestion-mark.styles.js';
import type { Authorship } from './attribution.js';
import { anchorRange, type PMMapping } from './comment-anchors.js';
import { decorationsFor, resolveComments, setCommentDecorations, type ResolvedComment } from './comment-decorations.js';
import { editorAction, keyLabel, type EditorHooks } from './editor-actions.js';
import { createVisionEditor } from './editor-view.js';
import { visionEditorStyles } from './sk-vision-editor.styles.js';
import './sk-vision-link-dialog.js';
import type { SkVisionLinkDialog, SkVisionLinkDialogEvents } from './sk-vision-link-dialog.js';
import './sk-vision-shortcuts.js';
import type { SkVisionShortcuts } from './sk-vision-shortcuts.js';
import './sk-vision-toolbar.js';
import type { SkVisionToolbarEvents } from './sk-vision-toolbar.js';
import type { CommentDraft } from './sk-vision-comments.js';
import type { VisionSession } from './vision-session.js';
import { observeSuggestionsRequired, suggestionsRequired } from '../../shared/vision/suggestion-settings.js';
import { listSuggestions, resolveSuggestions, suggesting, suggestModeKey, type SuggestMode, type Suggestion } from './suggestions.js';
import { rightTo, storedMode, storeMode, type ListedSuggestion } from './suggestion-rights.js';
import { formatTitle, memberLabel, suggestionTitle } from './texts.js';

interface SyncState {
  type: Y.XmlFragment;
  binding: { mapping: PMMapping; unrenderSnapshot(): void };
  snapshot: unknown;
  prevSnapshot: unknown;
}

export interface SkVisionEditorEvents {
  /** The text's length changed (characters). */
  'sk-vision-change': { length: number };
  /** A change was refused: it would have made the text this long. */
  'sk-vision-refused': { length: number };
  /** Comment on this selection. */
  'sk-vision-comment-request': CommentDraft;
  /** The person clicked the highlighted range of this comment. */
  'sk-vision-comment-focus': { id: string };
  /** Where each comment's range is now. */
  'sk-vision-anchors': ResolvedComment[];
  /** The pending suggestions, in document order. */
  'sk-vision-suggestions': ListedSuggestion[];
  /** A change that suggestions cannot express (structure, formatting) was not made. */
  'sk-vision-suggest-refused': null;
}

export class SkVisionEditor extends LitElement {
  static override styles = [sharedStyles, suggestionMarkStyles, visionEditorStyles];
  static override properties = {
    session: { attribute: false },
    comments: { attribute: false },
    activeCommentId: { attribute: false },
    state: { state: true },
    live: { state: true },
  };
  declare session: VisionSession | null;
  declare comments: VisionComment[];
  declare activeCommentId: string | null;
  declare state: EditorState | null;
  declare live: boolean;
  private view: EditorView | null = null;
  private quiet: string | null = null;
  private unobserveSetting: (() => void) | null = null;
  private authorship: Authorship | null = null;
  private authorshipAt = 0;
  private suggestions: Suggestion[] = [];
  private anchorTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
    this.comments = [];
    this.activeCommentId = null;
    this.state = null;
    this.live = true;
  }

  private readonly hooks: EditorHooks = {
    editLink: () => void this.openLinkDialog(),
    addComment: () => this.commentOnSelection(),
    showHelp: () => this.renderRoot.querySelector<SkVisionShortcuts>('sk-vision-shortcuts')?.show(),
    toggleSuggesting: () => {
      const view = this.view;
      const mode = view && suggestModeKey.getState(view.state);
      if (!view || !this.session || !mode || mode.forced) return;
      storeMode(this.session, !mode.on);
      view.dispatch(view.state.tr.setMeta(suggestModeKey, { on: !mode.on }));
    },
  };

  private modeFor(s: VisionSession, required: boolean): SuggestMode {
    const forced = required && !s.facilitator;
    return { on: forced || storedMode(s), forced };
  }

  protected override firstUpdated(): void {
    this.createView();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('session') && changed.get('session') !== undefined) this.createView();
    if (changed.has('comments') || changed.has('activeCommentId')) this.scheduleAnchors();
  }

  override disconnectedCallback(): void {
    this.destroyView();
    super.disconnectedCallback();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.view) this.createView();
  }

  private destroyView(): void {
    if (this.anchorTimer) clearTimeout(this.anchorTimer);
    this.unobserveSetting?.();
    this.unobserveSetting = null;
    this.authorship = null;
    this.view?.destroy();
    this.view = null;
  }

  private createView(): void {
    this.destroyView();
    const s = this.session;
    const host = this.renderRoot.querySelector<HTMLElement>('.host');
    if (!s || !host) return;
    this.view = createVisionEditor(host, {
      fragment: s.fragment,
      awareness: s.conn.awareness,
      readOnly: s.readOnly,
      maxChars: s.maxChars,
      language: s.language,
      label: msg('Vision text', { id: 'vision_editor_label' }),
      describedBy: 'editor-hint',
      hooks: this.hooks,
      colorOf: s.colorOf,
      member: s.member,
      changeTitle: (type, who) => {
        const name = memberLabel(who);
        return type === 'added' ? msg(str`Written by ${name}`, { id: 'vision_change_added_by' }) : msg(str`Deleted by ${name}`, { id: 'vision_change_removed_by' });
      },
      quietMember: () => this.quiet,
      onRefused: (length) => this.emit('sk-vision-refused', { length }),
      onChange: (state) => this.onState(state),
      suggestMode: this.modeFor(s, suggestionsRequired(s.doc)),
      suggester: { memberId: s.me.id, organisationId: s.me.organisationId, now: () => new Date().toISOString(), newId: () => crypto.randomUUID() },
      suggestionTitle,
      formatTitle,
      onSuggestRefused: () => this.emit('sk-vision-suggest-refused'),
    });
    this.unobserveSetting = observeSuggestionsRequired(s.doc, (required) => {
      const view = this.view;
      if (view) view.dispatch(view.state.tr.setMeta(suggestModeKey, this.modeFor(s, required)));
      this.scheduleAnchors();
    });
    this.onState(this.view.state);
  }

  private readonly emit = emitter<SkVisionEditorEvents>(this);

  private lastLength = -1;
  private onState(state: EditorState): void {
    this.state = state;
    const y = ySyncPluginKey.getState(state) as SyncState | undefined;
    const live = !y || (y.snapshot == null && y.prevSnapshot == null);
    if (live !== this.live) this.live = live;
    if (!live) return;
    const length = state.doc.textContent.length;
    if (length !== this.lastLength) {
      this.lastLength = length;
      this.emit('sk-vision-change', { length });
    }
    this.scheduleAnchors();
  }

  /** Resolves comment ranges once the editor has rendered the latest change. */
  private scheduleAnchors(): void {
    if (this.anchorTimer) return;
    this.anchorTimer = setTimeout(() => {
      this.anchorTimer = null;
      const view = this.view;
      if (!view || !this.live) return;
      const resolved = resolveComments(view.state, this.comments);
      setCommentDecorations(view, decorationsFor(view.state, resolved, this.activeCommentId));
      this.emit('sk-vision-anchors', resolved);
      this.listSuggestions(view);
    }, 30);
  }

  /** The pending suggestions, with what this person may do with each (suggestions.ts says who may what). */
  private listSuggestions(view: EditorView): void {
    const s = this.session;
    if (!s) return;
    this.suggestions = listSuggestions(view.state.doc);
    const y = ySyncPluginKey.getState(view.state) as SyncState | undefined;
    const may = rightTo(s, view.state.doc, y ? { type: y.type, mapping: y.binding.mapping } : null, this.authorship);
    this.emit('sk-vision-suggestions', this.suggestions.map((x) => ({ ...x, may: may(x) })));
    // Whose text is whose comes from the server; asked again at most every few seconds.
    if (!s.facilitator && !s.readOnly && this.suggestions.some((x) => x.attrs.memberId !== s.me.id) && Date.now() - this.authorshipAt > 3000) {
      this.authorshipAt = Date.now();
      void s.loadAuthorship().then(
        (a) => {
          if (this.session !== s || this.view !== view) return;
          this.authorship = a;
          this.listSuggestions(view);
        },
        () => {}, // offline: only one's own suggestions can be withdrawn until it answers
      );
    }
  }

  /** Accepts or rejects the suggestions with these keys (one's own: withdraws them). */
  resolveSuggestions(keys: readonly string[], accept: boolean): void {
    const view = this.view;
    if (!view || !this.live) return;
    const wanted = new Set(keys);
    const list = listSuggestions(view.state.doc).filter((x) => wanted.has(x.key));
    if (list.length) view.dispatch(resolveSuggestions(view.state, list, accept));
  }

  /** Selects a suggestion's text and scrolls it into view. */
  revealSuggestion(key: string): boolean {
    const range = listSuggestions(this.view?.state.doc ?? visionSchema.topNodeType.create()).find((x) => x.key === key)?.ranges[0] ?? null;
    return this.revealComment(range);
  }

  /** Renders `snapshot` (null: now, following live changes) against `prevSnapshot`, read-only. */
  showSnapshot(snapshot: Y.Snapshot | null, prevSnapshot: Y.Snapshot, authorship: Authorship, quietMember: string | null = null): void {
    const view = this.view;
    if (!view) return;
    this.quiet = quietMember;
    this.live = false;
    view.dispatch(view.state.tr.setMeta(ySyncPluginKey, { snapshot, prevSnapshot, permanentUserData: authorship }));
  }

  showLive(): void {
    const view = this.view;
    const y = view && (ySyncPluginKey.getState(view.state) as SyncState | undefined);
    if (!view || !y || (y.snapshot == null && y.prevSnapshot == null)) return;
    this.quiet = null;
    y.binding.unrenderSnapshot();
  }

  focusEditor(): void {
    this.view?.focus();
  }

  /** Selects a comment's range and scrolls it into view; false when it is detached. */
  revealComment(range: { from: number; to: number } | null): boolean {
    const view = this.view;
    if (!view || !range || range.to > view.state.doc.content.size) return false;
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, range.from, range.to)).scrollIntoView());
    view.focus();
    return true;
  }

  /** Asks the page to comment on the current selection (Ctrl+Alt+M, toolbar). */
  commentOnSelection(): void {
    const view = this.view;
    const s = this.session;
    const y = view && (ySyncPluginKey.getState(view.state) as SyncState | undefined);
    if (!view || !s || !y || view.state.selection.empty || !this.live) return;
    const { from, to } = view.state.selection;
    const stored = anchorRange(y.type, y.binding.mapping, from, to);
    this.emit('sk-vision-comment-request', { ...stored, quote: view.state.doc.textBetween(from, to, ' ').slice(0, 280) });
  }

  private linkRange(): { from: number; to: number; href: string | null } | null {
    const view = this.view;
    if (!view) return null;
    const link = visionSchema.marks.link!;
    const { from, to, empty, $from } = view.state.selection;
    if (!empty) {
      let href: string | null = null;
      view.state.doc.nodesBetween(from, to, (n) => {
        const m = link.isInSet(n.marks);
        if (m && href === null) href = String(m.attrs.href);
      });
      return { from, to, href };
    }
    // A caret in a link edits the whole link.
    const mark = link.isInSet($from.marks());
    if (!mark) return { from, to, href: null };
    let start = from;
    let end = from;
    const parent = $from.parent;
    const base = $from.start();
    parent.forEach((child, offset) => {
      if (link.isInSet(child.marks) && child.marks.some((m) => m.eq(mark)) && base + offset <= from && from <= base + offset + child.nodeSize) {
        start = Math.min(start, base + offset);
        end = Math.max(end, base + offset + child.nodeSize);
      }
    });
    return { from: start, to: end, href: String(mark.attrs.href) };
  }

  private pendingLink: { from: number; to: number } | null = null;

  private async openLinkDialog(): Promise<void> {
    const r = this.linkRange();
    if (!r || this.session?.readOnly) return;
    this.pendingLink = { from: r.from, to: r.to };
    await this.renderRoot.querySelector<SkVisionLinkDialog>('sk-vision-link-dialog')?.show(r.href);
  }

  private onLinkSave(e: SkEvent<SkVisionLinkDialogEvents, 'sk-link-save'>): void {
    const view = this.view;
    const r = this.pendingLink;
    if (!view || !r) return;
    const link = visionSchema.marks.link!;
    const mark = link.create({ href: e.detail.href });
    let tr = view.state.tr;
    if (r.from === r.to) tr = tr.insert(r.from, visionSchema.text(e.detail.href, [mark]));
    else tr = tr.removeMark(r.from, r.to, link).addMark(r.from, r.to, mark);
    view.dispatch(tr);
  }

  private onLinkRemove(): void {
    const view = this.view;
    const r = this.pendingLink;
    if (view && r && r.from !== r.to) view.dispatch(view.state.tr.removeMark(r.from, r.to, visionSchema.marks.link!));
  }

  private onAction(e: SkEvent<SkVisionToolbarEvents, 'sk-vision-action'>): void {
    const view = this.view;
    const a = editorAction(e.detail.id);
    if (!view || !a) return;
    a.command(this.hooks)(view.state, view.dispatch, view);
    if (!['link', 'comment', 'help'].includes(a.id)) view.focus();
  }

  /** A click on a highlighted range shows its comment in the panel. */
  private onClick(e: MouseEvent): void {
    const hit = (e.composedPath() as Element[]).find((n) => n instanceof HTMLElement && n.dataset.commentId);
    if (hit instanceof HTMLElement && hit.dataset.commentId) this.emit('sk-vision-comment-focus', { id: hit.dataset.commentId });
  }

  override render() {
    const ro = this.session?.readOnly ?? true;
    return html`
      ${this.live && !ro ? html`<sk-vision-toolbar .state=${this.state} @sk-vision-action=${this.onAction}></sk-vision-toolbar>` : nothing}
      ${this.live && !ro && this.state && suggesting(this.state)
        ? html`<p class="suggesting">
            ${suggestModeKey.getState(this.state)?.forced
              ? msg('Suggesting, as the facilitator asks: your changes are shown as suggestions for others to accept.', { id: 'vision_suggesting_forced' })
              : msg(str`Suggesting: your changes are shown as suggestions for others to accept. ${keyLabel('Mod-Alt-s')} turns it off.`, { id: 'vision_suggesting' })}
          </p>`
        : nothing}
      <p id="editor-hint" class="visually-hidden">
        ${ro ? msg('Read only.', { id: 'vision_editor_hint_ro' }) : msg(str`Formatting toolbar above. ${keyLabel('Mod-/')} lists the keyboard shortcuts.`, { id: 'vision_editor_hint' })}
      </p>
      <div class="host ${this.live ? 'live' : 'snapshot'}" @click=${this.onClick}></div>
      <sk-vision-link-dialog @sk-link-save=${this.onLinkSave} @sk-link-remove=${this.onLinkRemove} @sk-close=${() => this.view?.focus()}></sk-vision-link-dialog>
      <sk-vision-shortcuts ?readOnly=${ro} @sk-close=${() => this.view?.focus()}></sk-vision-shortcuts>
    `;
  }
}

customElements.define('sk-vision-editor', SkVisionEditor);

declare global {
  interface HTMLElementTagNameMap {
    'sk-vision-editor': SkVisionEditor;
  }
}
