/**
 * `npm run reliability:faults`: issue #18's random-network convergence run at full size
 * (tests/helpers/fault-run.ts; the test runs it small). For each seed a server starts in its own
 * process; stock providers of FAULT_CLIENTS members (default 12, and an observer) edit a board, the
 * charter and the vision for FAULT_SECONDS (default 30) through a proxy that delays, duplicates,
 * reorders and drops frames and cuts connections; then the faults stop. Prints what the proxy did
 * and how long every client and the store took to agree, and checks the store after a graceful
 * restart. FAULT_SEEDS=1,2,3 (default five seeds) or FAULT_SEED=n replays runs; exits 1 if any diverged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { killAllChildren } from '../tests/helpers/child-server.js';
import { runFaults } from '../tests/helpers/fault-run.js';

const seeds = (process.env.FAULT_SEEDS ?? process.env.FAULT_SEED ?? '20261218,1,2,3,4').split(',').map(Number);
const clients = Number(process.env.FAULT_CLIENTS ?? 12);
const seconds = Number(process.env.FAULT_SECONDS ?? 30);
console.log(`${seeds.length} run(s): ${clients} editing members and an observer, each with a board, charter and vision provider; ${seconds} s of edits with faults on`);
let failed = 0;
for (const seed of seeds) {
  const dir = mkdtempSync(path.join(tmpdir(), 'samskap-faults-'));
  try {
    const r = await runFaults({ seed, clients, editMs: seconds * 1000, dataDir: dir, restart: true, convergeTimeoutMs: 60_000 });
    const c = r.counts;
    console.log(
      `FAULT_SEED=${seed}: ${r.providers} providers, ${r.edits} edits; ${c.frames} frames: ${c.delayed} delayed, ${c.duplicated} duplicated, ${c.reordered} reordered, ${c.dropped} dropped; ` +
        `${c.cuts} cuts (${c.connections} connections); ${r.problems.length ? 'DIVERGED' : `converged ${(r.convergeMs / 1000).toFixed(2)} s after the faults stopped, store the same after a restart`}`,
    );
    for (const p of r.problems) console.log(`  ${p}`);
    if (r.problems.length) failed++;
  } finally {
    killAllChildren();
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(failed ? `${failed} of ${seeds.length} run(s) diverged` : `all ${seeds.length} run(s) converged`);
if (failed) process.exitCode = 1;
