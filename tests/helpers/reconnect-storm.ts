/**
 * The reconnect storm (issue #18), shared by tests/reconnect-storm.test.ts (small) and
 * `npm run reliability:storm` (full size): a server in its own process on a SQLite DATA_DIR, one
 * workshop with `members` participants, `clients` stock y-websocket providers spread over its
 * boards, charter and vision (several per member, each writing something), then the server is
 * killed and started again on the same port. The providers reconnect by themselves; some edit
 * while it is down. Measured: time until every provider has synced again and every document
 * matches the server's, `/healthz` probed every 50 ms from its own thread while that happens, the
 * server's error and warning log lines, its memory, and whether the offline edits arrived.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { WorkshopDto } from '../../shared/api.js';
import { BoardDoc } from '../../shared/board/board-doc.js';
import { BoardKey } from '../../shared/board/schema.js';
import { CharterDoc } from '../../shared/charter/charter-doc.js';
import { CharterKey } from '../../shared/charter/schema.js';
import { VISION_DOC_OPTIONS, visionFragment } from '../../shared/vision/schema.js';
import { authorOf, call, createWorkshop, invite, join } from './api.js';
import { startChild, type ChildServer } from './child-server.js';
import { freePort } from './services.js';
import { provider, synced, until } from './sync.js';

export interface StormOptions {
  clients: number;
  members: number;
  /** Boards besides the charter and the vision (the workshop's first board counts). */
  boards: number;
  /** How the server goes down. */
  signal: 'SIGKILL' | 'SIGTERM';
  /** Every `offlineEvery`-th client edits while the server is down. */
  offlineEvery: number;
  /** How long the server stays down after its clients noticed, in ms. */
  downMs: number;
  /** Give up waiting for the resync after this long. */
  timeoutMs: number;
  log?: (line: string) => void;
  /** More environment for the server (both starts), e.g. an operator's limits. */
  env?: Record<string, string>;
}

export interface StormResult {
  clients: number;
  members: number;
  rooms: number;
  /** Clients synced again / all, and ms from the new server listening until the last one had. */
  resynced: number;
  lastSyncMs: number;
  /** ms from listening until every client's document equalled the server's (NaN: never). */
  convergedMs: number;
  /** Clients whose document still differs from a newcomer's (the server's) at the end. */
  mismatched: number;
  /** Offline edits made / found on the server by a newcomer after the storm. */
  offlineEdits: number;
  offlineArrived: number;
  /**
   * Close codes the clients saw: while the server was down ('1006 (down)': refused), and after it
   * listened again (a 44xx stops a stock provider for good).
   */
  closes: Record<string, number>;
  downtimeMs: number;
  probes: { count: number; failures: number; p50: number; p99: number; max: number };
  /** Lines of level error and above that either server run logged, and the number of warnings. */
  serverErrors: string[];
  serverWarnings: number;
  /** Peak resident memory of the first and the restarted server, MB. */
  rssBeforeMb: number;
  rssPeakAfterMb: number;
  /** The server's CPU time from listening until every document matched, and its event loop's longest delay meanwhile. */
  serverCpuMs: number;
  serverLoopMaxMs: number;
  /** The load generator's own event-loop lag during the storm (p99, ms): a busy generator shows. */
  generatorLagP99Ms: number;
}

type Kind = 'board' | 'charter' | 'vision';
interface Client {
  p: WebsocketProvider;
  room: string;
  kind: Kind;
  author: Awaited<ReturnType<typeof authorOf>>;
  syncedAt: number | null;
}

const newId = () => randomBytes(12).toString('base64url');

function write(c: Client, text: string): void {
  if (c.kind === 'board') {
    const i = Math.floor(Math.random() * 400);
    new BoardDoc(c.p.doc, newId).create({ kind: 'note', x: (i % 20) * 200, y: Math.floor(i / 20) * 160, text }, c.author, 'storm');
  } else if (c.kind === 'charter') {
    new CharterDoc(c.p.doc, newId).addActor({ name: text, kind: 'municipality' }, 'storm');
  } else {
    const p = new Y.XmlElement('paragraph');
    const t = new Y.XmlText();
    t.insert(0, text);
    p.insert(0, [t]);
    visionFragment(c.p.doc).push([p]);
  }
}

