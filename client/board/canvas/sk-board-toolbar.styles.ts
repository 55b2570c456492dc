/**
 * Styles of `<sk-board-toolbar>`: a calm floating bar of 36 px icon buttons. Where the board is
 * narrow (a phone) the bar keeps to one row: the zoom steps and the shortcut help give way (pinch
 * and "fit" remain; the help is for keyboards), the buttons share the width, and while a selection
 * shows its colours the creating tools step aside for them.
 */
import { css } from 'lit';

export const toolbarStyles = css`
  :host {
    display: flex;
    justify-content: center;
    container-type: inline-size;
  }
  .bar {
    pointer-events: auto;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px;
    padding: 4px;
    background: var(--sk-surface, #fff);
    border: 1px solid var(--sk-line, #d5dbe1);
    border-radius: 12px;
    box-shadow: 0 4px 16px rgb(23 33 43 / 12%);
  }
  .group {
    display: flex;
    align-items: center;
    gap: 2px;
    padding-inline: 2px;
  }
  .group + .group {
    border-left: 1px solid var(--sk-line, #d5dbe1);
    padding-left: 6px;
  }
  button {
    display: inline-grid;
    place-items: center;
    min-width: 36px;
    height: 36px;
    padding: 0 6px;
    border: 1px solid transparent;
    border-radius: 8px;
    background: transparent;
    color: var(--sk-text, #17212b);
    font: inherit;
    font-size: 0.875rem;
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    background: var(--sk-primary-soft, #e6f0f3);
  }
  button[aria-pressed='true'] {
    background: var(--sk-primary, #1d5c73);
    color: #fff;
  }
  button:disabled {
    color: #6b7785;
    opacity: 0.55;
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
    stroke-width: 1.8;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .swatch {
    min-width: 26px;
    width: 26px;
    height: 26px;
    padding: 0;
    border-radius: 50%;
    background: var(--swatch);
    border: 1px solid #6b7785;
  }
  .swatch:hover:not(:disabled) {
    background: var(--swatch);
    transform: scale(1.1);
  }
  .swatch[aria-pressed='true'] {
    background: var(--swatch);
    box-shadow: 0 0 0 2px #fff, 0 0 0 4px var(--sk-primary, #1d5c73);
  }
  .zoom {
    min-width: 3.4em;
    text-align: center;
    font-size: 0.8125rem;
    font-variant-numeric: tabular-nums;
    color: var(--sk-muted, #4b5866);
  }
  @container (max-width: 34rem) {
    .bar {
      flex-wrap: nowrap;
      width: 100%;
      gap: 0;
      padding: 3px;
    }
    .group {
      flex: 1 1 auto;
      gap: 0;
      padding-inline: 0;
    }
    .group + .group {
      padding-left: 2px;
    }
    button {
      flex: 1 1 0;
      min-width: 24px;
      padding: 0;
    }
    .swatch {
      flex: 0 0 auto;
      margin-inline: 2px;
    }
    .zoom,
    .zoom-step,
    .help,
    .coloring .tools {
      display: none;
    }
  }
`;
