/**
 * `<sk-vision-page>`: the shared vision ("drømmebilde"). Opens the `<id>/vision` room once and
 * shows the editor with the comments panel beside it. Views: writing (live), who wrote what
 * (authorship, read-only), the changes since your last visit (read-only diff), and the journey
 * (milestones, read-only). A banner offers the changes by others since the last visit, with
 * "Show" and "Mark as seen"; while the reader is caught up and watches the live text, the seen
 * point moves along by itself (seen-keeper.ts), and what arrived while they were away is offered.
 * Facilitators can reset an empty vision to the template. Beside the text: the pending
 * suggestions (sk-vision-suggestions.ts), then the comments.
 *
 * Context: the workshop (client/net/workshop-context.ts): the workshop, its members, its rooms.
 * Events: none. Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import * as Y from 'yjs';
import type { MemberDto, WorkshopDto } from '../../shared/api.js';
import { listComments, observeComments, type VisionComment } from '../../shared/vision/comments.js';
import { VISION_DOC_OPTIONS } from '../../shared/vision/schema.js';
import { api, ApiError } from '../net/api.js';
import type { SkEvent } from '../ui/events.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { errorText } from '../ui/texts.js';
import '../ui/sk-connection-status.js';
import { keepSeen, type SeenKeeper } from './seen-keeper.js';
import { checkSinceVisit, markSeen, storeSeen, type SinceVisit } from './since-visit.js';
import type { ResolvedComment } from './comment-decorations.js';
import './sk-vision-comments.js';
import type { CommentDraft, SkVisionCommentsEvents } from './sk-vision-comments.js';
import './sk-vision-editor.js';
import type { SkVisionEditor, SkVisionEditorEvents } from './sk-vision-editor.js';
import './sk-vision-journey.js';
import './sk-vision-suggestions.js';
import type { SkVisionSuggestionsEvents } from './sk-vision-suggestions.js';
import type { ListedSuggestion } from './suggestion-rights.js';
import type { SkVisionJourneyEvents } from './sk-vision-journey.js';
import { visionPageStyles } from './sk-vision-page.styles.js';
import { unknownAuthor } from './texts.js';
import { legend, sinceBox } from './vision-page-parts.js';
import type { RoomConnection } from '../net/room-connection.js';
import { createVisionSession, type VisionSession } from './vision-session.js';
import { WorkshopConsumer } from '../net/workshop-context.js';

type View = 'edit' | 'authorship' | 'since' | 'journey';

type Editor<K extends keyof SkVisionEditorEvents> = SkEvent<SkVisionEditorEvents, K>;

const suggestRefused = () =>
  msg('Not changed: while suggesting, you can add and delete words and paragraphs and make text bold or italic; links, headings, lists and quotes are not suggestions.', {
    id: 'vision_suggest_refused',
  });

export class SkVisionPage extends LitElement {
  static override styles = [sharedStyles, visionPageStyles];
  static override properties = {
    session: { state: true },
    ready: { state: true },
    view: { state: true },
    caption: { state: true },
    since: { state: true },
    notice: { state: true },
    error: { state: true },
    length: { state: true },
    comments: { state: true },
    anchors: { state: true },
    activeCommentId: { state: true },
    draft: { state: true },
    busy: { state: true },
    suggestions: { state: true },
  };
  declare session: VisionSession | null;
  declare ready: boolean;
  declare view: View;
  declare caption: string;
  declare since: SinceVisit | null;
  declare notice: string;
  declare error: string;
  declare length: number;
  declare comments: VisionComment[];
  declare anchors: ResolvedComment[];
  declare activeCommentId: string | null;
  declare draft: CommentDraft | null;
  declare busy: boolean;
  declare suggestions: ListedSuggestion[];
  /** First: what follows reads the workshop context when the element connects. */
  private readonly ws = new WorkshopConsumer(this, (next, old) => {
    if (next?.workshop.id !== old?.workshop.id) this.open();
    else if (next && next.members !== old?.members) this.session?.setMembers(next.members);
  });
  private get workshop(): WorkshopDto | null {
    return this.ws.workshop;
  }
  private get members(): MemberDto[] {
    return this.ws.members;
  }
  private cleanup: Array<() => void> = [];
  private keeper: SeenKeeper | null = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
    this.ready = false;
    this.view = 'edit';
    this.caption = '';
    this.since = null;
    this.notice = '';
    this.error = '';
    this.length = -1;
    this.comments = [];
    this.anchors = [];
    this.activeCommentId = null;
    this.draft = null;
    this.busy = false;
    this.suggestions = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && this.workshop && !this.session) this.open();
  }

  override disconnectedCallback(): void {
    this.close();
    super.disconnectedCallback();
  }

  private close(): void {
    this.keeper?.leave();
    this.keeper = null;
    this.cleanup.forEach((fn) => fn());
    this.cleanup = [];
    this.session?.destroy();
    this.session = null;
    this.ready = false;
  }

  /** `conn`: the vision opened afresh after the server refused an update (see room-connection.ts). */
  private open(conn?: RoomConnection): void {
    this.close();
    const w = this.workshop;
    if (!w) return;
    const s = createVisionSession(conn ?? this.ws.value!.rooms.open(`${w.id}/vision`, { doc: VISION_DOC_OPTIONS }), w, this.members, unknownAuthor);
    this.cleanup.push(s.conn.onReplaced((next) => this.open(next)));
    const org = w.organisations.find((o) => o.id === w.me.organisationId) ?? null;
    s.conn.awareness.setLocalStateField('user', { name: w.me.displayName, organisation: org?.name ?? null, organisationId: org?.id ?? null, role: w.me.role, memberId: w.me.id });
    this.session = s;
    this.view = 'edit';
    this.since = null;
    void s.conn.ready.then(() => {
      if (this.session !== s) return;
      this.ready = true;
      this.comments = listComments(s.doc);
      this.cleanup.push(observeComments(s.doc, () => (this.comments = listComments(s.doc))));
    });
    // "Since your last visit" compares with the server's state: wait for the first sync.
    // Only then does the seen point move along, so the check reads the point of the last visit.
    const onSynced = () => {
      if (this.session === s && s.conn.status().state === 'synced') {
        off();
        void this.checkSince(s).then(() => this.keepSeen(s));
      }
    };
    const off = s.conn.onStatus(onSynced);
    this.cleanup.push(off);
    onSynced();
  }

  private async checkSince(s: VisionSession): Promise<void> {
    try {
      const since = await checkSinceVisit(s);
      if (this.session === s) this.since = since;
    } catch (error) {
      // Offline or the server does not know yet: the banner stays away, writing goes on.
      if (!(error instanceof ApiError && error.code === 'network_error')) this.error = errorText(error);
    }
  }

  /** While the reader watches the live text, "since your last visit" moves along (seen-keeper.ts). */
  private keepSeen(s: VisionSession): void {
    if (this.session !== s || this.keeper) return;
    this.keeper = keepSeen({
      fragment: s.fragment,
      store: (snapshot, leaving) => storeSeen(s, snapshot, leaving),
      showsLive: () => this.view === 'edit' || this.view === 'authorship',
      onMissed: () => void this.checkSince(s),
      behind: this.since?.kind !== 'none' && this.since?.kind !== 'first',
    });
  }

  private get editor(): SkVisionEditor | null {
    return this.renderRoot.querySelector('sk-vision-editor');
  }

  private async setView(view: View): Promise<void> {
    await this.showView(view);
    this.keeper?.check();
  }

  private async showView(view: View): Promise<void> {
    const s = this.session;
    const editor = this.editor;
    if (!s || !editor) return;
    this.error = '';
    if (view === 'edit') {
      this.view = 'edit';
      this.caption = '';
      editor.showLive();
      return;
    }
    if (view === 'journey') {
      this.view = 'journey';
      this.caption = '';
      return; // the journey panel asks for what to render
    }
    try {
      if (view === 'authorship') {
        const authorship = await s.loadAuthorship();
        this.view = 'authorship';
        this.caption = msg('Who wrote what: each passage in the colour of its writer’s organisation. Hover over a passage for the name.', { id: 'vision_authorship_caption' });
        editor.showSnapshot(null, Y.emptySnapshot, authorship);
      } else if (this.since?.kind === 'changes') {
        const since = this.since;
        this.view = 'since';
        this.caption = msg('Changes by others since your last visit: inserted text is underlined, deleted text struck through, in the colour of the organisation.', { id: 'vision_since_caption' });
        editor.showSnapshot(since.now, since.prev, since.authorship, s.me.id);
      }
    } catch (error) {
      this.error = errorText(error);
    }
  }

  private async onJourneyRender(e: SkEvent<SkVisionJourneyEvents, 'sk-vision-render'>): Promise<void> {
    const s = this.session;
    if (!s) return;
    try {
      const authorship = await s.loadAuthorship();
      this.caption = e.detail.caption;
      this.editor?.showSnapshot(e.detail.snapshot, e.detail.prevSnapshot, authorship);
    } catch (error) {
      this.error = errorText(error);
    }
  }

  private async markSeen(): Promise<void> {
    const s = this.session;
    if (!s) return;
    this.busy = true;
    try {
      this.keeper?.caughtUp();
      await markSeen(s);
      this.since = { kind: 'none' };
      this.notice = msg('Marked as seen.', { id: 'vision_since_marked' });
      if (this.view === 'since') await this.setView('edit');
    } catch (error) {
      this.error = errorText(error);
    } finally {
      this.busy = false;
    }
  }

  private async resetTemplate(): Promise<void> {
    const s = this.session;
    if (!s) return;
    this.busy = true;
    try {
      await api.resetVision(s.workshopId);
      this.notice = msg('The template is back.', { id: 'vision_reset_done' });
    } catch (error) {
      this.error =
        error instanceof ApiError && (error.code as string) === 'document_not_empty'
          ? msg('The vision has text in it, so it cannot be reset. Delete the text first.', { id: 'vision_reset_not_empty' })
          : errorText(error);
    } finally {
      this.busy = false;
    }
  }

  private onRefused(e: Editor<'sk-vision-refused'>): void {
    const max = this.session?.maxChars ?? 0;
    this.error = msg(str`Not added: the vision can hold at most ${max.toLocaleString()} characters, and this change would make it ${e.detail.length.toLocaleString()}. Shorten the text first.`, { id: 'vision_too_long' });
  }

  private onCommentRequest(e: Editor<'sk-vision-comment-request'>): void {
    if (this.session?.readOnly) return;
    this.draft = e.detail;
  }

  /** Saved or cancelled, writing goes on where it was. */
  private onDraftDone(): void {
    this.draft = null;
    this.editor?.focusEditor();
  }

  private onReveal(e: SkEvent<SkVisionCommentsEvents, 'sk-comment-reveal'>): void {
    this.activeCommentId = e.detail.id;
    const r = this.anchors.find((a) => a.comment.id === e.detail.id);
    this.editor?.revealComment(r?.range ?? null);
  }

  /** Suggestions show beside the text when there are some, and always to facilitators (their switch). */
  private sideLabel(s: VisionSession): string {
    return this.suggestions.length || s.facilitator ? msg('Suggestions and comments', { id: 'vision_side' }) : msg('Comments', { id: 'vision_comments' });
  }

  override render() {
    const s = this.session;
    if (!s) return nothing;
    const viewButton = (v: View, label: string) =>
      html`<button type="button" class="seg" aria-pressed=${this.view === v ? 'true' : 'false'} ?disabled=${!this.ready} @click=${() => this.setView(v)}>${label}</button>`;
    const snapshotView = this.view !== 'edit';
    return html`
      <h2 class="visually-hidden">${msg('Vision', { id: 'ws_tab_vision' })}</h2>
      <div class="bar">
        <div class="views" role="group" aria-label=${msg('View', { id: 'vision_views' })}>
          ${viewButton('edit', s.readOnly ? msg('Read', { id: 'vision_view_read' }) : msg('Write', { id: 'vision_view_edit' }))}
          ${viewButton('authorship', msg('Who wrote what', { id: 'vision_view_authorship' }))}
          ${viewButton('journey', msg('The journey', { id: 'vision_journey' }))}
        </div>
        ${s.facilitator && this.view === 'edit' && this.ready
          ? html`<sl-button size="small" ?disabled=${this.length !== 0 || this.busy} @click=${this.resetTemplate}>${msg('Reset to template', { id: 'vision_reset' })}</sl-button>`
          : nothing}
        ${s.readOnly ? html`<span class="badge">${msg('Observer: you can read, not change', { id: 'vision_read_only' })}</span>` : nothing}
        <sk-connection-status .conn=${s.conn}></sk-connection-status>
      </div>
      ${sinceBox(this.since, this.view === 'since', this.busy, () => void this.setView('since'), () => void this.markSeen())}
      <div class="alert" role="alert">${this.error}</div>
      <p class="notice" role="status">${this.notice}</p>
      ${snapshotView && this.caption
        ? html`<div class="caption">
            <p>${this.caption}</p>
            ${this.view === 'edit' ? nothing : legend(s)}
            <sl-button variant="primary" @click=${() => this.setView('edit')}>${msg('Back to editing', { id: 'vision_back' })}</sl-button>
          </div>`
        : snapshotView && this.view === 'journey'
          ? html`<div class="caption"><sl-button variant="primary" @click=${() => this.setView('edit')}>${msg('Back to editing', { id: 'vision_back' })}</sl-button></div>`
          : nothing}
      <div class="layout">
        <div class="paper">
          ${this.ready
            ? html`<sk-vision-editor
                .session=${s}
                .comments=${this.comments}
                .activeCommentId=${this.activeCommentId}
                @sk-vision-change=${(e: Editor<'sk-vision-change'>) => {
                  this.length = e.detail.length;
                  if (this.error && this.length <= s.maxChars) this.error = '';
                }}
                @sk-vision-refused=${this.onRefused}
                @sk-vision-comment-request=${this.onCommentRequest}
                @sk-vision-comment-focus=${(e: Editor<'sk-vision-comment-focus'>) => (this.activeCommentId = e.detail.id)}
                @sk-vision-anchors=${(e: Editor<'sk-vision-anchors'>) => (this.anchors = e.detail)}
                @sk-vision-suggestions=${(e: Editor<'sk-vision-suggestions'>) => (this.suggestions = e.detail)}
                @sk-vision-suggest-refused=${() => (this.notice = suggestRefused())}
              ></sk-vision-editor>`
            : html`<p role="status" class="loading">${msg('Opening the vision…', { id: 'vision_opening' })}</p>`}
        </div>
        <aside aria-label=${this.view === 'journey' ? msg('The journey', { id: 'vision_journey' }) : this.sideLabel(s)}>
          ${!this.ready
            ? nothing
            : this.view === 'journey'
              ? html`<sk-vision-journey .session=${s} @sk-vision-render=${this.onJourneyRender}></sk-vision-journey>`
              : html`<sk-vision-suggestions
                    .session=${s}
                    .suggestions=${this.suggestions}
                    @sk-suggestion-resolve=${(e: SkEvent<SkVisionSuggestionsEvents, 'sk-suggestion-resolve'>) => this.editor?.resolveSuggestions(e.detail.keys, e.detail.accept)}
                    @sk-suggestion-reveal=${(e: SkEvent<SkVisionSuggestionsEvents, 'sk-suggestion-reveal'>) => this.editor?.revealSuggestion(e.detail.key)}
                  ></sk-vision-suggestions>
                  <sk-vision-comments
                  .session=${s}
                  .resolved=${this.anchors}
                  .activeId=${this.activeCommentId}
                  .draft=${this.draft}
                  @sk-comment-reveal=${this.onReveal}
                  @sk-comment-active=${(e: SkEvent<SkVisionCommentsEvents, 'sk-comment-active'>) => (this.activeCommentId = e.detail.id)}
                  @sk-comment-draft-done=${this.onDraftDone}
                ></sk-vision-comments>`}
        </aside>
      </div>
    `;
  }
}

customElements.define('sk-vision-page', SkVisionPage);

declare global {
  interface HTMLElementTagNameMap {
    'sk-vision-page': SkVisionPage;
  }
}
