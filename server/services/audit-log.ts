/** The workshop's decision log with a verification of its hash chain. */
import { authorize, type Actor } from '../auth/access.js';
import { verifyArchivedChains, verifyAuditChain } from '../store/audit-hash.js';
import type { AuditEntry, Store } from '../store/types.js';

export interface AuditLogDto {
  entries: Omit<AuditEntry, 'workshopId'>[];
  verification: { ok: boolean; brokenAt?: number };
  /**
   * For a workshop imported from a backup: the original chain, verbatim (its entries carry the
   * original workshop id, as they were hashed). This chain's `workshop.imported` entry names its head.
   */
  imported?: { entries: AuditEntry[]; verification: { ok: boolean; brokenAt?: number } };
}

export function createAuditLogService(deps: { store: Store }) {
  return {
    async read(actor: Actor, workshopId: string): Promise<AuditLogDto> {
      authorize(actor, 'audit.read', workshopId);
      const [entries, imported] = await Promise.all([deps.store.audit.list(workshopId), deps.store.backup.archivedAudit(workshopId)]);
      return {
        entries: entries.map(({ workshopId: _w, ...e }) => e),
        verification: verifyAuditChain(entries),
        ...(imported.length ? { imported: { entries: imported, verification: verifyArchivedChains(imported) } } : {}),
      };
    },
  };
}
export type AuditLogService = ReturnType<typeof createAuditLogService>;
