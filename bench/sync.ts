/**
 * `npm run bench:sync`: Samskap's sync endpoint against the reference y-websocket server, in the
 * same run on the same machine. For each configuration: propagation latency of every edit to every
 * other client (p50/p95/p99/max), consistency, server CPU (percent of one core; µs per delivered
 * message, where one edit or one awareness state reaching one client is a message however many a
 * server merges into a frame; µs per frame), peak RSS, and the load generator's own event-loop lag
 * (a saturated generator shows). Crowd clients announce and renew presence as stock providers do.
 *   BENCH_ONLY=200,500   run only the configurations whose name contains one of these ('idle': the
 *                        compiled server's RSS with no room loaded beside its floor, issue #19; 'redis':
 *                        one vs two instances on PostgreSQL, needs the machine's PostgreSQL and Redis;
 *                        'pg-rooms': 100 rooms x 10 on PostgreSQL, one instance and two + Redis)
 *   BENCH_SECONDS=5      length of each measured window
 *   BENCH_WARMUP_SECONDS=2 the same edits before it, not measured (both servers compile their code for them)
 *   BENCH_IDLE_SECONDS=15 length of the idle window (rooms of 500 and more; renewals come every 15–18 s)
 *   BENCH_PROFILE=dir    both servers run with --cpu-prof, one folder per configuration and server
 *                        there; each row then prints where the main thread spent its measured window
 *                        (socket writes, storage, Yjs, checks, relay, GC), and the run ends with a table of it
 *   BENCH_SERVER=source  run Samskap from its sources through tsx (default: compiled to dist/app
 *                        first when stale, and run as `npm start` runs it: the memory production has)
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { BoardDoc } from '../shared/board/board-doc.js';
import { authorFor, openCrowd, openWriter, percentile, syncMessage, type Crowd, type SendTimes } from './lib/clients.js';
import { loopbackWriteCost } from './lib/write-floor.js';
import { idleMemory } from './lib/idle.js';
import { epochNow, openCrowdInThread } from './lib/crowd-worker.js';
import { buildServer, cpuSeconds, freePort, rssMb, startReference, startSamskap, type Target } from './lib/servers.js';
import { breakdownLine, breakdownTable, readProfile, summarise, type Breakdown } from './lib/profile-summary.js';
import { checkGoals, loadAverage, printGoals, summaryTable, type GoalResult, type Row } from './lib/sync-goals.js';
import pg from 'pg';
import WebSocket from 'ws';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 15);
const ONLY = process.env.BENCH_ONLY?.split(',');
const RATE_HZ = 20;
const COMPILED = process.env.BENCH_SERVER !== 'source';
const PROFILE = process.env.BENCH_PROFILE;
/** `--cpu-prof` into a fresh folder of its own for one configuration on one server (none without BENCH_PROFILE). */
function profileArgs(config: string, server: string): { args: string[]; dir: string | null } {
  if (!PROFILE) return { args: [], dir: null };
  const dir = path.resolve(PROFILE, `${config.replace(/[^a-z0-9]+/gi, '-')}-${server}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return { args: ['--cpu-prof', `--cpu-prof-dir=${dir}`], dir };
}
/** The monotonic clock of V8's CPU profiles, in µs. */
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
/** Extra node flags for Samskap's server, e.g. `--max-semi-space-size=2` to weigh memory against CPU. */
const NODE_ARGS = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits (at most 10 s) until the server's CPU has settled after the clients joined: joining
 * hundreds of members through the API leaves garbage that V8's helper threads collect for a few
 * seconds, which is not what edits cost. Settled: a 500 ms span under 6 % of a core, or no lower
 * than the span before it (a server that stays busy when idle, as the reference does with 1,000
 * clients renewing presence, is as settled as it gets).
 */
async function settled(cpuNow: () => number): Promise<void> {
  const deadline = Date.now() + 10_000;
  let last = cpuNow();
  let before = Infinity;
  while (Date.now() < deadline) {
    await sleep(500);
    const now = cpuNow();
    const share = (now - last) / 0.5;
    if (share < 0.06 || share >= before - 0.02) return;
    before = share;
    last = now;
  }
}

/** One room (or `rooms` rooms), `clients` crowd clients each, `perRoom` writers per room at 20 Hz each. */
async function roomLoad(target: Target & { pids?: number[] }, config: string, rooms: number, clients: number, cursorHz = 0, perRoom = 1): Promise<Row> {
  const lag = monitorEventLoopDelay({ resolution: 5 });
  const crowds: Crowd[] = [];
  const writers: Awaited<ReturnType<typeof openWriter>>[] = [];
  // Real members, at most a couple of connections each (the server caps connections per member),
  // joined before the connection time is measured.
  const urls: string[][] = [];
  for (let r = 0; r < rooms; r++) urls.push(await target.clientUrls(r, clients + perRoom));
  const connectStart = performance.now();
  for (const room of urls) {
    const sent: SendTimes = new Map();
    crowds.push(await openCrowd(room.slice(0, clients), sent));
    for (const url of room.slice(clients)) writers.push(await openWriter(url, sent));
  }
  const connectMs = performance.now() - connectStart;
  await Promise.all(crowds.flatMap((c) => c.synced));
  // Every instance's CPU, when the load is spread over several.
  const cpuNow = () => (target.pids ?? [target.pid]).reduce((n, pid) => n + cpuSeconds(pid), 0);
  await settled(cpuNow);
  if (cursorHz) crowds.forEach((c) => c.startCursors(cursorHz));
  await sleep(500);
  // Writers of one room spread over the 50 ms period, as independent people would be.
  const editFor = async (seconds: number) => {
    for (let i = 0; i < seconds * RATE_HZ; i++) {
      for (let w = 0; w < perRoom; w++) {
        for (let r = 0; r < rooms; r++) writers[r * perRoom + w]!.edit();
        await sleep(1000 / RATE_HZ / perRoom);
      }
    }
  };
  const got = () => crowds.reduce((n, c) => n + c.latencies.length, 0);
  const arrived = async (count: number) => {
    const deadline = Date.now() + 15_000;
    while (got() < count && Date.now() < deadline) await sleep(20);
    return got() >= count;
  };
  // Warm-up, not measured: the same edits, so both servers have compiled their code for them (V8
  // compiles on helper threads, seconds of a core in the first edits) before the window opens.
  const warmedUp = await editFor(WARMUP_SECONDS).then(() => arrived(WARMUP_SECONDS * RATE_HZ * perRoom * clients * rooms));
  crowds.forEach((c) => (c.latencies.length = 0));
  lag.enable();
  const cpu0 = cpuNow();
  const msgs0 = crowds.reduce((n, c) => n + c.messages, 0);
  const frames0 = crowds.reduce((n, c) => n + c.frames, 0);
  const t0 = performance.now();
  const from = monotonicUs();
  const edits = SECONDS * RATE_HZ;
  await editFor(SECONDS);
  // A starved generator sends slower than 20 Hz, and every server's CPU share falls with it.
  const sendRate = SECONDS / ((performance.now() - t0) / 1000);
  const expected = edits * perRoom * clients * rooms;
  await arrived(expected);
  const cpu = cpuNow() - cpu0;
  const window = { fromUs: from, toUs: monotonicUs() };
  const wall = (performance.now() - t0) / 1000;
  const delivered = crowds.reduce((n, c) => n + c.messages, 0) - msgs0;
  const frames = crowds.reduce((n, c) => n + c.frames, 0) - frames0;
  lag.disable();
  let idleCpuPct: number | undefined;
  if (clients >= 500) {
    const i0 = cpuSeconds(target.pid);
    await sleep(IDLE_SECONDS * 1000);
    idleCpuPct = Math.round(((cpuSeconds(target.pid) - i0) / IDLE_SECONDS) * 100);
  }
  const all = crowds.flatMap((c) => c.latencies).sort((a, b) => a - b);
  const failed = crowds.reduce((n, c) => n + c.failed, 0);
  crowds.forEach((c) => c.close());
  writers.forEach((w) => w.close());
  return {
    config,
    server: target.name,
    clients: clients * rooms,
    connected: `${clients * rooms - failed}/${clients * rooms} in ${(connectMs / 1000).toFixed(1)} s`,
    delivered: `${all.length}/${expected}`,
    writers: perRoom * rooms,
    p50: round(percentile(all, 50)),
    p95: round(percentile(all, 95)),
    p99: round(percentile(all, 99)),
    max: round(all.at(-1) ?? NaN),
    cpuPct: Math.round((cpu / wall) * 100),
    usPerMsg: round((cpu / Math.max(1, delivered)) * 1e6),
    usPerFrame: round((cpu / Math.max(1, frames)) * 1e6),
    usPerEdit: round((cpu / Math.max(1, all.length)) * 1e6),
    idleCpuPct,
    peakRssMb: Math.round(rssMb(target.pid).peak),
    genLagP99: round(lag.percentile(99) / 1e6),
    msgsPerSec: delivered / wall,
    sendRate,
    allConnected: failed === 0,
    consistent: warmedUp && all.length === expected,
    seconds: connectMs / 1000,
    window,
  };
}

/** A board of 10,000 notes; 20 clients join at once; time until all hold the whole document. */
async function joinBurst(target: Target): Promise<Row> {
  const doc = new Y.Doc();
  const board = new BoardDoc(doc, (() => { let n = 0; return () => `n${(n++).toString().padStart(14, '0')}`; })());
  const url = await target.roomUrl(9999);
  const author = await authorFor(url);
  doc.transact(() => {
    for (let i = 0; i < 10_000; i++) board.create({ kind: 'note', x: (i % 100) * 200, y: Math.floor(i / 100) * 160, text: `Lapp nummer ${i}: felles plattform` }, author, 'bench');
  });
  const update = Y.encodeStateAsUpdate(doc);
  const seed = new WebSocket(url, { perMessageDeflate: false });
  await new Promise((r) => seed.once('open', r));
  seed.send(syncMessage(2, update));
  // Wait until the server holds it: a probe's sync step 2 is as large as the document.
  for (;;) {
    const probe = await openCrowd([url], new Map(), { presence: false });
    const size = await new Promise<number>((resolve) => probe.sockets[0]!.on('message', (m: Buffer) => m[0] === 0 && m[1] === 1 && resolve(m.length)));
    probe.close();
    if (size >= update.length * 0.9) break;
    await sleep(200);
  }
  seed.terminate();
  const cpu0 = cpuSeconds(target.pid);
  const t0 = performance.now();
  const from = monotonicUs();
  const crowd = await openCrowd(await target.clientUrls(9999, 20), new Map());
  await Promise.all(crowd.synced);
  const ms = performance.now() - t0;
  const window = { fromUs: from, toUs: monotonicUs() };
  const cpu = cpuSeconds(target.pid) - cpu0;
  crowd.close();
  return {
    config: 'join burst: 20 × 10k-note board',
    server: target.name,
    clients: 20,
    connected: `${20 - crowd.failed}/20`,
    delivered: `${(update.length / 1e6).toFixed(1)} MB each`,
    writers: 0,
    p50: NaN,
    p95: NaN,
    p99: NaN,
    max: round(ms),
    cpuPct: Math.round((cpu / (ms / 1000)) * 100),
    usPerMsg: NaN,
    usPerFrame: NaN,
    peakRssMb: Math.round(rssMb(target.pid).peak),
    genLagP99: NaN,
    allConnected: crowd.failed === 0,
    seconds: ms / 1000,
    extra: `all synced in ${Math.round(ms)} ms`,
    window,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Two Samskap instances on PostgreSQL + Redis, the crowd split across them and the writer on the
 * first: what the Redis hop adds, compared with the same load on one instance (same store).
 */
async function twoInstances(clients: number): Promise<Row[]> {
  const { env, drop } = await benchDatabase();
  const rows: Row[] = [];
  try {
    for (const instances of [1, 2]) {
      const servers = await Promise.all(Array.from({ length: instances }, () => startSamskap(env, [], undefined, COMPILED)));
      try {
        const first = await servers[0]!.roomUrl(0);
        const members = await servers[0]!.clientUrls(0, clients);
        const on = (srv: Target & { base: string }, u: string) => u.replace(servers[0]!.base.replace('http', 'ws'), srv.base.replace('http', 'ws'));
        const share = clients / servers.length;
        const sent: SendTimes = new Map();
        // One crowd per instance, each in its own thread, timed against the writer's clock.
        const crowds = servers.map((srv, k) => openCrowdInThread(members.slice(k * share, (k + 1) * share).map((u) => on(srv, u))));
        await Promise.all(crowds.map((c) => c.ready));
        const writer = await openWriter(first, sent, epochNow);
        await sleep(500);
        for (let i = 0; i < SECONDS * RATE_HZ; i++) {
          writer.edit();
          await sleep(1000 / RATE_HZ);
        }
        await sleep(2000);
        const expected = SECONDS * RATE_HZ * clients;
        const results = await Promise.all(crowds.map((c) => c.finish(sent)));
        writer.close();
        const all = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
        const local = [...results[0]!.latencies].sort((a, b) => a - b);
        const remote = instances > 1 ? [...results[1]!.latencies].sort((a, b) => a - b) : null;
        const hop = (p: number) => round(percentile(remote!, p) - percentile(local, p));
        const failed = results.reduce((n, r) => n + r.failed, 0);
        rows.push({
          config: `${clients} clients on PostgreSQL, ${instances} instance${instances > 1 ? 's + Redis' : ''}`,
          server: 'samskap',
          clients,
          connected: `${clients - failed}/${clients}`,
          delivered: `${all.length}/${expected}`,
          writers: 1,
          p50: round(percentile(all, 50)),
          p95: round(percentile(all, 95)),
          p99: round(percentile(all, 99)),
          max: round(all.at(-1) ?? NaN),
          cpuPct: NaN,
          usPerMsg: NaN,
          usPerFrame: NaN,
          peakRssMb: Math.round(rssMb(servers[0]!.pid).peak),
          genLagP99: NaN,
          extra: remote
            ? `clients on the writer's instance: p50 ${round(percentile(local, 50))} ms, p99 ${round(percentile(local, 99))} ms; on the second (via Redis): p50 ${round(percentile(remote, 50))} ms, p99 ${round(percentile(remote, 99))} ms; the hop adds ${hop(50)} ms at p50, ${hop(99)} ms at p99`
            : undefined,
        });
      } finally {
        await Promise.all(servers.map((srv) => srv.stop()));
      }
    }
  } finally {
    await drop();
  }
  return rows;
}

