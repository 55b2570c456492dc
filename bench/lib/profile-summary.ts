/**
 * Where a server's main thread spent a measured window, read from the V8 CPU profile that
 * `--cpu-prof` writes (`BENCH_PROFILE`): the share of wall time in each kind of work, so a missed
 * CPU goal is printed with the profile that shows why. Sample times are on the monotonic clock
 * that `process.hrtime` reads, so the bench's window (taken in its own process) cuts the profile.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const CATEGORIES = ['socket writes', 'storage', 'Yjs', 'checks', 'relay', 'GC', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Breakdown {
  /** Share of the window's wall time the main thread was running (not waiting for events), %. */
  busyPct: number;
  /** Share of the window's wall time in each kind of work, %; they add up to `busyPct`. */
  shares: Record<Category, number>;
}

interface CallFrame {
  functionName: string;
  url: string;
}
export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** node's native socket writes (a sample inside one is the kernel's send, counted where it is called). */
const WRITES = new Set(['writeBuffer', 'writev', 'writeUtf8String', 'writeLatin1String', 'writeAsciiString', 'writeUcs2String']);
/** Samskap's checks of what members send: ownership, schema, nesting, comments, suggestions, presence. */
const CHECKS = /\/server\/sync\/(ownership|touched|room-guard|update-check|comment-guard|suggestion-guard|funding-guard|awareness-gate|room-removals)\.|\/shared\//;

/** The kind of work a sampled function does, by what it is and where its code lives. */
export function categoryOf(frame: CallFrame): Category | null {
  const { functionName: name, url } = frame;
  if (name === '(idle)') return null;
  if (name === '(garbage collector)') return 'GC';
  if (url === '' && WRITES.has(name)) return 'socket writes';
  if (url.includes('/node_modules/better-sqlite3/') || url.includes('/node_modules/pg') || url.includes('/server/store/')) return 'storage';
  if (/\/node_modules\/(yjs|lib0|y-protocols)\//.test(url)) return 'Yjs';
  if (CHECKS.test(url)) return 'checks';
  if (url.includes('/server/sync/') || url.includes('/node_modules/ws/') || url.includes('/node_modules/@y/websocket-server/') || /^node:(net|internal\/stream|internal\/streams|stream|events|buffer|internal\/buffer)/.test(url)) return 'relay';
  return 'other';
}

/** The breakdown of `profile` between two monotonic times in µs (`process.hrtime.bigint() / 1000n`). */
export function summarise(profile: CpuProfile, fromUs: number, toUs: number): Breakdown {
  const category = new Map(profile.nodes.map((n) => [n.id, categoryOf(n.callFrame)]));
  const time = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  let wall = 0;
  let busy = 0;
  // Sample i is taken at startTime + the deltas up to i and stands for the time until the next one.
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i]!;
    const span = profile.timeDeltas[i + 1] ?? 0;
    if (t < fromUs || t >= toUs) continue;
    wall += span;
    const c = category.get(profile.samples[i]!);
    if (c === null || c === undefined) continue;
    busy += span;
    time[c] += span;
  }
  const pct = (us: number) => (wall > 0 ? Math.round((1000 * us) / wall) / 10 : NaN);
  return { busyPct: pct(busy), shares: Object.fromEntries(CATEGORIES.map((c) => [c, pct(time[c])])) as Record<Category, number> };
}

/** The one profile a server wrote into `dir` (each server run gets a folder of its own). */
export function readProfile(dir: string): CpuProfile {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length !== 1) throw new Error(`expected one CPU profile in ${dir}, found ${files.length}`);
  return JSON.parse(readFileSync(path.join(dir, files[0]!), 'utf8')) as CpuProfile;
}

/** One line: "busy 31.5 % — socket writes 8.9 · storage 6.1 · …". */
export function breakdownLine(b: Breakdown): string {
  return `busy ${b.busyPct} % — ${CATEGORIES.map((c) => `${c} ${b.shares[c]}`).join(' · ')}`;
}

/** A markdown table of the breakdowns, one row per configuration and server. */
export function breakdownTable(rows: { config: string; server: string; breakdown: Breakdown }[]): string {
  const head = `| configuration | server | busy | ${CATEGORIES.join(' | ')} |\n|---|---|---|${CATEGORIES.map(() => '---').join('|')}|`;
  return [head, ...rows.map((r) => `| ${r.config} | ${r.server} | ${r.breakdown.busyPct} | ${CATEGORIES.map((c) => r.breakdown.shares[c]).join(' | ')} |`)].join('\n');
}
