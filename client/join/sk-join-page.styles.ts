import { css } from 'lit';

export const joinStyles = css`
  form {
    max-width: 36rem;
  }
  .field .error {
    order: 1;
  }
  .field .hint {
    order: 2;
  }
`;
