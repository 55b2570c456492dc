/**
 * Nynorsk templates for `msg(…, { id })`, one fragment per part of the client so that parts can
 * grow independently. `${0}`, `${1}` stand for the call site's values in order. Words as in
 * DOMAIN.md: verkstad, verksemd, fasilitator, draumebilete, lapp, aktørkart.
 */
import type { LocaleModule } from '@lit/localize';
import { app } from './nn/app.js';
import { board } from './nn/board.js';
import { canvas } from './nn/canvas.js';
import { comments } from './nn/comments.js';
import { exportTexts } from './nn/export.js';
import { facilitation } from './nn/facilitation.js';
import { members } from './nn/members.js';
import { outline } from './nn/outline.js';
import { people } from './nn/people.js';
import { refused } from './nn/refused.js';

/** What the first paint may need; the vision's and the charter's texts come with their tabs (`later/`). */
export const templates: LocaleModule['templates'] = { ...app, ...board, ...canvas, ...comments, ...exportTexts, ...facilitation, ...outline, ...members, ...people, ...refused };
