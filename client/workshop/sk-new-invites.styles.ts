import { css } from 'lit';

export const newInvitesStyles = css`
  .invites {
    list-style: none;
    margin: 0.75rem 0 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .invites li {
    border: 1px solid var(--sk-line);
    border-radius: 8px;
    padding: 0.75rem 1rem;
    background: var(--sk-primary-soft);
  }
  .who {
    margin: 0 0 0.5rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75rem;
  }
  .limits {
    color: var(--sk-muted);
  }
  .link-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .link-row input {
    flex: 1 1 18rem;
    max-width: none;
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 0.9rem;
  }
`;
