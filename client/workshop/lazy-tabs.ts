/**
 * The vision editor (ProseMirror) and the charter are loaded when their tab is first shown, so
 * the board opens with only the code it needs. Once a workshop page has settled, both are fetched
 * in idle time: the service worker then holds them, and the tabs also open offline.
 */
import { loadLaterTexts } from '../app/i18n.js';
import { loadDialog, loadDrawer, loadMenu } from '../app/lazy-shoelace.js';
import type { WorkshopTab } from '../app/router.js';

const loaders: Partial<Record<WorkshopTab, () => Promise<unknown>>> = {
  // Texts first: the elements render as soon as their code defines them.
  vision: () => loadLaterTexts().then(() => import('../vision/sk-vision-page.js')),
  charter: () => loadLaterTexts().then(() => import('../charter/sk-charter-page.js')),
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

/**
 * Parts of the workshop page that the board does not need for its first paint: the export dialog,
 * the private-answer form, the facilitator's panel, and Shoelace's dialog, drawer and menu (each
 * also loads on first need). Loaded once the board had its chance to paint (`delayMs`), in idle time.
 */
export function loadExtras(delayMs = 1500): void {
  const idle = (window as { requestIdleCallback?: (fn: () => void) => void }).requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 0));
  const extras = [
    () => import('../export/sk-export-dialog.js'),
    // Its questions use the charter's texts.
    () => loadLaterTexts().then(() => import('../facilitation/sk-answer-form.js')),
    () => import('../facilitation/sk-facilitator-panel.js'),
    loadDialog,
    loadDrawer,
    loadMenu,
  ];
  // Offline before they arrived: fetched when the network is back (or on first need).
  const load = (part: () => Promise<unknown>) =>
    part().catch(() => window.addEventListener('online', () => void load(part), { once: true }));
  const start = () => idle(() => extras.forEach((part) => void load(part)));
  setTimeout(() => (navigator.onLine ? start() : window.addEventListener('online', start, { once: true })), delayMs);
}

/** After `delayMs`, in idle time, loads every lazy tab (for offline use). */
export function prefetchTabs(delayMs = 3000): void {
  setTimeout(() => {
    const idle = (window as { requestIdleCallback?: (fn: () => void) => void }).requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 0));
    idle(() => {
      for (const tab of Object.keys(loaders) as WorkshopTab[]) void loadTab(tab).catch(() => undefined);
    });
  }, delayMs);
}
