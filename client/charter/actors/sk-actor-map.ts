/**
 * `<sk-actor-map>`: the actor map as a diagram. Actors are buttons (focusable, in the table's
 * order) placed at their stored position or a free grid slot; relations are labelled arrows.
 * Drag a node with the pointer, or focus it and use the arrow keys (Shift: bigger steps), to
 * move it; Enter (or a click) edits it; Delete removes it (the host confirms). The drawing is a
 * picture of the table beside it, so the arrows themselves are hidden from screen readers.
 *
 * Properties: `actors`, `relations`, `readOnly`.
 * Events: `sk-actor-move` ({ id, x, y }), `sk-actor-edit` ({ id, opener }), `sk-actor-delete`
 * ({ id, opener }). Slots: none. Parts: `diagram`.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, svg } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Actor, Relation } from '../../../shared/charter/schema.js';
import { emitter } from '../../ui/events.js';
import { sharedStyles } from '../../ui/shared.styles.js';
import { actorKindName, relationKindName } from '../charter-texts.js';
import { arrows, extent, labelBoxes, layoutActors, NODE_H, NODE_W, type Pos } from './actor-layout.js';
import { actorMapStyles } from './sk-actor-map.styles.js';

export interface ActorMoveDetail {
  id: string;
  x: number;
  y: number;
}
export interface ActorRefDetail {
  id: string;
  opener: HTMLElement;
}
export interface SkActorMapEvents {
  'sk-actor-move': ActorMoveDetail;
  'sk-actor-edit': ActorRefDetail;
  'sk-actor-delete': ActorRefDetail;
}

const STEP = 10;
const BIG_STEP = 50;
const DRAG_THRESHOLD = 4;

export class SkActorMap extends LitElement {
  static override styles = [sharedStyles, actorMapStyles];
  static override properties = { actors: { attribute: false }, relations: { attribute: false }, readOnly: { type: Boolean }, drag: { state: true } };
  declare actors: Actor[];
  declare relations: Relation[];
  declare readOnly: boolean;
  declare drag: { id: string; start: Pos; origin: Pos; at: Pos; moved: boolean } | null;
  private suppressClick = false;
  /** Moves not yet back from the document (they come a frame later): key presses add up, drops stay put. */
  private nudged = new Map<string, Pos>();

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.actors = [];
    this.relations = [];
    this.readOnly = false;
    this.drag = null;
  }

  private readonly emit = emitter<SkActorMapEvents>(this);

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('actors')) return;
    for (const a of this.actors) {
      const n = this.nudged.get(a.id);
      if (n && a.x === n.x && a.y === n.y) this.nudged.delete(a.id);
    }
  }

  private positions(): Map<string, Pos> {
    const pos = layoutActors(this.actors);
    for (const [id, p] of this.nudged) if (pos.has(id)) pos.set(id, p);
    if (this.drag) pos.set(this.drag.id, this.drag.at);
    return pos;
  }

  private onKey(e: KeyboardEvent, a: Actor): void {
    const btn = e.currentTarget as HTMLElement;
    if (e.key === 'Delete' || e.key === 'Backspace') {
      if (this.readOnly) return;
      e.preventDefault();
      this.emit('sk-actor-delete', { id: a.id, opener: btn });
      return;
    }
    const d = e.shiftKey ? BIG_STEP : STEP;
    const delta: Record<string, Pos> = { ArrowLeft: { x: -d, y: 0 }, ArrowRight: { x: d, y: 0 }, ArrowUp: { x: 0, y: -d }, ArrowDown: { x: 0, y: d } };
    const m = delta[e.key];
    if (!m || this.readOnly) return;
    e.preventDefault();
    const at = this.positions().get(a.id);
    if (!at) return;
    const next = { x: at.x + m.x, y: at.y + m.y };
    this.nudged.set(a.id, next);
    this.requestUpdate();
    this.emit('sk-actor-move', { id: a.id, ...next });
    // Keep the moving node in sight inside the scrolling diagram.
    const node = e.currentTarget as HTMLElement;
    void this.updateComplete.then(() => node.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
  }

  /**
   * A drag follows the pointer on the window, not on the node: the node is re-rendered as it
   * moves, and a pointer capture does not always survive that.
   */
  private onPointerDown(e: PointerEvent, a: Actor, at: Pos): void {
    if (this.readOnly || e.button !== 0) return;
    this.drag = { id: a.id, start: { x: e.clientX, y: e.clientY }, origin: at, at, moved: false };
    window.addEventListener('pointermove', this.onPointerMove);
    window.addEventListener('pointerup', this.onPointerUp);
    window.addEventListener('pointercancel', this.onPointerCancel);
  }

  private stopListening(): void {
    window.removeEventListener('pointermove', this.onPointerMove);
    window.removeEventListener('pointerup', this.onPointerUp);
    window.removeEventListener('pointercancel', this.onPointerCancel);
  }

  override disconnectedCallback(): void {
    this.stopListening();
    super.disconnectedCallback();
  }

  private readonly onPointerMove = (e: PointerEvent) => {
    const d = this.drag;
    if (!d) return;
    const dx = e.clientX - d.start.x;
    const dy = e.clientY - d.start.y;
    if (!d.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    e.preventDefault();
    this.drag = { ...d, moved: true, at: { x: Math.round(d.origin.x + dx), y: Math.round(d.origin.y + dy) } };
  };

  private readonly onPointerUp = () => {
    this.stopListening();
    const d = this.drag;
    this.drag = null;
    if (!d?.moved) return;
    this.suppressClick = true;
    // Stay where dropped until the document says so (a frame later), instead of jumping back.
    this.nudged.set(d.id, d.at);
    this.emit('sk-actor-move', { id: d.id, x: d.at.x, y: d.at.y });
  };

  private readonly onPointerCancel = () => {
    this.stopListening();
    this.drag = null;
  };

  private onClick(e: MouseEvent, a: Actor): void {
    if (this.suppressClick) {
      this.suppressClick = false;
      return;
    }
    this.emit('sk-actor-edit', { id: a.id, opener: e.currentTarget as HTMLElement });
  }

  override render() {
    const pos = this.positions();
    const box = extent(pos.values());
    const lines = arrows(this.relations, pos);
    const kinds = new Map(this.relations.map((r) => [r.id, r]));
    const name = (id: string) => relationKindName(kinds.get(id)!.kind);
    // Labels go where no actor's box (drawn above the picture) can hide them.
    const labels = labelBoxes(lines, pos, name, measureLabel);
    const hint = this.readOnly
      ? msg('A picture of the actors and how they relate; the table below holds the same.', { id: 'charter_map_hint_readonly' })
      : msg('Drag an actor, or focus it and use the arrow keys, to move it. Enter edits, Delete removes.', { id: 'charter_map_hint' });
    return html`
      <p class="hint" id="map-hint">${hint}</p>
      <div class="scroll" part="diagram" role="group" aria-label=${msg('Actor map diagram', { id: 'charter_map_label' })}>
        <div class="world" style="width:${box.w}px;height:${box.h}px">
          <svg width=${box.w} height=${box.h} viewBox="${box.x} ${box.y} ${box.w} ${box.h}" aria-hidden="true">
            <defs>
              <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" /></marker>
            </defs>
            ${lines.map((l) => svg`<path class="edge" d=${l.d} marker-end="url(#arrow)" />`)}
            ${lines.map((l, i) => {
              const at = labels[i]!;
              return svg`<g class="edge-tag"><rect x=${at.x} y=${at.y} width=${at.w} height=${at.h} rx="4"></rect
                ><text class="edge-label" x=${at.x + at.w / 2} y=${at.y + at.h / 2}>${name(l.id)}</text></g>`;
            })}
          </svg>
          ${repeat(
            this.actors,
            (a) => a.id,
            (a) => {
              const at = pos.get(a.id)!;
              return html`<button
                type="button"
                class="node kind-${a.kind} ${this.drag?.id === a.id ? 'dragging' : ''}"
                data-actor=${a.id}
                style="left:${at.x - box.x}px;top:${at.y - box.y}px;width:${NODE_W}px;height:${NODE_H}px"
                aria-describedby="map-hint"
                @keydown=${(e: KeyboardEvent) => this.onKey(e, a)}
                @pointerdown=${(e: PointerEvent) => this.onPointerDown(e, a, at)}
                @click=${(e: MouseEvent) => this.onClick(e, a)}
              >
                <span class="name">${a.name || '—'}</span>
                <span class="kind">${actorKindName(a.kind)}</span>
              </button>`;
            },
          )}
        </div>
      </div>
    `;
  }
}

/** A label's width as `.edge-label` draws it (12px, the page's font). */
let measurer: CanvasRenderingContext2D | null | undefined;
function measureLabel(text: string): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * 7;
  measurer.font = `12px ${getComputedStyle(document.body).fontFamily || 'sans-serif'}`;
  return measurer.measureText(text).width;
}

customElements.define('sk-actor-map', SkActorMap);
