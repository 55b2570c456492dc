/**
 * `npm run dev`: the server with --watch on :3000 (API, sync, socket.io) and Vite's dev server
 * with hot reload on :5173, which proxies /api, /sync and /socket.io to it. Ctrl+C stops both.
 */
import { spawn } from 'node:child_process';

const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch-path=server', '--watch-path=shared', 'server/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, SAMSKAP_BUILD_CLIENT: 'never' },
  }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js'], { stdio: 'inherit' }),
];

const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
children.forEach((c) => c.on('exit', (code) => {
  if (code) {
    stop();
    process.exitCode = code;
  }
}));
