/** Bokmål messages of client/board/canvas, typed against the Nynorsk ones. */
import type { str } from '@lit/localize';
import type { canvas as nynorsk } from '../nn/canvas.js';

export const canvas: Record<keyof typeof nynorsk, string | ReturnType<typeof str>> = {};
