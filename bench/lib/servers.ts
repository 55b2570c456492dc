/**
 * Servers under test, each in its own process so its CPU and memory can be read from /proc:
 * Samskap (`server/main.ts`) and the reference y-websocket server (@y/websocket-server 0.1.1,
 * the last Yjs-13 release). Both listen on loopback only.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { clientTokens, createBenchWorkshop, type BenchWorkshop } from './members.js';

export interface Target {
  name: string;
  pid: number;
  /** ws URL of room `i` (Samskap: authenticated as the facilitator of its own workshop). */
  roomUrl(i: number): Promise<string>;
  /**
   * `count` ws URLs of room `i` for that many clients (Samskap: each a real member's token, used
   * by at most CLIENTS_PER_MEMBER clients, so the per-member connection cap never bites).
   */
  clientUrls(i: number, count: number): Promise<string[]>;
  stop(): Promise<void>;
}

function waitForLine(proc: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d;
      const m = pattern.exec(out);
      if (m) resolve(m);
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (d: Buffer) => (out += d));
    proc.once('exit', (c) => reject(new Error(`server exited ${c}: ${out}`)));
  });
}

const stopper = (proc: ChildProcess, cleanup = () => {}) => async () => {
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await exited;
  cleanup();
};

/**
 * `nodeArgs`: node flags, e.g. `--cpu-prof`; node writes a profile only when the process exits by
 * itself, and the reference server has no SIGTERM handler, so it gets one when profiled.
 */
export async function startReference(port: number, nodeArgs: string[] = []): Promise<Target> {
  const exitOnTerm = nodeArgs.includes('--cpu-prof') ? ['--import', 'data:text/javascript,process.on("SIGTERM",()=>process.exit(0))'] : [];
  const proc = spawn(process.execPath, [...nodeArgs, ...exitOnTerm, 'node_modules/@y/websocket-server/src/server.js'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await waitForLine(proc, /running at/);
  const roomUrl = async (i: number) => `ws://127.0.0.1:${port}/bench-room-${i}`;
  return { name: 'reference', pid: proc.pid!, roomUrl, clientUrls: async (i, count) => Array<string>(count).fill(await roomUrl(i)), stop: stopper(proc) };
}

/**
 * Compiles the server to dist/app as `npm start` runs it (tsc -p tsconfig.build.json), unless
 * dist/app is newer than every source file of server/ and shared/.
 */
export function buildServer(): void {
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((t, e) => Math.max(t, e.isDirectory() ? newest(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs), 0);
  const built = existsSync(COMPILED) ? statSync(COMPILED).mtimeMs : -1;
  if (built >= Math.max(newest('server'), newest('shared'))) return;
  const run = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error('compiling the server failed');
}

const COMPILED = 'dist/app/server/main.js';

/**
 * The node flags `npm start` gives the server (package.json's `start` script), so the bench runs
 * it as production does: `--heap-growing-percent=30` lets V8's old generation grow by 30 % past
 * what survived the last full collection (by default V8 picks up to 4 × from its collection and
 * allocation speed), and `--max-semi-space-size=4` caps V8's young generation at 4 MB a half (16
 * by default), which keeps some 30 MB of startup and burst garbage from staying resident.
 */
export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/).filter((t) => t.startsWith('--'));
}

/**
 * `dataDir`: reuse a data folder (and keep it on stop) to measure a restart. `compiled`: run the
 * compiled server (`buildServer` first), as production does, instead of the sources through tsx
 * (whose loader alone takes some 40–60 MB).
 */
export async function startSamskap(env: Record<string, string> = {}, nodeArgs: string[] = [], dataDir?: string, compiled = false): Promise<Target & { base: string; dataDir: string }> {
  const dir = dataDir ?? mkdtempSync(path.join(tmpdir(), 'samskap-bench-'));
  const proc = spawn(process.execPath, [...startFlags(), ...nodeArgs, ...(compiled ? [COMPILED] : ['--import', 'tsx', 'server/main.ts'])], {
    env: {
      ...process.env,
      PORT: '0',
      DATA_DIR: dir,
      LOG_LEVEL: 'warn',
      SAMSKAP_BUILD_CLIENT: 'never',
      RATE_LIMIT_OPEN_PER_MINUTE: '1000000',
      SYNC_MESSAGE_BURST: '1000000',
      SYNC_MESSAGES_PER_SECOND: '1000000',
      SYNC_MAX_CLIENTS_PER_ROOM: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = Number((await waitForLine(proc, /running at http:\/\/[^:]+:(\d+)/))[1]);
  const base = `http://127.0.0.1:${port}`;
  const workshops = new Map<number, BenchWorkshop>();
  const workshop = async (i: number) => {
    let w = workshops.get(i);
    if (!w) workshops.set(i, (w = await createBenchWorkshop(base, `bench ${i}`)));
    return w;
  };
  const url = (w: BenchWorkshop, token: string) => `ws://127.0.0.1:${port}/sync/${w.boardRoom}?token=${token}`;
  return {
    name: 'samskap',
    pid: proc.pid!,
    base,
    dataDir: dir,
    async roomUrl(i) {
      const w = await workshop(i);
      return url(w, w.token);
    },
    async clientUrls(i, count) {
      const w = await workshop(i);
      return (await clientTokens(base, w, count)).map((t) => url(w, t));
    },
    stop: stopper(proc, () => (dataDir ? undefined : rmSync(dir, { recursive: true, force: true }))),
  };
}

/** CPU seconds (user + system) of a process. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export function rssMb(pid: number): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { now: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** A port that was free a moment ago (the reference server cannot listen on port 0 and report it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
