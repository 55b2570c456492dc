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
    overflow-wrap: anywhere;
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
    width: 1.3rem;
    height: 1.3rem;
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
