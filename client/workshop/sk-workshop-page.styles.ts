import { css } from 'lit';

export const workshopStyles = css`
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5rem 1.5rem;
    margin-bottom: 0.75rem;
  }
  .head h1 {
    margin: 0;
  }
  .tabs {
    display: flex;
    gap: 0.25rem;
  }
  .tabs a {
    padding: 0.4rem 0.8rem;
    border-radius: 6px;
    text-decoration: none;
    color: var(--sk-text);
    font-weight: 600;
  }
  .tabs a[aria-current='page'] {
    background: var(--sk-primary);
    color: #fff;
  }
  .tabs a:not([aria-current='page']):hover {
    background: var(--sk-line);
  }
  .loading {
    color: var(--sk-muted);
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: 0 1.25rem;
  }
  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.35rem 1rem;
    margin: 0;
  }
  .facts dt {
    color: var(--sk-muted);
  }
  .facts dd {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .orgs {
    margin: 0;
    padding-left: 1.25rem;
  }
  .board {
    background: var(--sk-primary-soft);
    border-style: dashed;
    border-color: var(--sk-primary);
  }
  .board p {
    margin: 0;
  }
  .section-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: 0.5rem 1rem;
    margin-bottom: 0.5rem;
  }
  .section-head h2 {
    margin: 0;
  }
  .role-notice {
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--sk-accent, #1d5a73);
    background: var(--sk-surface, #fff);
  }
`;
