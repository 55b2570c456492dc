/**
 * Bokmål templates, one fragment per part of the client, each typed against its Nynorsk twin.
 * Words as in DOMAIN.md: verksted, virksomhet, fasilitator, drømmebilde, lapp, aktørkart.
 */
import { app } from './nb/app.js';
import { board } from './nb/board.js';
import { canvas } from './nb/canvas.js';
import { charter } from './nb/charter.js';
import { exportTexts } from './nb/export.js';
import { facilitation } from './nb/facilitation.js';
import { outline } from './nb/outline.js';
import { vision } from './nb/vision.js';

export const templates = { ...app, ...board, ...canvas, ...charter, ...exportTexts, ...facilitation, ...outline, ...vision };
