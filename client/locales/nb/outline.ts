/** Bokmål messages of client/board/outline, typed against the Nynorsk ones. */
import type { str } from '@lit/localize';
import type { outline as nynorsk } from '../nn/outline.js';

export const outline: Record<keyof typeof nynorsk, string | ReturnType<typeof str>> = {};
