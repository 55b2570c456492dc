/**
 * The facilitator's countdown, server-time based: the server stores when it started and for how
 * long (or what remained when paused), so late joiners and reconnects compute the same remainder.
 */
export interface TimerState {
  /** ms since epoch (server clock) of the current run; null when not running. */
  startedAt: number | null;
  durationMs: number;
  /** What remained when paused; null otherwise. */
  pausedRemainingMs: number | null;
}

export const IDLE_TIMER: TimerState = { startedAt: null, durationMs: 0, pausedRemainingMs: null };

export function remainingMs(t: TimerState, now: number): number {
  if (t.startedAt !== null) return Math.max(0, t.durationMs - (now - t.startedAt));
  return t.pausedRemainingMs ?? 0;
}

export const startTimer = (seconds: number, now: number): TimerState => ({ startedAt: now, durationMs: seconds * 1000, pausedRemainingMs: null });

/** Pausing a timer that is not running changes nothing. */
export function pauseTimer(t: TimerState, now: number): TimerState {
  if (t.startedAt === null) return t;
  return { startedAt: null, durationMs: t.durationMs, pausedRemainingMs: remainingMs(t, now) };
}

/** Resuming runs the paused remainder; a timer that is not paused stays as it is. */
export function resumeTimer(t: TimerState, now: number): TimerState {
  if (t.startedAt !== null || t.pausedRemainingMs === null) return t;
  return { startedAt: now, durationMs: t.pausedRemainingMs, pausedRemainingMs: null };
}
