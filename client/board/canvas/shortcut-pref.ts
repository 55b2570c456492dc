/**
 * Whether single-key board shortcuts (N, T, R, …) work anywhere on the board page, or only while
 * the canvas has focus (WCAG 2.1.4: people who use speech input or stumble on keys turn them off).
 * Kept per browser in localStorage; on by default, as in every board people know.
 */
const KEY = 'samskap.single-key-shortcuts';

export function singleKeysEverywhere(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'canvas-only';
  } catch {
    return true;
  }
}

export function setSingleKeysEverywhere(on: boolean): void {
  try {
    if (on) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, 'canvas-only');
  } catch {
    // Private mode without storage: the choice lasts as long as the page.
  }
}
