/**
 * Seeded random-network convergence through the real server (issue #18): stock y-websocket
 * providers of four members and an observer edit a board, the charter and the vision through a
 * fault proxy that delays, duplicates, reorders and drops frames and cuts connections
 * (tests/helpers/fault-run.ts). After the faults stop and every client has reconnected, every
 * client and a fresh client of the server hold the same state, nothing was refused, the server
 * logged no error, and after a graceful restart the store still holds that state.
 * `FAULT_SEED=<n> npx vitest run tests/fault-convergence.test.ts` replays a run;
 * `npm run reliability:faults` runs it larger, with several seeds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { killAllChildren } from './helpers/child-server.js';
import { runFaults } from './helpers/fault-run.js';

const seed = Number(process.env.FAULT_SEED ?? 20261218);
const dir = mkdtempSync(path.join(tmpdir(), 'samskap-faults-'));
afterAll(() => {
  killAllChildren();
  rmSync(dir, { recursive: true, force: true });
});

it(`converges after delayed, duplicated, reordered and dropped frames and cut connections (FAULT_SEED=${seed})`, async () => {
  const r = await runFaults({ seed, clients: 4, editMs: 6000, dataDir: dir, restart: true });
  expect(r.problems, `FAULT_SEED=${seed} replays this run`).toEqual([]);
  // The faults happened: the run proves nothing if the proxy only relayed.
  expect(r.edits).toBeGreaterThan(200);
  expect(r.counts.delayed).toBeGreaterThan(50);
  expect(Math.min(r.counts.duplicated, r.counts.reordered, r.counts.dropped)).toBeGreaterThan(0);
  expect(r.counts.cuts).toBeGreaterThan(5);
}, 60_000);
