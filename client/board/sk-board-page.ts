/**
 * `<sk-board-page>`: the workshop's board. Opens the board's room once (y-websocket + IndexedDB),
 * builds the BoardSession shared by its views, and shows either the canvas or the outline (the
 * accessible list of every element), the organisation filter, the connection state, who is here;
 * templates for facilitators and participants.
 * With the workshop's live connection it also: jumps to the facilitator's view when summoned
 * (with a way back), turns read-only while a facilitator has locked the board, and shows the
 * dot vote (panel beside the board, badges on it). Comments on the selected (or named) element
 * beside it, loaded when first needed, a badge on each element with open threads. "Send to the
 * charter…" sends a note there (`charter.import`); notes already in the charter carry a badge.
 *
 * Context: the workshop (client/net/workshop-context.ts): the workshop, who I am, its live connection, its rooms.
 * Methods: `currentView()` (board id, centre and zoom, for a summon), `voteScopes()` (the selection and
 * frames a dot vote can be limited to). Events: none. Parts: none.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { BoardDto, WorkshopDto } from '../../shared/api.js';
import { appLocale } from '../ui/i18n.js';
import { sharedStyles } from '../ui/shared.styles.js';
import './vote/sk-dot-vote.js';
import { voteScopes, type VoteScopes } from './vote/vote-model.js';
import type { RoomConnection } from '../net/room-connection.js';
import { WorkshopConsumer } from '../net/workshop-context.js';
import { WorkshopStateController } from '../net/workshop-state-controller.js';
import type { Summon, WorkshopSocket } from '../net/workshop-socket.js';
import type { VoteBadges } from './canvas/vote-badges.js';
import type { SkBoardCommentsEvents } from './comments/sk-board-comments.js';
import { BoardCommentsController } from './comments/comments-controller.js';
import { CharterSendController } from './charter-send/charter-send-controller.js';
import { loadOutline } from './lazy-parts.js';
import { boardAuthor, createBoardSession, type BoardSession } from './board-session.js';
import { BoardPeople } from './people.js';
import './canvas/sk-board-canvas.js';
import { setImageWorkshop } from './canvas/image-src.js';
import type { SkBoardCanvas } from './canvas/sk-board-canvas.js';
import { boardPageStyles } from './sk-board-page.styles.js';
import '../ui/sk-connection-status.js';
import './sk-participants.js';
import './sk-board-tabs.js';
import { navigate } from '../ui/navigation.js';
import { insertTemplateAtCenter } from './templates/insert.js';
import './templates/sk-template-picker.js';
import type { SkEvent } from '../ui/events.js';
import type { SkDotVoteEvents } from './vote/sk-dot-vote.js';
import type { SkBoardOutlineEvents } from './outline/sk-board-outline.js';
import type { SkParticipantsEvents } from './sk-participants.js';
import type { SkTemplatePickerEvents } from './templates/sk-template-picker.js';

type View = 'canvas' | 'outline';

export class SkBoardPage extends LitElement {
  static override styles = [sharedStyles, boardPageStyles];
  static override properties = {
    boardId: { type: String },
    session: { state: true },
    view: { state: true },
    highlightOrg: { state: true },
    following: { state: true },
    summoned: { state: true },
    badges: { state: true },
    outlineFailed: { state: true },
  };
  /** The board to show (`/w/<id>/b/<boardId>`); null: the workshop's first. */
  declare boardId: string | null;
  declare session: BoardSession | null;
  declare view: View;
  declare highlightOrg: string | null;
  declare following: number | null;
  /** Where I was looking before the facilitator summoned everyone, to go back. */
  declare summoned: { x: number; y: number; zoom: number } | null;
  declare badges: VoteBadges | null;
  /** The outline's code could not be loaded (offline before it was ever shown). */
  declare outlineFailed: boolean;
  /** Comments beside the board and their badges on it. */
  private readonly comments = new BoardCommentsController(this);
  /** "Send to the charter" and the badges of notes already there (issue #17). */
  private readonly toCharter = new CharterSendController(this, () => ({
    socket: this.socket,
    session: this.session,
    boardId: this.board?.id ?? null,
    workshopId: this.workshop?.id ?? null,
    state: this.live.state,
  }));
  /** First: the controllers below read the context when the page connects. */
  private readonly ws = new WorkshopConsumer(this, (next, previous) => {
    if (next?.workshop !== previous?.workshop) this.follow();
    if (next?.socket !== previous?.socket) {
      this.offSummon?.();
      this.offSummon = next?.socket?.onSummon(this.onSummon) ?? null;
    }
  });
  private readonly live = new WorkshopStateController(this, () => this.socket);
  private offSummon: (() => void) | null = null;
  /** A summon to another board, followed once that board has opened. */
  private pendingSummon: Summon | null = null;
  private wasLocked = false;
  /** Where the canvas was looking when the outline took its place, for "show on board". */
  private pendingFocus: string | null = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.boardId = null;
    this.outlineFailed = false;
    this.session = null;
    this.view = 'canvas';
    this.highlightOrg = null;
    this.following = null;
    this.summoned = null;
    this.badges = null;
  }

  /** What a dot vote can be limited to, from what is selected on the canvas now and the board's frames. */
  voteScopes(): VoteScopes | null {
    const s = this.session;
    const board = this.board;
    return s && board ? voteScopes(board.id, s.board.list(), this.selected) : null;
  }

  /** The elements selected on the canvas (for the facilitator's "vote on the selection"). */
  private selected: ReadonlySet<string> = new Set();

  /** The board and the centre and zoom of my view, or null when the canvas is not shown. */
  currentView(): { boardId: string; x: number; y: number; zoom: number } | null {
    const board = this.board;
    const c = this.canvas;
    if (!board || !c || this.view !== 'canvas') return null;
    const p = c.viewCenter();
    return { boardId: board.id, x: Math.round(p.x), y: Math.round(p.y), zoom: c.viewport.zoom };
  }

  private get workshop(): WorkshopDto | null {
    return this.ws.workshop;
  }

  /** The board shown: the one asked for, else the first; null when the one asked for is not (any more) there. */
  private get board(): BoardDto | null {
    const boards = this.workshop?.boards ?? [];
    return this.boardId ? (boards.find((b) => b.id === this.boardId) ?? null) : (boards[0] ?? null);
  }

  /** What the open session was made from: a new one only when this changes (not when another board is renamed). */
  private sessionKey(): string {
    const w = this.workshop;
    const b = this.board;
    return w && b ? JSON.stringify([w.id, w.me, w.organisations, w.protectOrganisationContent, b.room]) : '';
  }
  private openedFor = '';
  private get socket(): WorkshopSocket | null {
    return this.ws.socket;
  }

  private get locked(): boolean {
    const id = this.board?.id;
    return !!id && (this.live.state?.lockedBoards.includes(id) ?? false);
  }

  private readonly onSummon = async (e: Summon) => {
    const w = this.workshop;
    if (!w || e.by === w.me.id) return;
    // Summoned to another board: go there first; the view follows once it has opened.
    if (e.boardId !== this.board?.id) {
      if (!w.boards.some((b) => b.id === e.boardId)) return;
      this.pendingSummon = e;
      navigate(`/w/${w.id}/b/${e.boardId}`);
      return;
    }
    if (this.view !== 'canvas') await this.show('canvas');
    const c = this.canvas;
    if (!c) return;
    const here = c.viewCenter();
    this.summoned ??= { x: here.x, y: here.y, zoom: c.viewport.zoom };
    c.showView({ x: e.x, y: e.y }, e.zoom);
  };

  private back(): void {
    const from = this.summoned;
    this.summoned = null;
    if (from) this.canvas?.showView({ x: from.x, y: from.y }, from.zoom);
  }

  /** Opens the board shown anew when it (or what its session is made of) changed; closes it when it went. */
  private follow(): void {
    if (this.openedFor !== this.sessionKey() || (!this.board && this.session)) this.open();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('boardId') && this.hasUpdated) {
      this.summoned = null;
      this.selected = new Set();
      this.follow();
    }
  }

  protected override async updated(): Promise<void> {
    // Summoned to this board from another: show what the facilitator sees once the canvas is here.
    const summon = this.pendingSummon;
    if (summon && summon.boardId === this.board?.id && this.session) {
      this.pendingSummon = null;
      await this.updateComplete;
      await this.onSummon(summon);
    }
    // A lock came or went: the views read `session.readOnly` when they render.
    if (this.locked !== this.wasLocked) {
      this.wasLocked = this.locked;
      this.canvas?.requestUpdate();
      this.renderRoot.querySelector<LitElement>('sk-board-outline')?.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    this.offSummon?.();
    this.offSummon = null;
    this.session?.destroy();
    this.session = null;
    super.disconnectedCallback();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the DOM after a first render: open again what disconnectedCallback closed.
    if (this.hasUpdated && this.workshop && !this.session) this.open();
    if (this.hasUpdated && this.socket && !this.offSummon) this.offSummon = this.socket.onSummon(this.onSummon);
  }

  /** `conn`: the board opened afresh after the server refused an update (see room-connection.ts). */
  private open(conn?: RoomConnection): void {
    this.session?.destroy();
    this.session = null;
    this.openedFor = this.sessionKey();
    this.badges = null;
    this.comments.attach(null, !!conn);
    const w = this.workshop;
    const board = this.board;
    if (!w || !board) return;
    setImageWorkshop(w.id);
    const me = boardAuthor(w);
    const session = createBoardSession(
      conn ?? this.ws.value!.rooms.open(board.room),
      me,
      w.organisations,
      () => this.locked,
      () => this.live.state?.protectOrganisationContent ?? w.protectOrganisationContent,
      new BoardPeople(w.id, board.id, w.organisations),
    );
    session.conn.onReplaced((next) => this.open(next));
    session.awareness.setLocalStateField('user', { name: me.name, organisation: me.organisationName, organisationId: me.organisationId, role: me.role, memberId: me.id });
    this.session = session;
    this.comments.attach(session, !!conn);
    if (!conn) this.toCharter.followLink(session, (id) => ((this.pendingFocus = id), this.show('canvas')));
  }

  private readonly onComment = (e: CustomEvent<{ id: string }>) => void this.comments.show(e.detail.id, true);

  private readonly onSelection = (e: CustomEvent<string[]>) => {
    this.selected = new Set(e.detail);
    if (e.detail.length === 1) void this.comments.show(e.detail[0]!, false);
  };

  private readonly onCommentsClose = (_e: SkEvent<SkBoardCommentsEvents, 'sk-comments-close'>) => {
    const id = this.comments.close();
    if (id && this.view === 'canvas') void this.canvas?.focusElement(id);
  };

  private get canvas(): SkBoardCanvas | null {
    return this.renderRoot.querySelector('sk-board-canvas');
  }

  private async show(view: View): Promise<void> {
    if (view === 'outline') {
      try {
        await loadOutline();
        this.outlineFailed = false;
      } catch {
        this.outlineFailed = true;
        return;
      }
    }
    this.view = view;
    if (view !== 'canvas') this.selected = new Set();
    await this.updateComplete;
    if (view === 'canvas' && this.pendingFocus) {
      const id = this.pendingFocus;
      this.pendingFocus = null;
      await this.canvas?.updateComplete;
      this.canvas?.focusElement(id, 'center');
    }
  }

  private onInsertTemplate(e: SkEvent<SkTemplatePickerEvents, 'sk-insert-template'>): void {
    const s = this.session;
    if (!s || s.readOnly) return;
    const center = this.canvas?.viewCenter() ?? { x: 0, y: 0 };
    const ids = insertTemplateAtCenter(s, e.detail.templateId, center, appLocale());
    // A template is larger than most views: show all of it, below the toolbar, selected.
    this.canvas?.showElements(ids);
  }

  override render() {
    const s = this.session;
    const w = this.workshop;
    if (w && !this.board) {
      return html`<sk-board-tabs></sk-board-tabs>
        <div class="gone" role="alert">
          <p>${msg('This board does not exist (any more): a facilitator may have deleted it.', { id: 'board_gone' })}</p>
          <p><a href="/w/${w.id}">${msg('Open the first board', { id: 'board_gone_first' })}</a></p>
        </div>`;
    }
    if (!s || !w) return html`<p role="status">${msg('Opening the board…', { id: 'board_opening' })}</p>`;
    const viewButton = (v: View, label: string) =>
      html`<button type="button" class="seg" aria-pressed=${this.view === v ? 'true' : 'false'} @click=${() => this.show(v)}>${label}</button>`;
    return html`
      <div class="bar">
        <sk-board-tabs .current=${this.board?.id ?? ''}></sk-board-tabs>
        <div class="views" role="group" aria-label=${msg('View', { id: 'board_view' })}>
          ${viewButton('canvas', msg('Board', { id: 'board_view_canvas' }))} ${viewButton('outline', msg('Outline', { id: 'board_view_outline' }))}
        </div>
        ${s.readOnly
          ? html`<span class="badge">${this.locked ? msg('The facilitator has locked the board: you can read, not change', { id: 'board_locked' }) : msg('Observer: you can read, not change', { id: 'board_read_only' })}</span>`
          : html`<sk-template-picker @sk-insert-template=${this.onInsertTemplate}></sk-template-picker>`}
        ${this.locked && !s.readOnly ? html`<span class="badge">${msg('Board locked for participants', { id: 'board_locked_facilitator' })}</span>` : nothing}
        <label class="filter">
          <span>${msg('Highlight', { id: 'board_filter' })}</span>
          <select @change=${(e: Event) => (this.highlightOrg = (e.target as HTMLSelectElement).value || null)}>
            <option value="">${msg('All organisations', { id: 'board_filter_all' })}</option>
            ${w.organisations.map((o) => html`<option value=${o.id} ?selected=${this.highlightOrg === o.id}>${o.name}</option>`)}
          </select>
        </label>
        <sk-connection-status .conn=${s.conn}></sk-connection-status>
      </div>
      ${this.outlineFailed
        ? html`<p class="alert" role="alert">${msg('The outline could not be loaded. Check your connection and try again.', { id: 'board_outline_unloaded' })}</p>`
        : nothing}
      ${this.comments.failed
        ? html`<p class="alert" role="alert">${msg('The comments could not be loaded. Check your connection and try again.', { id: 'board_comments_unloaded' })}</p>`
        : nothing}
      ${this.summoned
        ? html`<div class="summoned" role="status">
            <span>${msg('The facilitator brought everyone to this part of the board.', { id: 'board_summoned' })}</span>
            <button type="button" @click=${this.back}>${msg('Back to where I was', { id: 'board_summoned_back' })}</button>
            <button type="button" @click=${() => (this.summoned = null)}>${msg('Stay here', { id: 'board_summoned_stay' })}</button>
          </div>`
        : nothing}
      ${this.toCharter.render()}
      <div class="layout">
        <div class="stage">
          ${this.view === 'canvas'
            ? html`<sk-board-canvas
                .session=${s}
                .highlightOrg=${this.highlightOrg}
                .voteBadges=${this.badges}
                .commentBadges=${this.comments.badges}
                .charterBadges=${this.toCharter.badges()}
                @sk-follow-change=${this.onFollowChange}
                @sk-selection-change=${this.onSelection}
                @sk-comment=${this.onComment}
                @sk-to-charter=${this.toCharter.open}
              ></sk-board-canvas>`
            : html`<sk-board-outline
                .session=${s}
                .highlightOrg=${this.highlightOrg}
                .commentCounts=${this.comments.badges}
                @sk-show-element=${this.onShowElement}
                @sk-comment=${this.onComment}
              ></sk-board-outline>`}
        </div>
        <aside aria-labelledby="people-heading">
          <h2 id="people-heading">${msg('Here now', { id: 'board_people' })}</h2>
          <sk-participants .session=${s} .following=${this.following} @sk-follow=${this.onFollow}></sk-participants>
          <sk-dot-vote .session=${s} .boardId=${this.board?.id ?? ''} @sk-vote-badges=${(e: CustomEvent<VoteBadges | null>) => (this.badges = e.detail)}
            @sk-show-element=${this.onShowElement}
            @sk-to-charter=${this.toCharter.open}
          ></sk-dot-vote>
          ${this.comments.shownFor
            ? html`<sk-board-comments .session=${s} .elementId=${this.comments.shownFor} .compose=${this.comments.compose} @sk-comments-close=${this.onCommentsClose}></sk-board-comments>`
            : nothing}
        </aside>
      </div>
    `;
  }

  private readonly onShowElement = (e: SkEvent<SkBoardOutlineEvents, 'sk-show-element'> | SkEvent<SkDotVoteEvents, 'sk-show-element'>) => {
    this.pendingFocus = e.detail.id;
    void this.show('canvas');
  };

  /** The canvas stopped following (I panned myself). */
  private readonly onFollowChange = (e: CustomEvent<number | null>) => {
    this.following = e.detail;
  };

  private readonly onFollow = async (e: SkEvent<SkParticipantsEvents, 'sk-follow'>) => {
    this.following = e.detail.clientId;
    if (this.view !== 'canvas') await this.show('canvas');
    this.canvas?.follow(this.following);
  };
}

customElements.define('sk-board-page', SkBoardPage);
