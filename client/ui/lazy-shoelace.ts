/**
 * Shoelace's dialog and menu are opened only by a user's action, so they are not needed
 * for the first paint: components that use them load them here, on first need (or in idle time
 * after the board painted, see client/workshop/lazy-tabs.ts); dialogs are hidden until
 * defined (their styles say so). A failed load (offline) is tried again on the next need.
 */

/** `load`, run once; a failure is forgotten, so the next call tries again. */
export function once(load: () => Promise<unknown>): () => Promise<unknown> {
  let loading: Promise<unknown> | null = null;
  return () =>
    (loading ??= load().catch((err: unknown) => {
      loading = null;
      throw err;
    }));
}

/** The menu with its items and dividers (the context menu, the template picker). */
export const loadMenu = once(() =>
  Promise.all([
    import('@shoelace-style/shoelace/dist/components/menu/menu.js'),
    import('@shoelace-style/shoelace/dist/components/menu-item/menu-item.js'),
    import('@shoelace-style/shoelace/dist/components/divider/divider.js'),
  ]),
);

export const loadDialog = once(() => import('@shoelace-style/shoelace/dist/components/dialog/dialog.js'));
