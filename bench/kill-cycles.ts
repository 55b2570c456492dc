/**
 * `npm run reliability:kill`: issue #18's kill -9 cycles at full size (tests/helpers/kill-cycles.ts):
 * CYCLES (default 100) SIGKILLs of a server under load, on SQLite and on PostgreSQL (skipped with a
 * notice when the machine's PostgreSQL is unreachable; STORES=sqlite or postgres runs one), seeded by SEED. Prints, per store, the
 * updates relayed and lost (must be 0), the writers' edits that never reached the server (must be
 * 0) and the restart time; exits 1 on any loss. `npm test` runs the same at a few cycles
 * (tests/durability.test.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { killAllChildren } from '../tests/helpers/child-server.js';
import { describeKillCycles, runKillCycles, type KillCycleResult } from '../tests/helpers/kill-cycles.js';
import { createTestDatabase, pgUnreachable } from '../tests/helpers/services.js';

const cycles = Number(process.env.CYCLES ?? 100);
const seed = Number(process.env.SEED ?? 20261218);
const stores = (process.env.STORES ?? 'sqlite,postgres').split(',');

async function run(kind: string, env: Record<string, string>): Promise<KillCycleResult> {
  const started = Date.now();
  console.log(`${kind}: ${cycles} cycles, seed ${seed}`);
  const r = await runKillCycles({
    env,
    cycles,
    seed,
    onCycle: (c, f) => {
      if ((c + 1) % 10 === 0 || f.lost) console.log(`  cycle ${c + 1}: relayed so far ${f.relayed}, lost this cycle ${f.lost}, restart ${f.restartMs.toFixed(0)} ms`);
    },
  });
  console.log(describeKillCycles(kind, r) + ` (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  for (const l of [...r.lost, ...r.unsentLost].slice(0, 20)) console.log(`  LOST ${l}`);
  for (const l of r.refusals.slice(0, 20)) console.log(`  REFUSED ${l}`);
  for (const l of r.damaged.slice(0, 20)) console.log(`  DAMAGED ${l}`);
  return r;
}

// Interrupted (a long run): no server child is left behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAllChildren();
    process.exit(130);
  });
}
const dirs: string[] = [];
const dir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'samskap-kill-'));
  dirs.push(d);
  return d;
};
let failed: boolean;
try {
  const results = stores.includes('sqlite') ? [await run('SQLite', { DATA_DIR: dir() })] : [];
  const pgDown = stores.includes('postgres') ? await pgUnreachable() : 'not asked for (STORES)';
  if (pgDown) console.log(`PostgreSQL: skipped (${pgDown})`);
  else {
    const db = await createTestDatabase();
    try {
      results.push(await run('PostgreSQL', { DATA_DIR: dir(), DATABASE_URL: db.url, SESSION_SECRET: 'k'.repeat(40) }));
    } finally {
      await db.drop();
    }
  }
  failed = results.some((r) => r.lost.length > 0 || r.unsentLost.length > 0 || r.refusals.length > 0 || r.damaged.length > 0);
} finally {
  killAllChildren();
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
}
if (failed) process.exitCode = 1;
