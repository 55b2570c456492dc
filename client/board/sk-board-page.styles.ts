import { css } from 'lit';

export const boardPageStyles = css`
  /* Fills the height the workshop page gives it: the bars on top, the board takes the rest. */
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
  }
  /* The boards come first in the bar; a divider sets them off from the board's own controls. */
  .bar > sk-board-tabs {
    padding-right: 1rem;
    border-right: 1px solid var(--sk-line);
  }
  .gone {
    border: 1px solid var(--sk-line);
    border-radius: var(--sk-radius);
    background: var(--sk-surface);
    padding: 1rem;
  }
  .summoned,
  .sent {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    background: var(--sk-primary-soft);
    border: 1px solid var(--sk-primary);
    border-radius: 8px;
    padding: 0.4rem 0.75rem;
    margin-bottom: 0.5rem;
  }
  .summoned button,
  .sent button {
    min-height: 2.2rem;
    padding: 0.2rem 0.7rem;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-bottom: 0.5rem;
  }
  .views {
    display: inline-flex;
    border: 1px solid var(--sk-line);
    border-radius: 8px;
    overflow: hidden;
  }
  .seg {
    border: 0;
    border-radius: 0;
    background: var(--sk-surface);
    color: var(--sk-text);
    padding: 0.4rem 0.9rem;
    min-height: 2.2rem;
    font-weight: 600;
  }
  .seg[aria-pressed='true'],
  .seg[aria-pressed='true']:hover:not(:disabled) {
    background: var(--sk-primary);
    color: #fff;
  }
  .filter {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    font-size: 0.92rem;
  }
  .filter select {
    width: auto;
    min-height: 2.2rem;
  }
  sk-connection-status {
    margin-left: auto;
  }
  .badge {
    background: #fef3c7;
    color: #78350f;
    border-radius: 6px;
    padding: 0.3rem 0.6rem;
    font-size: 0.9rem;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 14rem;
    gap: 0.75rem;
    flex: 1;
    min-height: 24rem;
  }
  .stage {
    min-width: 0;
    min-height: 0;
    border: 1px solid var(--sk-line);
    border-radius: var(--sk-radius);
    background: var(--sk-surface);
    overflow: hidden;
    position: relative;
  }
  .stage > * {
    height: 100%;
  }
  sk-board-outline {
    overflow: auto;
  }
  aside {
    border: 1px solid var(--sk-line);
    border-radius: var(--sk-radius);
    background: var(--sk-surface);
    padding: 0.75rem;
    overflow: auto;
  }
  aside h2 {
    font-size: 1rem;
  }
  @media (max-width: 48rem) {
    .layout {
      grid-template-columns: 1fr;
      flex: none;
    }
    /* Almost a whole screen once scrolled to; a strip above stays to scroll the page by. */
    .stage {
      height: calc(100dvh - 5rem);
      min-height: 20rem;
    }
  }
  @media (max-width: 30rem) {
    /* A phone: the view switch, the templates and the highlight share one short row. */
    .bar {
      gap: 0.4rem 0.5rem;
    }
    .seg {
      padding: 0.3rem 0.6rem;
    }
    .filter > span {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .filter select {
      max-width: 9rem;
    }
  }
`;
