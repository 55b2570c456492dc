/**
 * Parts of the board page that load when first shown (and in idle time, for offline use:
 * client/workshop/lazy-tabs.ts), so the board's start-up stays small. A failed load (offline
 * before it ever arrived) is forgotten, so the next need tries again.
 */
import { once } from '../ui/lazy-shoelace.js';

/** The outline view. */
export const loadOutline = once(() => import('./outline/sk-board-outline.js'));

/** The comments panel beside the board. */
export const loadComments = once(() => import('./comments/sk-board-comments.js'));

/** "Send to the charter" (issue #17). */
export const loadCharterSend = once(() => import('./charter-send/sk-charter-send.js'));
