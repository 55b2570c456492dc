/**
 * `CharterController(host, getSession)`: re-renders the host after every change of the charter
 * document while the host is connected, and once the room has content (`ready`), so views read
 * the CharterDoc in `render()` and never subscribe themselves.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CharterSession } from './charter-session.js';

export class CharterController implements ReactiveController {
  private session: CharterSession | null = null;
  private off: (() => void) | null = null;
  private connected = false;
  /** True once the room has shown its content (from IndexedDB or the server). */
  ready = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly getSession: () => CharterSession | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.attach();
  }
  hostUpdate(): void {
    if (this.getSession() !== this.session) this.attach();
  }
  hostDisconnected(): void {
    this.connected = false;
    this.off?.();
    this.off = null;
    this.session = null;
  }

  private attach(): void {
    this.off?.();
    this.off = null;
    this.ready = false;
    const s = (this.session = this.connected ? this.getSession() : null);
    if (!s) return;
    let frame = 0;
    // Many updates in a burst (a sync, someone typing) become one render per frame.
    const update = () => (frame ||= requestAnimationFrame(() => ((frame = 0), this.host.requestUpdate())));
    const offChange = s.onChange(update);
    this.off = () => {
      offChange();
      cancelAnimationFrame(frame);
    };
    void s.conn.ready.then(() => {
      if (this.session !== s) return;
      this.ready = true;
      this.host.requestUpdate();
    });
  }
}
