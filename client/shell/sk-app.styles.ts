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
  /* The board's route: header and main share the window; the board takes what the chrome leaves. */
  :host(.fill) {
    display: flex;
    flex-direction: column;
    height: 100vh;
    height: 100dvh;
  }
  :host(.fill) main {
    flex: 1;
    min-height: 0;
    width: 100%;
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
  }
  :host(.fill) main > :last-child {
    flex: 1;
    min-height: 0;
  }
  @media (max-width: 48rem) {
    /* A phone scrolls the page: the board is tall, the people and the vote follow below it. */
    :host(.fill) {
      display: block;
      height: auto;
    }
    :host(.fill) main {
      display: block;
    }
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
  @media (max-width: 30rem) {
    /* A phone: the header is one slim row; the language list keeps its label for screen readers. */
    .bar {
      padding: 0.35rem 0.75rem;
    }
    .language label {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .language select {
      min-height: 2.2rem;
    }
    main.wide {
      padding: 0.5rem 0.5rem 1rem;
    }
  }
  footer {
    max-width: 52rem;
    margin: 0 auto;
    padding: 0.5rem 1rem 1rem;
    color: var(--sk-muted);
    font-size: 0.85rem;
  }
  footer.wide {
    max-width: none;
    padding: 0.2rem 1rem 0.4rem;
  }
  footer a {
    color: var(--sk-primary);
  }
`;