/** What a room's document says, as text: compared between a client and the server's copy. */
function content(kind: Kind, doc: Y.Doc): string {
  if (kind === 'vision') return visionFragment(doc).toString();
  return sortedJson(doc.getMap(kind === 'board' ? BoardKey.elements : CharterKey.actors).toJSON());
}

/** JSON with object keys sorted: a Y.Map lists its keys in the order this replica received them. */
function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
}

const svKey = (doc: Y.Doc) => JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(doc)).entries()].sort((a, b) => a[0] - b[0]));

/** CPU time (user + system) a process has used, in ms. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** The server's own event-loop delay, max since the previous scrape (prom-client resets it), in ms. */
async function loopDelayMaxMs(base: string): Promise<number> {
  const text = await fetch(`${base}/metrics`).then((r) => r.text(), () => '');
  return Number(/^samskap_process_nodejs_eventloop_lag_max_seconds (\S+)/m.exec(text)?.[1] ?? NaN) * 1000;
}

function peakRssMb(pid: number | undefined): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
  } catch {
    return NaN;
  }
}

interface Prober {
  /** Resolves when the thread has fetched once (so its own first-fetch start-up is not measured). */
  ready: Promise<void>;
  begin(): void;
  stop(): Promise<{ times: number[]; failures: number }>;
  /** Ends the thread (after stop, or on failure). */
  close(): Promise<number>;
}

/**
 * `GET /healthz` every `everyMs` from a thread of its own (the providers' thread is busy during the
 * storm), each probe independent of the others so that a stall shows in every probe it delays.
 */
