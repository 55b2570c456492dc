import { css } from 'lit';

export const governanceStyles = css`
  .cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr));
    gap: 1rem;
  }
  .body-card {
    background: var(--sk-surface);
    border: 1px solid var(--sk-line);
    border-radius: var(--sk-radius);
    padding: 0.9rem 1rem;
  }
  .body-card h4 {
    margin: 0 0 0.4rem;
    font-size: 1.05rem;
  }
  .mandate {
    white-space: pre-wrap;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.2rem 0.75rem;
    margin: 0 0 0.75rem;
    font-size: 0.92rem;
  }
  dt {
    color: var(--sk-muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .steps {
    margin: 0 0 0.75rem;
    padding-inline-start: 1.5rem;
  }
  .steps li {
    padding: 0.35rem 0;
    border-bottom: 1px solid var(--sk-line);
  }
  .step-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
  }
  .step-body {
    color: var(--sk-muted);
  }
  tfoot th,
  tfoot td {
    font-weight: 700;
    background: var(--sk-bg);
  }
  .warn {
    color: var(--sk-danger);
    font-weight: 600;
  }
  button.small {
    min-height: 2rem;
    padding: 0.2rem 0.55rem;
    font-size: 0.9rem;
  }
`;
