/** Styles of `<sk-vision-toolbar>`: one row of 36 px buttons in groups, wrapping on small screens. */
import { css } from 'lit';

export const visionToolbarStyles = css`
  :host {
    display: block;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px;
    padding: 4px;
    border-bottom: 1px solid var(--sk-line, #d5dbe1);
    background: var(--sk-surface, #fff);
  }
  .group {
    display: flex;
    gap: 2px;
    padding-inline: 2px;
  }
  .group + .group {
    border-left: 1px solid var(--sk-line, #d5dbe1);
    padding-left: 4px;
  }
  button {
    display: inline-grid;
    place-items: center;
    min-width: 34px;
    height: 36px;
    padding: 0 5px;
    border: 1px solid transparent;
    border-radius: 8px;
    background: transparent;
    color: var(--sk-text, #17212b);
    font: inherit;
    font-size: 0.9rem;
    font-weight: 600;
    cursor: pointer;
  }
  button:hover:not([aria-disabled='true']) {
    background: var(--sk-primary-soft, #e6f0f3);
  }
  button[aria-pressed='true'] {
    background: var(--sk-primary, #1d5c73);
    color: #fff;
  }
  button[aria-disabled='true'] {
    color: #6b7785;
    cursor: default;
  }
  button:focus-visible {
    outline: 3px solid var(--sk-focus, #1a5fb4);
    outline-offset: 1px;
  }
  svg {
    width: 20px;
    height: 20px;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .italic {
    font-style: italic;
    font-family: Georgia, serif;
  }
`;