function startProber(url: string, everyMs: number): Prober {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const times = []; let failures = 0; let pending = 0; let stopping = false; let timer;
    const done = () => parentPort.postMessage({ times, failures });
    const probe = async () => {
      pending++;
      const t0 = performance.now();
      try {
        const r = await fetch(workerData.url, { signal: AbortSignal.timeout(10000) });
        await r.text();
        if (r.ok) times.push(performance.now() - t0); else failures++;
      } catch { failures++; }
      pending--;
      if (stopping && pending === 0) done();
    };
    fetch(workerData.url).then((r) => r.text()).finally(() => parentPort.postMessage('ready'));
    parentPort.on('message', (m) => {
      if (m === 'begin') { timer = setInterval(probe, workerData.everyMs); void probe(); return; }
      stopping = true;
      clearInterval(timer);
      if (pending === 0) done();
    });
  `;
  const worker = new Worker(code, { eval: true, workerData: { url, everyMs } });
  const next = <T>() => new Promise<T>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const ready = next<string>().then(() => undefined);
  return {
    ready,
    begin: () => worker.postMessage('begin'),
    async stop() {
      const result = next<{ times: number[]; failures: number }>();
      worker.postMessage('stop');
      return result;
    },
    close: () => worker.terminate(),
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Log lines of pino level error (50) and above, and the number of warnings (40). */
function serverLog(output: string): { errors: string[]; warnings: number } {
  const errors: string[] = [];
  let warnings = 0;
  for (const line of output.split('\n')) {
    const level = Number(/"level":(\d+)/.exec(line)?.[1] ?? 0);
    if (level >= 50) errors.push(line.slice(0, 500));
    else if (level === 40) warnings++;
  }
  return { errors, warnings };
}

/** A workshop of `members` participants and `boards` boards; their tokens and the rooms. */
async function prepare(base: string, opts: StormOptions): Promise<{ w: WorkshopDto; tokens: string[]; rooms: Array<{ room: string; kind: Kind }> }> {
  const created = await createWorkshop(base, 'Storm');
  for (let b = 1; b < opts.boards; b++) {
    const r = await call(base, 'POST', `/api/workshops/${created.id}/boards`, { title: `Tavle ${b + 1}` }, created.token);
    if (r.status !== 201) throw new Error(`board: ${r.status} ${JSON.stringify(r.body)}`);
  }
  const orgs = created.organisations;
  const invites = await Promise.all(orgs.map((o) => invite(base, created.id, created.token, { role: 'participant', organisationId: o.id, maxUses: opts.members })));
  const tokens: string[] = [];
  for (let start = 0; start < opts.members; start += 10) {
    const batch = Array.from({ length: Math.min(10, opts.members - start) }, (_, k) => join(base, invites[(start + k) % invites.length]!.token, `Medlem ${start + k}`));
    tokens.push(...(await Promise.all(batch)).map((j) => j.token));
  }
  const w = (await call<WorkshopDto>(base, 'GET', `/api/workshops/${created.id}`, undefined, created.token)).body;
  const rooms: Array<{ room: string; kind: Kind }> = [
    ...w.boards.map((b) => ({ room: b.room, kind: 'board' as const })),
    { room: `${w.id}/charter`, kind: 'charter' },
    { room: `${w.id}/vision`, kind: 'vision' },
  ];
  return { w, tokens, rooms };
}

export async function runStorm(opts: StormOptions): Promise<StormResult> {
  const log = opts.log ?? (() => {});
  const dir = mkdtempSync(path.join(tmpdir(), 'samskap-storm-'));
  const port = await freePort();
  // The operator's default limits (an empty value means unset; startChild raises some for other
  // tests): the set-up's joins fit the open limit, and reconnecting is counted by no per-address limit.
  const env = { DATA_DIR: dir, PORT: String(port), LOG_LEVEL: 'warn', RATE_LIMIT_OPEN_PER_MINUTE: '', RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: '', ...opts.env };
  const clients: Client[] = [];
  let server: ChildServer | null = null;
  let prober: Prober | null = null;
  // Each stock provider listens for the process's exit; hundreds of them are expected here.
  const maxListeners = process.getMaxListeners();
  process.setMaxListeners(maxListeners + opts.clients + 10);
  try {
    server = await startChild(env);
    const { w, tokens, rooms } = await prepare(server.base, opts);
    const authors = await Promise.all(tokens.map((t) => authorOf(server!.base, w.id, t)));
    log(`${opts.members} members, ${rooms.length} rooms (${opts.boards} boards, charter, vision); opening ${opts.clients} clients`);
    for (let i = 0; i < opts.clients; i++) {
      const m = i % opts.members;
      const { room, kind } = rooms[Math.floor(i / opts.members) % rooms.length]!;
      const doc = new Y.Doc(kind === 'vision' ? VISION_DOC_OPTIONS : {});
      clients.push({ p: provider(server.wsBase, room, tokens[m]!, doc), room, kind, author: authors[m]!, syncedAt: null });
    }
    await Promise.all(clients.map((c) => synced(c.p, opts.timeoutMs)));
    clients.forEach((c, i) => write(c, `før ${i}`));
    await converged(clients, opts.timeoutMs);
    log(`every client synced and wrote; ${opts.signal} to the server`);
    const rssBeforeMb = peakRssMb(server.proc.pid);
    // The same URL after the restart: the server comes back on the same port.
    prober = startProber(`${server.base}/healthz`, 50);
    await prober.ready;

    const closes: Record<string, number> = {};
    let counting = false;
    let listening = false;
    for (const c of clients) {
      c.p.on('connection-close', (e: CloseEvent | null) => {
        if (!counting) return;
        const key = `${e?.code ?? 'local'}${listening ? '' : ' (down)'}`;
        closes[key] = (closes[key] ?? 0) + 1;
      });
      c.p.on('sync', (s: boolean) => {
        if (s && counting && c.syncedAt === null) c.syncedAt = performance.now();
      });
    }
    const killedAt = performance.now();
    server.proc.kill(opts.signal);
    await server.exited;
    const firstLog = server.output();
    await until(() => clients.every((c) => !c.p.wsconnected), 10_000, 'every client to notice');
    counting = true;
    const offline = clients.filter((_, i) => i % opts.offlineEvery === 0).map((c, k) => ({ c, text: `offline ${k}` }));
    offline.forEach(({ c, text }) => write(c, text));
    await new Promise((r) => setTimeout(r, opts.downMs));

    const lag = monitorEventLoopDelay({ resolution: 5 });
    lag.enable();
    server = await startChild(env);
    const listenedAt = performance.now();
    listening = true;
    prober.begin();
    const cpuAtListen = cpuMs(server.proc.pid);
    void loopDelayMaxMs(server.base); // resets the maximum, which held the start-up's module loading
    log(`the server listens again after ${Math.round(listenedAt - killedAt)} ms; waiting for ${clients.length} clients`);
    const resyncDeadline = Date.now() + opts.timeoutMs;
    await until(() => clients.every((c) => c.syncedAt !== null) || Date.now() > resyncDeadline, opts.timeoutMs + 1000, 'resync').catch(() => {});
    const resynced = clients.filter((c) => c.syncedAt !== null).length;
    const lastSyncMs = Math.max(...clients.map((c) => (c.syncedAt ?? NaN) - listenedAt));
    const convergedMs = await converged(clients, Math.max(1000, resyncDeadline - Date.now())).then(() => performance.now() - listenedAt, () => NaN);
    lag.disable();
    const serverCpuMs = cpuMs(server.proc.pid) - cpuAtListen;
    const serverLoopMaxMs = await loopDelayMaxMs(server.base);
    counting = false;
    const probes = await prober.stop();
    const { mismatched, arrived } = await compareWithServer(server.wsBase, clients, tokens[0]!, offline);
    const sorted = [...probes.times].sort((a, b) => a - b);
    // Both runs' logs: a graceful shutdown (SIGTERM) that failed to store something says so there.
    const { errors, warnings } = serverLog(firstLog + server.output());
    const result: StormResult = {
      clients: opts.clients,
      members: opts.members,
      rooms: rooms.length,
      resynced,
      lastSyncMs,
      convergedMs,
      mismatched,
      offlineEdits: offline.length,
      offlineArrived: arrived,
      closes,
      downtimeMs: listenedAt - killedAt,
      probes: { count: sorted.length + probes.failures, failures: probes.failures, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN },
      serverErrors: errors,
      serverWarnings: warnings,
      rssBeforeMb,
      rssPeakAfterMb: peakRssMb(server.proc.pid),
      serverCpuMs,
      serverLoopMaxMs,
      generatorLagP99Ms: lag.percentile(99) / 1e6,
    };
    return result;
  } finally {
    // The document's destruction stops its awareness timer; the provider's does not.
    clients.forEach((c) => {
      c.p.destroy();
      c.p.doc.destroy();
    });
    process.setMaxListeners(maxListeners);
    await prober?.close();
    if (server && server.proc.exitCode === null) {
      server.proc.kill('SIGTERM');
      await server.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

function byRoomOf(clients: Client[]): Map<string, Client[]> {
  const m = new Map<string, Client[]>();
  for (const c of clients) m.set(c.room, [...(m.get(c.room) ?? []), c]);
  return m;
}

/** Resolves when, in every room, every client holds the same state (the union of what all wrote). */
async function converged(clients: Client[], timeoutMs: number): Promise<void> {
  const byRoom = byRoomOf(clients);
  await until(
    () => [...byRoom.values()].every((cs) => cs.every((c) => c.p.synced) && new Set(cs.map((c) => svKey(c.p.doc))).size === 1),
    timeoutMs,
    'every document to converge',
  );
}

/**
 * A newcomer per room reads the server's copy: how many clients' documents differ from it, and how
 * many of the offline edits it holds.
 */
async function compareWithServer(wsBase: string, clients: Client[], token: string, offline: Array<{ c: Client; text: string }>): Promise<{ mismatched: number; arrived: number }> {
  let mismatched = 0;
  let arrived = 0;
  for (const [room, cs] of byRoomOf(clients)) {
    const kind = cs[0]!.kind;
    const fresh = provider(wsBase, room, token, new Y.Doc(kind === 'vision' ? VISION_DOC_OPTIONS : {}));
    try {
      await synced(fresh, 10_000);
      const sv = svKey(fresh.doc);
      const text = content(kind, fresh.doc);
      mismatched += cs.filter((c) => svKey(c.p.doc) !== sv || content(kind, c.p.doc) !== text).length;
      arrived += offline.filter((o) => o.c.room === room && text.includes(o.text)).length;
    } catch {
      mismatched += cs.length;
    } finally {
      fresh.destroy();
      fresh.doc.destroy();
    }
  }
  return { mismatched, arrived };
}
