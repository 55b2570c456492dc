/** The audit chain's hash: sha256 over the previous hash and a canonical JSON of the entry. */
import { createHash } from 'node:crypto';
import type { AuditEntry, NewAuditEntry } from './types.js';

export const GENESIS_HASH = '0'.repeat(64);

export function auditHash(prevHash: string, e: NewAuditEntry, seq: number): string {
  const canonical = JSON.stringify([seq, e.workshopId, e.at, e.actorId, e.type, sortKeys(e.data)]);
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sortKeys(x)]));
  }
  return v;
}

/** Recomputes the chain: ok, or the seq of the first entry whose link or hash does not hold. */
export function verifyAuditChain(entries: AuditEntry[]): { ok: true } | { ok: false; brokenAt: number } {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of entries) {
    if (e.seq !== expectedSeq || e.prevHash !== prev || auditHash(prev, e, e.seq) !== e.hash) return { ok: false, brokenAt: e.seq };
    prev = e.hash;
    expectedSeq++;
  }
  return { ok: true };
}
