/** Bokmål messages of client/board, typed against the Nynorsk ones. */
import type { str } from '@lit/localize';
import type { board as nynorsk } from '../nn/board.js';

export const board: Record<keyof typeof nynorsk, string | ReturnType<typeof str>> = {};
