/**
 * Nynorsk templates for `msg(…, { id })`, one fragment per part of the client so that parts can
 * grow independently. `${0}`, `${1}` stand for the call site's values in order. Words as in
 * DOMAIN.md: verkstad, verksemd, fasilitator, draumebilete, lapp, aktørkart.
 */
import { app } from './nn/app.js';
import { board } from './nn/board.js';
import { canvas } from './nn/canvas.js';
import { charter } from './nn/charter.js';
import { exportTexts } from './nn/export.js';
import { facilitation } from './nn/facilitation.js';
import { outline } from './nn/outline.js';
import { vision } from './nn/vision.js';

export const templates = { ...app, ...board, ...canvas, ...charter, ...exportTexts, ...facilitation, ...outline, ...vision };
