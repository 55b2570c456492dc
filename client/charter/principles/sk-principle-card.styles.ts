import { css } from 'lit';

export const principleCardStyles = css`
  article {
    background: var(--sk-surface);
    border: 1px solid var(--sk-line);
    border-left: 6px solid var(--sk-border);
    border-radius: var(--sk-radius);
    padding: 0.9rem 1.1rem;
  }
  article.status-agreed {
    border-left-color: var(--sk-success);
  }
  article.status-blocked,
  article.status-rejected {
    border-left-color: var(--sk-danger);
  }
  article.status-stale {
    border-left-color: #b45309;
    border-left-style: dashed;
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: 0.5rem;
  }
  h3 {
    margin: 0;
    font-size: 1rem;
    color: var(--sk-muted);
  }
  .status {
    font-weight: 700;
    font-size: 0.9rem;
    padding: 0.1rem 0.6rem;
    border-radius: 999px;
    border: 1px solid var(--sk-border);
    background: var(--sk-bg);
  }
  .status[data-status='agreed'] {
    background: var(--sk-success-soft);
    border-color: var(--sk-success);
    color: var(--sk-success);
  }
  .status[data-status='blocked'],
  .status[data-status='rejected'] {
    background: var(--sk-danger-soft);
    border-color: var(--sk-danger);
    color: var(--sk-danger);
  }
  .status[data-status='stale'] {
    background: #fef3c7;
    border-color: #92400e;
    color: #78350f;
  }
  p.text {
    font-size: 1.1rem;
    font-weight: 600;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin: 0.5rem 0;
  }
  textarea.text {
    font: inherit;
    font-size: 1.05rem;
    width: 100%;
    margin: 0.5rem 0;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--sk-border);
    border-radius: 6px;
  }
  .empty {
    color: var(--sk-muted);
    font-weight: 400;
    font-style: italic;
  }
  .stale-note {
    background: #fef3c7;
    border-left: 4px solid #92400e;
    padding: 0.5rem 0.75rem;
    border-radius: 4px;
  }
  .decision {
    margin: 0.5rem 0 0;
    font-weight: 600;
  }
  .later-title {
    margin: 0.5rem 0 0;
    font-size: 0.9rem;
    color: var(--sk-muted);
  }
  .chips {
    list-style: none;
    margin: 0.5rem 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    border-radius: 999px;
    padding: 0.15rem 0.65rem 0.15rem 0.3rem;
    font-size: 0.9rem;
    font-weight: 600;
    border: 2px solid var(--org);
    background: #fff;
    color: #1a1a1a;
  }
  .chip .mark {
    display: inline-grid;
    place-items: center;
    width: 1.3rem;
    height: 1.3rem;
    border-radius: 50%;
    background: var(--sk-bg);
    color: var(--sk-text);
    font-weight: 700;
  }
  .stance-endorse .mark {
    background: var(--sk-success);
    color: #fff;
  }
  .stance-object .mark {
    background: var(--sk-danger);
    color: #fff;
  }
  .stance-abstain .mark {
    background: #4b5866;
    color: #fff;
  }
  .stance-none {
    border-style: dashed;
  }
  .chips.stale .chip {
    border-style: dotted;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    margin-top: 0.5rem;
  }
  .mine {
    align-self: center;
    font-size: 0.9rem;
    color: var(--sk-muted);
  }
  .stance,
  .edit-tools {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.35rem;
  }
  sl-dialog form {
    display: grid;
    gap: 0.5rem;
  }
  .retired-note,
  .superseded-note {
    margin: 0.5rem 0;
    padding: 0.4rem 0.6rem;
    border-left: 4px solid var(--sk-border);
    background: var(--sk-bg);
  }
  .retired-note {
    border-left-color: var(--sk-danger);
  }
  /* Who last changed the draft (the server's record). */
  .changed {
    display: block;
    margin: 0.15rem 0 0.4rem;
    font-size: 0.8rem;
    color: var(--sk-muted);
  }
  /* Issue #14: anchored stances and who endorsed, who anchored. */
  .chip .anchored {
    font-size: 0.75rem;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.03em;
    border-radius: 999px;
    padding: 0 0.4rem;
    background: #1d3f6e;
    color: #fff;
  }
  .endorsements {
    margin: 0.25rem 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.15rem 1rem;
    font-size: 0.95rem;
  }
  .endorsements .anchored-list {
    font-weight: 600;
  }
  .represented {
    margin: 0.25rem 0;
    color: var(--sk-muted);
    font-size: 0.95rem;
  }
`;
