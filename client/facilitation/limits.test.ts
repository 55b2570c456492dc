import { describe, expect, it } from 'vitest';
import { RealtimeLimits } from '../../shared/realtime/index.js';
import { LiveLimits } from './limits.js';

describe('client limits', () => {
  it('equal the server’s', () => {
    for (const [k, v] of Object.entries(LiveLimits)) expect([k, v]).toEqual([k, RealtimeLimits[k as keyof typeof RealtimeLimits]]);
  });
});
