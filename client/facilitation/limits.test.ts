import { describe, expect, it } from 'vitest';
import { Limits } from '../../shared/api.js';
import { RealtimeLimits } from '../../shared/realtime/index.js';
import { LiveLimits } from './limits.js';

describe('client limits', () => {
  it('equal the server’s', () => {
    const server: Record<string, number> = { ...RealtimeLimits, confirmationMax: Limits.confirmationMax };
    for (const [k, v] of Object.entries(LiveLimits)) expect([k, v]).toEqual([k, server[k]]);
  });
});
