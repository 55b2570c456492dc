/**
 * The socket command limits the forms check before sending. They mirror `RealtimeLimits` in
 * shared/realtime/commands.ts (limits.test.ts keeps them equal), which the client cannot import
 * at run time: that module builds zod schemas, and zod's eval probe is reported as a violation by
 * the strict Content-Security-Policy.
 */
export const LiveLimits = {
  phaseMax: 100,
  agendaMax: 30,
  timerMaxSeconds: 24 * 3600,
  votesPerPersonMax: 100,
  reasonMax: 2000,
  noteMax: 2000,
  anchorNameMax: 200,
  anchorRoleMax: 200,
  anchorReferenceMax: 500,
  /** `Limits.confirmationMax` of shared/api.ts (REST, same reason): naming a representative. */
  confirmationMax: 500,
} as const;
