/**
 * `npm run bench:fuzz`: issue #12's fuzzer for longer than the test runs it (BENCH_SECONDS, default
 * 60; BENCH_SEED): hostile members send generated updates of every content kind to every kind of
 * room of a server in its own process, while `/healthz` is probed every 100 ms. Prints the probes'
 * p50/p99/max, what the server answered, and whether every room still opens and backs up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { killAllChildren, startChild } from '../tests/helpers/child-server.js';
import { percentile, runFuzz } from '../tests/helpers/fuzz.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const seed = Number(process.env.BENCH_SEED ?? 20261203);
const dir = mkdtempSync(path.join(tmpdir(), 'samskap-bench-fuzz-'));
try {
  const child = await startChild({ DATA_DIR: dir, LOG_LEVEL: 'error' });
  let exited: number | string | null = null;
  void child.exited.then((code) => (exited = code));
  console.log(`fuzzing for ${seconds} s with seed ${seed}, 3 hostile members, board + charter + vision`);
  const r = await runFuzz({ base: child.base, wsBase: child.wsBase, seed, durationMs: seconds * 1000 });
  const closes = [...r.closes.entries()].sort((a, b) => a[0] - b[0]).map(([c, n]) => `${c}×${n}`).join(' ');
  console.log(`updates sent: ${r.sent}; connections closed with: ${closes}`);
  console.log(`/healthz probes: ${r.probes.length}; p50 ${percentile(r.probes, 50).toFixed(1)} ms, p99 ${percentile(r.probes, 99).toFixed(1)} ms, max ${Math.max(...r.probes).toFixed(1)} ms; over 1 s or failed: ${r.slowProbes}`);
  console.log(`rooms that still open for a newcomer: ${r.roomsOpened}/${r.rooms}; backup: HTTP ${r.backupStatus}; server ${exited === null ? 'still up' : `EXITED (${exited})`}`);
  child.proc.kill('SIGTERM');
  await child.exited;
  if (exited !== null || r.slowProbes || r.roomsOpened !== r.rooms || r.backupStatus !== 200) process.exitCode = 1;
} finally {
  killAllChildren();
  rmSync(dir, { recursive: true, force: true });
}
