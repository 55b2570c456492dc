/** The audit block of the charter export: the chain with its head's signature, key and provenance of imported chains. */
import type { CharterExport } from '../../shared/export/charter-export.js';
import { keyFingerprint } from '../store/audit-sign.js';
import type { AuditEntry, Store } from '../store/types.js';
import { headSignature, importedChains } from './audit-provenance.js';

export async function charterAudit(store: Store, workshopId: string, verify: (entries: AuditEntry[]) => { ok: boolean }): Promise<CharterExport['audit']> {
  const [chain, archive, publicKey] = await Promise.all([store.audit.list(workshopId), store.backup.archivedAudit(workshopId), store.audit.publicKey()]);
  const head = chain.at(-1);
  const signature = headSignature(chain, publicKey);
  return {
    headHash: head?.hash ?? '0'.repeat(64),
    entries: chain.length,
    verified: verify(chain).ok,
    signed: signature.signed,
    signatureVerified: signature.verified,
    signature: head?.signature ?? null,
    publicKey,
    fingerprint: keyFingerprint(publicKey),
    chain,
    imported: importedChains(archive, chain).map((c) => ({
      workshopId: c.workshopId,
      entries: c.entries,
      headHash: c.headHash,
      provenance: c.provenance.label,
      fingerprint: c.provenance.verified ? c.provenance.fingerprint : null,
    })),
  };
}
