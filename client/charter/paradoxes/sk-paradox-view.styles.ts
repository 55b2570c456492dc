import { css } from 'lit';

export const paradoxStyles = css`
  .axis {
    display: grid;
    grid-template-columns: minmax(6rem, 10rem) 1fr minmax(6rem, 10rem);
    align-items: start;
    gap: 0.75rem;
    margin: 0.5rem 0 1rem;
  }
  .pole {
    font-weight: 600;
    font-size: 0.92rem;
    /* In line with the track's rule. */
    padding-top: 0.55rem;
  }
  .pole.high {
    text-align: end;
  }
  .track {
    position: relative;
    height: 5.5rem;
    margin: 0 1rem;
    background: linear-gradient(var(--sk-border), var(--sk-border)) center 1.2rem / 100% 3px no-repeat;
  }
  .report {
    font-style: italic;
    margin: 0 0 0.25rem;
  }
  .target {
    position: absolute;
    top: 0.2rem;
    transform: translateX(-50%);
    font-size: 1.4rem;
    line-height: 1;
    color: var(--sk-text);
    border-radius: 4px;
  }
  .target-row th {
    font-weight: 700;
  }
  .set-target {
    font: inherit;
    min-height: 32px;
    padding: 0.2rem 0.6rem;
    border: 1px solid var(--sk-border);
    border-radius: 6px;
    background: var(--sk-surface, #fff);
    cursor: pointer;
  }
  .gaps {
    margin: 0 0 1rem;
  }
  .markers {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .marker {
    position: absolute;
    top: 0.6rem;
    transform: translateX(-50%);
  }
  .marker.start .dot {
    align-items: flex-start;
    transform: translateX(calc(50% - 0.6rem));
  }
  .marker.end .dot {
    align-items: flex-end;
    transform: translateX(calc(-50% + 0.6rem));
  }
  /* The row header names the organisation; the slider keeps its label for screen readers only. */
  sl-range::part(form-control-label) {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .dot {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.15rem;
    border-radius: 6px;
  }
  .dot::before {
    content: '';
    width: 1.2rem;
    height: 1.2rem;
    border-radius: 50%;
    background: var(--org);
    border: 2px solid #fff;
    box-shadow: 0 0 0 1px var(--org);
  }
  .label {
    font-size: 0.78rem;
    font-weight: 600;
    color: var(--org);
    background: #fff;
    padding: 0 0.2rem;
    white-space: nowrap;
    margin-top: calc(var(--row) * 1.2rem);
  }
  td.slider {
    min-width: 14rem;
  }
  .unplaced {
    font-weight: 400;
    color: var(--sk-muted);
  }
  /* A phone: the poles side by side above a track as wide as the screen, so markers spread out. */
  @media (max-width: 40rem) {
    .axis {
      grid-template-columns: 1fr 1fr;
    }
    .pole {
      grid-row: 1;
      padding-top: 0;
    }
    .track {
      grid-column: 1 / -1;
      grid-row: 2;
    }
  }
`;
