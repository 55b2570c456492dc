/**
 * Bokmål templates, one fragment per part of the client, each typed against its Nynorsk twin.
 * Words as in DOMAIN.md: verksted, virksomhet, fasilitator, drømmebilde, lapp, aktørkart.
 */
import type { LocaleModule } from '@lit/localize';
import { app } from './nb/app.js';
import { board } from './nb/board.js';
import { canvas } from './nb/canvas.js';
import { comments } from './nb/comments.js';
import { exportTexts } from './nb/export.js';
import { facilitation } from './nb/facilitation.js';
import { members } from './nb/members.js';
import { outline } from './nb/outline.js';
import { people } from './nb/people.js';
import { refused } from './nb/refused.js';

/** What the first paint may need; the vision's and the charter's texts come with their tabs (`later/`). */
export const templates: LocaleModule['templates'] = { ...app, ...board, ...canvas, ...comments, ...exportTexts, ...facilitation, ...outline, ...members, ...people, ...refused };
