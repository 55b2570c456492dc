/**
 * `npm run bench:start` (issue #18): how long from starting the server to `/healthz` answering on
 * an existing data folder, as `npm start` runs it (compiled, plain node; built first by the same
 * prestart when missing or stale) and, for comparison, from the sources through tsx as before.
 * Five starts each on the same folder (the first one creates it and is not counted); prints the
 * median and the slowest. The goal: at most 1.5 s compiled.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const RUNS = 5;

async function startOnce(args: string[], dataDir: string): Promise<number> {
  const t0 = performance.now();
  const proc = spawn(process.execPath, args, { env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', SAMSKAP_BUILD_CLIENT: 'never' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    proc.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
  for (;;) {
    const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const ms = performance.now() - t0;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGTERM');
  await exited;
  return ms;
}

async function measure(args: string[]): Promise<{ median: number; max: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'samskap-bench-start-'));
  try {
    await startOnce(args, dir); // creates the database: not counted
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await startOnce(args, dir));
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(RUNS / 2)]!, max: times.at(-1)! };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const built = spawnSync(process.execPath, ['scripts/prestart.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const compiled = await measure(['dist/app/server/main.js']);
const source = await measure(['--import', 'tsx', 'server/main.ts']);
console.log(`Start to /healthz on an existing SQLite data folder (${RUNS} starts each, median / slowest):`);
console.table({
  'npm start (compiled, node dist/app/server/main.js)': { 'median (ms)': Math.round(compiled.median), 'slowest (ms)': Math.round(compiled.max), 'goal ≤ 1500 ms': compiled.median <= 1500 ? 'met' : 'missed' },
  'from sources (node --import tsx server/main.ts)': { 'median (ms)': Math.round(source.median), 'slowest (ms)': Math.round(source.max), 'goal ≤ 1500 ms': '' },
});
