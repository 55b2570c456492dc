import { css } from 'lit';

/** `<sl-dialog>` in Samskap's look; the template picker shares it. */
export const dialogStyles = css`
  :host {
    display: contents;
  }
  /* Loaded on first need (lazy-shoelace.ts): until then its content must not show inline. */
  sl-dialog:not(:defined) {
    display: none;
  }
  sl-dialog {
    --width: min(34rem, calc(100vw - 2rem));
    --header-spacing: 1.5rem clamp(1rem, 4vw, 1.75rem) 0.25rem;
    --body-spacing: 0.75rem clamp(1rem, 4vw, 1.75rem);
    --footer-spacing: 0.25rem clamp(1rem, 4vw, 1.75rem) 1.5rem;
  }
  sl-dialog::part(panel) {
    border-radius: var(--sk-radius);
    color: var(--sk-text);
    box-shadow: 0 18px 50px rgb(15 23 42 / 0.35);
  }
  sl-dialog::part(title) {
    font-size: 1.25rem;
    font-weight: 700;
    line-height: 1.3;
    color: var(--sk-text);
  }
  sl-dialog::part(close-button__base) {
    color: var(--sk-muted);
  }
  sl-dialog::part(close-button__base):hover {
    color: var(--sk-text);
  }
  sl-dialog::part(footer) {
    text-align: start;
  }
  .body ::slotted(p) {
    margin: 0 0 0.75rem;
  }
`;
