/**
 * Issue #12's fuzz test: the server runs as a child process (as `npm start` runs it) while three
 * hostile members send 25 s of generated updates (tests/helpers/fuzz.ts, fixed seed) to the board,
 * the charter and the vision. The process stays up, every `/healthz` probe answers within 1 s,
 * every room still opens for a newcomer and the workshop backs up. `npm run bench:fuzz` runs the
 * same for longer and prints the probes' percentiles.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { killAllChildren, startChild } from './helpers/child-server.js';
import { percentile, runFuzz } from './helpers/fuzz.js';

const dir = mkdtempSync(path.join(tmpdir(), 'samskap-fuzz-'));
afterAll(() => {
  killAllChildren();
  rmSync(dir, { recursive: true, force: true });
});

it('generated hostile updates never take the server down, freeze it, or break a room', async () => {
  const child = await startChild({ DATA_DIR: dir, LOG_LEVEL: 'error' });
  let exited: number | string | null = null;
  void child.exited.then((code) => (exited = code));
  const r = await runFuzz({ base: child.base, wsBase: child.wsBase, seed: 20261203, durationMs: 25_000 });
  expect(exited, child.output()).toBeNull();
  expect(r.sent).toBeGreaterThan(300);
  expect(r.probes.length).toBeGreaterThan(100);
  expect(r.slowProbes, `p99 ${percentile(r.probes, 99).toFixed(1)} ms`).toBe(0);
  expect(r.roomsOpened).toBe(r.rooms);
  expect(r.backupStatus).toBe(200);
  // The generator reached the rules: refusals (4422), unreadable messages (4400) and accepted updates.
  expect(r.closes.get(4422) ?? 0).toBeGreaterThan(50);
  expect(r.closes.get(4400) ?? 0).toBeGreaterThan(5);
  expect(r.closes.get(1005) ?? r.closes.get(1000) ?? 0).toBeGreaterThan(5);
  child.proc.kill('SIGTERM');
  await child.exited;
}, 60_000);
