/**
 * Issue #19's goals for `npm run bench:sync`, each a ratio to the reference y-websocket server in
 * the same run: every configuration's row pair is checked against its goals, printed beside the
 * measured values with PASS or MISS, and gathered into one summary table at the end.
 */
import { loadavg } from 'node:os';

export interface Row {
  config: string;
  server: string;
  clients: number;
  connected: string;
  delivered: string;
  writers: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  cpuPct: number;
  usPerMsg: number;
  usPerFrame: number;
  /** CPU per edit delivered to one client (µs): what one more reader of one more edit costs. */
  usPerEdit?: number;
  idleCpuPct?: number;
  peakRssMb: number;
  genLagP99: number;
  /** Share of the intended edit rate the generator managed (below 0.8 it was starved or the machine busy: CPU shares mean little). */
  sendRate?: number;
  /** Messages (edits and awareness states) delivered per second, for the write floor. */
  msgsPerSec?: number;
  /** Every client connected, and every edit reached every client. */
  allConnected?: boolean;
  consistent?: boolean;
  /** Seconds until every client had connected (or, for a join burst, held the whole document). */
  seconds?: number;
  extra?: string;
  /** The measured window on the monotonic clock (µs), to cut a CPU profile to it. */
  window?: { fromUs: number; toUs: number };
}

export interface GoalResult {
  config: string;
  goal: string;
  target: string;
  measured: string;
  reference: string;
  pass: boolean;
}

const r1 = (n: number) => (Number.isFinite(n) ? (Math.round(n * 10) / 10).toString() : '–');

/** What a server that writes one message per frame spends on writes alone at this row's load (% of a core). */
export const writeFloorPct = (row: Row, floorUs: number) => ((row.msgsPerSec ?? NaN) * floorUs) / 1e4;

/** p99 less the generator's own event-loop p99: the part of the latency the server adds. */
const served = (row: Row) => row.p99 - row.genLagP99;

type GoalCheck = (sk: Row, ref: Row, floorUs: number) => Omit<GoalResult, 'config'>;

const cpuBound: GoalCheck = (sk, ref, floorUs) => {
  const floor = writeFloorPct(sk, floorUs);
  const bound = Math.max(0.6 * ref.cpuPct, floor + 15);
  return {
    goal: 'server CPU ≤ max(0.6 × reference, write floor + 15)',
    target: `≤ ${r1(bound)} % (floor ${r1(floor)} %)`,
    measured: `${sk.cpuPct} %`,
    reference: `${ref.cpuPct} %`,
    pass: sk.cpuPct <= bound,
  };
};

const allThere: GoalCheck = (sk) => ({
  goal: 'all connected, every edit to every client',
  target: 'all',
  measured: `${sk.connected.split(' ')[0]}, ${sk.delivered}`,
  reference: '',
  pass: sk.allConnected === true && sk.consistent === true,
});

const rss: GoalCheck = (sk, ref) => ({
  goal: 'peak RSS ≤ reference + 30 MB',
  target: `≤ ${ref.peakRssMb + 30} MB`,
  measured: `${sk.peakRssMb} MB`,
  reference: `${ref.peakRssMb} MB`,
  pass: sk.peakRssMb <= ref.peakRssMb + 30,
});

/** A figure where Samskap led the reference before issue #19's work: it must stay ahead (issue: within 10 %). */
const atMost = (goal: string, of: (r: Row) => number | undefined, unit: string, slack = 1): GoalCheck => (sk, ref) => {
  const s = of(sk) ?? NaN;
  const f = of(ref) ?? NaN;
  return { goal, target: `≤ ${r1(f * slack)} ${unit}`, measured: `${r1(s)} ${unit}`, reference: `${r1(f)} ${unit}`, pass: s <= f * slack };
};

