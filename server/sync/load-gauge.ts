/**
 * How busy this process's event loop has been lately (0: idle, 1: never waiting), from
 * `performance.eventLoopUtilization`: the share of time spent running callbacks rather than
 * waiting for I/O. Read by the room ticks (room-tick.ts) to merge more writes as load rises.
 * Sampled when asked, at most once per `periodMs`; the value covers the time since the last sample.
 */
import { performance, type EventLoopUtilization } from 'node:perf_hooks';

export type Load = () => number;

export function createLoadGauge(periodMs = 200): Load {
  let last: EventLoopUtilization = performance.eventLoopUtilization();
  let lastAt = performance.now();
  let value = 0;
  return () => {
    const now = performance.now();
    if (now - lastAt >= periodMs) {
      const current = performance.eventLoopUtilization();
      value = performance.eventLoopUtilization(current, last).utilization;
      last = current;
      lastAt = now;
    }
    return value;
  };
}
