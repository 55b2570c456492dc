/**
 * Entry point: load the remembered language (Nynorsk by default) before the first render, so
 * nobody sees the English source text flash, then start the shell.
 */
import { setAppLocale, storedLocale } from './ui/i18n.js';
import './ui/shoelace.js';
import { SkApp } from './shell/sk-app.js';

async function start(): Promise<void> {
  try {
    await setAppLocale(storedLocale(), false);
  } finally {
    customElements.define('sk-app', SkApp);
  }
}

void start();

// Lets a board open again while offline (see public/sw.js); a failure only loses that.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register('/sw.js').catch((err: unknown) => console.warn('Offline support is unavailable:', err));
}
