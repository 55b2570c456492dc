/**
 * Presence on the board through Yjs awareness: my cursor, selection and viewport go out coalesced,
 * on an animation frame at most every `MIN_SEND_MS` (the server relays at most 10 awareness
 * updates a second per connection and drops the rest); others' states come in as a typed list.
 * The server fixes `state.user`, so a name and organisation shown here are the member's real ones.
 */
import type { Awareness } from 'y-protocols/awareness';
import type { Point, Rect } from './viewport.js';

export interface LocalPresence {
  cursor: Point | null;
  selection: string[];
  viewport: Rect | null;
}

export interface Peer {
  clientId: number;
  name: string;
  organisationId: string | null;
  cursor: Point | null;
  selection: string[];
  viewport: Rect | null;
}

/** A little over the server's 100 ms, so timer jitter never makes a send one too many. */
const MIN_SEND_MS = 110;

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const point = (v: unknown): Point | null => {
  const p = v as Partial<Point> | null;
  return p && isNum(p.x) && isNum(p.y) ? { x: p.x, y: p.y } : null;
};
const rect = (v: unknown): Rect | null => {
  const r = v as Partial<Rect> | null;
  return r && isNum(r.x) && isNum(r.y) && isNum(r.w) && isNum(r.h) && r.w > 0 && r.h > 0 ? { x: r.x, y: r.y, w: r.w, h: r.h } : null;
};

export class PresenceChannel {
  private pending: Partial<LocalPresence> = {};
  private frame = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastSent = -Infinity;
  private notifyFrame = 0;

  constructor(
    private readonly awareness: Awareness,
    private readonly onPeers: () => void,
  ) {
    awareness.on('change', this.onChange);
  }

  /** Queues fields of my state; they are sent together on the next animation frame. */
  publish(patch: Partial<LocalPresence>): void {
    Object.assign(this.pending, patch);
    if (this.frame || this.timer) return;
    const wait = this.lastSent + MIN_SEND_MS - performance.now();
    if (wait <= 0) this.frame = requestAnimationFrame(this.flush);
    else
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.frame = requestAnimationFrame(this.flush);
      }, wait);
  }

  peers(): Peer[] {
    const out: Peer[] = [];
    this.awareness.getStates().forEach((state, clientId) => {
      if (clientId === this.awareness.clientID || !state) return;
      const user = (state.user ?? {}) as Record<string, unknown>;
      const sel = Array.isArray(state.selection) ? state.selection.filter((s): s is string => typeof s === 'string').slice(0, 500) : [];
      out.push({
        clientId,
        name: typeof user.name === 'string' ? user.name.slice(0, 100) : '?',
        organisationId: typeof user.organisationId === 'string' ? user.organisationId : null,
        cursor: point(state.cursor),
        selection: sel,
        viewport: rect(state.viewport),
      });
    });
    return out;
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    cancelAnimationFrame(this.notifyFrame);
    this.awareness.off('change', this.onChange);
    if (this.awareness.getLocalState()) this.awareness.setLocalStateField('cursor', null);
  }

  private readonly flush = () => {
    this.frame = 0;
    this.lastSent = performance.now();
    const state = this.awareness.getLocalState();
    if (state) this.awareness.setLocalState({ ...state, ...this.pending });
    this.pending = {};
  };

  private readonly onChange = (c: { added: number[]; updated: number[]; removed: number[] }) => {
    const me = this.awareness.clientID;
    if ([...c.added, ...c.updated, ...c.removed].every((id) => id === me)) return;
    this.notifyFrame ||= requestAnimationFrame(() => {
      this.notifyFrame = 0;
      this.onPeers();
    });
  };
}
