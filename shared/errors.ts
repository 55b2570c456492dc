/**
 * Error codes shared by every transport. One `AppError(code, status)` is thrown by services;
 * `server/http/errors.ts`, the socket ack wrapper and the sync endpoint each map it in one place.
 */
export const ErrorCode = {
  validationFailed: 'validation_failed',
  invalidJson: 'invalid_json',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  notFound: 'not_found',
  workshopNotFound: 'workshop_not_found',
  inviteUnknown: 'invite_unknown',
  inviteExpired: 'invite_expired',
  inviteRevoked: 'invite_revoked',
  inviteUsedUp: 'invite_used_up',
  /** A signed-in person's organisation (the provider's claim) is not the invite's organisation. */
  orgMismatch: 'org_mismatch',
  /** Sign-in is not configured on this server (OIDC_ISSUER). */
  signInDisabled: 'sign_in_disabled',
  createCodeRequired: 'create_code_required',
  payloadTooLarge: 'payload_too_large',
  /** A request body in an encoding the endpoint does not read (an import with Content-Encoding). */
  unsupportedEncoding: 'unsupported_encoding',
  /** An upload that is not a PNG, JPEG or WebP image by its bytes (SVG included). */
  unsupportedMediaType: 'unsupported_media_type',
  rateLimited: 'rate_limited',
  storageUnavailable: 'storage_unavailable',
  internal: 'internal_error',
  milestoneNotFound: 'milestone_not_found',
  documentNotEmpty: 'document_not_empty',
  backupInvalid: 'backup_invalid',
  /** The thing is not in a state that allows this (a closed round, a revealed question). */
  conflict: 'conflict',
  /** A picture took longer to render than the server allows (EXPORT_RENDER_TIMEOUT_MS); try one frame. */
  exportTimeout: 'export_timeout',
  /** Every export renderer is busy and the queue is full; try again after Retry-After. */
  exportBusy: 'export_busy',
  /** A dot vote beyond the round's votes per person. */
  voteBudgetSpent: 'vote_budget_spent',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message?: string,
    /** Extra machine-readable detail, e.g. the invalid field's path. Never secrets. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? code);
    this.name = 'AppError';
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}

/**
 * WebSocket close codes of `/sync/<room>`. 4400–4499 mirror HTTP 4xx: the stock y-websocket
 * provider treats them as final and stops reconnecting. 45xx are transient ("try again later").
 */
export const CloseCode = {
  /** Server shutting down; reconnect. */
  goingAway: 1001,
  /** Hard cap of the ws layer (twice the configured maximum): frame refused before it is read. */
  frameTooBig: 1009,
  malformedMessage: 4400,
  unauthenticated: 4401,
  forbidden: 4403,
  unknownRoom: 4404,
  workshopDeleted: 4410,
  messageTooLarge: 4413,
  /** The update would take the document past its cap (the vision's VISION_MAX_CHARS). */
  documentTooLong: 4414,
  /**
   * The update breaks a rule of its room (content kind, nesting, ownership, a cap): it was not
   * applied, stored or relayed. Final: a stock provider would only send it again. The reason names
   * the rule (`update refused: <rule>`); Samskap's client drops its local copy and syncs again.
   */
  updateRefused: 4422,
  /** More than SYNC_MAX_CLIENTS_PER_ROOM connections, or an observer past half of them. */
  roomFull: 4429,
  internalError: 4500,
  /** A facilitator changed this member's role: reconnect to be let in with the new one. */
  roleChanged: 4501,
  /**
   * This member opened more than SYNC_MAX_CONNECTIONS_PER_MEMBER connections (on this instance):
   * their oldest one closes. Transient, so a person with many tabs is never locked out.
   */
  superseded: 4509,
  /** The client does not read fast enough; reconnect. */
  slowConsumer: 4503,
  rateLimited: 4529,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
