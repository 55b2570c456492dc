/**
 * Entry point: load the remembered language (Nynorsk by default) before the first render, so
 * nobody sees the English source text flash, then start the shell.
 */
import { setAppLocale, storedLocale } from './app/i18n.js';
import { SkApp } from './app/sk-app.js';

async function start(): Promise<void> {
  try {
    await setAppLocale(storedLocale());
  } finally {
    customElements.define('sk-app', SkApp);
  }
}

void start();
