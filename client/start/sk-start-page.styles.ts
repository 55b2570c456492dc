import { css } from 'lit';

export const startStyles = css`
  fieldset {
    border: 0;
    padding: 0;
    margin: 0 0 1.25rem;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 0.3rem;
  }
  .orgs {
    list-style: none;
    padding: 0;
    margin: 0.6rem 0 0.75rem;
    display: grid;
    gap: 0.5rem;
  }
  .org {
    display: grid;
    grid-template-columns: 1.75rem minmax(0, 32rem) max-content;
    justify-content: start;
    align-items: center;
    gap: 0.25rem 0.5rem;
  }
  .org .error {
    grid-column: 2 / -1;
  }
  .org-number {
    color: var(--sk-muted);
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .remove {
    padding-inline: 0.75rem;
  }
  .actions {
    margin-top: 0.5rem;
  }
`;
