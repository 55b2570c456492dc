/**
 * The content of an `<sl-button>` whose accessible name says more than its visible text (as
 * `aria-label` would on a native button; `<sl-button>` does not pass `aria-label` on to the button
 * inside it). The name starts with the visible text, so speech users can say what they see.
 * Needs the `visually-hidden` class (shared.styles.ts) in the host's styles.
 */
import { html } from 'lit';

export const buttonLabel = (visible: string, name: string) => html`<span aria-hidden="true">${visible}</span><span class="visually-hidden">${name}</span>`;
