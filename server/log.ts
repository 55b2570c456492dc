/** One structured logger (pino). Context goes in fields; tokens and document contents never do. */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: { paths: ['token', 'inviteToken', '*.token', 'req.headers.authorization', 'req.headers.cookie'], remove: true },
  });
}