/** A database of its own on the machine's PostgreSQL, and the environment of instances sharing it through Redis. */
async function benchDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const admin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `samskap_bench_${Date.now().toString(36)}`;
  const sql = async (q: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(q).finally(() => c.end());
  };
  await sql(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const redis = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const env = { DATABASE_URL: url.toString(), REDIS_URL: redis, REDIS_PREFIX: `${name}:`, SESSION_SECRET: 'b'.repeat(40) };
  return { env, drop: () => sql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * 100 rooms × 10 on PostgreSQL (every room's updates group-committed per tick), on one instance,
 * then on two + Redis: each room's crowd split across both, its writer on the first, CPU summed
 * over both. A fresh database for each, so the second does not start on the first's update log.
 */
async function pgRooms(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const instances of [1, 2]) {
    const { env, drop } = await benchDatabase();
    try {
      const servers = await Promise.all(Array.from({ length: instances }, () => startSamskap(env, [], undefined, COMPILED)));
      try {
        const ws = (srv: { base: string }) => srv.base.replace('http', 'ws');
        const target = {
          ...servers[0]!,
          pids: servers.map((srv) => srv.pid),
          // The last URL is the writer's (perRoom 1): on the first instance; the crowd alternates.
          clientUrls: async (r: number, n: number) =>
            (await servers[0]!.clientUrls(r, n)).map((u, k) => (k < n - 1 ? u.replace(ws(servers[0]!), ws(servers[k % instances]!)) : u)),
        };
        const config = `100 rooms x 10 on PostgreSQL, ${instances} instance${instances > 1 ? 's + Redis' : ''}`;
        rows.push(await roomLoad(target, config, 100, 10));
      } finally {
        await Promise.all(servers.map((srv) => srv.stop()));
      }
    } finally {
      await drop();
    }
  }
  return rows;
}

const CONFIGS: Array<{ name: string; run: (t: Target) => Promise<Row> }> = [
  { name: '50 clients + 10 Hz cursors', run: (t) => roomLoad(t, '50 clients + 10 Hz cursors', 1, 50, 10) },
  { name: '200 clients', run: (t) => roomLoad(t, '200 clients', 1, 200) },
  { name: '200 clients, 10 writers', run: (t) => roomLoad(t, '200 clients, 10 writers', 1, 200, 0, 10) },
  { name: '500 clients', run: (t) => roomLoad(t, '500 clients', 1, 500) },
  { name: '1000 clients', run: (t) => roomLoad(t, '1000 clients', 1, 1000) },
  { name: '500 clients, 5 writers', run: (t) => roomLoad(t, '500 clients, 5 writers', 1, 500, 0, 5) },
  { name: '100 rooms x 10', run: (t) => roomLoad(t, '100 rooms x 10', 100, 10) },
  { name: '500 rooms x 4', run: (t) => roomLoad(t, '500 rooms x 4', 500, 4) },
  { name: 'join burst', run: joinBurst },
];

if (COMPILED) buildServer();
const loadAtStart = loadAverage();
const floor = await loopbackWriteCost();
console.error(`one 40-byte write to a loopback socket costs ${floor.toFixed(1)} µs of CPU here (the floor for one message per frame)`);
const rows: Row[] = [];
let idleLine = '';
if (!ONLY || ONLY.some((o) => 'idle'.includes(o))) {
  const idle = await idleMemory();
  const goal = idle.floorMb + 20;
  const over = (idle.serverMb - idle.floorMb).toFixed(1);
  idleLine =
    `Idle compiled server, no room loaded, at rest (${idle.settledAfterS} s after start): RSS ${idle.serverMb} MB; floor (node importing the ${idle.deps.length} runtime dependencies it loads) ` +
    `${idle.floorMb} MB; goal ≤ floor + 20 = ${goal.toFixed(1)} MB: ${idle.serverMb <= goal ? 'holds' : 'MISSES'} (${over} MB over the floor). ` +
    `3 s after start, before V8 gives startup's garbage back: ${idle.early.serverMb} MB against ${idle.early.floorMb} MB.`;
  console.error(idleLine);
}
if (!ONLY || ONLY.some((o) => 'redis'.includes(o))) {
  const [single, double] = await twoInstances(200);
  rows.push(single!, double!);
  console.error(`one instance: p50 ${single!.p50} ms, p99 ${single!.p99} ms; two instances + Redis: p50 ${double!.p50} ms, p99 ${double!.p99} ms; ${double!.extra}`);
}
if (!ONLY || ONLY.some((o) => 'pg-rooms'.includes(o))) {
  const [single, double] = await pgRooms();
  rows.push(single!, double!);
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '–');
  for (const r of [single!, double!]) {
    console.error(`${r.config}: delivered ${r.delivered}, p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms, cpu ${r.cpuPct} % (all instances), ${r.usPerMsg} µs/msg`);
  }
  const of = (k: 'p50' | 'p99' | 'max' | 'cpuPct' | 'usPerMsg') => ratio(double![k], single![k]);
  console.error(`two instances + Redis / one instance: p50 ${of('p50')} · p99 ${of('p99')} · max ${of('max')} · CPU ${of('cpuPct')} · µs/msg ${of('usPerMsg')}`);
}
const goals: GoalResult[] = [];
const breakdowns: { config: string; server: string; breakdown: Breakdown }[] = [];
for (const c of CONFIGS) {
  if (ONLY && !ONLY.some((o) => c.name.includes(o))) continue;
  let config = c.name;
  const starts = [
    { server: 'reference', start: async (args: string[]) => startReference(await freePort(), args) },
    { server: 'samskap', start: (args: string[]) => startSamskap({}, [...args, ...NODE_ARGS], undefined, COMPILED) },
  ];
  for (const { server, start } of starts) {
    const profile = profileArgs(c.name, server);
    const target = await start(profile.args);
    let row: Row | undefined;
    try {
      row = await c.run(target);
      rows.push(row);
      config = row.config;
      console.error(`${row.config} · ${row.server}: p99 ${row.p99} ms, cpu ${row.cpuPct} %, ${row.usPerMsg} µs/msg ${row.extra ?? ''}`);
    } finally {
      await target.stop();
    }
    // Written when the server exits.
    if (profile.dir && row?.window) {
      const breakdown = summarise(readProfile(profile.dir), row.window.fromUs, row.window.toUs);
      breakdowns.push({ config: row.config, server, breakdown });
      console.error(`  ${server}'s main thread in the measured window (% of wall time): ${breakdownLine(breakdown)}`);
    }
  }
  const checked = checkGoals(rows, config, floor);
  printGoals(checked, (line) => console.error(line));
  goals.push(...checked);
}

console.log(`\nSync benchmark: writers at ${RATE_HZ} Hz each for ${SECONDS} s; latency in ms; CPU of the server process; a 40-byte loopback write costs ${floor.toFixed(1)} µs here`);
console.table(rows.map(({ extra: _e, window: _w, ...r }) => r));
if (idleLine) console.log(idleLine);
console.log('\nSamskap / reference:');
for (const c of new Set(rows.map((r) => r.config))) {
  const ref = rows.find((r) => r.config === c && r.server === 'reference');
  const sk = rows.find((r) => r.config === c && r.server === 'samskap');
  if (!ref || !sk) continue;
  const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : '–');
  console.log(`  ${c}: p99 ${ratio(sk.p99, ref.p99)} · max ${ratio(sk.max, ref.max)} · CPU ${ratio(sk.cpuPct, ref.cpuPct)} · µs/msg ${ratio(sk.usPerMsg, ref.usPerMsg)}`);
}
if (goals.length) {
  const missed = goals.filter((g) => !g.pass).length;
  console.log(`\nIssue #19 goals (load average ${loadAtStart} at the start, ${loadAverage()} at the end; ${goals.length - missed} of ${goals.length} hold):\n`);
  console.log(summaryTable(goals));
}
if (breakdowns.length) {
  // The rest of a process's CPU is V8's helper threads and the kernel's side of the sockets.
  console.log(`\nWhere each server's main thread spent the measured window, % of wall time (CPU profiles in ${PROFILE}):\n`);
  console.log(breakdownTable(breakdowns));
}
