/**
 * Styles of `<sk-vision-suggestions>` (its cards borrow the comments panel's). Suggested text is
 * shown as in the editor: insertions on the organisation's tint, underlined in its colour;
 * deletions struck through in its colour (both colours AA on white and on the tint).
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
  ins.suggestion {
    text-decoration: none;
    background: var(--change-soft, #f3f4f6);
    box-shadow: inset 0 -2px 0 var(--change-strong, #4b5563);
  }
  .suggestion.formatting {
    text-decoration: underline dotted var(--change-strong, #4b5563);
    text-decoration-thickness: 2px;
    text-underline-offset: 3px;
  }
  .suggestion.formatting[data-strong='add'] {
    font-weight: 700;
  }
  .suggestion.formatting[data-em='add'] {
    font-style: italic;
  }
  del.suggestion {
    color: var(--change-strong, #4b5563);
    text-decoration: line-through;
    text-decoration-thickness: 2px;
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
