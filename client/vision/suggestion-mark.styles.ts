/**
 * Suggested text as the editor and the suggestions panel both show it: insertions on the
 * suggesting organisation's tint, underlined in its colour; deletions struck through in its colour;
 * suggested formatting as it would look, dotted underneath (both colours AA on white and on the tint).
 */
import { css } from 'lit';

export const suggestionMarkStyles = css`
  ins.suggestion {
    text-decoration: none;
    background: var(--change-soft, #f3f4f6);
    box-shadow: inset 0 -2px 0 var(--change-strong, #4b5563);
  }
  del.suggestion {
    color: var(--change-strong, #4b5563);
    text-decoration: line-through;
    text-decoration-thickness: 2px;
  }
  .suggestion.formatting {
    text-decoration: underline dotted var(--change-strong, #4b5563);
    text-decoration-thickness: 2px;
    text-underline-offset: 3px;
  }
  .suggestion.formatting[data-strong='add'] {
    font-weight: 700;
  }
  .suggestion.formatting[data-strong='remove'] {
    font-weight: 400;
  }
  .suggestion.formatting[data-em='add'] {
    font-style: italic;
  }
  .suggestion.formatting[data-em='remove'] {
    font-style: normal;
  }
`;
