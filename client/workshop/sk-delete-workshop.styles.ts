import { css } from 'lit';

export const deleteStyles = css`
  .title-to-type {
    padding: 0.5rem 0.75rem;
    background: var(--sk-bg);
    border-radius: 6px;
    overflow-wrap: anywhere;
  }
`;
