/**
 * Styles every page shares: type scale, cards, form fields, buttons, alerts, focus ring. Buttons
 * are Shoelace's `<sl-button>` (colours come from the `--sl-*` tokens in global.css); the native
 * `button` rules serve the dense outline view, which keeps plain buttons (see sk-board-outline).
 */
import { css } from 'lit';

export const sharedStyles = css`
  :host {
    display: block;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h1 {
    font-size: clamp(1.5rem, 1.2rem + 1.2vw, 2rem);
    line-height: 1.2;
    margin: 0 0 0.5rem;
  }
  h2 {
    font-size: 1.25rem;
    line-height: 1.3;
    margin: 0 0 0.75rem;
  }
  h3 {
    font-size: 1.05rem;
    margin: 1.25rem 0 0.5rem;
  }
  h1:focus,
  h2:focus,
  h3:focus {
    outline: none;
  }
  p {
    margin: 0 0 0.75rem;
  }
  a {
    color: var(--sk-primary);
    text-underline-offset: 0.15em;
  }
  :focus-visible {
    outline: 3px solid var(--sk-focus);
    outline-offset: 2px;
  }
  .lead {
    color: var(--sk-muted);
    font-size: 1.05rem;
    margin-bottom: 1.5rem;
  }
  .card {
    background: var(--sk-surface);
    border: 1px solid var(--sk-line);
    border-radius: var(--sk-radius);
    padding: 1.25rem clamp(1rem, 3vw, 1.75rem);
    margin-block: 0 1.25rem;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.3rem;
    margin-block-end: 1.1rem;
  }
  label,
  legend {
    font-weight: 600;
  }
  .hint {
    color: var(--sk-muted);
    font-size: 0.925rem;
    margin: 0 0 0.75rem;
  }
  .field .hint,
  fieldset .hint {
    margin: 0;
  }
  input,
  select {
    font: inherit;
    color: inherit;
    background: #fff;
    border: 1px solid var(--sk-border);
    border-radius: 6px;
    padding: 0.45rem 0.65rem;
    min-height: 2.6rem;
    width: 100%;
    max-width: 32rem;
  }
  [aria-invalid='true'] {
    border: 2px solid var(--sk-danger);
  }
  .error {
    color: var(--sk-danger);
    font-size: 0.925rem;
    font-weight: 600;
    margin: 0;
  }
  .error:empty {
    display: none;
  }
  button {
    font: inherit;
    font-weight: 600;
    border-radius: 6px;
    padding: 0.5rem 1rem;
    min-height: 2.6rem;
    cursor: pointer;
    border: 1px solid var(--sk-primary);
    background: var(--sk-surface);
    color: var(--sk-primary);
  }
  button:hover:not(:disabled) {
    background: var(--sk-primary-soft);
  }
  button.primary {
    background: var(--sk-primary);
    color: #fff;
  }
  button.primary:hover:not(:disabled) {
    background: var(--sk-primary-hover);
  }
  button.danger {
    border-color: var(--sk-danger);
    color: var(--sk-danger);
  }
  button.danger:hover:not(:disabled) {
    background: var(--sk-danger-soft);
  }
  button.danger.solid {
    background: var(--sk-danger);
    color: #fff;
  }
  button.danger.solid:hover:not(:disabled) {
    background: var(--sk-danger-hover);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.65;
  }
  button[aria-busy='true'] {
    cursor: progress;
  }
  sl-button::part(base) {
    font-weight: 600;
  }
  /* Secondary buttons read as actions in our colour, not as grey boxes. */
  sl-button[variant='default']::part(base) {
    border-color: var(--sk-primary);
    color: var(--sk-primary);
  }
  sl-button[variant='default']::part(base):hover {
    background: var(--sk-primary-soft);
  }
  sl-button[aria-busy='true']::part(base) {
    cursor: progress;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }
  .alert {
    border-left: 4px solid var(--sk-danger);
    background: var(--sk-danger-soft);
    color: var(--sk-text);
    padding: 0.75rem 1rem;
    border-radius: 6px;
    margin: 0 0 1rem;
  }
  /* Kept in the tree while empty so screen readers announce text put into it later. */
  .alert:empty {
    padding: 0;
    border: 0;
    margin: 0;
  }
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
`;
