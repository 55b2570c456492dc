/**
 * `npm run bench`: propagation latency of Samskap's sync endpoint, one room, N lightweight
 * protocol clients (raw ws, no Y.Doc) and one writer editing at a fixed rate. Prints p50/p95/p99/max
 * per configuration, the server's CPU time per delivered message and its peak RSS.
 * The comparison with the reference y-websocket server and the larger configurations are #7.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';

const configs = (process.env.BENCH_CLIENTS ?? '50,200').split(',').map(Number);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rateHz = Number(process.env.BENCH_RATE ?? 20);

const syncMsg = (sub: number, payload: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
};
const isUpdate = (m: Buffer) => m[0] === 0 && m[1] === 2;

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
const peakRssMb = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

async function startServer(dir: string) {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', DATA_DIR: dir, LOG_LEVEL: 'warn', SAMSKAP_BUILD_CLIENT: 'never', SYNC_MESSAGE_BURST: '100000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /running at http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    proc.once('exit', (c) => reject(new Error(`server exited ${c}`)));
  });
  return { proc, port };
}

async function run(n: number, port: number, pid: number) {
  const base = `http://127.0.0.1:${port}`;
  const res = await fetch(`${base}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: `bench ${n}`, organisations: [{ name: 'A' }], displayName: 'bench' }) });
  const w = (await res.json()) as { id: string; token: string };
  const url = `ws://127.0.0.1:${port}/sync/${w.id}/charter?token=${w.token}`;
  const sentAt: number[] = [];
  const latencies: number[] = [];
  const crowd = await Promise.all(
    Array.from({ length: n }, () => new Promise<WebSocket>((resolve) => {
      const ws = new WebSocket(url);
      let k = 0;
      ws.on('open', () => {
        ws.send(syncMsg(0, Y.encodeStateVector(new Y.Doc())));
        resolve(ws);
      });
      ws.on('message', (m: Buffer) => {
        if (!isUpdate(m)) return;
        const t = sentAt[k++];
        if (t !== undefined) latencies.push(performance.now() - t);
      });
    })),
  );
  const writer = new WebSocket(url);
  await new Promise((r) => writer.once('open', r));
  const doc = new Y.Doc();
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const cpu0 = cpuSeconds(pid);
  const edits = seconds * rateHz;
  for (let i = 0; i < edits; i++) {
    const sv = Y.encodeStateVector(doc);
    doc.getMap('cursor').set('x', i);
    sentAt.push(performance.now());
    writer.send(syncMsg(2, Y.encodeStateAsUpdate(doc, sv)));
    await new Promise((r) => setTimeout(r, 1000 / rateHz));
  }
  const expected = edits * n;
  const deadline = Date.now() + 10_000;
  while (latencies.length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const cpu = cpuSeconds(pid) - cpu0;
  lag.disable();
  latencies.sort((a, b) => a - b);
  crowd.forEach((ws) => ws.close());
  writer.close();
  return {
    clients: n,
    delivered: `${latencies.length}/${expected}`,
    p50: pct(latencies, 50).toFixed(1),
    p95: pct(latencies, 95).toFixed(1),
    p99: pct(latencies, 99).toFixed(1),
    max: (latencies.at(-1) ?? NaN).toFixed(1),
    serverCpuPct: ((cpu / (seconds + 0.0001)) * 100).toFixed(0),
    cpuPerMsgUs: ((cpu / Math.max(1, latencies.length)) * 1e6).toFixed(1),
    peakRssMb: peakRssMb(pid).toFixed(0),
    benchLoopLagP99Ms: (lag.percentile(99) / 1e6).toFixed(1),
  };
}

const dir = mkdtempSync(path.join(tmpdir(), 'samskap-bench-'));
const { proc, port } = await startServer(dir);
try {
  const rows = [];
  for (const n of configs) rows.push(await run(n, port, proc.pid!));
  console.log(`Samskap sync, one room, 1 writer at ${rateHz} Hz for ${seconds} s (latency in ms)`);
  console.table(rows);
} finally {
  proc.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
