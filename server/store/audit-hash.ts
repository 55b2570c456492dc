/** The audit chain's hash: sha256 over the previous hash and a canonical JSON of the entry. */
import { createHash } from 'node:crypto';
import type { NewAuditEntry } from './types.js';

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
