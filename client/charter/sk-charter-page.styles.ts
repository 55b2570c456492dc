import { css } from 'lit';

export const charterPageStyles = css`
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    margin-bottom: 1rem;
    border-bottom: 1px solid var(--sk-line);
    padding-bottom: 0.5rem;
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  nav a {
    display: inline-block;
    padding: 0.35rem 0.75rem;
    border-radius: 6px;
    text-decoration: none;
    color: var(--sk-text);
    font-weight: 600;
    border: 1px solid transparent;
  }
  nav a[aria-current='page'] {
    border-color: var(--sk-primary);
    background: var(--sk-primary-soft);
    color: var(--sk-primary-hover);
  }
  nav a:not([aria-current='page']):hover {
    background: var(--sk-line);
  }
  .badge {
    font-size: 0.9rem;
    color: var(--sk-muted);
  }
  .loading {
    color: var(--sk-muted);
  }
`;
