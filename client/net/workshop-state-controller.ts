/**
 * `WorkshopStateController(host, getSocket)`: subscribes the host to a WorkshopSocket while the
 * host is connected (and follows a change of socket), so `render()` only reads `state`, `link`
 * and `session`. Components read the socket from the workshop context (workshop-context.ts).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SessionReady, WorkshopState } from '../../shared/realtime/index.js';
import type { LinkState, WorkshopSocket } from './workshop-socket.js';

export class WorkshopStateController implements ReactiveController {
  private socket: WorkshopSocket | null = null;
  private off: (() => void) | null = null;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly getSocket: () => WorkshopSocket | null,
  ) {
    host.addController(this);
  }

  get state(): WorkshopState | null {
    return this.socket?.store.current?.state ?? null;
  }
  /** Local clock (ms) when the timer in `state` arrived. */
  get timerReceivedAt(): number {
    return this.socket?.store.current?.timerReceivedAt ?? 0;
  }
  get link(): LinkState {
    return this.socket?.link ?? 'connecting';
  }
  get session(): SessionReady | null {
    return this.socket?.session ?? null;
  }
  get live(): WorkshopSocket | null {
    return this.socket;
  }

  hostConnected(): void {
    this.connected = true;
    this.attach();
  }
  hostUpdate(): void {
    if (this.getSocket() !== this.socket) this.attach();
  }
  hostDisconnected(): void {
    this.connected = false;
    this.off?.();
    this.off = null;
    this.socket = null;
  }

  private attach(): void {
    this.off?.();
    this.off = null;
    this.socket = this.connected ? this.getSocket() : null;
    if (this.socket) this.off = this.socket.subscribe(() => this.host.requestUpdate());
  }
}
