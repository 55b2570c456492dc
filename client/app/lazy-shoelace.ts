/**
 * Shoelace's dialog, drawer and menu are opened only by a user's action, so they are not needed
 * for the first paint: components that use them load them here, on first need (or in idle time
 * after the board painted, see client/workshop/lazy-tabs.ts); dialogs and drawers are hidden until
 * defined (their styles say so). A failed load (offline) is tried again on the next need.
 */
let dialog: Promise<unknown> | null = null;
let drawer: Promise<unknown> | null = null;
let menu: Promise<unknown> | null = null;

/** The menu with its items and dividers (the context menu, the template picker). */
export function loadMenu(): Promise<unknown> {
  return (menu ??= Promise.all([
    import('@shoelace-style/shoelace/dist/components/menu/menu.js'),
    import('@shoelace-style/shoelace/dist/components/menu-item/menu-item.js'),
    import('@shoelace-style/shoelace/dist/components/divider/divider.js'),
  ]).catch((err: unknown) => {
    menu = null;
    throw err;
  }));
}

export function loadDialog(): Promise<unknown> {
  return (dialog ??= import('@shoelace-style/shoelace/dist/components/dialog/dialog.js').catch((err: unknown) => {
    dialog = null;
    throw err;
  }));
}

export function loadDrawer(): Promise<unknown> {
  return (drawer ??= import('@shoelace-style/shoelace/dist/components/drawer/drawer.js').catch((err: unknown) => {
    drawer = null;
    throw err;
  }));
}
