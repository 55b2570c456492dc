/** Styles of `<sk-members>`: the members list with roles, representative badges and actions. */
import { css } from 'lit';

export const membersStyles = css`
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
  .members {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .members li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 0.75rem;
    padding: 0.5rem 0;
    border-top: 1px solid var(--sk-line);
  }
  .members li:first-child {
    border-top: 0;
  }
  .member-name {
    font-weight: 600;
  }
  .member-meta {
    color: var(--sk-muted);
  }
  .members select {
    margin-left: auto;
    width: auto;
  }
  .badge {
    display: inline-block;
    border-radius: 999px;
    padding: 0.05rem 0.55rem;
    font-size: 0.85rem;
    font-weight: 700;
    background: #1d3f6e;
    color: #fff;
  }
  .member-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
  }
  .named {
    flex-basis: 100%;
    font-size: 0.9rem;
    color: var(--sk-muted);
  }
  /* The dialog's code loads on first need (lazy-shoelace.ts): hidden until then. */
  sl-dialog:not(:defined) {
    display: none;
  }
  sl-dialog::part(panel) {
    width: min(34rem, 94vw);
  }
  .error {
    color: var(--sk-danger);
    font-weight: 600;
    margin: 0.4rem 0 0;
  }
  .error:empty {
    display: none;
  }
  .footer {
    display: flex;
    gap: 0.5rem;
    justify-content: flex-end;
    flex-wrap: wrap;
  }
`;
