/**
 * Builds `client/` into `dist/client`, which the server serves. In development (`npx vite`) the
 * API, the Yjs sync endpoint and socket.io are proxied to a server on port 3000.
 */
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';

const clientDir = fileURLToPath(new URL('./client', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/client', import.meta.url));
const server = 'http://127.0.0.1:3000';

/**
 * Builds always resolve packages' `production` exports (Lit's dev build warns and is larger).
 * Vite would pick `development` whenever NODE_ENV is already set to something else, e.g. `test`
 * when a vitest suite builds the client.
 */
const productionConditions = defaultClientConditions.map((c) => (c === 'development|production' ? 'production' : c));

export default defineConfig(({ command }) => ({
  root: clientDir,
  resolve: { conditions: command === 'build' ? productionConditions : [...defaultClientConditions] },
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
