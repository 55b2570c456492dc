/**
 * The board page's part of "Send to the charter" (issue #17): opens `<sk-charter-send>` (loaded
 * on first use) for the note the canvas names, with the zone it sits in; runs `charter.import`
 * through the workshop's live connection; says what happened in a status line with a way to the
 * charter; knows which notes of the board are in the charter (the live state's
 * `charterSources`), for the canvas's badges; and follows the charter's links back to a note.
 */
import { msg } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { CharterImported } from '../../../shared/realtime/index.js';
import type { WorkshopState } from '../../../shared/realtime/index.js';
import type { WorkshopSocket } from '../../net/workshop-socket.js';
import type { BoardSession } from '../board-session.js';
import { loadCharterSend } from '../lazy-parts.js';
import type { SkCharterSend } from './sk-charter-send.js';

export interface CharterSendDeps {
  socket: WorkshopSocket | null;
  session: BoardSession | null;
  boardId: string | null;
  workshopId: string | null;
  state: WorkshopState | null;
}

export class CharterSendController implements ReactiveController {
  /** The dialog's code has arrived (it renders from then on). */
  private loaded = false;
  /** What the board says after a send. */
  private sent: string | null = null;
  private cachedFor: CharterImported[] | null = null;
  private cached: ReadonlySet<string> = new Set();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode },
    private readonly deps: () => CharterSendDeps,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Ids of this board's elements that are in the charter (a stable set while nothing changes). */
  badges(): ReadonlySet<string> | null {
    const d = this.deps();
    const sources = d.state?.charterSources ?? null;
    if (!sources || !d.boardId) return null;
    if (sources !== this.cachedFor) {
      this.cachedFor = sources;
      this.cached = new Set(sources.filter((x) => x.boardId === d.boardId).map((x) => x.elementId));
    }
    return this.cached;
  }

  /** `/w/<id>/b/<boardId>#<elementId>` (the charter's link back to a note): shows that element once the board is there. */
  followLink(session: BoardSession, show: (elementId: string) => void): void {
    const wanted = location.hash.slice(1);
    if (wanted) void session.conn.ready.then(() => show(wanted));
  }

  /** `sk-to-charter` from the canvas: asks what the note becomes. */
  readonly open = async (e: CustomEvent<{ id: string }>): Promise<void> => {
    const { session } = this.deps();
    const el = session?.board.get(e.detail.id);
    if (!session || !el) return;
    const opener = (e.composedPath()[0] as HTMLElement | undefined) ?? null;
    try {
      await loadCharterSend();
    } catch (err) {
      return console.warn('Send to the charter could not be loaded:', err);
    }
    this.loaded = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.host.renderRoot.querySelector<SkCharterSend>('sk-charter-send');
    await dialog?.show(el, session.board.frameOf(el)?.text ?? '', opener);
  };

  private readonly onSent = async (e: CustomEvent<CharterImported>) => {
    const { session } = this.deps();
    const name = (session?.board.get(e.detail.elementId)?.text ?? '').split('\n')[0]!.slice(0, 80);
    const { sentText } = (await loadCharterSend()) as typeof import('./sk-charter-send.js');
    this.sent = sentText(e.detail.collection, name);
    this.host.requestUpdate();
  };

  render() {
    const d = this.deps();
    const send = (p: Parameters<NonNullable<SkCharterSend['send']>>[0]) => {
      if (!d.socket) return Promise.reject(new Error(msg('The live connection is down; try again when it is back.', { id: 'board_send_offline' })));
      return d.socket.command('charter.import', p);
    };
    return html`${this.loaded ? html`<sk-charter-send .send=${send} .boardId=${d.boardId ?? ''} @sk-sent=${this.onSent}></sk-charter-send>` : nothing}
    ${this.sent
      ? html`<div class="sent" role="status">
          <span>${this.sent}</span>
          <a href=${`/w/${d.workshopId}/charter`}>${msg('Open the charter', { id: 'board_send_open_charter' })}</a>
          <button type="button" @click=${() => ((this.sent = null), this.host.requestUpdate())}>${msg('OK', { id: 'board_send_ok' })}</button>
        </div>`
      : nothing}`;
  }
}
