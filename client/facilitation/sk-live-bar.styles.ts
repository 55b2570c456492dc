import { css } from 'lit';

export const liveBarStyles = css`
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem 1.25rem;
    background: var(--sk-surface);
    border: 1px solid var(--sk-line);
    border-radius: 8px;
    padding: 0.35rem 0.75rem;
    margin-bottom: 0.75rem;
    font-size: 0.95rem;
  }
  .label {
    color: var(--sk-muted);
  }
  .timer [role='timer'] {
    font-variant-numeric: tabular-nums;
    font-weight: 700;
    font-size: 1.1rem;
  }
  .timer.low [role='timer'] {
    color: var(--sk-danger);
  }
  .paused-tag {
    color: var(--sk-muted);
  }
  .spacer {
    flex: 1;
  }
  .link {
    color: #92400e;
    font-weight: 600;
  }
  .summon {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem 1rem;
    background: var(--sk-primary-soft);
    border: 1px solid var(--sk-primary);
    border-radius: 8px;
    padding: 0.4rem 0.75rem;
  }
  .summon button.small {
    min-height: 2.2rem;
    padding: 0.2rem 0.7rem;
  }
  .alert:empty {
    display: none;
  }
  @media (max-width: 30rem) {
    .bar {
      gap: 0.3rem 0.75rem;
      padding: 0.25rem 0.5rem;
      margin-bottom: 0.5rem;
    }
  }
`;
