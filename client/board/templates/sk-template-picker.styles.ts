import { css } from 'lit';

export const pickerStyles = css`
  :host {
    display: inline-block;
  }
  .templates {
    list-style: none;
    margin: 0 0 1rem;
    padding: 0;
    display: grid;
    gap: 0.6rem;
  }
  .templates li {
    border: 1px solid var(--sk-line);
    border-radius: 8px;
    padding: 0.6rem 0.8rem;
  }
  .templates p {
    margin: 0.35rem 0 0;
    color: var(--sk-muted);
    font-size: 0.925rem;
  }
  .choice {
    width: 100%;
    text-align: start;
  }
`;
