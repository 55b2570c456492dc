import { css } from 'lit';

export const applyStyles = css`
  sl-dialog::part(panel) {
    max-width: min(52rem, 96vw);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.95rem;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 0.4rem 0.5rem;
    border-bottom: 1px solid var(--sk-line);
    overflow-wrap: break-word;
    hyphens: auto;
  }
  label.org {
    display: flex;
    gap: 0.4rem;
    align-items: flex-start;
  }
  td.now {
    background: var(--sk-bg);
  }
  td.new {
    background: var(--sk-success-soft);
  }
  .kept {
    display: block;
    color: var(--sk-muted);
    font-size: 0.85rem;
  }
  input[type='checkbox'] {
    flex: none;
    width: 1.3rem;
    height: 1.3rem;
    margin: 0.1rem 0 0;
  }
  .alert:empty {
    display: none;
  }
  .footer {
    display: flex;
    gap: 0.5rem;
    justify-content: flex-end;
    flex-wrap: wrap;
  }
`;
