#!/usr/bin/env node
/**
 * `npm start`'s `prestart`: builds what is missing or older than its sources, nothing else.
 * - the server: server/ and shared/ compiled to dist/app (tsc -p tsconfig.build.json);
 * - the client: client/ and shared/ built to dist/client (vite build).
 * Plain JavaScript run by plain node, so it starts where only production dependencies are
 * installed (`npm ci --omit=dev` with a built dist/, as the container does): then nothing is
 * stale and no build tool is needed. A stale part without its build tool stops with a clear line.
 */
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (...p) => path.join(root, ...p);

/** Newest modification time under the given files and folders (0 when none exists). */
function newest(paths) {
  let t = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (!s.isDirectory()) return void (t = Math.max(t, s.mtimeMs));
    for (const e of readdirSync(p)) visit(path.join(p, e));
  };
  paths.forEach(visit);
  return t;
}

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : -1);

const parts = [
  {
    name: 'server',
    output: at('dist', 'app', 'server', 'main.js'),
    sources: [at('server'), at('shared'), at('tsconfig.json'), at('tsconfig.build.json')],
    tool: at('node_modules', 'typescript', 'bin', 'tsc'),
    args: ['-p', 'tsconfig.build.json'],
  },
  {
    name: 'client',
    output: at('dist', 'client', 'index.html'),
    sources: [at('client'), at('shared'), at('vite.config.ts')],
    tool: at('node_modules', 'vite', 'bin', 'vite.js'),
    args: ['build'],
  },
];

for (const part of parts) {
  // Sources absent (a production image carries dist/ only): nothing can be stale.
  if (mtime(part.output) >= newest(part.sources)) continue;
  if (!existsSync(part.tool)) {
    process.stderr.write(`The ${part.name} in dist/ is missing or older than its sources, and its build tool is not installed. Run \`npm ci\` and \`npm run build\`, then start again.\n`);
    process.exit(1);
  }
  process.stdout.write(`Building the ${part.name} (dist/ is missing or older than its sources)…\n`);
  const run = spawnSync(process.execPath, [part.tool, ...part.args], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
