import { describe, expect, it } from 'vitest';
import { importedChains, importProvenance } from './audit-provenance.js';
import { auditHash, GENESIS_HASH } from '../store/audit-hash.js';
import { generateAuditKeyPair, headSignatureStatus, keyFingerprint, signHead, verifyHead, type AuditKeyPair } from '../store/audit-sign.js';
import type { AuditEntry } from '../store/types.js';

/** A chain whose every head is signed by `key` (or none: unsigned, as before signing). */
function chain(n: number, key: AuditKeyPair | null, workshopId = 'w', data: (seq: number) => Record<string, unknown> = (seq) => ({ seq })): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const d = data(seq);
    const e = { workshopId, at: `2026-01-0${seq}T00:00:00.000Z`, actorId: 'm', type: 'importedHeadHash' in d ? 'workshop.imported' : 'x', data: d };
    const hash = auditHash(prev, e, seq);
    out.push({ ...e, seq, prevHash: prev, hash, ...(key ? { signature: signHead(key.privateKey, { workshopId, seq, hash }) } : {}) });
    prev = hash;
  }
  return out;
}

/** Invented entries, re-hashed from the first so the links hold, the old signatures kept. */
function rehashed(entries: AuditEntry[]): AuditEntry[] {
  let prev = GENESIS_HASH;
  return entries.map((e, i) => {
    const changed = i === 0 ? { ...e, data: { invented: true } } : e;
    const hash = auditHash(prev, changed, e.seq);
    const out = { ...changed, prevHash: prev, hash };
    prev = hash;
    return out;
  });
}

describe('audit head signatures', () => {
  const key = generateAuditKeyPair();
  const other = generateAuditKeyPair();

  it('a signed head verifies with its key only, and not once anything it covers changes', () => {
    const c = chain(3, key);
    const head = c.at(-1)!;
    expect(verifyHead(key.publicKey, head, head.signature)).toBe(true);
    expect(verifyHead(other.publicKey, head, head.signature)).toBe(false);
    expect(verifyHead(key.publicKey, { ...head, hash: 'f'.repeat(64) }, head.signature)).toBe(false);
    expect(verifyHead(key.publicKey, { ...head, seq: 4 }, head.signature)).toBe(false);
    expect(verifyHead(key.publicKey, { ...head, workshopId: 'v' }, head.signature)).toBe(false);
    expect(verifyHead('not a key', head, head.signature)).toBe(false);
    expect(headSignatureStatus(c, key.publicKey)).toEqual({ signed: true, verified: true });
    expect(headSignatureStatus(rehashed(c), key.publicKey)).toEqual({ signed: true, verified: false });
    expect(headSignatureStatus(chain(2, null), key.publicKey)).toEqual({ signed: false, verified: false });
  });

  it('the fingerprint is SHA-256 of the raw key in 16 groups of four hex digits', () => {
    expect(Buffer.from(key.publicKey, 'base64')).toHaveLength(32);
    expect(keyFingerprint(key.publicKey)).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){15}$/);
    expect(keyFingerprint(key.publicKey)).not.toBe(keyFingerprint(other.publicKey));
  });
});

describe('provenance of imported chains', () => {
  const a = generateAuditKeyPair();
  const importing = (c: AuditEntry[], auditKey?: string) => ({ importedHeadHash: c.at(-1)!.hash, ...importProvenance({ audit: c, auditKey }) });

  it('names the signing key when the head verifies with the key the backup carried, else "unverified"', () => {
    const genuine = chain(3, a, 'old');
    expect(importProvenance({ audit: genuine, auditKey: a.publicKey })).toEqual({ importedKey: a.publicKey, provenance: `provenance: ${keyFingerprint(a.publicKey)}` });
    expect(importProvenance({ audit: rehashed(genuine), auditKey: a.publicKey }).provenance).toBe('unverified');
    expect(importProvenance({ audit: chain(3, null, 'old'), auditKey: a.publicKey }).provenance).toBe('unverified');
    expect(importProvenance({ audit: genuine }).provenance).toBe('unverified');
  });

  it('reads each archived chain against the key recorded by the import that follows it', () => {
    const first = chain(2, a, 'w1');
    const second = chain(2, a, 'w2', (seq) => (seq === 1 ? importing(first, a.publicKey) : {}));
    const local = chain(1, a, 'w3', () => importing(second, a.publicKey));
    const chains = importedChains([...first, ...second], local);
    expect(chains.map((c) => [c.workshopId, c.entries, c.provenance.label])).toEqual([
      ['w1', 2, `provenance: ${keyFingerprint(a.publicKey)}`],
      ['w2', 2, `provenance: ${keyFingerprint(a.publicKey)}`],
    ]);
    // A forged middle chain cannot vouch for the one before it.
    const forged = rehashed(second);
    expect(importedChains([...first, ...forged], chain(1, a, 'w3', () => importing(forged, a.publicKey))).map((c) => c.provenance.verified)).toEqual([false, false]);
  });
});
