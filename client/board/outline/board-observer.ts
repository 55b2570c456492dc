/**
 * A reactive controller that re-renders its host when a board document or its undo history
 * changes, at most once per animation frame (a template insert or a remote burst of edits is
 * one render, not hundreds).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BoardSession } from '../board-session.js';

export class BoardObserver implements ReactiveController {
  private session: BoardSession | null = null;
  private offPeople: (() => void) | null = null;
  private frame = 0;
  private connected = false;
  /** Bumped on every observed change; the host may cache derived data against it. */
  version = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Follows another session (or none); call from the host's willUpdate. */
  watch(session: BoardSession | null): void {
    if (session === this.session) return;
    this.unsubscribe();
    this.session = session;
    if (this.connected) this.subscribe();
    this.version++;
  }

  /** Re-render now (after a local action whose result the host wants to focus). */
  flush(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.version++;
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.connected = true;
    this.subscribe();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe();
  }

  private readonly schedule = () => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.version++;
      this.host.requestUpdate();
    });
  };

  private subscribe(): void {
    const s = this.session;
    if (!s) return;
    s.board.elements.observeDeep(this.schedule);
    s.undo.on('stack-item-added', this.schedule);
    s.undo.on('stack-item-popped', this.schedule);
    s.undo.on('stack-cleared', this.schedule);
    this.offPeople = s.people?.onChange(this.schedule) ?? null;
    this.schedule();
  }

  private unsubscribe(): void {
    const s = this.session;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (!s) return;
    s.board.elements.unobserveDeep(this.schedule);
    s.undo.off('stack-item-added', this.schedule);
    s.undo.off('stack-item-popped', this.schedule);
    s.undo.off('stack-cleared', this.schedule);
    this.offPeople?.();
    this.offPeople = null;
  }
}
