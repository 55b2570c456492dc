/**
 * The one storage contract. Every method is async (PostgreSQL forces it). Adapters wrap driver
 * errors in AppError('storage_unavailable', 503) and own their migrations.
 * The contract suite is tests/contracts/store.contract.ts.
 */
import type { Language, Role } from '../../shared/api.js';
import type { DecisionRule, Stance } from '../../shared/decisions.js';
import type { AnswerRepo, BrainwritingRepo, FacilitationRepo, PrincipleRepo, VoteRepo } from './governance-types.js';
import type { RepresentationRepo } from './representation-types.js';

export type * from './governance-types.js';
export type * from './representation-types.js';

export interface Store {
  docs: DocStore;
  workshops: WorkshopRepo;
  credentials: CredentialRepo;
  audit: AuditRepo;
  facilitation: FacilitationRepo;
  answers: AnswerRepo;
  votes: VoteRepo;
  /** Private notes until revealed onto a board (issue #16). */
  brainwriting: BrainwritingRepo;
  /** Images on boards (issue #16). */
  images: ImageRepo;
  principles: PrincipleRepo;
  /** Representatives and anchors (issue #14). */
  representation: RepresentationRepo;
  vision: VisionRepo;
  edits: EditRepo;
  backup: BackupRepo;
  /** People who signed in (OpenID Connect) and their sessions: not workshop data, never in backups. */
  persons: PersonRepo;
  /** Runs `fn` atomically; `tx` is a view of this store bound to the transaction. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  migrate(): Promise<void>;
  /** Resolves when the store answers; rejects with storage_unavailable otherwise. */
  health(): Promise<void>;
  close(): Promise<void>;
}

export type ImageMime = 'image/png' | 'image/jpeg' | 'image/webp';
/** An image on a board: its bytes, checked to be what `mime` says before they were stored. */
export interface ImageRecord {
  id: string;
  workshopId: string;
  mime: ImageMime;
  size: number;
  width: number;
  height: number;
  bytes: Uint8Array;
  createdBy: string;
  createdAt: string;
}
export interface ImageRepo {
  add(image: ImageRecord): Promise<void>;
  /** The image, when it is this workshop's. */
  get(workshopId: string, id: string): Promise<ImageRecord | null>;
  /** Bytes the workshop's images take (for its quota). */
  usage(workshopId: string): Promise<number>;
}

