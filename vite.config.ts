/**
 * Builds `client/` into `dist/client`, which the server serves. In development (`npx vite`) the
 * API, the Yjs sync endpoint and socket.io are proxied to a server on port 3000.
 */
import { copyFileSync, createReadStream, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import { ICON_NAMES } from './client/ui/icon-names.js';

const clientDir = fileURLToPath(new URL('./client', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/client', import.meta.url));
const shoelaceAssets = fileURLToPath(new URL('./node_modules/@shoelace-style/shoelace/dist/assets', import.meta.url));
const server = 'http://127.0.0.1:3000';

/**
 * Builds always resolve packages' `production` exports (Lit's dev build warns and is larger).
 * Vite would pick `development` whenever NODE_ENV is already set to something else, e.g. `test`
 * when a vitest suite builds the client.
 */
const productionConditions = defaultClientConditions.map((c) => (c === 'development|production' ? 'production' : c));

/**
 * Shoelace's icons, served by Samskap itself under `/shoelace/assets` (client/ui/shoelace.ts
 * points the library there): the few the app draws (client/ui/icon-names.ts) copied into the
 * build, all of them served from node_modules in development.
 * Without this, `<sl-icon>` would load from a CDN, which the CSP (and an offline network) forbids.
 */
function shoelaceAssetsPlugin(): Plugin {
  let out = outDir;
  return {
    name: 'samskap-shoelace-assets',
    configResolved(config) {
      out = path.resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      // Only the icons the components draw (client/ui/icon-names.ts), not all 2,052.
      const icons = path.join(out, 'shoelace', 'assets', 'icons');
      mkdirSync(icons, { recursive: true });
      for (const name of ICON_NAMES) copyFileSync(path.join(shoelaceAssets, 'icons', `${name}.svg`), path.join(icons, `${name}.svg`));
    },
    configureServer(dev) {
      dev.middlewares.use('/shoelace/assets', (req, res, next) => {
        const file = path.join(shoelaceAssets, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
        if (!file.startsWith(shoelaceAssets + path.sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) return next();
        res.setHeader('content-type', file.endsWith('.svg') ? 'image/svg+xml' : 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
  };
}

export default defineConfig(({ command }) => ({
  root: clientDir,
  resolve: { conditions: command === 'build' ? productionConditions : [...defaultClientConditions] },
  plugins: [shoelaceAssetsPlugin()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
  },
  server: {
    proxy: {
      '/api': { target: server },
      '/sync': { target: server, ws: true },
      '/socket.io': { target: server, ws: true },
    },
  },
}));
