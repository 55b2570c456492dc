/**
 * Issue #19's idle-memory goal: the compiled server (as `npm start` runs it, built first when
 * stale) on an empty data folder, no room loaded, against its floor: a plain node process that
 * only imports the runtime dependencies such a server loads (every production dependency but the
 * document writers, which load on the first export, and the font and picture packages the
 * writers and the picture worker use). Both RSS figures are read a few seconds after start and
 * again at rest, when V8 has given back what starting up allocated; the goal is judged at rest.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rssMb, startFlags } from './servers.js';

const root = path.resolve(import.meta.dirname, '../..');
/**
 * Not loaded by an idle single instance on SQLite (the configuration measured): the document
 * writers load on the first export (server/services/exports.ts) or inside the picture worker;
 * PostgreSQL's driver when DATABASE_URL is set; Redis and its adapters when REDIS_URL is.
 */
const LATER = new Set([
  ...['pdfkit', 'docx', 'fontkit', 'hyphen', 'mdast-util-to-markdown', 'mdast-util-gfm-table', '@resvg/resvg-js', 'dejavu-fonts-ttf', 'tar'],
  ...['pg', 'ioredis', '@socket.io/redis-adapter', 'rate-limit-redis'],
]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function settledRss(pid: number, ms: number): Promise<number> {
  await sleep(ms);
  return Math.round(rssMb(pid).now * 10) / 10;
}

export interface IdleMemory {
  /** A few seconds after start: startup's garbage not yet given back. */
  early: { serverMb: number; floorMb: number };
  /** At rest: after V8's memory reducer has collected (it runs once a process has been idle for a while). */
  serverMb: number;
  floorMb: number;
  settledAfterS: number;
  deps: string[];
}

/**
 * Both processes read at `earlyMs`, then at `settledMs`, by when V8's memory reducer has given
 * back what starting up allocated (seen here between 15 and 30 s after start, in both).
 */
export async function idleMemory(earlyMs = 3000, settledMs = Number(process.env.BENCH_IDLE_MEMORY_SECONDS ?? 35) * 1000): Promise<IdleMemory> {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts/prestart.mjs')], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the build for the compiled server failed');
  const deps = Object.keys((JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies).filter((d) => !LATER.has(d));
  const dir = mkdtempSync(path.join(tmpdir(), 'samskap-idle-'));
  const server = spawn(process.execPath, [...startFlags(), path.join(root, 'dist/app/server/main.js')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', PORT: '0', DATA_DIR: dir, LOG_LEVEL: 'warn', SAMSKAP_BUILD_CLIENT: 'never' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const floor = spawn(process.execPath, [...startFlags(), '--input-type=module', '-e', `${deps.map((d) => `await import(${JSON.stringify(d)});`).join('')} setInterval(() => {}, 1000);`], {
    cwd: root,
    stdio: 'ignore',
  });
  try {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const started = Date.now();
    while (!/running at http:\/\/[^:]+:(\d+)/.test(out)) {
      if (Date.now() - started > 30_000) throw new Error(`the compiled server did not start:\n${out}`);
      await sleep(50);
    }
    const port = /running at http:\/\/[^:]+:(\d+)/.exec(out)![1];
    if ((await fetch(`http://127.0.0.1:${port}/healthz`)).status !== 200) throw new Error('/healthz did not answer 200');
    const [earlyServer, earlyFloor] = await Promise.all([settledRss(server.pid!, earlyMs), settledRss(floor.pid!, earlyMs)]);
    const [serverMb, floorMb] = await Promise.all([settledRss(server.pid!, settledMs - earlyMs), settledRss(floor.pid!, settledMs - earlyMs)]);
    return { early: { serverMb: earlyServer, floorMb: earlyFloor }, serverMb, floorMb, settledAfterS: settledMs / 1000, deps };
  } finally {
    server.kill('SIGTERM');
    floor.kill('SIGKILL');
    await sleep(300);
    rmSync(dir, { recursive: true, force: true });
  }
}
