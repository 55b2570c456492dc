/**
 * `<sk-workshop-page>`: a workshop as its member sees it. The title and the tabs on top, with
 * the live bar (phase, timer, hands, facilitator tools) and any open question below them; the
 * board tab (`/w/<id>`) shows `<sk-board-page>`, the vision tab (`/w/<id>/vision`)
 * `<sk-vision-page>`, the charter tab (`/w/<id>/charter/<section>`) `<sk-charter-page>`, the
 * settings tab (`/w/<id>/settings`) `<sk-settings-tab>` (you, the organisations, the members and,
 * for facilitators, invites and deleting the workshop). The page owns the one socket.io connection
 * of the workshop and the registry of its rooms, and provides them to the views as the workshop
 * context (client/net/workshop-context.ts: workshop, me, socket, members, rooms, visit); records a visit once it opened (`POST …/visit`: the
 * views' "since your last visit" comes from the answer) and fetches the members again when the
 * server says one changed (`member.changed`).
 * A caller who is not a member (401/404) is told so, with a way home; a member removed while the
 * page is open is told so instead of the page reconnecting for ever.
 *
 * Properties: `workshopId`, `tab` ('board' | 'vision' | 'charter' | 'settings'), `section`
 * (charter section), `boardId` (the board shown; null: the first). `boards.changed` from the
 * server updates the workshop's boards in the context.
 * Events: none. Slots: none. Parts: none.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { BoardDto, MemberDto, WorkshopDto } from '../../shared/api.js';
import { api, ApiError, isRemovedError } from '../net/api.js';
import { appLocale, hasChosenLocale, setAppLocale } from '../ui/i18n.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { roleName } from '../ui/texts.js';
import { VISIT_PENDING, type VisitInfo } from '../net/visit.js';
import '../board/sk-board-page.js';
import type { SkBoardPage } from '../board/sk-board-page.js';
import type { CharterSection, WorkshopTab } from '../ui/navigation.js';
import '../facilitation/sk-live-bar.js';
import './sk-tools-aside.js';
import type { SkLiveBar, SkLiveBarEvents } from '../facilitation/sk-live-bar.js';
import { ContextProvider } from '@lit/context';
import { RoomRegistry } from '../net/rooms.js';
import { workshopContext } from '../net/workshop-context.js';
import { WorkshopSocket } from '../net/workshop-socket.js';
import './sk-refused-notice.js';
import { MEMBER_REMOVED_EVENT, SESSION_ENDED_EVENT } from '../net/membership.js';
import { ROLE_CHANGED_EVENT } from '../net/role-changed.js';
import { loadExtras, loadTab, prefetchTabs } from './lazy-tabs.js';
import { workshopStyles } from './sk-workshop-page.styles.js';
import { pageHeading, renderNotReady, type Load } from './page-states.js';
import type { SkEvent } from '../ui/events.js';
import type { SkOrgNumbersEvents } from './sk-org-numbers.js';
import type { SkWorkshopSettingsEvents } from './sk-workshop-settings.js';


export class SkWorkshopPage extends LitElement {
  static override styles = [sharedStyles, workshopStyles];
  static override properties = {
    workshopId: { type: String },
    tab: { type: String },
    section: { type: String },
    boardId: { type: String },
    load: { state: true },
    tabFailed: { state: true },
    myRoleNotice: { state: true },
    toolsOpen: { state: true },
  };
  declare workshopId: string;
  declare tab: WorkshopTab;
  declare section: CharterSection;
  /** The board shown on the board tab (`/w/<id>/b/<boardId>`); null: the first. */
  declare boardId: string | null;
  declare load: Load;
  /** The tab's code could not be loaded (offline before it was ever opened). */
  declare tabFailed: boolean;
  /** Shown to a member whose own role a facilitator changed while the page was open. */
  declare myRoleNotice: string;
  /** The facilitator's tools stand beside the tab's content (never over it: the board stays in use). */
  declare toolsOpen: boolean;
  /** Settles when the first load is done; the shell waits for it before moving focus to the h1. */
  pageReady: Promise<void> = Promise.resolve();

  /** The workshop context every feature inside consumes (client/net/workshop-context.ts). */
  private readonly provider = new ContextProvider(this, { context: workshopContext });
  /** What the context carries besides the workshop; each change renders and publishes anew. */
  private held: { socket: WorkshopSocket | null; members: MemberDto[]; membersBusy: boolean; visit: VisitInfo } = { socket: null, members: [], membersBusy: false, visit: VISIT_PENDING };
  private rooms: RoomRegistry | null = null;
  private hold(patch: Partial<SkWorkshopPage['held']>): void {
    this.held = { ...this.held, ...patch };
    this.requestUpdate();
  }
  private get socket(): WorkshopSocket | null {
    return this.held.socket;
  }
  private set socket(socket: WorkshopSocket | null) {
    this.hold({ socket });
  }
  private get members(): MemberDto[] {
    return this.held.members;
  }
  private set members(members: MemberDto[]) {
    this.hold({ members });
  }
  private set membersBusy(membersBusy: boolean) {
    this.hold({ membersBusy });
  }
  /** This page's visit, recorded once it opened: "since your last visit" for the views. */
  private set visit(visit: VisitInfo) {
    this.hold({ visit });
  }

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.workshopId = '';
    this.tab = 'board';
    this.section = 'actors';
    this.boardId = null;
    this.load = { state: 'loading' };
    this.myRoleNotice = '';
    this.tabFailed = false;
    this.toolsOpen = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('workshopId') && this.workshopId) this.pageReady = this.fetch();
    if (changed.has('tab')) {
      const tab = this.tab;
      this.tabFailed = false;
      loadTab(tab).catch(() => {
        if (this.tab === tab) this.tabFailed = true;
      });
    }
    // One live connection per workshop, opened once the member is known to belong to it. (Its code
    // stays in the entry: facilitators act on it at once, and a late socket would drop their commands.)
    const id = this.load.state === 'ready' ? this.load.workshop.id : null;
    if (this.socketFor !== id) {
      this.socketFor = id;
      this.offSocket?.();
      this.offMembers?.();
      this.socket?.destroy();
      this.socket = id ? new WorkshopSocket(id) : null;
      this.offSocket = this.socket?.subscribe(this.onLive) ?? null;
      const offMember = this.socket?.onMemberChanged(this.onMemberChanged);
      const offBoards = this.socket?.onBoardsChanged(this.onBoardsChanged);
      this.offMembers = offMember && offBoards ? () => (offMember(), offBoards()) : null;
      // The rooms belong to the same member in the same workshop.
      this.rooms?.close();
      this.rooms = id && this.load.state === 'ready' ? new RoomRegistry(this.load.workshop.me.id) : null;
    }
    this.publish();
  }

  /** A new context value when anything in it changed (consumers re-render on a new value). */
  private publish(): void {
    const w = this.load.state === 'ready' ? this.load.workshop : null;
    const now = this.provider.value;
    if (!w || !this.rooms) {
      if (now !== undefined) this.provider.setValue(undefined);
      return;
    }
    const { socket, members, membersBusy, visit } = this.held;
    if (now && now.workshop === w && now.socket === socket && now.members === members && now.membersBusy === membersBusy && now.visit === visit && now.rooms === this.rooms) return;
    this.provider.setValue({ workshop: w, me: w.me, socket, members, membersBusy, visit, rooms: this.rooms });
  }

  private offSocket: (() => void) | null = null;
  private offMembers: (() => void) | null = null;
  /** The workshop whose live connection is open or opening. */
  private socketFor: string | null = null;
  private namesAskedAt = 0;

  /** Someone who joined after the page loaded raised a hand or took a stance: fetch the names again. */
  private readonly onLive = () => {
    const st = this.socket?.store.current?.state;
    if (!st || this.held.membersBusy || Date.now() - this.namesAskedAt < 5000) return;
    const known = new Set(this.members.map((m) => m.id));
    const ids = [...st.hands.map((h) => h.memberId), ...st.principles.flatMap((p) => p.stances.map((x) => x.memberId))];
    if (ids.every((id) => known.has(id))) return;
    this.namesAskedAt = Date.now();
    // Quietly: a failed refresh only leaves "someone" in place of a name.
    api.members(this.workshopId).then(
      (members) => (this.members = members),
      () => undefined,
    );
  };

  /** Someone was renamed, removed or merged: lists fetch again; if it was me, so does who I am. */
  /** The boards changed: a new workshop value, so every view (the board page, the export) follows. */
  private readonly onBoardsChanged = (e: { boards: BoardDto[] }) => {
    if (this.load.state !== 'ready') return;
    this.load = { state: 'ready', workshop: { ...this.load.workshop, boards: e.boards } };
  };

  private readonly onMemberChanged = (e: { member: MemberDto }) => {
    const me = this.load.state === 'ready' ? this.load.workshop.me.id : null;
    if (e.member.id === me) void this.onRoleChanged(false);
    else void this.refreshMembers();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(ROLE_CHANGED_EVENT, this.onRoleChanged);
    window.addEventListener(MEMBER_REMOVED_EVENT, this.onRemoved);
    window.addEventListener(SESSION_ENDED_EVENT, this.onSessionEnded);
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    window.removeEventListener(ROLE_CHANGED_EVENT, this.onRoleChanged);
    window.removeEventListener(MEMBER_REMOVED_EVENT, this.onRemoved);
    window.removeEventListener(SESSION_ENDED_EVENT, this.onSessionEnded);
    this.offSocket?.();
    this.offSocket = null;
    this.offMembers?.();
    this.offMembers = null;
    this.socket?.destroy();
    this.socket = null;
    this.socketFor = null;
    this.rooms?.close();
    this.rooms = null;
    super.disconnectedCallback();
  }

  /** Where the board is looking now, for the facilitator's "summon"; null off the board. */
  private readonly boardView = () => this.renderRoot.querySelector<SkBoardPage>('sk-board-page')?.currentView() ?? null;
  private readonly voteScopes = () => this.renderRoot.querySelector<SkBoardPage>('sk-board-page')?.voteScopes() ?? null;

  private async fetch(): Promise<void> {
    const id = this.workshopId;
    this.load = { state: 'loading' };
    try {
      // The members list is not needed to work (offline, the workshop comes from the cache).
      const [workshop, members] = await Promise.all([api.workshop(id), api.members(id).catch(() => [])]);
      if (id !== this.workshopId) return;
      this.members = members;
      // The workshop's default language, unless this browser's user chose one.
      if (!hasChosenLocale() && workshop.language !== appLocale()) await setAppLocale(workshop.language, false);
      this.load = { state: 'ready', workshop };
      void this.recordVisit(id);
      // Everything the page may need offline is here: the service worker holds it (tests wait for this).
      void Promise.all([loadExtras(), prefetchTabs()]).then(() => (document.documentElement.dataset.offlineReady = 'true'));
    } catch (error) {
      if (id === this.workshopId) this.fail(error);
    }
  }

  /** Once per opening of the page: the answer is the visit before this one. */
  private async recordVisit(id: string): Promise<void> {
    this.visit = VISIT_PENDING;
    try {
      const { previousVisitAt } = await api.visit(id);
      if (id === this.workshopId) this.visit = { state: 'known', previousVisitAt };
    } catch {
      if (id === this.workshopId) this.visit = { state: 'unknown' };
    }
  }

  /** A facilitator removed me: no more reconnecting, a clear notice instead (focus on its heading). */
  private readonly onRemoved = async () => {
    this.load = { state: 'removed' };
    this.closeSocket();
    await this.updateComplete;
    this.renderRoot.querySelector('h1')?.focus();
  };

  /** A room refused my credential (4401): ask the server whether anything is left of my membership. */
  private readonly onSessionEnded = async () => {
    if (this.load.state !== 'ready') return;
    const id = this.workshopId;
    try {
      await api.workshop(id);
    } catch (error) {
      if (id !== this.workshopId || !(error instanceof ApiError) || error.status !== 401) return;
      if (this.socket?.removed) return this.onRemoved();
      this.fail(error);
      this.closeSocket();
    }
  };

  private closeSocket(): void {
    this.offSocket?.();
    this.offMembers?.();
    this.offSocket = this.offMembers = null;
    this.socket?.destroy();
    this.socket = null;
  }

  /** 401/404: no session for this workshop, or the workshop is gone (a removed member is told so); anything else may pass. */
  private fail(error: unknown): void {
    if (isRemovedError(error)) return void this.onRemoved();
    const denied = error instanceof ApiError && (error.status === 401 || error.status === 404);
    this.load = denied ? { state: 'denied' } : { state: 'failed', error };
  }

  /** Our role (or name) changed: reload who we are without tearing the page down. */
  private readonly onRoleChanged = async (announce: unknown = true) => {
    const id = this.workshopId;
    const before = this.load.state === 'ready' ? this.load.workshop.me.role : null;
    try {
      const [workshop, members] = await Promise.all([api.workshop(id), api.members(id)]);
      if (id !== this.workshopId) return;
      this.members = members;
      this.load = { state: 'ready', workshop };
      if (announce !== false || before !== workshop.me.role) this.myRoleNotice = msg(str`Your role is now: ${roleName(workshop.me.role)}.`, { id: 'ws_my_role_changed' });
    } catch (error) {
      if (this.load.state !== 'removed') this.fail(error);
    }
  };

  private readonly onChanged = (e: SkEvent<SkWorkshopSettingsEvents | SkOrgNumbersEvents, 'sk-workshop-changed'>) => {
    this.load = { state: 'ready', workshop: e.detail };
  };

  private readonly refreshMembers = async (): Promise<void> => {
    this.membersBusy = true;
    try {
      this.members = await api.members(this.workshopId);
    } catch (error) {
      if (this.load.state !== 'removed') this.fail(error);
    } finally {
      this.membersBusy = false;
    }
  };

  protected override updated(): void {
    // On the board the page fills the window (the shell gives it the height): the board grows.
    this.classList.toggle('fill', this.tab === 'board');
    document.title = `${pageHeading(this.load)} – Samskap`;
  }

  override render() {
    const l = this.load;
    return l.state === 'ready' ? this.renderWorkshop(l.workshop) : renderNotReady(l, () => void this.fetch());
  }

  private renderWorkshop(w: WorkshopDto) {
    const tab = (name: WorkshopTab, href: string, label: string) =>
      html`<a href=${href} aria-current=${this.tab === name ? 'page' : 'false'}>${label}</a>`;
    return html`
      <div class="head">
        <h1 tabindex="-1">${w.title}</h1>
        <sk-export-dialog .currentBoard=${this.tab === 'board' ? (this.boardId ?? w.boards[0]?.id ?? null) : null}></sk-export-dialog>
        <nav class="tabs" aria-label=${msg('Workshop parts', { id: 'ws_tabs' })}>
          ${tab('board', `/w/${w.id}`, msg('Board', { id: 'ws_tab_board' }))}
          ${tab('vision', `/w/${w.id}/vision`, msg('Vision', { id: 'ws_tab_vision' }))}
          ${tab('charter', `/w/${w.id}/charter/${this.section}`, msg('Charter', { id: 'ws_tab_charter' }))}
          ${tab('settings', `/w/${w.id}/settings`, w.me.role === 'facilitator' ? msg('Members and invites', { id: 'ws_tab_settings' }) : msg('Members', { id: 'ws_members_heading' }))}
        </nav>
      </div>
      <p role="status" class="role-notice" ?hidden=${!this.myRoleNotice}>${this.myRoleNotice}</p>
      <sk-refused-notice .maxChars=${w.limits?.visionMaxChars ?? 0}></sk-refused-notice>
      ${this.tabFailed
        ? html`<div class="alert" role="alert">${msg('This part of the workshop could not be loaded. Check your connection and try again.', { id: 'ws_tab_load_failed' })}</div>`
        : nothing}
      <sk-live-bar .boardView=${this.boardView} .onBoard=${this.tab === 'board'} .toolsOpen=${this.toolsOpen} @sk-tools-toggle=${this.onToolsToggle}></sk-live-bar>
      <sk-answer-form></sk-answer-form>
      <sk-brainwriting-form></sk-brainwriting-form>
      <div class="work ${this.toolsOpen && w.me.role === 'facilitator' ? 'with-tools' : ''}">
        <div class="tab">
          ${this.tab === 'board'
            ? html`<sk-board-page .boardId=${this.boardId}></sk-board-page>`
            : this.tab === 'vision'
              ? html`<sk-vision-page></sk-vision-page>`
              : this.tab === 'charter'
                ? html`<sk-charter-page .section=${this.section} @sk-workshop-changed=${this.onChanged}></sk-charter-page>`
                : this.renderSettings()}
        </div>
        ${this.toolsOpen && w.me.role === 'facilitator'
          ? html`<sk-tools-aside
              class="tools"
              .boardView=${this.boardView}
              .voteScopes=${this.voteScopes}
              .onBoard=${this.tab === 'board'}
              .shownBoard=${this.tab === 'board' ? (this.boardId ?? w.boards[0]?.id ?? null) : null}
              @sk-tools-close=${this.closeTools}
            ></sk-tools-aside>`
          : nothing}
      </div>
    `;
  }


  private readonly onToolsToggle = async (e: SkEvent<SkLiveBarEvents, 'sk-tools-toggle'>) => {
    this.toolsOpen = e.detail.open;
    if (!this.toolsOpen) return;
    await this.updateComplete;
    await this.renderRoot.querySelector('sk-tools-aside')?.focusHeading();
  };

  private readonly closeTools = async () => {
    this.toolsOpen = false;
    await this.updateComplete;
    this.renderRoot.querySelector<SkLiveBar>('sk-live-bar')?.focusTools();
  };

  private renderSettings() {
    return html`<sk-settings-tab
      @sk-members-refresh=${this.refreshMembers}
      @sk-workshop-changed=${this.onChanged}
      @sk-me-changed=${() => this.onRoleChanged(false)}
    ></sk-settings-tab>`;
  }
}

customElements.define('sk-workshop-page', SkWorkshopPage);
