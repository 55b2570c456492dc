/** How board elements look: readable notes, calm shapes, clear selection and focus at any zoom. */
import { css } from 'lit';

export const elementStyles = css`
  .el {
    position: absolute;
    display: flex;
    align-items: center;
    justify-content: center;
    padding: 12px 14px;
    font-size: 16px;
    line-height: 1.35;
    text-align: center;
    overflow-wrap: anywhere;
    transition: opacity 0.15s;
  }
  .el:focus {
    outline: none;
  }
  .el:focus-visible,
  .el.selected {
    outline: calc(2px * var(--inv, 1)) solid var(--sel);
    outline-offset: calc(3px * var(--inv, 1));
  }
  .el:focus-visible {
    outline-width: calc(3px * var(--inv, 1));
  }
  /* The target chosen while connecting by keyboard: dashed, so it reads apart from the focused source. */
  .el.connect-target {
    outline: calc(3px * var(--inv, 1)) dashed var(--sel);
    outline-offset: calc(5px * var(--inv, 1));
  }
  .el.remote {
    box-shadow: 0 0 0 calc(3px * var(--inv, 1)) var(--remote);
  }
  /* The text inside a box (not the text element itself, whose class is also "text"). */
  .content {
    max-height: 100%;
    overflow: hidden;
    white-space: pre-wrap;
    pointer-events: none;
  }
  .note {
    background: var(--fill);
    border-left: 6px solid var(--org);
    border-radius: 3px 6px 6px 3px;
    box-shadow: 0 2px 4px rgb(23 33 43 / 14%);
    justify-content: flex-start;
    align-items: flex-start;
    text-align: start;
  }
  .text.el,
  .el.text {
    justify-content: flex-start;
    text-align: start;
    font-size: 20px;
    border-left: 3px solid var(--org);
  }
  .rect,
  .ellipse {
    background: var(--fill);
    border: 2px solid var(--stroke);
    border-radius: 8px;
  }
  .ellipse {
    border-radius: 50%;
  }
  .rect::after,
  .ellipse::after,
  .diamond::after {
    content: '';
    position: absolute;
    top: 6px;
    right: 6px;
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: var(--org);
    border: 2px solid #fff;
  }
  .ellipse::after {
    top: 14%;
    right: 14%;
  }
  .diamond::after {
    top: 50%;
    right: auto;
    left: 50%;
    transform: translate(-50%, calc(-50% - 30px));
  }
  svg.diamond {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    overflow: visible;
  }
  svg.diamond polygon {
    fill: var(--fill);
    stroke: var(--stroke);
    stroke-width: 2px;
    vector-effect: non-scaling-stroke;
  }
  .diamond .content {
    position: relative;
    max-width: 70%;
  }
  .frame {
    background: rgb(255 255 255 / 55%);
    border: 1.5px solid #aab4bf;
    border-radius: 12px;
    align-items: flex-start;
  }
  .frame-title {
    position: absolute;
    bottom: 100%;
    left: 0;
    display: flex;
    align-items: center;
    gap: 6px;
    max-width: 100%;
    padding: 0 2px 6px;
    font-size: 15px;
    font-weight: 600;
    color: #2d3a47;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .badge {
    flex: none;
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: var(--org);
  }
  .dim {
    opacity: 0.25;
  }
  .emphasis {
    box-shadow: 0 0 0 calc(3px * var(--inv, 1)) var(--org), 0 6px 18px rgb(23 33 43 / 18%);
  }
  .handle {
    position: absolute;
    right: calc(-7px * var(--inv, 1));
    bottom: calc(-7px * var(--inv, 1));
    width: calc(14px * var(--inv, 1));
    height: calc(14px * var(--inv, 1));
    background: #fff;
    border: calc(2px * var(--inv, 1)) solid var(--sel);
    border-radius: 3px;
    cursor: nwse-resize;
  }
  .tip {
    position: absolute;
    transform: scale(var(--inv, 1)) translateY(calc(-100% - 8px));
    transform-origin: 0 0;
    padding: 3px 8px;
    border-radius: 6px;
    background: #17212b;
    color: #fff;
    font-size: 13px;
    font-weight: 500;
    line-height: 1.4;
    white-space: nowrap;
    pointer-events: none;
    z-index: 1;
  }
  svg.links {
    position: absolute;
    left: 0;
    top: 0;
    width: 1px;
    height: 1px;
    overflow: visible;
    z-index: 100000;
    pointer-events: none;
  }
  .conn .line {
    stroke: var(--stroke);
    stroke-width: 2px;
    vector-effect: non-scaling-stroke;
    fill: none;
  }
  .conn .head,
  .ink {
    fill: var(--stroke, #4b5563);
  }
  .conn .hit {
    stroke: transparent;
    stroke-width: 14px;
    fill: none;
    pointer-events: stroke;
  }
  .conn .label {
    font-size: 14px;
    fill: #17212b;
    stroke: #f7f8fa;
    stroke-width: 5px;
    paint-order: stroke;
  }
  .conn:focus {
    outline: none;
  }
  .conn.selected .line,
  .conn:focus-visible .line {
    stroke: var(--sel);
    stroke-width: 3px;
  }
  .conn.selected .head {
    fill: var(--sel);
  }
  .conn.remote .hit {
    stroke: var(--remote);
    stroke-opacity: 0.35;
  }
  .pen .pen-box {
    fill: transparent;
    stroke: none;
    pointer-events: all;
  }
  .pen.selected .pen-box,
  .pen:focus-visible .pen-box {
    stroke: var(--sel);
    stroke-width: 2px;
    vector-effect: non-scaling-stroke;
  }
  .pen.remote .pen-box {
    stroke: var(--remote);
  }
  .ink.preview {
    fill: #4b5563;
  }
  .link-preview {
    stroke: var(--sel);
    stroke-width: 2px;
    stroke-dasharray: 6 4;
    vector-effect: non-scaling-stroke;
  }
  /* Images (issue #16): the picture fills its box, its description sits on its lower edge. */
  .el.image {
    padding: 0;
    overflow: hidden;
    background: #fff;
    border: 1px solid #d5dbe1;
  }
  .el.image .picture {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: contain;
    pointer-events: none;
    user-select: none;
  }
  .el.image .picture.missing {
    background: repeating-linear-gradient(45deg, #f3f4f6 0 10px, #e5e7eb 10px 20px);
  }
  .el.image .caption {
    position: absolute;
    left: 0;
    right: 0;
    bottom: 0;
    padding: 4px 8px;
    background: rgb(255 255 255 / 90%);
    color: #17212b;
    font-size: 14px;
    line-height: 1.3;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
`;
