/** Styles of `<sk-milestone-stances>`: a chip per organisation in its colour, objections' reasons, the stance form. */
import { css } from 'lit';

export const milestoneStancesStyles = css`
  :host {
    display: block;
  }
  .chips {
    list-style: none;
    margin: 0.3rem 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    border-radius: 999px;
    padding: 0.05rem 0.5rem 0.05rem 0.15rem;
    font-size: 0.8rem;
    font-weight: 600;
    border: 2px solid var(--org);
    background: #fff;
    color: #1a1a1a;
  }
  .mark {
    display: inline-grid;
    place-items: center;
    width: 1.1rem;
    height: 1.1rem;
    border-radius: 50%;
    background: var(--sk-bg);
    color: var(--sk-text);
    font-weight: 700;
  }
  .stance-endorse .mark {
    background: var(--sk-success);
    color: #fff;
  }
  .stance-object .mark {
    background: var(--sk-danger);
    color: #fff;
  }
  .stance-abstain .mark {
    background: #4b5866;
    color: #fff;
  }
  .stance-none {
    border-style: dashed;
  }
  .reasons {
    margin: 0.2rem 0;
    padding-left: 1rem;
    font-size: 0.82rem;
  }
  fieldset {
    border: 1px solid var(--sk-border, #c5ccd4);
    border-radius: 6px;
    margin: 0.4rem 0;
    padding: 0.4rem 0.6rem 0.6rem;
  }
  legend {
    font-size: 0.88rem;
    font-weight: 600;
    padding: 0 0.25rem;
  }
  label {
    font-size: 0.85rem;
  }
  textarea {
    width: 100%;
    font: inherit;
    font-size: 0.9rem;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
    margin-top: 0.35rem;
  }
  .buttons button {
    min-height: 2rem;
    padding: 0.2rem 0.6rem;
    font-size: 0.88rem;
  }
  .hint,
  .status {
    font-size: 0.82rem;
    margin: 0.2rem 0;
  }
`;
