/**
 * The canvas's view of the world: moves the world layer and the dot grid by transform only
 * (panning repaints nothing), asks for a render only when the view leaves the area already
 * rendered (culling margin), fits content, follows another participant's viewport.
 */
import type { BoardElement } from '../../../shared/board/schema.js';
import type { CanvasState } from './canvas-state.js';
import { contains, union, type Rect } from './viewport.js';

export class CanvasView {
  /** The world area the last render covered (the view plus a margin). */
  private rendered: Rect | null = null;
  private shownZoom = 1;
  private fitted = false;

  constructor(private readonly c: CanvasState) {}

  /** The area to render now: the view with half a view of margin on every side. */
  renderArea(): Rect {
    const view = this.c.viewport.world();
    const m = Math.max(view.w, view.h) * 0.5;
    this.shownZoom = this.c.viewport.zoom;
    this.rendered = { x: view.x - m, y: view.y - m, w: view.w + 2 * m, h: view.h + 2 * m };
    return this.rendered;
  }

  apply(publish: boolean): void {
    const { c } = this;
    const vp = c.viewport;
    const world = c.host.renderRoot.querySelector<HTMLElement>('.world');
    if (world) {
      world.style.transform = `translate(${vp.panX}px, ${vp.panY}px) scale(${vp.zoom})`;
      world.style.setProperty('--inv', String(1 / vp.zoom));
      const step = (vp.zoom < 0.5 ? 100 : 20) * vp.zoom;
      const mod = (v: number) => ((v % step) + step) % step;
      c.viewportEl?.style.setProperty('--grid', `${step}px`);
      const dots = c.host.renderRoot.querySelector<HTMLElement>('.dots');
      if (dots) dots.style.transform = `translate(${mod(vp.panX)}px, ${mod(vp.panY)}px)`;
    }
    const view = vp.world();
    // Without a board (detached: the outline took the canvas's place) the render draws nothing and
    // sets no `rendered`; asking again would loop update → updated → apply for ever.
    const stale = !this.rendered || !contains(this.rendered, view) || this.rendered.w > view.w * 4 || this.shownZoom !== vp.zoom;
    if (stale && c.model) c.host.requestUpdate();
    if (publish) c.publishPresence({ viewport: view });
  }

  fitAll(): void {
    const m = this.c.model;
    const all = union(m ? [...m.elements.values()].map((e) => m.boxOf(e)) : []);
    if (all) this.c.userView(() => this.c.viewport.fit(all, 48, 1, this.c.toolbarInset()));
  }

  fitSelection(): void {
    this.fitElements(this.c.selection, 80, 2);
  }

  /** Shows these elements whole, below the toolbar (a template just inserted: 100 % at most). */
  fitElements(ids: Iterable<string>, margin = 48, maxZoom = 1): void {
    const m = this.c.model;
    const box = union([...ids].map((id) => m?.get(id)).filter((e): e is BoardElement => !!e).map((e) => m!.boxOf(e)));
    if (box) this.c.userView(() => this.c.viewport.fit(box, margin, maxZoom, this.c.toolbarInset()));
  }

  /** Once there is content: show it, at a zoom where the DOM stays small. */
  initial(): void {
    const { c } = this;
    const vp = c.viewport;
    if (this.fitted || !c.model?.elements.size || vp.width < 2) return;
    this.fitted = true;
    const all = union([...c.model.elements.values()].map((e) => c.model!.boxOf(e)))!;
    vp.fit(all, 48, 1, c.toolbarInset());
    // A big board opens at 100 % on its topmost element (not on the empty corner of everything), not as 5,000 specks.
    if (vp.zoom < 0.5) {
      let first: Rect | null = null;
      for (const e of c.model.elements.values()) {
        const b = c.model.boxOf(e);
        if (!first || b.y < first.y || (b.y === first.y && b.x < first.x)) first = b;
      }
      vp.centerOn({ x: first!.x + vp.width / 2 - 48, y: first!.y - c.toolbarInset() + vp.height / 2 - 48 }, 1);
    }
    this.apply(true);
  }

  reset(): void {
    this.fitted = false;
    this.rendered = null;
  }

  /** Shows what the followed participant sees. */
  follow(viewport: Rect | null): void {
    if (!viewport) return;
    this.c.viewport.fit(viewport, 0, 4);
    this.apply(false);
  }
}
