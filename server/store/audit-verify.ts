/**
 * Offline verification of a JSON charter export (`npm run verify-charter -- <file>`): the key is an
 * Ed25519 key with the printed fingerprint, the carried chain links up to the head hash, and the
 * head's signature verifies with the key. Whose key it is, is for the reader to compare with the
 * server's `GET /api/audit-key` (or the fingerprint printed in the PDF or DOCX).
 */
import { CharterExport } from '../../shared/export/charter-export.js';
import { verifyAuditChain } from './audit-hash.js';
import { keyFingerprint, publicKeyObject, verifyHead } from './audit-sign.js';

export type CharterVerdict = { ok: true; summary: string } | { ok: false; reason: string };

/** `expectedFingerprint`, when given, must name the signing key (spaces, colons and case do not matter). */
export function verifyCharterExport(text: string, expectedFingerprint?: string): CharterVerdict {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the file is not JSON' };
  }
  const parsed = CharterExport.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `not a Samskap charter export with a signed audit chain (at ${parsed.error.issues[0]?.path.join('.') || 'the top'})` };
  const { audit, workshop } = parsed.data;
  if (!publicKeyObject(audit.publicKey)) return { ok: false, reason: 'the public key is not a raw Ed25519 key in base64' };
  if (keyFingerprint(audit.publicKey) !== audit.fingerprint) return { ok: false, reason: 'the fingerprint does not belong to the public key' };
  const chain = verifyAuditChain(audit.chain);
  if (!chain.ok) return { ok: false, reason: `the audit chain breaks at entry ${chain.brokenAt}` };
  if (audit.chain.some((e) => e.workshopId !== workshop.id)) return { ok: false, reason: 'the audit chain belongs to another workshop' };
  const head = audit.chain.at(-1);
  if (!head || audit.chain.length !== audit.entries || head.hash !== audit.headHash) return { ok: false, reason: 'the head hash is not the hash of the chain\'s newest entry' };
  if (!audit.signature) return { ok: false, reason: 'the chain head is not signed' };
  if (head.signature !== audit.signature || !verifyHead(audit.publicKey, head, audit.signature)) return { ok: false, reason: 'the head signature does not verify with the public key' };
  const bare = (fp: string) => fp.replace(/[\s:]/g, '').toLowerCase();
  if (expectedFingerprint !== undefined && bare(expectedFingerprint) !== bare(audit.fingerprint)) return { ok: false, reason: `it is signed by key ${audit.fingerprint}, not by the expected ${expectedFingerprint}` };
  return { ok: true, summary: `"${workshop.title}": audit chain of ${audit.entries} entries holds, head ${audit.headHash} is signed by key ${audit.fingerprint}` };
}
