/** Styles of the report's methods: the roadmap's columns, overlapping services, the board link. */
import { css } from 'lit';

export const methodsStyles = css`
  /* "From the board": where charter.import copied an entry from. */
  .from-board {
    display: inline-block;
    margin-inline-start: 0.4rem;
    padding: 0 0.45rem;
    border: 1px solid var(--sk-primary);
    border-radius: 999px;
    font-size: 0.8rem;
    font-weight: 600;
    text-decoration: none;
    white-space: nowrap;
  }
  .from-board:hover {
    background: var(--sk-primary-soft);
  }
  tfoot th,
  tfoot td {
    font-weight: 700;
    background: var(--sk-bg);
  }
  button.small {
    min-height: 2rem;
    padding: 0.2rem 0.55rem;
    font-size: 0.9rem;
  }
  .method-form {
    border: 1px solid var(--sk-line);
    border-radius: var(--sk-radius);
    background: var(--sk-surface);
    padding: 0.75rem 1rem;
    margin: 1rem 0;
  }
  .method-form h3 {
    margin-top: 0;
  }
  .method-form textarea {
    font: inherit;
    width: 100%;
    max-width: 40rem;
    min-height: 4.5rem;
    padding: 0.45rem 0.65rem;
    border: 1px solid var(--sk-border);
    border-radius: 6px;
  }
  .method-form input.amount {
    max-width: 16rem;
  }
  /* In the services table a cell's field keeps a readable width; a narrow screen scrolls the table. */
  .services input.cell,
  .services select.cell {
    min-width: 9rem;
  }
  .table-wrap:focus-visible {
    outline: 3px solid var(--sk-focus);
  }
  /*
   * A phone: each line of a stacked table is a card, its cells one under the other with their
   * column's name before them (the header row stays for screen readers), so the amount is seen
   * without scrolling sideways.
   */
  @media (max-width: 40rem) {
    table.stack thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    table.stack,
    table.stack tbody,
    table.stack tfoot,
    table.stack tr {
      display: block;
    }
    table.stack tr {
      border: 1px solid var(--sk-line);
      border-radius: 6px;
      margin-bottom: 0.5rem;
    }
    table.stack th,
    table.stack td {
      display: block;
      border: none;
      max-width: none;
      text-align: start;
    }
    table.stack td[data-label]:not([data-label=''])::before {
      content: attr(data-label) ': ';
      font-weight: 600;
    }
    table.stack td:empty {
      display: none;
    }
  }
  .form-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }

  /* Roadmap: now, next, later side by side where there is room, one under the other on a phone. */
  .horizons {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr));
    gap: 1rem;
    align-items: start;
  }
  .horizon {
    background: var(--sk-surface);
    border: 1px solid var(--sk-line);
    border-top: 4px solid var(--sk-primary);
    border-radius: var(--sk-radius);
    padding: 0.6rem 0.8rem;
    margin: 0;
  }
  .horizon h3 {
    margin: 0 0 0.5rem;
  }
  .horizon ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .horizon li {
    border-top: 1px solid var(--sk-line);
    padding: 0.5rem 0;
  }
  .item-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin: 0 0 0.2rem;
  }
  .item-owner {
    color: var(--sk-muted);
    font-size: 0.9rem;
    margin: 0 0 0.35rem;
  }

  /* Overlapping services: a tinted row with a marked edge and a word, never colour alone. */
  tr.overlap > * {
    background: #fff3d1;
  }
  tr.overlap > :first-child {
    box-shadow: inset 5px 0 0 #8a5a00;
  }
  .overlap-mark {
    display: inline-block;
    white-space: nowrap;
    margin-top: 0.2rem;
    padding: 0 0.4rem;
    border-radius: 4px;
    background: #8a5a00;
    color: #fff;
    font-size: 0.8rem;
    font-weight: 700;
  }
  .overlaps {
    border-inline-start: 5px solid #8a5a00;
    background: #fff3d1;
    border-radius: 6px;
    padding: 0.6rem 1rem;
    margin: 1rem 0;
  }
  .overlaps h3 {
    margin-top: 0;
  }
  .overlaps ul {
    margin: 0;
    padding-inline-start: 1.2rem;
  }

  /* The life event: fields one under the other, wide enough to read. */
  .life-form {
    display: grid;
    gap: 0.25rem;
    max-width: 44rem;
  }
  .life-form textarea {
    font: inherit;
    min-height: 5rem;
    padding: 0.45rem 0.65rem;
    border: 1px solid var(--sk-border);
    border-radius: 6px;
  }
  dl.life {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.4rem 1rem;
  }
  dl.life dt {
    font-weight: 600;
  }
  dl.life dd {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
`;
