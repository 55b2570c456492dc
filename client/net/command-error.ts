/** A command the server refused (its ack's error), or one that never got an answer. */
import type { ErrorCode } from '../../shared/errors.js';

export class CommandError extends Error {
  constructor(
    readonly code: ErrorCode | 'network_error',
    message: string,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}
