/**
 * The reconnect storm at a size for the suite (issue #18): 100 stock providers of 20 members on
 * three boards, the charter and the vision; the server is killed (SIGKILL) and started again on
 * the same port and data folder. Every client syncs again and ends with the server's document,
 * every edit made while the server was down arrives, every `/healthz` probe during the storm is
 * answered, and the server logs no error. `npm run reliability:storm` runs it at full size.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { killAllChildren } from './helpers/child-server.js';
import { runStorm } from './helpers/reconnect-storm.js';

afterAll(() => killAllChildren());

describe('a reconnect storm after a restart', () => {
  it('resyncs every client, keeps the offline edits and answers every health probe', async () => {
    const r = await runStorm({ clients: 100, members: 20, boards: 3, signal: 'SIGKILL', offlineEvery: 5, downMs: 300, timeoutMs: 20_000 });
    console.log(`storm: ${r.resynced}/${r.clients} resynced in ${Math.round(r.lastSyncMs)} ms, converged in ${Math.round(r.convergedMs)} ms`);
    console.log(`/healthz p99 ${r.probes.p99.toFixed(1)} ms over ${r.probes.count} probes; server CPU ${r.serverCpuMs} ms`);
    expect(r.resynced).toBe(r.clients);
    expect(r.convergedMs).not.toBeNaN();
    expect(r.mismatched).toBe(0);
    expect(r.offlineArrived).toBe(r.offlineEdits);
    expect(Object.keys(r.closes).filter((code) => parseInt(code, 10) >= 4400 && parseInt(code, 10) < 4500)).toEqual([]);
    expect(r.probes.failures).toBe(0);
    expect(r.probes.count).toBeGreaterThan(0);
    expect(r.serverErrors).toEqual([]);
  }, 60_000);
});
