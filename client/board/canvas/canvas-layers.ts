/**
 * The world layer's contents for one render: the visible elements (boxes as divs, connectors and
 * pen strokes in one SVG), others' cursors, the tool overlay and the inline text editor. Each
 * element's template is guarded by its view model, so a keystroke re-renders one element only.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { BoardElement } from '../../../shared/board/schema.js';
import type { CanvasModel } from './canvas-model.js';
import type { Overlay } from './pointer-tool.js';
import type { Peer } from './presence.js';
import { renderBox, type ElementState } from './renderers.js';
import { previewPen, renderConnector, renderPen } from './svg-renderers.js';
import { attribution, elementLabel, kindName } from './texts.js';
import type { BoardPeople } from '../people.js';
import { isBox } from '../../../shared/board/kinds.js';
import { KIND_VIEWS } from './kind-views.js';

export interface LayerInput {
  model: CanvasModel;
  visible: BoardElement[];
  state(e: BoardElement): ElementState;
  peers: Peer[];
  colorOf(orgId: string | null): string;
  overlay: Overlay | null;
  editing: { id: string; field: 'text' | 'label' } | null;
  locale: string;
  /** Names from member records, and last editors. */
  people: BoardPeople | null;
}

const keyOf = (s: ElementState) => `${+s.selected}${+s.tabStop}${+s.dim}${+s.emphasis}${s.remote}${s.org}${s.rank}${+s.handles}${+s.editing}${+s.tip}${+s.target}`;

export function renderLayers(inp: LayerInput): TemplateResult {
  const boxes = inp.visible.filter((e) => KIND_VIEWS[e.kind].layer === 'html');
  const lines = inp.visible.filter((e) => KIND_VIEWS[e.kind].layer === 'svg');
  const states = new Map(inp.visible.map((e) => [e.id, inp.state(e)]));
  return html`
    ${repeat(
      boxes,
      (e) => e.id,
      (e) => {
        const s = states.get(e.id)!;
        return guard([e, keyOf(s), inp.locale, inp.people?.version], () => renderBox(e, { ...s, label: elementLabel(e, undefined, inp.people) }, KIND_VIEWS[e.kind].inner));
      },
    )}
    <svg class="links" aria-hidden=${lines.length || inp.overlay ? nothing : 'true'}>
      ${repeat(
        lines,
        (e) => e.id,
        (e) => {
          const s = states.get(e.id)!;
          if (isBox(e)) return guard([e, keyOf(s), inp.locale, inp.people?.version], () => renderPen(e, { ...s, label: elementLabel(e, undefined, inp.people) }));
          const from = inp.model.get(e.from ?? '');
          const to = inp.model.get(e.to ?? '');
          const ends: [string, string] | undefined = from && to ? [from.text || kindName(from.kind), to.text || kindName(to.kind)] : undefined;
          return guard([e, from, to, keyOf(s), inp.locale, inp.people?.version], () => renderConnector(e, from, to, { ...s, label: elementLabel(e, ends, inp.people) }));
        },
      )}
      ${renderOverlaySvg(inp)}
    </svg>
    ${inp.overlay?.kind === 'marquee' || inp.overlay?.kind === 'create'
      ? html`<div class="${inp.overlay.kind}" style="left:${inp.overlay.rect.x}px;top:${inp.overlay.rect.y}px;width:${inp.overlay.rect.w}px;height:${inp.overlay.rect.h}px"></div>`
      : nothing}
    ${renderTip(inp, states)} ${renderEditor(inp)} ${renderCursors(inp)}
  `;
}

function renderOverlaySvg(inp: LayerInput) {
  const o = inp.overlay;
  if (o?.kind === 'ink') return previewPen(o.points);
  if (o?.kind !== 'link') return nothing;
  const from = inp.model.get(o.from);
  if (!from) return nothing;
  return svg`<path class="link-preview" d="M${from.x + from.w / 2},${from.y + from.h / 2}L${o.to.x},${o.to.y}" />`;
}

/** The "name · organisation" tooltip of the hovered or focused element, above everything. */
function renderTip(inp: LayerInput, states: Map<string, ElementState>) {
  const e = inp.visible.find((x) => states.get(x.id)?.tip);
  if (!e) return nothing;
  const b = inp.model.boxOf(e);
  const y = b.y - KIND_VIEWS[e.kind].tipLift;
  return html`<div class="tip" id="sk-tip" role="tooltip" style="left:${b.x}px;top:${y}px;z-index:${inp.model.elements.size + 20}">${attribution(e, inp.people)}</div>`;
}

function renderEditor(inp: LayerInput) {
  const ed = inp.editing;
  const e = ed ? inp.model.get(ed.id) : undefined;
  if (!ed || !e) return nothing;
  const box = KIND_VIEWS[e.kind].editorBox(e, inp.model.boxOf(e));
  return html`<textarea
    class="editor ${e.kind}"
    data-editing=${e.id}
    aria-label=${elementLabel(e, undefined, inp.people)}
    style="left:${box.x}px;top:${box.y}px;width:${box.w}px;height:${box.h}px;z-index:${inp.model.elements.size + 10}"
  ></textarea>`;
}

function renderCursors(inp: LayerInput) {
  return inp.peers
    .filter((p) => p.cursor)
    .map(
      (p) => html`<div class="cursor" style="left:${p.cursor!.x}px;top:${p.cursor!.y}px;--peer:${inp.colorOf(p.organisationId)}" aria-hidden="true">
        <svg viewBox="0 0 16 16" width="18" height="18">${svg`<path d="M1 1l5.5 13.5 2-5.5 5.5-2z" />`}</svg><span>${p.name}</span>
      </div>`,
    );
}
