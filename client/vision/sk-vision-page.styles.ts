/** Styles of `<sk-vision-page>`: the bar of views, the banners, and the text beside its side panel. */
import { css } from 'lit';

export const visionPageStyles = css`
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-bottom: 0.6rem;
  }
  .views {
    display: inline-flex;
    border: 1px solid var(--sk-line);
    border-radius: 8px;
    overflow: hidden;
  }
  .seg {
    border: 0;
    border-radius: 0;
    background: var(--sk-surface);
    color: var(--sk-text);
    padding: 0.4rem 0.9rem;
    min-height: 2.2rem;
    font-weight: 600;
  }
  .seg[aria-pressed='true'],
  .seg[aria-pressed='true']:hover:not(:disabled) {
    background: var(--sk-primary);
    color: #fff;
  }
  sk-connection-status {
    margin-left: auto;
  }
  .badge {
    background: #fef3c7;
    color: #78350f;
    border-radius: 6px;
    padding: 0.3rem 0.6rem;
    font-size: 0.9rem;
  }
  .since {
    border-left: 4px solid var(--sk-primary);
    background: var(--sk-primary-soft);
    border-radius: 6px;
    padding: 0.6rem 1rem;
    margin-bottom: 0.75rem;
  }
  .since h2 {
    font-size: 1.05rem;
    margin: 0 0 0.25rem;
  }
  .since .when {
    font-weight: 400;
    color: var(--sk-muted);
    font-size: 0.92rem;
  }
  .since p {
    margin: 0 0 0.5rem;
  }
  .notice {
    margin: 0;
    color: var(--sk-success);
    font-size: 0.92rem;
  }
  .notice:empty {
    display: none;
  }
  .caption {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    background: #fffbeb;
    border: 1px solid #f5d48a;
    border-radius: 6px;
    padding: 0.5rem 0.8rem;
    margin-bottom: 0.6rem;
  }
  .caption p {
    margin: 0;
    flex: 1 1 20rem;
  }
  .legend {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem 0.9rem;
    margin: 0;
    padding: 0;
    font-size: 0.88rem;
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
  }
  .swatch {
    width: 0.9rem;
    height: 0.9rem;
    border-radius: 3px;
    border: 2px solid;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 17rem;
    gap: 0.75rem;
    align-items: start;
  }
  .paper {
    border: 1px solid var(--sk-line);
    border-radius: var(--sk-radius);
    background: var(--sk-surface);
    min-height: 20rem;
    overflow: hidden;
  }
  .loading {
    padding: 1rem;
    color: var(--sk-muted);
  }
  aside {
    border: 1px solid var(--sk-line);
    border-radius: var(--sk-radius);
    background: var(--sk-surface);
    padding: 0.75rem;
    max-height: calc(100vh - 8rem);
    overflow: auto;
    position: sticky;
    top: 0.5rem;
  }
  @media (max-width: 48rem) {
    .layout {
      grid-template-columns: 1fr;
    }
    aside {
      position: static;
      max-height: none;
    }
  }
`;
