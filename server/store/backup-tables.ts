/**
 * What a workshop backup carries from the database, table by table, in an order that satisfies
 * foreign keys on restore. `seq`-like columns the database assigns are left out (and rows kept
 * in their order). Left out on purpose: invites and credentials (secrets of the old server),
 * votes (who voted for what is secret; a closed round travels with its tally, see services/backup),
 * unrevealed answers,
 * the audit log (carried whole, see AuditArchive) and documents (carried as Yjs state).
 * tests/contracts/store.contract.ts checks that every table with a workshop is listed here or there.
 */
export interface BackupTable {
  table: string;
  /** SQL condition selecting a workshop's rows; `$1` is the workshop id. */
  where: string;
  /** Assigned by the database: not carried, rows restored in this column's order. */
  assigned?: string;
  /** Columns that never travel (nor are accepted on restore): they name things outside the workshop. */
  omit?: readonly string[];
}

/** Whether a backup carries this column of the table. */
export const carried = (t: BackupTable, column: string): boolean => column !== t.assigned && !(t.omit ?? []).includes(column);

export const BACKUP_TABLES: readonly BackupTable[] = [
  { table: 'workshops', where: 'id = $1' },
  { table: 'organisations', where: 'workshop_id = $1' },
  { table: 'boards', where: 'workshop_id = $1' },
  // person_id names a signed-in person of this server (persons are not workshop data): an imported
  // member is held by nobody, as with its token.
  { table: 'members', where: 'workshop_id = $1', omit: ['person_id'] },
  { table: 'vision_clients', where: 'workshop_id = $1' },
  { table: 'vision_deletions', where: 'workshop_id = $1', assigned: 'seq' },
  { table: 'vision_seen', where: 'workshop_id = $1' },
  { table: 'milestones', where: 'workshop_id = $1' },
  // Organisations' stances on milestones (issue #17, 017_vision_stances), after the milestones they name.
  { table: 'vision_stances', where: 'workshop_id = $1' },
  { table: 'facilitation', where: 'workshop_id = $1' },
  { table: 'board_locks', where: 'workshop_id = $1' },
  { table: 'raised_hands', where: 'workshop_id = $1' },
  { table: 'questions', where: 'workshop_id = $1' },
  // Private until revealed: nobody, the facilitator neither, sees an unrevealed answer.
  { table: 'answers', where: "question_id IN (SELECT id FROM questions WHERE workshop_id = $1 AND status = 'revealed')" },
  { table: 'vote_rounds', where: 'workshop_id = $1' },
  { table: 'principles', where: 'workshop_id = $1' },
  { table: 'principle_bindings', where: 'workshop_id = $1' },
  // Who last changed each document entry (ids inside `room` and `key` are remapped like any text).
  { table: 'last_edits', where: 'workshop_id = $1' },
  { table: 'principle_lifecycle', where: 'workshop_id = $1' },
  { table: 'stances', where: 'workshop_id = $1', assigned: 'seq' },
  // Who may commit each organisation, and the anchors of its stances (issue #14, 012_representation).
  { table: 'representatives', where: 'workshop_id = $1' },
  { table: 'principle_anchors', where: 'workshop_id = $1' },
  // Images on boards (issue #16, backup version 2): the board elements name them by id.
  { table: 'images', where: 'workshop_id = $1' },
];

/**
 * Tables with workshop data that the backup carries another way, or must not carry. Brainwriting
 * rounds (issue #16) stay behind with their notes: an unrevealed note is private like an
 * unrevealed answer, and a revealed one is on the board (carried with its document).
 */
export const NOT_IN_BACKUP_TABLES = ['invites', 'credentials', 'audit', 'audit_archive', 'doc_updates', 'doc_snapshots', 'brainwriting_rounds'] as const;

/** A cell as it travels in a backup: bytes as `{ "$bytes": base64 }`, booleans as 0/1. */
export type BackupCell = string | number | null | { $bytes: string };
export type BackupRow = Record<string, BackupCell>;
export type BackupRows = Record<string, BackupRow[]>;

export function toCell(v: unknown): BackupCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Uint8Array) return { $bytes: Buffer.from(v).toString('base64') };
  return String(v);
}

export function fromCell(v: BackupCell): string | number | null | Buffer {
  return v !== null && typeof v === 'object' ? Buffer.from(v.$bytes, 'base64') : v;
}
