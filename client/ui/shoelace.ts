/**
 * Shoelace set-up, imported once before the first component renders. Components import the
 * Shoelace elements they use one by one (`@shoelace-style/shoelace/dist/components/<x>/<x>.js`),
 * never the whole library; the theme comes from global.css.
 *
 * Self-contained under a strict CSP: icons load from Samskap itself (`/shoelace/assets`, copied
 * there by vite.config.ts), never from a CDN. Shoelace's "system" icons (the dialog's close button,
 * a menu item's check mark) are `data:` URLs that `<sl-icon>` reads with `fetch()`, which
 * `connect-src 'self'` blocks; they are Bootstrap Icons, so they resolve to the same files.
 *
 * Shoelace's own few words (e.g. the close button's label) follow `<html lang>`; its Nynorsk and
 * Bokmål translations are registered here.
 */
import { registerIconLibrary } from '@shoelace-style/shoelace/dist/utilities/icon-library.js';
import { getBasePath, setBasePath } from '@shoelace-style/shoelace/dist/utilities/base-path.js';
import '@shoelace-style/shoelace/dist/translations/nb.js';
import '@shoelace-style/shoelace/dist/translations/nn.js';

setBasePath('/shoelace');

/** Same-origin files for the system icons that have a Bootstrap Icons twin (all the ones our components use). */
registerIconLibrary('system', {
  resolver: (name) => getBasePath(`assets/icons/${name}.svg`),
});
