/** The per-member window: counts per member, refuses with Retry-After, opens again after a minute. */
import type { NextFunction, Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { perMemberLimit } from './member-limit.js';

function caller(memberId: string) {
  const headers: Record<string, string> = {};
  const res = { locals: { actor: { member: { id: memberId } } }, setHeader: (k: string, v: string) => (headers[k] = v) } as unknown as Response;
  return { res, headers };
}

function attempt(limit: ReturnType<typeof perMemberLimit>, memberId: string): { passed: boolean; error?: AppError; headers: Record<string, string> } {
  const { res, headers } = caller(memberId);
  let passed = false;
  try {
    void limit({} as Request, res, (() => (passed = true)) as NextFunction);
  } catch (err) {
    return { passed, error: err as AppError, headers };
  }
  return { passed, headers };
}

describe('perMemberLimit', () => {
  it('allows perMinute per member, then 429 with Retry-After until the window ends', () => {
    let t = 1_000_000;
    const limit = perMemberLimit(2, () => t);
    expect(attempt(limit, 'a').passed).toBe(true);
    t += 10_000;
    expect(attempt(limit, 'a').passed).toBe(true);
    t += 5_000;
    const refused = attempt(limit, 'a');
    expect(refused.passed).toBe(false);
    expect(refused.error).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(refused.headers['Retry-After']).toBe('45');
    expect(attempt(limit, 'b').passed).toBe(true);
    t += 45_000;
    expect(attempt(limit, 'a').passed).toBe(true);
  });
});
