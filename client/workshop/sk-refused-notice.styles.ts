import { css } from 'lit';

export const refusedNoticeStyles = css`
  :host {
    display: block;
  }
  section {
    border: 2px solid var(--sk-danger);
    border-left-width: 6px;
    background: var(--sk-danger-soft);
    color: var(--sk-text);
    border-radius: 8px;
    padding: 1rem 1.25rem;
    margin: 0 0 1rem;
  }
  ul {
    margin: 0 0 0.75rem;
    padding-left: 1.25rem;
  }
  li {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  textarea {
    width: 100%;
    min-height: 5rem;
    max-height: 12rem;
    font: inherit;
    color: var(--sk-text);
    background: #fff;
    border: 1px solid var(--sk-muted);
    border-radius: 6px;
    padding: 0.5rem;
    margin-bottom: 0.75rem;
  }
  .copied {
    margin: 0;
  }
`;
