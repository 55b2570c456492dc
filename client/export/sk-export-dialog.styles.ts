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
  .choices label {
    display: flex;
    gap: 0.5rem;
    align-items: baseline;
    padding: 0.25rem 0;
    font-weight: normal;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: baseline;
    font-weight: normal;
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
