import { css } from 'lit';

export const pickerStyles = css`
  :host {
    display: inline-block;
  }
  sl-dialog.picker {
    --width: min(38rem, calc(100vw - 2rem));
  }
  sl-dialog.picker::part(footer) {
    text-align: end;
  }
  /* The padding leaves room for the focus ring (the menu clips what overflows it). */
  sl-menu {
    border: 0;
    padding: 5px;
    margin: 0 -5px;
    background: none;
    display: grid;
    gap: 0.5rem;
  }
  sl-menu-item::part(base) {
    border: 1px solid var(--sk-line);
    border-radius: 8px;
    padding: 0.6rem 0.8rem;
    white-space: normal;
  }
  sl-menu-item::part(checked-icon),
  sl-menu-item::part(submenu-icon) {
    display: none;
  }
  sl-menu-item:hover::part(base) {
    border-color: var(--sk-primary);
    background: var(--sk-primary-soft);
    color: var(--sk-text);
  }
  .title {
    display: block;
    font-weight: 600;
    color: var(--sk-primary);
  }
  .description {
    display: block;
    margin-top: 0.2rem;
    color: var(--sk-muted);
    font-size: 0.925rem;
    line-height: 1.4;
  }
  /* The focused item turns teal with white text (Shoelace); its parts follow. */
  sl-menu-item:focus-visible {
    outline: none;
  }
  sl-menu-item:focus-visible::part(base) {
    border-color: var(--sl-color-primary-600);
    outline: 3px solid var(--sk-focus);
    outline-offset: 2px;
  }
  sl-menu-item:focus-visible .title,
  sl-menu-item:focus-visible .description {
    color: inherit;
  }
`;
