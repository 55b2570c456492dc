/** Maps any error to `{ error: { code, message } }` with a fitting status. No stack or SQL leaves. */
import type { ErrorRequestHandler } from 'express';
import type { z } from 'zod';
import { AppError, ErrorCode, type ErrorBody } from '../../shared/errors.js';
import type { Logger } from '../log.js';

/** Parses input with a zod schema; failure names the first invalid field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || '(body)';
  throw new AppError(ErrorCode.validationFailed, 400, `${field}: ${issue?.message ?? 'is invalid'}`, { field });
}

export function toErrorBody(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    return { status: err.status, body: { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } } };
  }
  const e = err as { type?: string; status?: number };
  if (e?.type === 'entity.parse.failed') return { status: 400, body: { error: { code: ErrorCode.invalidJson, message: 'The request body is not valid JSON.' } } };
  if (e?.type === 'entity.too.large') return { status: 413, body: { error: { code: ErrorCode.payloadTooLarge, message: 'The request body is too large.' } } };
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') {
    return { status: 415, body: { error: { code: ErrorCode.validationFailed, message: 'Unsupported body encoding.' } } };
  }
  return { status: 500, body: { error: { code: ErrorCode.internal, message: 'Something went wrong on the server.' } } };
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const { status, body } = toErrorBody(err);
    if (status >= 500) log.error({ err, method: req.method, path: req.path }, 'request failed');
    if (!res.headersSent) res.status(status).json(body);
  };
}
