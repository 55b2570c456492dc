/**
 * The limits both sides check, without zod: the server's schemas (shared/api.ts,
 * shared/realtime/commands.ts) are built from them, and the client's forms import them directly
 * (importing zod on the client would cost ~90 KB gzip, and its eval probe trips the CSP).
 */

/** REST payloads (docs/api.md). */
export const Limits = {
  titleMax: 200,
  nameMax: 100,
  organisationsMax: 50,
  createCodeMax: 200,
  tokenMax: 200,
  inviteMaxHours: 24 * 365,
  inviteMaxUses: 10_000,
  /** Who in an organisation confirmed a representative, and how (issue #14). */
  confirmationMax: 500,
  /** Boards per workshop (issue #16): one per session or method is plenty. */
  boardsMax: 30,
  boardTitleMax: 100,
} as const;

/** socket.io commands (docs/api.md, "Live workshop"). */
export const RealtimeLimits = {
  phaseMax: 100,
  agendaMax: 30,
  timerMaxSeconds: 24 * 3600,
  votesPerPersonMax: 100,
  elementIdsMax: 1000,
  reasonMax: 2000,
  noteMax: 2000,
  organisationsMax: 200,
  /** Anchoring (issue #14): who confirmed, their role, the decision's reference. */
  anchorNameMax: 200,
  anchorRoleMax: 200,
  anchorReferenceMax: 500,
  /** A free-text question's prompt, and its answers (`question.open {kind: 'text'}`). */
  promptMax: 500,
  textAnswerMax: 2000,
  /** Brainwriting (issue #16): one private note, and how many one person writes in a round. */
  brainwritingNoteMax: 500,
  brainwritingNotesPerPerson: 50,
} as const;
