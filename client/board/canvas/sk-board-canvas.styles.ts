/** Styles of `<sk-board-canvas>`: a calm dotted board, overlays, editor, cursors (elements: elements.styles.ts). */
import { css } from 'lit';
import { elementStyles } from './elements.styles.js';

const layoutStyles = css`
  :host {
    display: block;
    position: relative;
    height: 100%;
    min-height: 420px;
    overflow: hidden;
    border-radius: var(--sk-radius, 10px);
    background: #f7f8fa;
    font-family: var(--sk-font, system-ui, sans-serif);
    color: #17212b;
    --sel: #1a5fb4;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .toolbar {
    position: absolute;
    top: 10px;
    left: 10px;
    right: 10px;
    z-index: 5;
    pointer-events: none;
  }
  .viewport {
    position: absolute;
    inset: 0;
    overflow: hidden;
    touch-action: none;
    user-select: none;
    cursor: default;
    background-color: #f7f8fa;
  }
  /* The dots are their own layer, moved by a transform: panning repaints nothing. */
  .dots {
    position: absolute;
    left: calc(-1 * var(--grid, 20px));
    top: calc(-1 * var(--grid, 20px));
    width: calc(100% + 2 * var(--grid, 20px));
    height: calc(100% + 2 * var(--grid, 20px));
    background-image: radial-gradient(circle, #c9d1da 1px, transparent 1.2px);
    background-size: var(--grid, 20px) var(--grid, 20px);
    will-change: transform;
    pointer-events: none;
  }
  .snap .dots {
    background-image: radial-gradient(circle, #94a0ad 1.2px, transparent 1.4px);
  }
  .viewport:focus-visible {
    outline: 3px solid var(--sk-focus, #1a5fb4);
    outline-offset: -3px;
  }
  .viewport:not(.tool-select) {
    cursor: crosshair;
  }
  .viewport.readonly {
    cursor: grab;
  }
  .world {
    position: absolute;
    left: 0;
    top: 0;
    width: 0;
    height: 0;
    transform-origin: 0 0;
    will-change: transform;
  }
  .marquee,
  .create {
    position: absolute;
    border: calc(1px * var(--inv, 1)) solid var(--sel);
    background: rgb(26 95 180 / 8%);
    pointer-events: none;
  }
  .create {
    border-style: dashed;
  }
  textarea.editor {
    position: absolute;
    margin: 0;
    padding: 12px 14px 12px 20px;
    border: 0;
    border-radius: 3px;
    outline: calc(2px * var(--inv, 1)) solid var(--sel);
    background: #fff;
    color: #17212b;
    font: inherit;
    font-size: 16px;
    line-height: 1.35;
    resize: none;
    box-shadow: 0 6px 20px rgb(23 33 43 / 20%);
  }
  textarea.editor.frame,
  textarea.editor.connector {
    padding: 4px 8px;
    font-size: 15px;
  }
  .cursor {
    position: absolute;
    transform: scale(var(--inv, 1));
    transform-origin: 0 0;
    pointer-events: none;
    z-index: 100001;
    display: flex;
    align-items: flex-start;
    transition: left 0.08s linear, top 0.08s linear;
  }
  .cursor path {
    fill: var(--peer);
    stroke: #fff;
    stroke-width: 1.2;
  }
  .cursor span {
    margin: 14px 0 0 -2px;
    padding: 1px 7px;
    border-radius: 999px;
    background: var(--peer);
    color: #fff;
    font-size: 12px;
    font-weight: 600;
    white-space: nowrap;
  }
  .empty {
    position: absolute;
    top: 50%;
    left: 50%;
    transform: translate(-50%, -50%);
    margin: 0;
    max-width: 26rem;
    text-align: center;
    color: #4b5866;
    pointer-events: none;
  }
  /* The live region (connect mode): heard, not seen; kept in the tree while empty. */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  /* A refusal (an image not added), over the board's lower edge until it times out. */
  .problem {
    position: absolute;
    left: 50%;
    bottom: 12px;
    transform: translateX(-50%);
    z-index: 6;
    max-width: min(36rem, calc(100% - 24px));
    margin: 0;
    padding: 0.5rem 0.8rem;
    border-radius: 8px;
    background: #fef2f2;
    border: 1px solid #b91c1c;
    color: #7f1d1d;
    font-size: 0.9rem;
  }
  .problem[hidden] {
    display: none;
  }
  /* Dot-vote badges (vote-badges.ts): kept readable at any zoom, like cursors. */
  .vote-badge {
    position: absolute;
    min-width: 28px;
    height: 28px;
    padding: 0 6px;
    border-radius: 14px;
    background: #7e22ce;
    color: #fff;
    font-weight: 700;
    display: grid;
    place-items: center;
    /* Kept readable at any zoom; its bottom-centre on the element's top-right corner. */
    transform: scale(var(--inv, 1)) translate(-50%, -100%);
    transform-origin: top left;
    pointer-events: none;
    box-shadow: 0 0 0 2px #fff;
  }
  /* Charter badges (charter-badges.ts): under the bottom-left corner, readable at any zoom. */
  .charter-badge {
    position: absolute;
    height: 22px;
    padding: 0 8px;
    border-radius: 0 0 8px 8px;
    background: #1f5130;
    color: #fff;
    font-size: 12px;
    font-weight: 700;
    line-height: 22px;
    white-space: nowrap;
    transform: scale(var(--inv, 1));
    transform-origin: top left;
    pointer-events: none;
  }
  /* Comment badges (comment-badges.ts): outside the top-left corner, readable at any zoom. */
  .comment-badge {
    position: absolute;
    height: 24px;
    padding: 0 7px;
    border-radius: 12px 12px 0 12px;
    background: #0b5d6b;
    color: #fff;
    font-size: 13px;
    font-weight: 700;
    display: flex;
    align-items: center;
    gap: 3px;
    /* Its bottom-right on the element's top-left corner. */
    transform: scale(var(--inv, 1)) translate(-100%, -100%);
    transform-origin: top left;
    pointer-events: none;
    box-shadow: 0 0 0 2px #fff;
  }
`;

export const canvasStyles = [layoutStyles, elementStyles];
