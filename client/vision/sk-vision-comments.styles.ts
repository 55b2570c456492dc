/** Styles of `<sk-vision-comments>`: a scrolling list of comment cards with their threads. */
import { css } from 'lit';

export const visionCommentsStyles = css`
  :host {
    display: block;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.25rem 0.75rem;
    margin-bottom: 0.5rem;
  }
  h2 {
    font-size: 1.05rem;
    margin: 0;
  }
  .toggle {
    font-size: 0.85rem;
    min-height: 2rem;
    padding: 0.2rem 0.6rem;
  }
  .toggle[aria-pressed='true'] {
    background: var(--sk-primary);
    color: #fff;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.6rem;
  }
  article {
    border: 1px solid var(--sk-line);
    border-left: 4px solid var(--org, #4b5563);
    border-radius: 8px;
    padding: 0.6rem 0.7rem;
    background: #fff;
  }
  article.active {
    box-shadow: 0 0 0 2px var(--sk-primary);
  }
  article:focus-visible {
    outline: 3px solid var(--sk-focus);
    outline-offset: 2px;
  }
  article.resolved {
    background: #f6f8fa;
  }
  .quote {
    margin: 0 0 0.4rem;
    padding-left: 0.5rem;
    border-left: 3px solid #d6b25e;
    color: #374151;
    font-size: 0.88rem;
    overflow-wrap: anywhere;
  }
  .badge {
    display: inline-block;
    font-size: 0.78rem;
    font-weight: 700;
    border-radius: 4px;
    padding: 0 0.35rem;
    margin-right: 0.35rem;
    background: #fee2e2;
    color: #7f1d1d;
  }
  .badge.ok {
    background: #d1fae5;
    color: #064e3b;
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
    margin: 0 0 0.4rem;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .replies {
    margin: 0.25rem 0 0.4rem 0.5rem;
    padding-left: 0.6rem;
    border-left: 2px solid var(--sk-line);
    display: grid;
    gap: 0.4rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
    margin-top: 0.35rem;
  }
  .row button,
  form button {
    font-size: 0.85rem;
    min-height: 2rem;
    padding: 0.2rem 0.6rem;
  }
  textarea {
    font: inherit;
    width: 100%;
    min-height: 4rem;
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
  .draft {
    border: 2px solid var(--sk-primary);
    border-radius: 8px;
    padding: 0.6rem 0.7rem;
    margin-bottom: 0.75rem;
    background: var(--sk-primary-soft);
  }
  .empty {
    color: var(--sk-muted);
    font-size: 0.92rem;
  }
`;
