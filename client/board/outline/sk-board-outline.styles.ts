import { css } from 'lit';

export const outlineStyles = css`
  :host {
    display: block;
    padding: 1rem;
    background: var(--sk-bg);
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-bottom: 1rem;
  }
  .top h2 {
    margin: 0;
    margin-inline-end: auto;
  }
  .top .summary {
    color: var(--sk-muted);
    margin: 0;
    flex-basis: 100%;
  }
  .undo {
    display: flex;
    gap: 0.5rem;
  }
  .undo button {
    padding-inline: 0.75rem;
  }
  .notice {
    background: var(--sk-primary-soft);
    border-left: 4px solid var(--sk-primary);
    border-radius: 6px;
    padding: 0.6rem 0.9rem;
  }
  section {
    background: var(--sk-surface);
    border: 1px solid var(--sk-line);
    border-radius: var(--sk-radius);
    padding: 1rem clamp(0.75rem, 2vw, 1.25rem);
    margin-bottom: 1rem;
  }
  section.loose {
    border-style: dashed;
  }
  .section-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5rem 1rem;
  }
  .section-head h3 {
    margin: 0;
    margin-inline-end: auto;
    overflow-wrap: anywhere;
  }
  .count {
    color: var(--sk-muted);
    font-weight: 400;
    font-size: 0.95rem;
  }
  .small {
    min-height: 2.25rem;
    padding: 0.3rem 0.7rem;
    font-size: 0.925rem;
  }
  .add {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.5rem 0.75rem;
    margin: 0.75rem 0;
  }
  .add .field {
    flex: 1 1 18rem;
    margin: 0;
  }
  textarea {
    font: inherit;
    color: inherit;
    background: #fff;
    border: 1px solid var(--sk-border);
    border-radius: 6px;
    padding: 0.45rem 0.65rem;
    width: 100%;
    min-height: 2.6rem;
    resize: vertical;
  }
  ul.items {
    list-style: none;
    margin: 0.5rem 0 0;
    padding: 0;
    display: grid;
    gap: 0.6rem;
  }
  li.item {
    border: 1px solid var(--sk-line);
    border-left: 6px solid var(--org, var(--sk-border));
    border-radius: 8px;
    padding: 0.6rem 0.8rem;
    background: #fff;
  }
  li.item:focus-visible {
    outline: 3px solid var(--sk-focus);
    outline-offset: 2px;
  }
  li.item.highlighted {
    border-width: 2px 2px 2px 8px;
    border-color: var(--org);
  }
  li.item.dimmed {
    background: var(--sk-bg);
    border-left-color: var(--sk-line);
  }
  li.item.dimmed .text {
    color: var(--sk-muted);
  }
  .kind {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.6rem;
    align-items: center;
    font-size: 0.875rem;
    font-weight: 600;
    color: var(--sk-muted);
    margin: 0;
  }
  .badge {
    background: var(--org, var(--sk-primary));
    color: #fff;
    border-radius: 999px;
    padding: 0 0.55rem;
    font-size: 0.8rem;
  }
  .text {
    margin: 0.15rem 0 0.3rem;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .text.empty {
    color: var(--sk-muted);
    font-style: italic;
  }
  .protected {
    margin: 0.25rem 0 0;
    font-size: 0.9rem;
    color: var(--sk-muted);
  }
  .by {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
    align-items: center;
    font-size: 0.9rem;
    color: var(--sk-muted);
    margin: 0 0 0.4rem;
  }
  .org {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    color: var(--sk-text);
  }
  .swatch {
    display: inline-block;
    width: 0.85rem;
    height: 0.85rem;
    border-radius: 3px;
    border: 1px solid rgb(0 0 0 / 0.25);
  }
  .item-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem 0.5rem;
    align-items: center;
  }
  .move {
    display: inline-flex;
    gap: 0.4rem;
    align-items: center;
  }
  .move label {
    font-weight: 400;
    font-size: 0.925rem;
  }
  .move select {
    width: auto;
    max-width: 14rem;
    min-height: 2.25rem;
    padding: 0.2rem 0.4rem;
    font-size: 0.925rem;
  }
  .edit {
    display: grid;
    gap: 0.4rem;
    margin: 0.4rem 0;
  }
  .edit .hint {
    margin: 0;
    font-size: 0.875rem;
  }
  .none {
    color: var(--sk-muted);
    margin: 0.5rem 0 0;
  }
`;