/** Yjs documents as bytes: an append-only update log per room, compacted into a snapshot. */
export interface DocStore {
  /** Appends one update; resolves with its sequence number once it is durable. */
  appendUpdate(room: string, update: Uint8Array): Promise<number>;
  /** The snapshot (if any) and every update after it, in order. */
  load(room: string): Promise<LoadedDoc>;
  /** Replaces the snapshot and drops the updates with seq ≤ uptoSeq. */
  compact(room: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;
  delete(room: string): Promise<void>;
  /** Deletes every room whose name starts with `prefix` (a workshop's rooms: `<id>/`). */
  deletePrefix(prefix: string): Promise<void>;
}

export interface LoadedDoc {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Highest seq contained in the result (snapshot or updates); 0 for an empty room. */
  lastSeq: number;
}

export interface WorkshopRecord {
  id: string;
  title: string;
  language: Language;
  /** How principles are agreed in this workshop (default consensus). */
  decisionRule: DecisionRule;
  createdAt: string;
  /** Only an element's organisation and the facilitators may change a board element that names one. */
  protectOrganisationContent: boolean;
}
export interface OrganisationRecord {
  id: string;
  workshopId: string;
  name: string;
  position: number;
  color: string | null;
  /** Norwegian organisation number (9 digits, checked), matched against a sign-in's organisation claim. */
  orgNumber?: string | null;
}
export interface BoardRecord {
  id: string;
  workshopId: string;
  title: string;
  createdAt: string;
  /** Its place among the workshop's boards (ties: creation order). Since migration 014. */
  position: number;
}
export interface MemberRecord {
  id: string;
  workshopId: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  createdAt: string;
  /** Set when a facilitator removed the member: their content stays, attributed to a former member. */
  removedAt: string | null;
  /** When the member last opened the workshop (`POST …/visit`). */
  lastVisitAt: string | null;
  /** Another record of the same person this one was merged into (an alias: nothing is rewritten). */
  mergedInto: string | null;
  /** The member whose invite link made this one (null for the creator and imported members). */
  invitedBy: string | null;
}

/** `session` authenticates requests; `reentry` only opens a new session (`POST /api/reenter`). */
export type CredentialKind = 'session' | 'reentry';
/** A secret a member holds, stored as its SHA-256 only. A member may hold several. */
export interface CredentialRecord {
  id: string;
  workshopId: string;
  memberId: string;
  kind: CredentialKind;
  tokenHash: string;
  createdAt: string;
  lastUsedAt: string;
  revokedAt: string | null;
}

export interface CredentialRepo {
  add(c: CredentialRecord): Promise<void>;
  /**
   * The unrevoked credential of this hash and kind, with its member (removed members included: the
   * caller decides); with `revoked`, a revoked one too (to tell a removed member why).
   */
  find(tokenHash: string, kind: CredentialKind, revoked?: boolean): Promise<{ credential: CredentialRecord; member: MemberRecord } | null>;
  touch(id: string, at: string): Promise<void>;
  /** Revokes one credential; false when it is not this workshop's or already revoked. */
  revoke(workshopId: string, id: string, at: string): Promise<boolean>;
  /** Revokes a member's credentials (of one kind, or all of them); how many were revoked. */
  revokeAll(workshopId: string, memberId: string, kind: CredentialKind | null, at: string): Promise<number>;
}

export interface InviteRecord {
  id: string;
  workshopId: string;
  role: Role;
  organisationId: string | null;
  tokenHash: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  maxUses: number | null;
  uses: number;
  revokedAt: string | null;
}

export interface WorkshopRepo {
  create(w: WorkshopRecord, orgs: OrganisationRecord[], boards: BoardRecord[]): Promise<void>;
  get(id: string): Promise<WorkshopRecord | null>;
  organisations(workshopId: string): Promise<OrganisationRecord[]>;
  /** The workshop's boards in their order. */
  boards(workshopId: string): Promise<BoardRecord[]>;
  addBoard(b: BoardRecord): Promise<void>;
  /** Renames a board or moves it; false when the board is not this workshop's. */
  updateBoard(workshopId: string, boardId: string, patch: Partial<Pick<BoardRecord, 'title' | 'position'>>): Promise<boolean>;
  /** Deletes a board and its lock (not its document: see DocStore); false when not this workshop's. */
  deleteBoard(workshopId: string, boardId: string): Promise<boolean>;
  /** Changes title, language and/or decision rule; false when no such workshop. */
  update(id: string, patch: Partial<Pick<WorkshopRecord, 'title' | 'language' | 'decisionRule' | 'protectOrganisationContent'>>): Promise<boolean>;
  /** Adds an organisation at the end of the workshop's list. */
  addOrganisation(o: OrganisationRecord): Promise<void>;
  /** False when the organisation is not this workshop's. */
  setOrganisationColor(workshopId: string, organisationId: string, color: string | null): Promise<boolean>;
  /** False when the organisation is not this workshop's. */
  setOrganisationNumber(workshopId: string, organisationId: string, orgNumber: string | null): Promise<boolean>;
  /** Deletes the workshop and every record that belongs to it (not its documents: see DocStore). */
  delete(id: string): Promise<boolean>;
  addMember(m: MemberRecord): Promise<void>;
  /** Changes a member's role; false when no such member in that workshop. */
  setRole(workshopId: string, memberId: string, role: Role): Promise<boolean>;
  /** Renames, removes or merges a member; false when no such member in that workshop. */
  updateMember(workshopId: string, memberId: string, patch: Partial<Pick<MemberRecord, 'displayName' | 'removedAt' | 'mergedInto'>>): Promise<boolean>;
  /** Records a visit now and answers the one before it (null on the first). */
  visit(workshopId: string, memberId: string, at: string): Promise<string | null>;
  member(workshopId: string, memberId: string): Promise<MemberRecord | null>;
  /** Every member, removed and merged ones included (their content stays attributed). */
  members(workshopId: string): Promise<MemberRecord[]>;
  addInvite(i: InviteRecord): Promise<void>;
  inviteByTokenHash(tokenHash: string): Promise<InviteRecord | null>;
  invites(workshopId: string): Promise<InviteRecord[]>;
  /** Sets revokedAt; false when no such invite in that workshop. */
  revokeInvite(workshopId: string, inviteId: string, at: string): Promise<boolean>;
  /** Increments `uses` only while below `maxUses`; false when used up. Atomic. */
  consumeInvite(inviteId: string): Promise<boolean>;
}

/** A person who signed in: one per (issuer, subject). */
export interface PersonRecord {
  id: string;
  issuer: string;
  subject: string;
  displayName: string;
  /** The organisation number the provider stated at the last sign-in, if any. */
  orgNumber: string | null;
  createdAt: string;
}

export interface PersonSessionRecord {
  tokenHash: string;
  personId: string;
  createdAt: string;
  lastUsedAt: string;
}

export interface PersonRepo {
  /** Finds the person by (issuer, subject) or makes one; name and organisation number are updated to these. */
  upsert(p: PersonRecord): Promise<PersonRecord>;
  get(id: string): Promise<PersonRecord | null>;
  /** The person a member of this workshop signed in as, if any. */
  ofMember(workshopId: string, memberId: string): Promise<PersonRecord | null>;
  addSession(s: PersonSessionRecord): Promise<void>;
  session(tokenHash: string): Promise<PersonSessionRecord | null>;
  touchSession(tokenHash: string, at: string): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Marks a member as this person (members.person_id, never carried in backups). */
  linkMember(workshopId: string, memberId: string, personId: string): Promise<void>;
  /** The member the person is in this workshop (the oldest, should there be several; removed ones included). */
  memberIn(workshopId: string, personId: string): Promise<MemberRecord | null>;
  /** Every member record the person is, across workshops (removed ones included: the caller decides). */
  memberships(personId: string): Promise<MemberRecord[]>;
}

export interface AuditEntry {
  seq: number;
  workshopId: string;
  at: string;
  actorId: string | null;
  type: string;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
  /** Ed25519 signature (base64) of the chain head this entry made (audit-sign.ts); absent on entries older than signing. */
  signature?: string;
}
export type NewAuditEntry = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash' | 'signature'>;

/**
 * Append-only, hash-chained decision log per workshop. Each append signs the new head with the
 * store's one key pair (made once, on first use, shared by every instance on the database).
 */
export interface AuditRepo {
  append(entry: NewAuditEntry): Promise<AuditEntry>;
  list(workshopId: string): Promise<AuditEntry[]>;
  /** How many entries after `since` were made by someone other than `exceptActor` (no entries are read). */
  countSince(workshopId: string, since: string, exceptActor: string): Promise<number>;
  /** The signing key's public half (base64, raw 32 bytes); creates the pair when there is none. */
  publicKey(): Promise<string>;
}

/** A deleted range of Yjs items: [client, clock, length]. */
export type DeletedRange = [number, number, number];

export interface VisionAuthors {
  /** Yjs client id → the member whose connection first wrote with it. */
  clients: Map<number, string>;
  /** Ranges each member deleted, in the order they were recorded. */
  deletions: { memberId: string; ranges: DeletedRange[] }[];
}

export interface MilestoneRecord {
  id: string;
  workshopId: string;
  name: string;
  createdAt: string;
  createdBy: string;
  /** `Y.encodeSnapshot` of the vision when it was saved. */
  snapshot: Uint8Array;
}

/** An organisation's stance on a milestone (issue #17): one per organisation and milestone. */
export interface VisionStanceRecord {
  workshopId: string;
  milestoneId: string;
  organisationId: string;
  /** The representative who took it. */
  memberId: string;
  stance: Stance;
  reason: string | null;
  at: string;
}

/**
 * What the server knows about the vision beyond its bytes: who wrote and deleted what (recorded
 * from authenticated connections, never from the document), each member's last-seen snapshot,
 * the milestones and the organisations' stances on them. Rows of a deleted workshop go with it.
 */
export interface VisionRepo {
  /** Claims client ids for a member; an id already claimed keeps its first member. */
  recordClients(workshopId: string, memberId: string, clientIds: number[]): Promise<void>;
  recordDeletions(workshopId: string, memberId: string, ranges: DeletedRange[]): Promise<void>;
  /** The members that claimed these client ids (ids nobody claimed are left out). */
  clientOwners(workshopId: string, clientIds: readonly number[]): Promise<Map<number, string>>;
  authors(workshopId: string): Promise<VisionAuthors>;
  setSeen(workshopId: string, memberId: string, snapshot: Uint8Array, at: string): Promise<void>;
  seen(workshopId: string, memberId: string): Promise<{ snapshot: Uint8Array; at: string } | null>;
  addMilestone(m: MilestoneRecord): Promise<void>;
  /** Oldest first, without their snapshots' bytes. */
  milestones(workshopId: string): Promise<Omit<MilestoneRecord, 'snapshot'>[]>;
  milestone(workshopId: string, id: string): Promise<MilestoneRecord | null>;
  /** Records an organisation's stance on a milestone, replacing its earlier one on that milestone. */
  setStance(s: VisionStanceRecord): Promise<void>;
  /** Every organisation's stance on every milestone of the workshop, oldest stance first. */
  stances(workshopId: string): Promise<VisionStanceRecord[]>;
}

/**
 * Whole-workshop copies for backup and import. `dump` reads every table of BACKUP_TABLES;
 * `restore` writes rows of those tables (only known tables and columns: anything else is refused
 * with `backup_invalid`). The audit archive keeps an imported workshop's original chain verbatim.
 */
export interface BackupRepo {
  dump(workshopId: string): Promise<import('./backup-tables.js').BackupRows>;
  restore(rows: import('./backup-tables.js').BackupRows): Promise<void>;
  archiveAudit(workshopId: string, entries: AuditEntry[]): Promise<void>;
  archivedAudit(workshopId: string): Promise<AuditEntry[]>;
  /** Every table that has a `workshop_id` column (for the completeness check). */
  tablesWithWorkshop(): Promise<string[]>;
}

/** Who last changed an entry of a shared document, recorded from the authenticated connection. */
export interface LastEdit {
  /** The room's part: `charter` or `board/<boardId>`. */
  room: string;
  /** `<collection>/<key>` in the charter, the element id on a board. */
  key: string;
  memberId: string;
  organisationId: string | null;
  at: string;
}

export interface EditRepo {
  /** Upserts one record per (room, key): the latest edit wins. */
  record(workshopId: string, edits: readonly LastEdit[]): Promise<void>;
  /** A room's records (all rooms when `room` is null), by key. */
  list(workshopId: string, room: string | null): Promise<LastEdit[]>;
  /** How many entries someone other than `exceptMember` last changed after `since`. */
  countSince(workshopId: string, since: string, exceptMember: string): Promise<number>;
}
