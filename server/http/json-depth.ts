/**
 * JSON nesting limit at the edge. Request bodies nested deeper than `MAX_JSON_DEPTH` are refused
 * with 400 `validation_failed` before any route sees them, so no validator, service or store code
 * ever walks a hostile depth. `[]` and `{}` are one level; `[[1]]` two.
 *
 * `jsonBodyParser` is `express.json` plus the check; a route with its own parser (backup import)
 * calls `assertJsonDepth(req.body)` itself.
 */
import express, { type RequestHandler } from 'express';
import { AppError, ErrorCode } from '../../shared/errors.js';

export const MAX_JSON_DEPTH = 32;

/** True when `value` nests arrays and objects deeper than `max` (walked without recursion). */
export function jsonDepthExceeds(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [v, depth] = top;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** Throws 400 `validation_failed` when `body` nests deeper than `max`. */
export function assertJsonDepth(body: unknown, max = MAX_JSON_DEPTH): void {
  if (jsonDepthExceeds(body, max)) {
    throw new AppError(ErrorCode.validationFailed, 400, `(body): is nested deeper than ${max} levels`, { field: '(body)', maxDepth: max });
  }
}

/** `express.json(options)` that also refuses bodies nested deeper than MAX_JSON_DEPTH. */
export function jsonBodyParser(options: { limit: string }): RequestHandler {
  const parse = express.json({ ...options, strict: true });
  return (req, res, next) => {
    const before: unknown = req.body;
    parse(req, res, (err?: unknown) => {
      if (err) return next(err);
      // Only what this parser read: a body parsed earlier (by a route's own parser) is that route's.
      if (req.body === before) return next();
      try {
        assertJsonDepth(req.body);
      } catch (e) {
        return next(e);
      }
      next();
    });
  };
}
