import { css } from 'lit';

export const exportDialogStyles = css`
  :host {
    display: inline-block;
  }
  sl-dialog::part(panel) {
    max-width: 34rem;
  }
  fieldset {
    border: 0;
    margin: 0 0 1rem;
    padding: 0;
  }
  .choices label,
  .check {
    display: flex;
    gap: 0.6rem;
    align-items: flex-start;
    padding: 0.3rem 0;
    font-weight: normal;
  }
  .choices label > span:first-of-type {
    font-weight: 600;
  }
  .choices .hint {
    font-weight: normal;
  }
  input[type='radio'],
  input[type='checkbox'] {
    flex: none;
    width: 1.15rem;
    height: 1.15rem;
    margin: 0.15rem 0 0;
    padding: 0;
    accent-color: var(--sk-accent, #1d5a73);
  }
  progress {
    width: 100%;
    height: 0.75rem;
  }
  .status {
    min-height: 1.5em;
  }
  .footer {
    display: flex;
    gap: 0.5rem;
    justify-content: flex-end;
  }
`;
