/** The workshop's decision log with a verification of its hash chain. */
import { authorize, type Actor } from '../auth/access.js';
import { verifyAuditChain } from '../store/audit-hash.js';
import type { AuditEntry, Store } from '../store/types.js';

export interface AuditLogDto {
  entries: Omit<AuditEntry, 'workshopId'>[];
  verification: { ok: boolean; brokenAt?: number };
}

export function createAuditLogService(deps: { store: Store }) {
  return {
    async read(actor: Actor, workshopId: string): Promise<AuditLogDto> {
      authorize(actor, 'audit.read', workshopId);
      const entries = await deps.store.audit.list(workshopId);
      return { entries: entries.map(({ workshopId: _w, ...e }) => e), verification: verifyAuditChain(entries) };
    },
  };
}
export type AuditLogService = ReturnType<typeof createAuditLogService>;
