/**
 * The vision editor (ProseMirror), the charter and the settings (members, invites) are loaded when their tab is first shown, so
 * the board opens with only the code it needs. Once a workshop page has settled, both are fetched
 * in idle time: the service worker then holds them, and the tabs also open offline.
 */
import { loadLaterTexts } from '../ui/i18n.js';
import { loadDialog, loadMenu } from '../ui/lazy-shoelace.js';
import { loadComments, loadOutline } from '../board/lazy-parts.js';
import type { WorkshopTab } from '../ui/navigation.js';

const loaders: Partial<Record<WorkshopTab, () => Promise<unknown>>> = {
  // Texts first: the elements render as soon as their code defines them.
  vision: () => loadLaterTexts().then(() => import('../vision/sk-vision-page.js')),
  charter: () => loadLaterTexts().then(() => import('../charter/sk-charter-page.js')),
  // Members, invites and the workshop's settings: not needed for the board's first paint.
  settings: () => import('./sk-settings-tab.js'),
};
const loading = new Map<WorkshopTab, Promise<unknown>>();

/** Starts loading the tab's code (once); resolves when its elements are defined. */
export function loadTab(tab: WorkshopTab): Promise<unknown> {
  const load = loaders[tab];
  if (!load) return Promise.resolve();
  let p = loading.get(tab);
  if (!p) {
    p = load().catch((err: unknown) => {
      loading.delete(tab); // offline and never fetched: try again next time the tab is shown
      throw err;
    });
    loading.set(tab, p);
  }
  return p;
}

/** Resolves in idle time once the browser is online (waiting for the `online` event if not). */
function onlineIdle(): Promise<void> {
  const idle = (window as { requestIdleCallback?: (fn: () => void) => void }).requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 0));
  return new Promise((resolve) => {
    const go = () => idle(() => (navigator.onLine ? resolve() : window.addEventListener('online', go, { once: true })));
    go();
  });
}

/** Loads `part` when online and idle; offline before it arrived, again when the network is back. */
async function loadWhenOnline(part: () => Promise<unknown>): Promise<void> {
  for (;;) {
    await onlineIdle();
    try {
      await part();
      return;
    } catch {
      // The network went away mid-fetch: the next `online` tries again.
      await new Promise((resolve) => window.addEventListener('online', resolve, { once: true }));
    }
  }
}

const after = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Parts of the workshop page that the board does not need for its first paint: the export dialog,
 * the private-answer and brainwriting forms, the facilitator's panel, and Shoelace's dialog and menu (each
 * also loads on first need). Loaded once the board had its chance to paint (`delayMs`), in idle
 * time, each only while the browser is online. Resolves when all have loaded.
 */
export async function loadExtras(delayMs = 1500): Promise<void> {
  const extras = [
    () => import('../export/sk-export-dialog.js'),
    // Its questions use the charter's texts.
    () => loadLaterTexts().then(() => import('../facilitation/sk-answer-form.js')),
    () => import('../facilitation/sk-brainwriting-form.js'),
    () => import('../facilitation/sk-facilitator-panel.js'),
    // The board's outline view and comments panel (the board page loads them when first shown).
    loadOutline,
    loadComments,
    loadDialog,
    loadMenu,
  ];
  await after(delayMs);
  await Promise.all(extras.map(loadWhenOnline));
}

/** After `delayMs`, in idle time and online, loads every lazy tab (for offline use). Resolves when all have loaded. */
export async function prefetchTabs(delayMs = 3000): Promise<void> {
  await after(delayMs);
  await Promise.all((Object.keys(loaders) as WorkshopTab[]).map((tab) => loadWhenOnline(() => loadTab(tab))));
}
