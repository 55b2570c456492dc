import { css } from 'lit';

export const answerFormStyles = css`
  .question {
    background: #fffbeb;
    border: 2px solid #b45309;
    border-radius: var(--sk-radius);
    padding: 0.75rem 1rem;
    margin-bottom: 1rem;
  }
  h2 {
    font-size: 1.1rem;
    margin: 0 0 0.25rem;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0 0 0.75rem;
  }
  .choice {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    font-weight: 400;
    padding: 0.15rem 0;
  }
  .choice input {
    width: auto;
    min-height: 0;
  }
  textarea {
    font: inherit;
    max-width: 36rem;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--sk-border);
    border-radius: 6px;
  }
  .range {
    max-width: 36rem;
    margin-bottom: 0.75rem;
  }
  .poles {
    display: flex;
    justify-content: space-between;
    font-size: 0.88rem;
    color: var(--sk-muted);
  }
  .revealed {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem 1rem;
    background: var(--sk-success-soft);
    border: 1px solid var(--sk-success);
    border-radius: 8px;
    padding: 0.4rem 0.75rem;
    margin: 0 0 0.75rem;
  }
  .revealed button {
    min-height: 2.2rem;
    padding: 0.2rem 0.7rem;
  }
  .mine {
    font-weight: 600;
  }
  h3 {
    font-size: 1rem;
    margin: 0.75rem 0 0.25rem;
  }
  .mine-notes {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .mine-notes li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.3rem 0.75rem;
    padding: 0.2rem 0;
    border-bottom: 1px solid var(--sk-line);
  }
  .mine-notes button {
    min-height: 2.2rem;
    padding: 0.2rem 0.7rem;
  }
  .text-answers {
    flex-basis: 100%;
    margin: 0.25rem 0 0;
    padding-left: 1.25rem;
  }
  .text-answers .who {
    font-weight: 600;
  }
  .alert:empty {
    display: none;
  }
`;
