/**
 * Opens a Shoelace dialog, also while it is still fading out. Shoelace hides a dialog in steps, each
 * when its animation ends: the panel, the overlay, then the whole dialog. A `show()` in between is
 * undone by the last step, which leaves the dialog open but hidden, so a person who closes a dialog
 * and opens it again at once (Escape, then Ctrl+/) saw nothing, and further tries did nothing
 * because it counted as open. Here a show waits for a hide in progress to end.
 */
import type SlDialog from '@shoelace-style/shoelace/dist/components/dialog/dialog.js';

/** True while `dialog` is closed but its fade-out has not ended. */
function hiding(dialog: SlDialog): boolean {
  const base = dialog.shadowRoot?.querySelector<HTMLElement>('[part~="base"]');
  return !dialog.open && base !== null && base !== undefined && !base.hidden;
}

export async function showDialog(dialog: SlDialog | null | undefined): Promise<void> {
  if (!dialog || dialog.open) return;
  if (hiding(dialog)) {
    await new Promise<void>((resolve) => {
      // Inner components (tooltips) fire their own sl-after-hide: only the dialog's counts.
      const done = (e: Event) => {
        if (e.target !== dialog) return;
        dialog.removeEventListener('sl-after-hide', done);
        resolve();
      };
      dialog.addEventListener('sl-after-hide', done);
    });
  }
  if (!dialog.open) await dialog.show();
}
