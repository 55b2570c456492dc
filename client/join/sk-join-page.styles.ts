import { css } from 'lit';

export const joinStyles = css`
  form {
    max-width: 36rem;
  }
`;
