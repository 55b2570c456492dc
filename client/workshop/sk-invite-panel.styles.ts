import { css } from 'lit';

export const invitePanelStyles = css`
  form {
    margin-top: 1rem;
  }
  /* Fields side by side share rows (subgrid), so inputs line up even when a label wraps. */
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    column-gap: 1.25rem;
  }
  .row .field {
    display: grid;
    grid-row: span 4;
    grid-template-rows: subgrid;
    row-gap: 0.3rem;
    align-content: start;
  }
  .row .field label {
    align-self: end;
  }
  .status {
    margin: 0.75rem 0 0;
    color: var(--sk-success);
    font-weight: 600;
  }
  .status:empty {
    margin: 0;
  }
  .check {
    display: flex;
    gap: 0.4rem;
    align-items: center;
    font-weight: 400;
    font-size: 0.9rem;
    margin: 0.4rem 0;
  }
  .check input {
    width: auto;
    min-height: 0;
  }
`;
