import { css } from 'lit';

export const appStyles = css`
  header {
    background: var(--sk-surface);
    border-bottom: 1px solid var(--sk-line);
  }
  .bar {
    max-width: 52rem;
    margin: 0 auto;
    padding: 0.6rem 1rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1.5rem;
    align-items: center;
    justify-content: space-between;
  }
  .bar.wide {
    max-width: none;
  }
  .brand {
    display: inline-flex;
    align-items: center;
    gap: 0.55rem;
    color: var(--sk-primary);
    font-weight: 700;
    font-size: 1.25rem;
    text-decoration: none;
    border-radius: 6px;
  }
  .brand span {
    color: var(--sk-text);
  }
  .language {
    margin-left: auto;
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .language label {
    font-weight: 600;
    font-size: 0.95rem;
  }
  .language select {
    width: auto;
    min-height: 2.4rem;
  }
  main {
    display: block;
    max-width: 52rem;
    margin: 0 auto;
    padding: clamp(1rem, 4vw, 2.5rem) 1rem 3rem;
  }
  main.wide {
    max-width: none;
    padding: 0.75rem 1rem 1rem;
  }
  main:focus {
    outline: none;
  }
  .notice {
    border-left: 4px solid var(--sk-success);
    background: var(--sk-success-soft);
    padding: 0.75rem 1rem;
    border-radius: 6px;
  }
`;
