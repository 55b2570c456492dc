/** Styles of the facilitator's panels (dense forms and lists beside the board). */
import { css } from 'lit';

export const panelStyles = css`
  section {
    border-top: 1px solid var(--sk-line);
    padding: 0.75rem 0;
  }
  h2 {
    font-size: 1.05rem;
    margin: 0 0 0.5rem;
  }
  h3 {
    font-size: 0.98rem;
    margin: 0.75rem 0 0.35rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem 0.6rem;
    margin: 0.35rem 0;
  }
  .row input,
  .row select {
    width: auto;
    flex: 1 1 8rem;
    min-height: 2.2rem;
  }
  .row input.short {
    flex: 0 0 5rem;
  }
  ol,
  ul {
    margin: 0;
    padding-inline-start: 1.3rem;
  }
  li {
    display: list-item;
    padding: 0.25rem 0;
  }
  li > .row {
    margin: 0.1rem 0;
  }
  .agenda li,
  .hands li,
  .rounds li {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0.3rem 0.5rem;
  }
  .agenda,
  .hands,
  .rounds {
    list-style: none;
    padding: 0;
  }
  .agenda li.current {
    background: var(--sk-primary-soft);
    border-radius: 6px;
    padding-inline: 0.4rem;
  }
  button.small {
    min-height: 2.2rem;
    padding: 0.2rem 0.65rem;
    font-size: 0.92rem;
  }
  .alert:empty {
    display: none;
  }
  .muted {
    color: var(--sk-muted);
  }
  .hint {
    margin: 0.25rem 0;
  }
  details.answers {
    flex-basis: 100%;
  }
  .row label.check {
    display: flex;
    align-items: center;
    gap: 0.35rem;
    font-weight: 400;
  }
  .row label.check input {
    flex: 0 0 auto;
    min-height: 0;
  }
`;
