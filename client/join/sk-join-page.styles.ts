import { css } from 'lit';

export const joinStyles = css`
  form,
  .card {
    max-width: 36rem;
  }
  .what .lead {
    color: var(--sk-text);
    font-size: 1.15rem;
    margin-bottom: 0.5rem;
  }
  .what {
    margin-bottom: 1.5rem;
  }
  .what .hint {
    margin: 0;
  }
`;
