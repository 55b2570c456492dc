import { describe, expect, it } from 'vitest';
import { auditHash, GENESIS_HASH, verifyAuditChain } from './audit-hash.js';
import type { AuditEntry } from './types.js';

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e = { workshopId: 'w', at: `2026-01-0${seq}T00:00:00.000Z`, actorId: 'm', type: 'principle.stance', data: { stance: 'endorse', seq } };
    const hash = auditHash(prev, e, seq);
    out.push({ ...e, seq, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('verifyAuditChain', () => {
  it('accepts an intact chain and names the first broken entry otherwise', () => {
    expect(verifyAuditChain(chain(4))).toEqual({ ok: true });
    expect(verifyAuditChain([])).toEqual({ ok: true });
    const changed = chain(4);
    changed[1] = { ...changed[1]!, data: { stance: 'object', seq: 2 } };
    expect(verifyAuditChain(changed)).toEqual({ ok: false, brokenAt: 2 });
    const removed = chain(4).filter((e) => e.seq !== 3);
    expect(verifyAuditChain(removed)).toEqual({ ok: false, brokenAt: 4 });
    const rehashed = chain(4);
    rehashed[2] = { ...rehashed[2]!, hash: 'f'.repeat(64) };
    expect(verifyAuditChain(rehashed)).toEqual({ ok: false, brokenAt: 3 });
  });
});
