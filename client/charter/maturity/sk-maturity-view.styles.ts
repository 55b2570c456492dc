import { css } from 'lit';

export const maturityStyles = css`
  .stairs {
    list-style: none;
    margin: 1rem 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(4, minmax(8rem, 1fr));
    align-items: end;
    gap: 0;
  }
  .step {
    display: flex;
    flex-direction: column;
    justify-content: flex-end;
  }
  .tread {
    padding: 0.4rem;
    min-height: 3rem;
  }
  .riser {
    background: var(--sk-primary-soft);
    border: 1px solid var(--sk-primary);
    border-bottom-width: 3px;
    padding: 0.5rem;
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
  }
  .step-1 .riser {
    min-height: 4rem;
  }
  .step-2 .riser {
    min-height: 7rem;
  }
  .step-3 .riser {
    min-height: 10rem;
  }
  .step-4 .riser {
    min-height: 13rem;
    background: #d1e7dd;
  }
  .gen {
    font-weight: 700;
  }
  .what {
    font-size: 0.9rem;
  }
  .orgs {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem;
  }
  .chip.target {
    background: transparent;
    border-style: dashed;
  }
  .chip.also {
    opacity: 0.85;
    font-style: italic;
  }
  /* Readable on a phone, where the table scrolls sideways rather than squeezing the choices. */
  select.cell {
    min-width: 5.5rem;
  }
  fieldset.also {
    border: 0;
    margin: 0;
    padding: 0;
    display: flex;
    gap: 0.6rem;
    flex-wrap: wrap;
  }
  fieldset.also label {
    display: inline-flex;
    align-items: center;
    gap: 0.2rem;
    min-height: 24px;
  }
  textarea.cell {
    font: inherit;
    width: 100%;
    min-width: 14rem;
    border: 1px solid var(--sk-border);
    border-radius: 6px;
  }
  @media (max-width: 40rem) {
    .stairs {
      grid-template-columns: 1fr;
    }
    .riser {
      min-height: 0 !important;
    }
  }
`;
