import { css } from 'lit';

export const dialogStyles = css`
  :host {
    display: contents;
  }
  dialog {
    border: 0;
    border-radius: var(--sk-radius);
    padding: 1.5rem clamp(1rem, 4vw, 1.75rem);
    width: min(34rem, calc(100vw - 2rem));
    color: var(--sk-text);
    background: var(--sk-surface);
    box-shadow: 0 18px 50px rgb(15 23 42 / 0.35);
  }
  dialog::backdrop {
    background: rgb(15 23 42 / 0.55);
  }
  .body {
    margin-bottom: 1rem;
  }
  .body ::slotted(p) {
    margin: 0 0 0.75rem;
  }
  .actions {
    margin-top: 0.5rem;
  }
`;
