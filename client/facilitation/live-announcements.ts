/**
 * Which timer change is worth saying out loud, pure: started, paused, reset, one minute left,
 * time is up. Everything else (the clock ticking) stays silent.
 */
export interface TimerSeen {
  remaining: number;
  running: boolean;
}
export type TimerAnnouncement = 'started' | 'paused' | 'reset' | 'minute' | 'ended';

export function timerAnnouncement(before: TimerSeen, now: TimerSeen): TimerAnnouncement | null {
  if (now.running && !before.running && now.remaining > 0) return 'started';
  if (now.running && before.running && now.remaining > before.remaining + 1500) return 'started';
  if (!now.running && before.running && now.remaining > 0) return 'paused';
  if (!now.running && !before.running && now.remaining === 0 && before.remaining > 0) return 'reset';
  if (before.remaining > 0 && now.remaining === 0) return 'ended';
  if (now.running && before.remaining > 60_000 && now.remaining <= 60_000) return 'minute';
  return null;
}
