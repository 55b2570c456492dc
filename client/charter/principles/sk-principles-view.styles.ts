import { css } from 'lit';

export const principlesStyles = css`
  .cards {
    list-style: none;
    margin: 0 0 1.5rem;
    padding: 0;
    display: grid;
    gap: 0.9rem;
  }
  .rule {
    color: var(--sk-muted);
    font-weight: 600;
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .rule select {
    width: auto;
    min-height: 2.2rem;
  }
  .notice {
    background: #fef3c7;
    border-left: 4px solid #92400e;
    padding: 0.5rem 0.75rem;
    border-radius: 4px;
  }
  form.add {
    display: grid;
    gap: 0.4rem;
    max-width: 44rem;
  }
  form.add textarea {
    font: inherit;
    padding: 0.45rem 0.65rem;
    border: 1px solid var(--sk-border);
    border-radius: 6px;
  }
  .amendments {
    list-style: none;
    margin: 0.5rem 0 0 1.5rem;
    padding: 0 0 0 0.75rem;
    border-left: 3px solid var(--sk-primary);
    display: grid;
    gap: 0.6rem;
  }
  .retired-section {
    margin: 0 0 1.5rem;
    border: 1px solid var(--sk-line);
    border-radius: var(--sk-radius);
    padding: 0.5rem 0.9rem;
    background: var(--sk-surface);
  }
  .retired-section summary {
    cursor: pointer;
    font-weight: 700;
    min-height: 2.2rem;
    display: list-item;
  }
  .retired-section .cards {
    margin: 0.75rem 0 0.25rem;
  }
  .dialog-quote {
    margin: 0 0 0.5rem;
    padding: 0.4rem 0.75rem;
    border-left: 4px solid var(--sk-border);
    background: var(--sk-bg);
    font-weight: 600;
    white-space: pre-wrap;
  }
  @media (max-width: 40rem) {
    .amendments {
      margin-left: 0.25rem;
    }
  }
  .starters {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-top: 0.75rem;
  }
  .starters button {
    font: inherit;
    min-height: 2.25rem;
    padding: 0.2rem 0.8rem;
    border: 1px solid var(--sk-primary);
    border-radius: 6px;
    background: var(--sk-surface, #fff);
    color: var(--sk-primary);
    cursor: pointer;
  }
`;
