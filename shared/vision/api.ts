/** REST payloads of the vision: attribution, last seen, milestones. Documented in docs/api.md. */
import { z } from 'zod';
import { text } from '../api.js';
import type { Stance } from '../decision-rule.js';

/** A Yjs snapshot (`Y.encodeSnapshot`) as base64; at most 1 MB of bytes. */
export const SNAPSHOT_MAX_BYTES = 1024 * 1024;
export const Base64Snapshot = z
  .string()
  .max(Math.ceil((SNAPSHOT_MAX_BYTES * 4) / 3) + 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

export const SeenBody = z.strictObject({ snapshot: Base64Snapshot });
export type SeenBody = z.infer<typeof SeenBody>;

export const CreateMilestoneBody = z.strictObject({ name: text(120) });
export type CreateMilestoneBody = z.infer<typeof CreateMilestoneBody>;

/** `[client, clock, length]` of deleted Yjs items. */
export type DeletedRangeDto = [number, number, number];

export interface VisionAuthorsDto {
  /** Yjs client id (as a string key) → member id of the connection that wrote with it. */
  clients: Record<string, string>;
  deletions: { memberId: string; ranges: DeletedRangeDto[] }[];
}

export interface SeenDto {
  snapshot: string | null;
  at: string | null;
  /**
   * When a facilitator last compacted the vision's history (null: never). A last-seen snapshot
   * older than that may no longer show the text removed before it.
   */
  historyCompactedAt: string | null;
}

/** `GET /api/workshops/:id/vision/history`. */
export interface VisionHistoryDto {
  /** Bytes the vision takes in the store, deleted text and history included. */
  storedBytes: number;
  /** `SYNC_MAX_DOC_BYTES`: past it, changes are refused (4414) until the history is compacted. */
  maxBytes: number;
  compactedAt: string | null;
}

/** `POST /api/workshops/:id/vision/compact`: the stored bytes before and after. */
export interface CompactHistoryDto {
  bytesBefore: number;
  bytesAfter: number;
  /** Milestones whose snapshots still render as before (all of them). */
  milestonesKept: number;
  at: string;
}

/**
 * An organisation's stance on a milestone, the vision as a whole (issue #17): taken by one of its
 * representatives with `vision.endorse`; a newer stance replaces the older (the audit log keeps
 * every one).
 */
export interface MilestoneStanceDto {
  organisationId: string;
  stance: Stance;
  memberId: string;
  at: string;
  reason: string | null;
}

export interface MilestoneDto {
  id: string;
  name: string;
  createdAt: string;
  createdBy: { memberId: string; displayName: string; organisationId: string | null };
  /** Each organisation's stance on this milestone (at most one each), in the workshop's order of organisations. */
  stances: MilestoneStanceDto[];
}

export interface MilestoneWithSnapshotDto extends MilestoneDto {
  snapshot: string;
}
