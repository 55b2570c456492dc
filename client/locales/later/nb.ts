/** Bokmål texts of the parts loaded after the first paint: the vision and the charter (see client/ui/i18n.ts). */
import { anchors } from '../nb/anchors.js';
import { charter } from '../nb/charter.js';
import { principles } from '../nb/principles.js';
import { suggestions } from '../nb/suggestions.js';
import { vision } from '../nb/vision.js';

export const templates = { ...anchors, ...charter, ...principles, ...vision, ...suggestions };
