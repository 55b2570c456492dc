/**
 * Wire shapes of the audit chain's key and signatures (docs/api.md, "Principles and the audit
 * log"). Keys are base64 of the raw 32-byte Ed25519 public key; a fingerprint is the SHA-256 of
 * those 32 bytes in hex, in groups of four.
 */
import { z } from 'zod';

/** `GET /api/audit-key`. */
export const AuditKeyDto = z.object({
  algorithm: z.literal('Ed25519'),
  publicKey: z.string(),
  fingerprint: z.string(),
  /** The same key as SPKI PEM, for openssl and friends. */
  pem: z.string(),
});
export type AuditKeyDto = z.infer<typeof AuditKeyDto>;

/** Whether a chain's head is signed, and whether that signature verifies with `publicKey`. */
export const HeadSignatureDto = z.object({
  signed: z.boolean(),
  verified: z.boolean(),
  publicKey: z.string(),
  fingerprint: z.string(),
});
export type HeadSignatureDto = z.infer<typeof HeadSignatureDto>;

/**
 * Where an imported chain came from: `provenance: <fingerprint>` when its head signature verifies
 * with the key its backup carried, otherwise `unverified` (unsigned, or signed by another key).
 */
export const ProvenanceDto = z.discriminatedUnion('verified', [
  z.object({ verified: z.literal(true), label: z.string(), publicKey: z.string(), fingerprint: z.string() }),
  z.object({ verified: z.literal(false), label: z.literal('unverified') }),
]);
export type ProvenanceDto = z.infer<typeof ProvenanceDto>;

/** One imported chain (a workshop may have been imported more than once), oldest first. */
export const ImportedChainDto = z.object({
  workshopId: z.string(),
  entries: z.number().int().min(0),
  headHash: z.string(),
  provenance: ProvenanceDto,
});
export type ImportedChainDto = z.infer<typeof ImportedChainDto>;

export const AuditEntryDto = z.object({
  seq: z.number().int().min(1),
  workshopId: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  type: z.string(),
  data: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
  /** Signature of the head this entry made; absent on entries older than signing. */
  signature: z.string().optional(),
});
export type AuditEntryDto = z.infer<typeof AuditEntryDto>;

const ChainVerification = z.object({ ok: z.boolean(), brokenAt: z.number().int().optional() });

/** `GET /api/workshops/:id/audit`. */
export const AuditLogDto = z.object({
  entries: z.array(AuditEntryDto.omit({ workshopId: true })),
  verification: ChainVerification,
  /** Whether the newest entry is signed, and signed by this server's key (`GET /api/audit-key`). */
  signature: HeadSignatureDto,
  /**
   * For a workshop imported from a backup: the original chain(s), verbatim (entries keep the
   * workshop id they were hashed with). `provenance` is the newest imported chain's.
   */
  imported: z.object({ entries: z.array(AuditEntryDto), verification: ChainVerification, provenance: ProvenanceDto, chains: z.array(ImportedChainDto) }).optional(),
});
export type AuditLogDto = z.infer<typeof AuditLogDto>;

export const UNVERIFIED = 'unverified' as const;
export const provenanceLabel = (fingerprint: string) => `provenance: ${fingerprint}`;
