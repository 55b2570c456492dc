/**
 * Styles of `<sk-vision-editor>`: ProseMirror's required rules (it runs in this shadow root, so
 * its stylesheet must be here), the text's typography, remote cursors, comment highlights and
 * the look of snapshot diffs (inserted: the writer's organisation tint, underlined in its colour;
 * deleted: struck through in its colour).
 */
import { css } from 'lit';

export const visionEditorStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
  }
  .host {
    flex: 1;
    overflow: auto;
  }
  /* ProseMirror's own stylesheet (prosemirror-view/style/prosemirror.css). */
  .ProseMirror {
    position: relative;
    word-wrap: break-word;
    white-space: pre-wrap;
    white-space: break-spaces;
    font-variant-ligatures: none;
    font-feature-settings: 'liga' 0;
  }
  .ProseMirror li {
    position: relative;
  }
  .ProseMirror-hideselection *::selection {
    background: transparent;
  }
  .ProseMirror-hideselection {
    caret-color: transparent;
  }
  .ProseMirror [draggable][contenteditable='false'] {
    user-select: text;
  }
  .ProseMirror-selectednode {
    outline: 2px solid #8cf;
  }
  img.ProseMirror-separator {
    display: inline !important;
    border: none !important;
    margin: 0 !important;
  }
  /* The text. */
  .vision-text {
    min-height: 16rem;
    padding: 1rem clamp(0.75rem, 3vw, 1.75rem) 2rem;
    line-height: 1.6;
    font-size: 1.02rem;
    color: var(--sk-text, #17212b);
    outline: none;
  }
  .host.live .vision-text:focus-visible {
    box-shadow: inset 0 0 0 3px var(--sk-focus, #1a5fb4);
  }
  .vision-text h2 {
    font-size: 1.45rem;
    margin: 0.5rem 0 0.75rem;
  }
  .vision-text h3 {
    font-size: 1.2rem;
    margin: 1.5rem 0 0.5rem;
  }
  .vision-text h4 {
    font-size: 1.05rem;
    margin: 1.25rem 0 0.4rem;
  }
  .vision-text p {
    margin: 0 0 0.75rem;
  }
  /* A template's prompt in an empty paragraph (placeholders.ts): muted (7:1 on white), above the
     line one writes on, and not text to assistive technology (which reads aria-description). */
  .vision-text p.placeholder::before {
    content: attr(data-placeholder);
    content: attr(data-placeholder) / '';
    display: block;
    color: var(--sk-muted, #4b5866);
    font-style: italic;
    pointer-events: none;
    user-select: none;
  }
  .vision-text ul,
  .vision-text ol {
    margin: 0 0 0.75rem;
    padding-left: 1.6rem;
  }
  .vision-text li > p {
    margin-bottom: 0.25rem;
  }
  .vision-text blockquote {
    margin: 0 0 0.75rem;
    padding: 0.1rem 0 0.1rem 1rem;
    border-left: 4px solid var(--sk-line, #c3ccd5);
    color: #374151;
  }
  .vision-text a {
    color: var(--sk-primary, #1d5c73);
    text-decoration: underline;
  }
  /* Others' cursors and selections. */
  .remote-cursor {
    position: relative;
    margin-left: -1px;
    margin-right: -1px;
    border-left: 2px solid;
    word-break: normal;
    pointer-events: none;
  }
  .remote-cursor-label {
    position: absolute;
    top: -1.35em;
    left: -2px;
    padding: 0 4px;
    border-radius: 4px 4px 4px 0;
    color: #fff;
    font-size: 0.75rem;
    font-weight: 600;
    line-height: 1.35;
    white-space: nowrap;
    user-select: none;
  }
  /* Commented ranges. */
  .comment-range {
    background: #fef3c7;
    border-bottom: 2px solid #b45309;
    cursor: pointer;
  }
  .comment-range.active {
    background: #fde68a;
  }
  /* Snapshot diffs. */
  ins.change {
    text-decoration: none;
    background: var(--change-soft, #f3f4f6);
    box-shadow: inset 0 -2px 0 var(--change-strong, #4b5563);
  }
  del.change {
    color: var(--change-strong, #4b5563);
    text-decoration: line-through;
    text-decoration-thickness: 2px;
  }
  /* Pending suggestions: suggestion-mark.styles.ts. */
  /* A suggested paragraph break: a pilcrow before the block's first word, struck through for a join. */
  .suggested-break::before {
    content: '¶' / '';
    margin-inline-end: 0.25em;
    padding: 0 0.15em;
    border-radius: 2px;
    font-weight: 700;
    color: var(--change-strong, #4b5563);
    background: var(--change-soft, #f3f4f6);
  }
  .suggested-break.insertion {
    box-shadow: inset 3px 0 0 var(--change-strong, #4b5563);
    padding-inline-start: 0.5rem;
  }
  .suggested-break.deletion::before {
    text-decoration: line-through;
    text-decoration-thickness: 2px;
  }
  .suggesting {
    margin: 0.4rem 0 0;
    padding: 0.3rem 0.6rem;
    border-left: 4px solid var(--sk-primary, #1a5fb4);
    background: var(--sk-primary-soft, #e8f0fb);
    font-size: 0.9rem;
  }
  .quiet-removed {
    display: none;
  }
  .host.snapshot .vision-text {
    background: #fbfcfd;
  }
`;
