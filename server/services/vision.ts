/**
 * The vision beyond its text: who wrote what (recorded by the sync layer), each member's
 * last-seen snapshot, milestones (the server's own snapshot of the document, named by a
 * facilitator, with the organisations' stances on it: ./vision-stances.ts) and resetting an
 * emptied vision to the template.
 */
import * as Y from 'yjs';
import { AppError, ErrorCode } from '../../shared/errors.js';
import { formatRoom } from '../../shared/ids.js';
import type { CompactHistoryDto, VisionHistoryDto, MilestoneDto, MilestoneStanceDto, MilestoneWithSnapshotDto, SeenDto, VisionAuthorsDto } from '../../shared/vision/api.js';
import { SNAPSHOT_MAX_BYTES } from '../../shared/vision/api.js';
import { visionIsEmpty } from '../../shared/vision/schema.js';
import { resetVisionTemplate } from '../../shared/vision/template.js';
import { authorize, type Actor } from '../auth/access.js';
import { newId } from '../auth/tokens.js';
import type { MemberRecord, MilestoneRecord, Store } from '../store/types.js';
import { milestoneStances } from './vision-stances.js';

/** What the service needs of the sync layer's documents (DocRegistry). */
export interface VisionDocs {
  read<T>(room: string, fn: (doc: Y.Doc) => T): Promise<T>;
  change(room: string, fn: (doc: Y.Doc) => void): Promise<void>;
  /** Bytes the room's document takes in the store, deleted content included. */
  storedBytes(room: string): Promise<number>;
  /** Collects the stored history but what a `keep` snapshot shows; bytes before and after. */
  collectHistory(room: string, keep: readonly Y.Snapshot[]): Promise<{ before: number; after: number }>;
}

export interface VisionServiceDeps {
  store: Store;
  docs: VisionDocs;
  /** `SYNC_MAX_DOC_BYTES`. */
  maxDocBytes: number;
  now?: () => Date;
}

export type VisionService = ReturnType<typeof createVisionService>;

const COMPACTED = 'vision.compacted';
const visionRoom = (workshopId: string) => formatRoom({ workshopId, part: { kind: 'vision' } });

