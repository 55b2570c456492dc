/** Styles of the charter's form dialogs (on `<sl-dialog>`). */
import { css } from 'lit';

export const charterDialogStyles = css`
  sl-dialog::part(panel) {
    width: min(36rem, 94vw);
  }
  form {
    display: grid;
    gap: 0.9rem;
  }
  .pair {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: 0.9rem;
  }
  .error {
    color: var(--sk-danger);
    font-weight: 600;
    margin: 0;
  }
  .error:empty {
    display: none;
  }
  fieldset {
    border: 1px solid var(--sk-line);
    border-radius: 6px;
    padding: 0.5rem 0.75rem;
    margin: 0;
  }
  fieldset label {
    font-weight: 400;
    display: inline-flex;
    gap: 0.35rem;
    align-items: center;
    margin-inline-end: 1rem;
  }
`;
