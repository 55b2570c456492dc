/**
 * The only icons Samskap serves (`/shoelace/assets/icons/<name>.svg`, copied by vite.config.ts):
 * the Shoelace components the kit registers draw these system icons, and the app draws none of
 * its own. Dialog close (x-lg), select (chevron-down, x-circle-fill), option and menu
 * item (check; a submenu's chevrons), input (x-circle-fill, eye, eye-slash). Bootstrap Icons
 * names; a component that needs another fails the browser test that watches icon requests.
 */
export const ICON_NAMES = ['x-lg', 'chevron-down', 'chevron-left', 'chevron-right', 'check', 'x-circle-fill', 'eye', 'eye-slash'] as const;