const GOALS: Array<{ config: string; checks: GoalCheck[] }> = [
  {
    config: '100 rooms x 10',
    checks: [
      allThere,
      cpuBound,
      (sk, ref) => ({
        goal: 'p99 − generator lag ≤ 0.5 × reference’s',
        target: `≤ ${r1(0.5 * served(ref))} ms`,
        measured: `${r1(served(sk))} ms (p99 ${r1(sk.p99)}, lag ${r1(sk.genLagP99)})`,
        reference: `${r1(served(ref))} ms (p99 ${r1(ref.p99)}, lag ${r1(ref.genLagP99)})`,
        pass: served(sk) <= 0.5 * served(ref),
      }),
      rss,
    ],
  },
  { config: '500 rooms x 4', checks: [allThere, cpuBound, rss] },
  {
    config: '500 clients, 5 writers',
    checks: [
      allThere,
      (sk, ref) => ({
        goal: 'CPU per delivered edit ≤ 0.33 × reference’s',
        target: `≤ ${r1(0.33 * ref.usPerEdit!)} µs`,
        measured: `${r1(sk.usPerEdit!)} µs`,
        reference: `${r1(ref.usPerEdit!)} µs`,
        pass: sk.usPerEdit! <= 0.33 * ref.usPerEdit!,
      }),
      (sk) => ({ goal: 'p99 − generator lag ≤ 100 ms', target: '≤ 100 ms', measured: `${r1(served(sk))} ms`, reference: '', pass: served(sk) <= 100 }),
      rss,
    ],
  },
  {
    config: '200 clients, 10 writers',
    checks: [
      allThere,
      atMost('p99 ≤ reference’s', (r) => r.p99, 'ms'),
      (sk, ref) => ({ goal: 'server CPU ≤ 0.5 × reference’s', target: `≤ ${r1(0.5 * ref.cpuPct)} %`, measured: `${sk.cpuPct} %`, reference: `${ref.cpuPct} %`, pass: sk.cpuPct <= 0.5 * ref.cpuPct }),
      rss,
    ],
  },
  // Goals that held before issue #19's work: Samskap ahead of the reference, kept within 10 %.
  { config: '50 clients + 10 Hz cursors', checks: [allThere, atMost('p99 ≤ reference’s', (r) => r.p99, 'ms', 1.1), atMost('CPU ≤ reference’s', (r) => r.cpuPct, '%', 1.1), rss] },
  { config: '200 clients', checks: [allThere, rss] },
  {
    config: '500 clients',
    checks: [allThere, atMost('p99 ≤ reference’s', (r) => r.p99, 'ms', 1.1), atMost('idle CPU ≤ reference’s', (r) => r.idleCpuPct, '%', 1.1), rss],
  },
  {
    config: '1000 clients',
    checks: [
      allThere,
      atMost('all connected ≤ reference’s time', (r) => r.seconds, 's', 1.1),
      atMost('p99 ≤ reference’s', (r) => r.p99, 'ms', 1.1),
      atMost('idle CPU ≤ reference’s', (r) => r.idleCpuPct, '%', 1.1),
      rss,
    ],
  },
  { config: 'join burst: 20 × 10k-note board', checks: [atMost('all synced ≤ reference’s time', (r) => r.seconds, 's', 1.1), rss] },
];

/** The goals of one configuration, checked on its row pair (none when either row is missing). */
export function checkGoals(rows: Row[], config: string, floorUs: number): GoalResult[] {
  const ref = rows.find((r) => r.config === config && r.server === 'reference');
  const sk = rows.find((r) => r.config === config && r.server === 'samskap');
  const checks = GOALS.find((g) => g.config === config)?.checks ?? [];
  if (!ref || !sk) return [];
  const starved = [ref, sk].filter((r) => (r.sendRate ?? 1) < 0.8).map((r) => `${r.server} at ${Math.round(r.sendRate! * 100)} %`);
  const label = starved.length ? `${config} (generator behind: ${starved.join(', ')} of the edit rate)` : config;
  return checks.map((c) => ({ config: label, ...c(sk, ref, floorUs) }));
}

export function printGoals(results: GoalResult[], log: (line: string) => void): void {
  for (const g of results) log(`  ${g.pass ? 'PASS' : 'MISS'}  ${g.goal}: ${g.measured} (goal ${g.target}${g.reference ? `; reference ${g.reference}` : ''})`);
}

export const loadAverage = () => loadavg().map((n) => n.toFixed(2)).join(' ');

/** The final table, as Markdown (it goes into the README's Benchmark section as it is). */
export function summaryTable(results: GoalResult[]): string {
  const lines = ['| configuration | goal | target | Samskap | reference | |', '|---|---|---|---|---|---|'];
  for (const g of results) lines.push(`| ${g.config} | ${g.goal} | ${g.target} | ${g.measured} | ${g.reference} | ${g.pass ? 'PASS' : '**MISS**'} |`);
  return lines.join('\n');
}
