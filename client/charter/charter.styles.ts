/** Styles the charter's views share: section heads, data tables, organisation chips, empty states. */
import { css } from 'lit';

export const charterStyles = css`
  section {
    margin-bottom: 2rem;
  }
  /* Who last changed an entry (the server's record), under its name. */
  .changed {
    display: block;
    margin-top: 0.15rem;
    font-size: 0.8rem;
    font-weight: normal;
    color: var(--sk-muted);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    margin-bottom: 0.5rem;
  }
  .head h2,
  .head h3 {
    margin: 0;
  }
  .empty {
    color: var(--sk-muted);
    font-style: italic;
  }
  .table-wrap {
    overflow-x: auto;
    max-width: 100%;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    background: var(--sk-surface);
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 0.25rem 0;
  }
  th,
  td {
    border: 1px solid var(--sk-line);
    padding: 0.4rem 0.55rem;
    text-align: start;
    vertical-align: top;
  }
  thead th {
    background: var(--sk-bg);
    font-size: 0.92rem;
  }
  td.num,
  th.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  /* A cell: shared.styles' .actions (a flex row for dialog footers) would take it out of its row. */
  td.actions {
    display: table-cell;
    white-space: nowrap;
  }
  td.text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    max-width: 22rem;
  }
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    border-radius: 999px;
    padding: 0.15rem 0.6rem;
    font-size: 0.9rem;
    font-weight: 600;
    border: 2px solid var(--org);
    background: var(--org-soft);
    color: #1a1a1a;
  }
  .swatch {
    display: inline-block;
    width: 0.8rem;
    height: 0.8rem;
    border-radius: 3px;
    background: var(--org);
    flex: none;
  }
  select.cell,
  input.cell {
    min-height: 2.2rem;
    padding: 0.2rem 0.4rem;
    max-width: 100%;
  }
  .inline-form {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.5rem 0.75rem;
    margin: 0.75rem 0;
  }
  .inline-form .field {
    margin: 0;
  }
  /* An actor at the table, or the way to invite it (actors/actor-invites.ts). */
  .at-table {
    display: block;
    font-weight: 400;
    font-size: 0.85rem;
    color: var(--sk-muted, #4a5763);
  }
  button.invite {
    display: block;
    margin-top: 0.25rem;
    font: inherit;
    font-size: 0.85rem;
    font-weight: 600;
    min-height: 24px;
    padding: 0.1rem 0.5rem;
    border: 1px solid var(--sk-primary);
    border-radius: 6px;
    background: var(--sk-surface, #fff);
    color: var(--sk-primary);
    cursor: pointer;
  }
  .invited {
    margin: 0.75rem 0;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--sk-primary);
    border-radius: 8px;
    background: var(--sk-primary-soft);
  }
  .invited code {
    word-break: break-all;
  }
`;
