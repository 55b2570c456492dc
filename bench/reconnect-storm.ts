/**
 * `npm run reliability:storm` (issue #18): the reconnect storm of tests/reconnect-storm.test.ts at
 * full size. STORM_CLIENTS (500) stock y-websocket providers of STORM_MEMBERS (50) participants on
 * four boards, the charter and the vision; the server (its own process, SQLite) goes down, once
 * with SIGKILL and once with SIGTERM (STORM_SIGNAL: only one), and starts again on the same port.
 * Prints, for each: how long until every client had synced again and matched the server, the
 * `/healthz` probes' p50/p99/max taken every 50 ms meanwhile, the server's CPU time, event-loop
 * delay, error lines and memory, and whether the edits made while it was down arrived.
 * Exits 1 when any client failed to resync, a probe failed or the server logged an error.
 */
import { availableParallelism, loadavg } from 'node:os';
import { killAllChildren } from '../tests/helpers/child-server.js';
import { runStorm, type StormResult } from '../tests/helpers/reconnect-storm.js';

const clients = Number(process.env.STORM_CLIENTS ?? 500);
const members = Number(process.env.STORM_MEMBERS ?? 50);
const signals = (['SIGKILL', 'SIGTERM'] as const).filter((s) => !process.env.STORM_SIGNAL || process.env.STORM_SIGNAL === s);
const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : 'never');

const rows: Record<string, Record<string, string>> = {};
const failed = (r: StormResult) => r.resynced !== r.clients || r.mismatched > 0 || r.offlineArrived !== r.offlineEdits || r.probes.failures > 0 || r.serverErrors.length > 0;
try {
  for (const signal of signals) {
    console.log(`\n${signal}:`);
    const r = await runStorm({ clients, members, boards: 4, signal, offlineEvery: 5, downMs: 1000, timeoutMs: 60_000, log: (l) => console.log(`  ${l}`) });
    const row = (what: string, value: string) => ((rows[what] ??= {})[signal] = value);
    row('server down for', ms(r.downtimeMs));
    row('clients synced again', `${r.resynced}/${r.clients}`);
    row('last one synced, after listening', ms(r.lastSyncMs));
    row('every document equal, after listening', ms(r.convergedMs));
    row('clients differing from the server', String(r.mismatched));
    row('edits made while down, on the server', `${r.offlineArrived}/${r.offlineEdits}`);
    row('close codes the clients saw', Object.entries(r.closes).map(([c, n]) => `${c}×${n}`).join(' ') || 'none');
    row('/healthz probes (failed)', `${r.probes.count} (${r.probes.failures})`);
    row('/healthz p50 / p99 / max', `${r.probes.p50.toFixed(1)} / ${r.probes.p99.toFixed(1)} / ${r.probes.max.toFixed(1)} ms`);
    row('server CPU during the storm', ms(r.serverCpuMs));
    row('server event-loop delay, max', ms(r.serverLoopMaxMs));
    row('server log: errors / warnings', `${r.serverErrors.length} / ${r.serverWarnings}`);
    row('server peak RSS before / after', `${Math.round(r.rssBeforeMb)} / ${Math.round(r.rssPeakAfterMb)} MB`);
    row('load generator event-loop lag p99', `${r.generatorLagP99Ms.toFixed(1)} ms`);
    r.serverErrors.forEach((e) => console.log(`  server error: ${e}`));
    if (failed(r)) process.exitCode = 1;
  }
  console.log(`\nReconnect storm: ${clients} stock y-websocket clients of ${members} members in 6 rooms (4 boards, charter, vision)`);
  console.log('every 5th client edits while the server is down; /healthz every 50 ms from its own thread');
  // Times on a shared machine stretch with its load; the server's CPU time does not.
  console.log(`machine: ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end`);
  console.table(rows);
} finally {
  killAllChildren();
}
