/** Nynorsk texts of the parts loaded after the first paint: the vision and the charter (see client/ui/i18n.ts). */
import { anchors } from '../nn/anchors.js';
import { charter } from '../nn/charter.js';
import { principles } from '../nn/principles.js';
import { suggestions } from '../nn/suggestions.js';
import { vision } from '../nn/vision.js';

export const templates = { ...anchors, ...charter, ...principles, ...vision, ...suggestions };