export function createVisionService(deps: VisionServiceDeps) {
  const { store } = deps;
  const now = () => (deps.now ?? (() => new Date()))().toISOString();

  const milestoneDto = (m: Omit<MilestoneRecord, 'snapshot'>, members: Map<string, MemberRecord>, stances: MilestoneStanceDto[] = []): MilestoneDto => {
    const by = members.get(m.createdBy);
    return { id: m.id, name: m.name, createdAt: m.createdAt, createdBy: { memberId: m.createdBy, displayName: by?.displayName ?? '', organisationId: by?.organisationId ?? null }, stances };
  };
  const lastCompaction = async (workshopId: string) => (await store.audit.list(workshopId)).findLast((e) => e.type === COMPACTED)?.at ?? null;
  const membersById = async (workshopId: string) => new Map((await store.workshops.members(workshopId)).map((m) => [m.id, m]));

  return {
    async authors(actor: Actor, workshopId: string): Promise<VisionAuthorsDto> {
      authorize(actor, 'doc.read', workshopId);
      const a = await store.vision.authors(workshopId);
      const byMember = new Map<string, VisionAuthorsDto['deletions'][number]>();
      for (const d of a.deletions) {
        const entry = byMember.get(d.memberId) ?? { memberId: d.memberId, ranges: [] };
        for (const r of d.ranges) entry.ranges.push(r); // a loop: one update may delete many ranges
        byMember.set(d.memberId, entry);
      }
      return { clients: Object.fromEntries([...a.clients].map(([c, m]) => [String(c), m])), deletions: [...byMember.values()] };
    },

    async seen(actor: Actor, workshopId: string): Promise<SeenDto> {
      authorize(actor, 'doc.read', workshopId);
      const [s, historyCompactedAt] = await Promise.all([store.vision.seen(workshopId, actor.member.id), lastCompaction(workshopId)]);
      return s ? { snapshot: Buffer.from(s.snapshot).toString('base64'), at: s.at, historyCompactedAt } : { snapshot: null, at: null, historyCompactedAt };
    },

    async setSeen(actor: Actor, workshopId: string, snapshotBase64: string): Promise<void> {
      authorize(actor, 'doc.read', workshopId);
      const bytes = new Uint8Array(Buffer.from(snapshotBase64, 'base64'));
      if (bytes.byteLength === 0 || bytes.byteLength > SNAPSHOT_MAX_BYTES || !isSnapshot(bytes)) {
        throw new AppError(ErrorCode.validationFailed, 400, 'snapshot: is not an encoded Yjs snapshot', { field: 'snapshot' });
      }
      await store.vision.setSeen(workshopId, actor.member.id, bytes, now());
    },

    async milestones(actor: Actor, workshopId: string): Promise<MilestoneDto[]> {
      authorize(actor, 'doc.read', workshopId);
      const [list, members, stances] = await Promise.all([store.vision.milestones(workshopId), membersById(workshopId), milestoneStances(store, workshopId)]);
      return list.map((m) => milestoneDto(m, members, stances.get(m.id)));
    },

    async milestone(actor: Actor, workshopId: string, milestoneId: string): Promise<MilestoneWithSnapshotDto> {
      authorize(actor, 'doc.read', workshopId);
      const m = await store.vision.milestone(workshopId, milestoneId);
      if (!m) throw new AppError(ErrorCode.milestoneNotFound, 404, 'No such milestone in this workshop.');
      const [members, stances] = await Promise.all([membersById(workshopId), milestoneStances(store, workshopId)]);
      return { ...milestoneDto(m, members, stances.get(m.id)), snapshot: Buffer.from(m.snapshot).toString('base64') };
    },

    /** Saves the server's current state of the vision under `name`. */
    async createMilestone(actor: Actor, workshopId: string, name: string): Promise<MilestoneDto> {
      authorize(actor, 'workshop.manage', workshopId);
      const snapshot = await deps.docs.read(visionRoom(workshopId), (doc) => Y.encodeSnapshot(Y.snapshot(doc)));
      const record: MilestoneRecord = { id: newId(), workshopId, name, createdAt: now(), createdBy: actor.member.id, snapshot };
      await store.transaction(async (tx) => {
        await tx.vision.addMilestone(record);
        await tx.audit.append({ workshopId, at: record.createdAt, actorId: actor.member.id, type: 'milestone.saved', data: { milestoneId: record.id, name } });
      });
      return milestoneDto(record, new Map([[actor.member.id, actor.member]]));
    },

    /** How much of `SYNC_MAX_DOC_BYTES` the vision's history takes, and when it was last compacted. */
    async history(actor: Actor, workshopId: string): Promise<VisionHistoryDto> {
      authorize(actor, 'doc.read', workshopId);
      const [storedBytes, compactedAt] = await Promise.all([deps.docs.storedBytes(visionRoom(workshopId)), lastCompaction(workshopId)]);
      return { storedBytes, maxBytes: deps.maxDocBytes, compactedAt };
    },

    /**
     * Compacts the vision's history: deleted text leaves the store, except what a milestone still
     * shows, so every milestone renders as before. What it costs: a "since your last visit" older
     * than this moment may no longer show the text removed before it (`seen` says when).
     */
    async compactHistory(actor: Actor, workshopId: string): Promise<CompactHistoryDto> {
      authorize(actor, 'workshop.manage', workshopId);
      const list = await store.vision.milestones(workshopId);
      const snapshots: Y.Snapshot[] = [];
      for (const m of list) {
        const full = await store.vision.milestone(workshopId, m.id);
        if (full) snapshots.push(Y.decodeSnapshot(full.snapshot));
      }
      const { before, after } = await deps.docs.collectHistory(visionRoom(workshopId), snapshots);
      const at = now();
      await store.audit.append({ workshopId, at, actorId: actor.member.id, type: COMPACTED, data: { bytesBefore: before, bytesAfter: after, milestonesKept: snapshots.length } });
      return { bytesBefore: before, bytesAfter: after, milestonesKept: snapshots.length, at };
    },

    /** Writes the template again; only when the vision holds no text (nothing is thrown away). */
    async reset(actor: Actor, workshopId: string): Promise<void> {
      authorize(actor, 'workshop.manage', workshopId);
      const workshop = await store.workshops.get(workshopId);
      if (!workshop) throw new AppError(ErrorCode.workshopNotFound, 404, 'No such workshop.');
      await deps.docs.change(visionRoom(workshopId), (doc) => {
        if (!visionIsEmpty(doc)) throw new AppError(ErrorCode.documentNotEmpty, 409, 'The vision still has text; only an empty vision can be reset to the template.');
        resetVisionTemplate(doc, workshop.language);
      });
      await store.audit.append({ workshopId, at: now(), actorId: actor.member.id, type: 'vision.reset', data: {} });
    },
  };
}

function isSnapshot(bytes: Uint8Array): boolean {
  try {
    Y.decodeSnapshot(bytes);
    return true;
  } catch {
    return false;
  }
}
