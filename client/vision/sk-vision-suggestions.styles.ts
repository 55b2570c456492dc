/**
 * Styles of `<sk-vision-suggestions>` (its cards borrow the comments panel's); suggested text is
 * shown as in the editor (suggestion-mark.styles.ts).
 */
import { css } from 'lit';

export const visionSuggestionsStyles = css`
  section {
    margin-bottom: 1.25rem;
  }
  .what {
    margin: 0 0 0.25rem;
    font-size: 0.92rem;
    overflow-wrap: anywhere;
  }
  .required {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    font-size: 0.92rem;
    margin: 0 0 0.6rem;
  }
  .required input {
    width: 1.1rem;
    height: 1.1rem;
    margin-top: 0.15rem;
    flex: none;
  }
  .hint {
    font-size: 0.88rem;
    color: var(--sk-muted);
    margin: 0 0 0.6rem;
  }
  .all {
    margin: 0 0 0.6rem;
  }
`;
