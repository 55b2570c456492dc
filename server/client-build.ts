/** Builds the client with Vite when dist/client is missing or older than any client source. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from './log.js';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export async function ensureClientBuilt(root: string, outDir: string, log: Logger): Promise<void> {
  const index = path.join(outDir, 'index.html');
  const sources = [path.join(root, 'client'), path.join(root, 'shared')].filter(existsSync);
  const config = path.join(root, 'vite.config.ts');
  const newestSource = Math.max(0, ...sources.map(newestMtime), existsSync(config) ? statSync(config).mtimeMs : 0);
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource) return;
  log.info('building the client (dist/client is missing or stale)');
  const { build } = await import('vite');
  await build({ configFile: config, logLevel: 'warn', build: { outDir } });
}
