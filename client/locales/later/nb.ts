/** Bokmål texts of the parts loaded after the first paint: the vision and the charter (see client/app/i18n.ts). */
import { charter } from '../nb/charter.js';
import { principles } from '../nb/principles.js';
import { vision } from '../nb/vision.js';

export const templates = { ...charter, ...principles, ...vision };
