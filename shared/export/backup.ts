/**
 * The workshop backup file (version 2; version 1 files, without images, still import), documented in docs/api.md. `sha256` is the SHA-256 (hex)
 * of `JSON.stringify(content)` as written, so a file damaged anywhere is refused before
 * anything is created. Documents travel as whole Yjs states (base64), keyed by room part
 * (`vision`, `charter`, `board/<boardId>`); the audit log travels whole, with its hash chain.
 */
import { z } from 'zod';

export const BACKUP_FORMAT = 'samskap-backup';
export const BACKUP_VERSION = 2;
/** Versions this server imports: 1 (before images, issue #16) and 2. */
export const BACKUP_VERSIONS_READ: readonly number[] = [1, 2];

const Cell = z.union([z.string(), z.number(), z.null(), z.strictObject({ $bytes: z.string() })]);

const AuditEntry = z.strictObject({
  seq: z.number().int(),
  workshopId: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  type: z.string(),
  data: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
  /** Ed25519 signature of the head this entry made; absent on entries older than signing. */
  signature: z.string().optional(),
});

export const BackupContent = z.strictObject({
  sourceWorkshopId: z.string(),
  rows: z.record(z.string(), z.array(z.record(z.string(), Cell))),
  docs: z.record(z.string(), z.string()),
  audit: z.array(AuditEntry),
  /** Public key (base64, raw 32 bytes) of the server whose key signed `audit`'s head. */
  auditKey: z.string().optional(),
  /** Chains of earlier lives of this workshop (it was imported before), oldest first, verbatim. */
  auditArchive: z.array(AuditEntry).optional(),
});
export type BackupContent = z.infer<typeof BackupContent>;

export const BackupEnvelope = z.object({
  format: z.string(),
  version: z.number(),
  createdAt: z.string(),
  sha256: z.string(),
  content: z.unknown(),
});

/** `POST /api/workshops/import`: the backup file's JSON as `backup`. */
export const ImportBody = z.strictObject({
  displayName: z.string().trim().min(1).max(100),
  createCode: z.string().max(200).optional(),
  backup: z.unknown(),
});
