/**
 * `npm run reliability:storm` (issue #18): the reconnect storm of tests/reconnect-storm.test.ts at
 * full size. STORM_CLIENTS (500) stock y-websocket providers of STORM_MEMBERS (50) participants on
 * four boards, the charter and the vision; the server (its own process, SQLite) goes down with
 * STORM_SIGNAL (SIGKILL; or SIGTERM) and starts again on the same port. Prints how long until
 * every client had synced again and matched the server, the `/healthz` probes' p50/p99/max taken
 * every 50 ms meanwhile, the server's error lines, its memory, and whether the offline edits arrived.
 * Exits 1 when any client failed to resync, a probe failed or the server logged an error.
 */
import { killAllChildren } from '../tests/helpers/child-server.js';
import { runStorm } from '../tests/helpers/reconnect-storm.js';

const clients = Number(process.env.STORM_CLIENTS ?? 500);
const members = Number(process.env.STORM_MEMBERS ?? 50);
const signal = process.env.STORM_SIGNAL === 'SIGTERM' ? 'SIGTERM' : 'SIGKILL';
const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : 'never');

try {
  const r = await runStorm({ clients, members, boards: 4, signal, offlineEvery: 5, downMs: 1000, timeoutMs: 60_000, log: (l) => console.log(l) });
  console.log(`\nReconnect storm: ${r.clients} clients of ${r.members} members in ${r.rooms} rooms, server restarted after ${signal} (down ${ms(r.downtimeMs)})`);
  console.table({
    'clients synced again': `${r.resynced}/${r.clients}, the last ${ms(r.lastSyncMs)} after the server listened`,
    'every document equal to the server\'s': `${ms(r.convergedMs)} after it listened; ${r.mismatched} clients differ from a newcomer's copy`,
    'edits made while it was down': `${r.offlineArrived}/${r.offlineEdits} on the server`,
    'close codes seen after the restart': Object.entries(r.closes).map(([c, n]) => `${c}×${n}`).join(' ') || 'none',
    '/healthz every 50 ms during the storm': `${r.probes.count} probes, ${r.probes.failures} failed; p50 ${r.probes.p50.toFixed(1)} ms, p99 ${r.probes.p99.toFixed(1)} ms, max ${r.probes.max.toFixed(1)} ms`,
    'server log': `${r.serverErrors.length} errors, ${r.serverWarnings} warnings`,
    'server peak RSS': `${Math.round(r.rssBeforeMb)} MB before, ${Math.round(r.rssPeakAfterMb)} MB after the restart`,
    'load generator event-loop lag p99': `${r.generatorLagP99Ms.toFixed(1)} ms`,
  });
  r.serverErrors.forEach((e) => console.log(`server error: ${e}`));
  if (r.resynced !== r.clients || r.mismatched || r.offlineArrived !== r.offlineEdits || r.probes.failures || r.serverErrors.length) process.exitCode = 1;
} finally {
  killAllChildren();
}
