import { css } from 'lit';

export const dotVoteStyles = css`
  :host {
    display: block;
    margin-top: 1rem;
  }
  h2 {
    font-size: 1.05rem;
    margin: 0 0 0.4rem;
  }
  p {
    margin: 0 0 0.5rem;
    font-size: 0.92rem;
  }
  .budget {
    font-weight: 700;
  }
  .alert {
    color: #a11d1d;
    font-weight: 600;
  }
  .alert:empty {
    display: none;
  }
  ul,
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.35rem;
  }
  ol.results {
    list-style: decimal;
    padding-inline-start: 1.4rem;
  }
  li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.3rem 0.5rem;
    font-size: 0.9rem;
    border-bottom: 1px solid var(--sk-line, #d5dbe1);
    padding-bottom: 0.3rem;
  }
  ol.results li {
    display: list-item;
  }
  .what {
    flex: 1 1 8rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .dots {
    color: #7e22ce;
    letter-spacing: 0.1em;
  }
  .buttons {
    display: inline-flex;
    gap: 0.25rem;
  }
  button {
    font: inherit;
    font-weight: 700;
    min-width: 2.2rem;
    min-height: 2.2rem;
    border-radius: 6px;
    border: 1px solid var(--sk-primary, #1d5c73);
    background: #fff;
    color: var(--sk-primary, #1d5c73);
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  button.toggle {
    margin-top: 0.5rem;
    padding: 0.3rem 0.7rem;
    font-weight: 600;
  }
  button.link {
    border: 0;
    background: none;
    padding: 0;
    min-height: 0;
    font-weight: 600;
    text-decoration: underline;
    text-align: start;
  }
  :focus-visible {
    outline: 3px solid var(--sk-focus, #1a5fb4);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .count {
    font-weight: 700;
    margin-inline-start: 0.5rem;
  }
`;
