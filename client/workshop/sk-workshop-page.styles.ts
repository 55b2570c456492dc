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
    flex-wrap: wrap;
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
  /* The board's route: the page fills what the shell leaves, the board grows (sk-app.styles.ts). */
  :host(.fill) {
    display: flex;
    flex-direction: column;
  }
  :host(.fill) .work {
    flex: 1;
    min-height: 0;
  }
  .work.with-tools {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(17rem, 21rem);
    gap: 0.75rem;
    align-items: start;
  }
  :host(.fill) .work.with-tools {
    align-items: stretch;
    /* One row as tall as the space left: the tools scroll inside it, the page never does. */
    grid-template-rows: minmax(0, 1fr);
  }
  .work > .tab {
    min-width: 0;
    height: 100%;
    display: flex;
    flex-direction: column;
  }
  .work > .tab > * {
    flex: 1;
    min-height: 0;
  }
  /* Beside the content, scrolling on its own; on other tabs it stays in sight while the page scrolls. */
  .tools {
    position: sticky;
    top: 0.5rem;
    max-height: calc(100dvh - 1rem);
    overflow: auto;
    border: 1px solid var(--sk-line);
    border-radius: var(--sk-radius);
    background: var(--sk-surface);
    padding: 0.5rem 0.75rem 0.75rem;
  }
  :host(.fill) .tools {
    /* Relative: the panels' visually hidden live regions stay inside it, not past the page's end. */
    position: relative;
    max-height: none;
    min-height: 0;
  }
  @media (max-width: 48rem) {
    /* A phone: the tools come first, the content follows below them. */
    .work.with-tools {
      grid-template-columns: 1fr;
    }
    .work.with-tools .tools {
      order: -1;
      position: relative;
      max-height: none;
    }
  }
  @media (max-width: 30rem) {
    /* A phone: title and export on one line, the tabs on one line that scrolls sideways by itself. */
    .head {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      align-items: center;
      gap: 0.35rem 0.5rem;
      margin-bottom: 0.5rem;
    }
    .head h1 {
      font-size: 1.25rem;
    }
    .tabs {
      grid-column: 1 / -1;
      flex-wrap: nowrap;
      overflow-x: auto;
      scrollbar-width: thin;
    }
    .tabs a {
      white-space: nowrap;
      padding: 0.3rem 0.6rem;
    }
  }
`;
