/**
 * Signature status of a workshop's own chain, and provenance of imported ones. A backup carries
 * its chain with each head's signature and the public key of the server that made it; the import
 * records that key in its `workshop.imported` entry (which this server then signs). An imported
 * chain shows `provenance: <fingerprint>` only when its links hold and its head signature verifies
 * with the recorded key; an unsigned or re-hashed chain shows `unverified`.
 */
import { provenanceLabel, UNVERIFIED, type HeadSignatureDto, type ImportedChainDto, type ProvenanceDto } from '../../shared/audit.js';
import { verifyAuditChain } from '../store/audit-hash.js';
import { headSignatureStatus, keyFingerprint, verifyHead } from '../store/audit-sign.js';
import type { AuditEntry } from '../store/types.js';

export const IMPORTED_TYPE = 'workshop.imported';

export function headSignature(entries: AuditEntry[], publicKey: string): HeadSignatureDto {
  return { ...headSignatureStatus(entries, publicKey), publicKey, fingerprint: keyFingerprint(publicKey) };
}

/** Provenance of one chain given the key said to have signed it. */
export function provenanceOf(chain: AuditEntry[], publicKey: string | null): ProvenanceDto {
  const head = chain.at(-1);
  if (!head || !publicKey || !verifyAuditChain(chain).ok || !verifyHead(publicKey, head, head.signature)) return { verified: false, label: UNVERIFIED };
  const fingerprint = keyFingerprint(publicKey);
  return { verified: true, label: provenanceLabel(fingerprint), publicKey, fingerprint };
}

/** What a `workshop.imported` entry records about the chain it imports (spread into its data). */
export function importProvenance(content: { audit: AuditEntry[]; auditKey?: string }): { importedKey: string | null; provenance: string } {
  const key = content.auditKey ?? null;
  return { importedKey: key, provenance: provenanceOf(content.audit, key).label };
}

/**
 * Every archived chain with its provenance, oldest first. A chain's key is the one recorded by the
 * `workshop.imported` entry naming its head in the chain that follows it (the workshop's own chain
 * for the newest); a key recorded in an archived chain counts only when that chain verified itself.
 */
export function importedChains(archive: AuditEntry[], local: AuditEntry[]): ImportedChainDto[] {
  const chains = splitChains(archive);
  const out: ImportedChainDto[] = [];
  let next: { entries: AuditEntry[]; trusted: boolean } = { entries: local, trusted: true };
  for (let i = chains.length - 1; i >= 0; i--) {
    const chain = chains[i]!;
    const head = chain.at(-1)!;
    const key = next.trusted ? recordedKey(next.entries, head.hash) : null;
    const provenance = provenanceOf(chain, key);
    out.unshift({ workshopId: head.workshopId, entries: chain.length, headHash: head.hash, provenance });
    next = { entries: chain, trusted: provenance.verified };
  }
  return out;
}

function recordedKey(entries: AuditEntry[], headHash: string): string | null {
  const entry = entries.find((e) => e.type === IMPORTED_TYPE && e.data.importedHeadHash === headHash);
  const key = entry?.data.importedKey;
  return typeof key === 'string' ? key : null;
}

/** Consecutive entries of one workshop id form one chain (as verifyArchivedChains reads them). */
function splitChains(entries: AuditEntry[]): AuditEntry[][] {
  const chains: AuditEntry[][] = [];
  for (const e of entries) {
    const last = chains.at(-1);
    if (last && last[0]!.workshopId === e.workshopId) last.push(e);
    else chains.push([e]);
  }
  return chains;
}
