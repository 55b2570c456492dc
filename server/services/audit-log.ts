/** The workshop's decision log with a verification of its hash chain and of its head's signature. */
import type { AuditKeyDto, AuditLogDto } from '../../shared/audit.js';
import { authorize, type Actor } from '../auth/access.js';
import { verifyArchivedChains, verifyAuditChain } from '../store/audit-hash.js';
import { keyFingerprint, publicKeyPem } from '../store/audit-sign.js';
import type { Store } from '../store/types.js';
import { headSignature, importedChains } from './audit-provenance.js';

export function createAuditLogService(deps: { store: Store }) {
  return {
    async read(actor: Actor, workshopId: string): Promise<AuditLogDto> {
      authorize(actor, 'audit.read', workshopId);
      const [entries, imported, publicKey] = await Promise.all([deps.store.audit.list(workshopId), deps.store.backup.archivedAudit(workshopId), deps.store.audit.publicKey()]);
      const chains = importedChains(imported, entries);
      return {
        entries: entries.map(({ workshopId: _w, ...e }) => e),
        verification: verifyAuditChain(entries),
        signature: headSignature(entries, publicKey),
        ...(imported.length ? { imported: { entries: imported, verification: verifyArchivedChains(imported), provenance: chains.at(-1)!.provenance, chains } } : {}),
      };
    },

    /** `GET /api/audit-key`: public, so anyone can check a signed export against this server. */
    async key(): Promise<AuditKeyDto> {
      const publicKey = await deps.store.audit.publicKey();
      return { algorithm: 'Ed25519', publicKey, fingerprint: keyFingerprint(publicKey), pem: publicKeyPem(publicKey) };
    },
  };
}
export type AuditLogService = ReturnType<typeof createAuditLogService>;
