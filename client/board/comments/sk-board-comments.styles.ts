/** Styles of `<sk-board-comments>`: an element's threads in the board's side column. */
import { css } from 'lit';

export const boardCommentsStyles = css`
  :host {
    display: block;
    margin-top: 1rem;
    border-top: 1px solid var(--sk-line);
    padding-top: 0.75rem;
  }
  .head {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.5rem;
    margin-bottom: 0.5rem;
  }
  h2 {
    font-size: 1rem;
    margin: 0;
    overflow-wrap: anywhere;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.6rem;
  }
  .threads {
    margin-top: 0.6rem;
  }
  article {
    border: 1px solid var(--sk-line);
    border-radius: 8px;
    padding: 0.5rem 0.6rem;
    background: #fff;
  }
  article.resolved {
    background: #f6f8fa;
  }
  .comment {
    border-left: 4px solid var(--org, #4b5563);
    padding-left: 0.5rem;
  }
  .who {
    font-size: 0.85rem;
    color: var(--sk-muted);
    margin: 0 0 0.25rem;
  }
  .who strong {
    color: var(--sk-text);
  }
  .text {
    margin: 0 0 0.3rem;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .replies {
    margin: 0.4rem 0 0.3rem 0.5rem;
    gap: 0.4rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
    margin-top: 0.3rem;
  }
  button.small {
    font-size: 0.85rem;
    min-height: 2rem;
    padding: 0.2rem 0.6rem;
  }
  .toggle {
    margin-top: 0.6rem;
  }
  .toggle[aria-pressed='true'] {
    background: var(--sk-primary);
    color: #fff;
  }
  textarea {
    font: inherit;
    width: 100%;
    box-sizing: border-box;
    min-height: 3.5rem;
    border: 1px solid var(--sk-border);
    border-radius: 6px;
    padding: 0.4rem 0.5rem;
    resize: vertical;
  }
  form {
    margin: 0.35rem 0 0;
  }
  form label {
    display: block;
    font-size: 0.88rem;
    margin-bottom: 0.2rem;
  }
  .empty {
    color: var(--sk-muted);
    font-size: 0.92rem;
  }
`;
