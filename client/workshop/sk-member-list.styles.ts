import { css } from 'lit';

export const memberListStyles = css`
  .members {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .members li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem 0.75rem;
    padding: 0.6rem 0;
    border-top: 1px solid var(--sk-line);
  }
  .members li:first-child {
    border-top: 0;
  }
  .who {
    flex: 1 1 14rem;
    min-width: 0;
  }
  .member-name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .member-meta {
    display: block;
    color: var(--sk-muted);
    font-size: 0.925rem;
  }
  .former .member-name {
    font-weight: 400;
    color: var(--sk-muted);
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
  }
  .tools select {
    width: auto;
    min-height: 2.2rem;
    padding-block: 0.25rem;
  }
  .rename {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
    flex: 1 1 100%;
  }
  .rename input {
    flex: 1 1 12rem;
    max-width: 20rem;
  }
  .rename .error {
    flex-basis: 100%;
  }
  h3.former-heading {
    font-size: 1rem;
    color: var(--sk-muted);
  }
  .merge-field {
    display: flex;
    flex-direction: column;
    gap: 0.3rem;
    margin-top: 0.75rem;
  }
`;
