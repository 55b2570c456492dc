import { css } from 'lit';

export const actorMapStyles = css`
  .scroll {
    overflow: auto;
    max-height: 70vh;
    border: 1px solid var(--sk-line);
    border-radius: var(--sk-radius);
    background: var(--sk-surface) radial-gradient(circle, #d5dbe1 1px, transparent 1px) 0 0 / 20px 20px;
  }
  .world {
    position: relative;
  }
  svg {
    position: absolute;
    inset: 0;
    overflow: visible;
  }
  .edge {
    fill: none;
    stroke: #4b5866;
    stroke-width: 1.6;
  }
  marker path {
    fill: #4b5866;
  }
  .edge-tag rect {
    fill: #fff;
    stroke: #c9d1d8;
    stroke-width: 1px;
  }
  .edge-label {
    font-size: 12px;
    fill: #17212b;
    text-anchor: middle;
    dominant-baseline: central;
    paint-order: stroke;
    stroke: #fff;
    stroke-width: 4px;
    stroke-linejoin: round;
  }
  .node {
    position: absolute;
    display: flex;
    flex-direction: column;
    justify-content: center;
    gap: 0.1rem;
    padding: 0.35rem 0.6rem;
    text-align: start;
    border: 2px solid var(--sk-primary);
    border-radius: 8px;
    background: #fff;
    color: var(--sk-text);
    cursor: grab;
    touch-action: none;
    user-select: none;
    overflow: hidden;
    font-weight: 400;
    min-height: 0;
  }
  .node.dragging {
    cursor: grabbing;
    box-shadow: 0 6px 18px rgb(0 0 0 / 0.2);
    z-index: 2;
  }
  .node .name {
    font-weight: 700;
    font-size: 0.95rem;
    line-height: 1.2;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
    overflow-wrap: anywhere;
  }
  .node .kind {
    font-size: 0.8rem;
    color: var(--sk-muted);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .kind-ministry {
    border-color: #7e22ce;
  }
  .kind-municipality {
    border-color: #047857;
  }
  .kind-company {
    border-color: #b45309;
  }
  .kind-ngo {
    border-color: #be185d;
  }
  .kind-end_user_group {
    border-color: #0e7490;
    border-style: dashed;
  }
`;
