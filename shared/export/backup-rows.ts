/**
 * The typed shape of every table a backup may carry (docs/api.md, "Backup and import"). Each
 * table lists its columns (a strict zod object: no other column is accepted) and which columns
 * name what. On import every `workshop` column must be the file's own workshop, every record
 * reference must name a record of that kind in the same file, and every principle or element
 * reference must be defined in the file's own documents; anything else refuses the file.
 */
import { z } from 'zod';
import { isOrgNumber } from '../org-number.js';

/** What an id column names. `own` is the row's own id (a new id on import). */
export type RefKind = 'own' | 'workshop' | 'organisation' | 'board' | 'member' | 'milestone' | 'question' | 'round' | 'principle' | 'element' | 'image';

const text = z.string().max(1_000_000);
const id = z.string().min(1).max(200);
const int = z.number().int();
/** PostgreSQL hands BIGINT columns out as decimal strings. */
const bigint = z.union([int, z.string().regex(/^-?\d{1,19}$/)]);
const bytes = z.strictObject({ $bytes: z.string() });
const time = z.string().max(64);

/** A closed round's result as a backup carries it instead of the votes: who voted for what stays behind. */
export const VoteTally = z.strictObject({
  results: z.array(z.strictObject({ elementId: id, votes: int.min(1) })).max(10_000),
  voters: int.min(0),
});
export type VoteTally = z.infer<typeof VoteTally>;

interface TableShape {
  row: z.ZodType<Record<string, unknown>>;
  refs: Record<string, RefKind>;
  /** Columns no two rows of the file may share (the table's key within one workshop). */
  key: readonly string[] | null;
}

const table = <S extends z.ZodRawShape>(shape: S, refs: Record<string, RefKind>, key: readonly string[] | null = null): TableShape => ({ row: z.strictObject(shape), refs, key });

export const BACKUP_ROW_SCHEMAS: Readonly<Record<string, TableShape>> = {
  workshops: table({ id, title: text, created_at: time, language: z.string().max(16), decision_rule: z.enum(['consensus', 'consent', 'majority']), protect_organisation_content: int.min(0).max(1).optional() }, { id: 'workshop' }),
  organisations: table(
    // org_number since 013_persons; absent in older files.
    { id, workshop_id: id, name: text, position: int, color: z.string().max(32).nullable(), org_number: z.string().refine(isOrgNumber, 'is not an organisation number').nullable().optional() },
    { id: 'own', workshop_id: 'workshop' },
  ),
  // position: since migration 014 (older backups lack it: their boards keep creation order).
  boards: table({ id, workshop_id: id, title: text, created_at: time, position: int.optional() }, { id: 'own', workshop_id: 'workshop' }),
  members: table(
    {
      id, workshop_id: id, display_name: text, role: z.enum(['facilitator', 'participant', 'observer']), organisation_id: id.nullable(), token_hash: z.string().max(200), created_at: time,
      // Since migration 011 (older backups lack them).
      removed_at: time.nullable().optional(), last_visit_at: time.nullable().optional(), merged_into: id.nullable().optional(), invited_by: id.nullable().optional(),
    },
    { id: 'own', workshop_id: 'workshop', organisation_id: 'organisation', merged_into: 'member', invited_by: 'member' },
  ),
  vision_clients: table({ workshop_id: id, client_id: bigint, member_id: id }, { workshop_id: 'workshop', member_id: 'member' }, ['client_id']),
  vision_deletions: table({ workshop_id: id, member_id: id, ranges: text }, { workshop_id: 'workshop', member_id: 'member' }),
  vision_seen: table({ workshop_id: id, member_id: id, snapshot: bytes, at: time }, { workshop_id: 'workshop', member_id: 'member' }, ['member_id']),
  milestones: table({ id, workshop_id: id, name: text, created_at: time, created_by: id, snapshot: bytes }, { id: 'own', workshop_id: 'workshop', created_by: 'member' }),
  /** Since 017_vision_stances (issue #17; absent in older files): each organisation's stance on a milestone. */
  vision_stances: table(
    { workshop_id: id, milestone_id: id, organisation_id: id, member_id: id, stance: z.enum(['endorse', 'object', 'abstain']), reason: text.nullable(), at: time },
    { workshop_id: 'workshop', milestone_id: 'milestone', organisation_id: 'organisation', member_id: 'member' },
    ['milestone_id', 'organisation_id'],
  ),
  facilitation: table(
    { workshop_id: id, phase: text.nullable(), agenda: text, timer_started_at: bigint.nullable(), timer_duration_ms: bigint, timer_paused_remaining_ms: bigint.nullable(), seq: bigint },
    { workshop_id: 'workshop' },
    ['workshop_id'],
  ),
  board_locks: table({ workshop_id: id, board_id: id, locked_by: id, locked_at: time }, { workshop_id: 'workshop', board_id: 'board', locked_by: 'member' }, ['board_id']),
  raised_hands: table({ workshop_id: id, member_id: id, at: time }, { workshop_id: 'workshop', member_id: 'member' }, ['member_id']),
  questions: table(
    // prompt since 015_brainwriting (text questions); absent in older files.
    { id, workshop_id: id, kind: z.enum(['maturity', 'paradox', 'text']), axis: z.string().max(64).nullable(), prompt: text.nullable().optional(), status: z.enum(['open', 'closed', 'revealed']), opened_by: id, opened_at: time },
    { id: 'own', workshop_id: 'workshop', opened_by: 'member' },
  ),
  answers: table({ question_id: id, member_id: id, organisation_id: id, value: text, at: time }, { question_id: 'question', member_id: 'member', organisation_id: 'organisation' }, ['question_id', 'member_id']),
  vote_rounds: table(
    {
      id, workshop_id: id, board_id: id, votes_per_person: int.min(1), element_ids: text.nullable(), status: z.enum(['open', 'closed']),
      opened_by: id, opened_at: time, closed_at: time.nullable(), tally: text.nullable().optional(),
    },
    { id: 'own', workshop_id: 'workshop', board_id: 'board', opened_by: 'member' },
  ),
  /** Only in files written before tallies: read into tallies, never restored. */
  votes: table({ round_id: id, member_id: id, element_id: id, at: time }, { round_id: 'round', member_id: 'member', element_id: 'element' }),
  principles: table(
    {
      workshop_id: id, id, text, text_hash: z.string().max(200), rule: z.enum(['consensus', 'consent', 'majority']), proposed_at: time, proposed_by: id, version: int,
      closed: z.union([z.literal(0), z.literal(1)]),
      // Since 008_decision_binding; absent in older files (the outcome is then derived from the bound stances).
      outcome: z.enum(['agreed', 'rejected']).nullable().optional(), closed_at: time.nullable().optional(),
    },
    { workshop_id: 'workshop', id: 'principle', proposed_by: 'member' },
    ['id'],
  ),
  /** Since 010_last_edits: who last changed each charter entry and board element (room and key are labels; their ids are remapped as text). */
  last_edits: table(
    { workshop_id: id, room: z.string().max(200), key: z.string().max(400), member_id: id, organisation_id: id.nullable(), at: time },
    { workshop_id: 'workshop', member_id: 'member', organisation_id: 'organisation' },
    ['room', 'key'],
  ),
  /** The organisations each proposal bound (since 008_decision_binding; derived for older files, see backup-rows-check). */
  principle_bindings: table(
    { workshop_id: id, principle_id: id, version: int, organisation_id: id },
    { workshop_id: 'workshop', principle_id: 'principle', organisation_id: 'organisation' },
    ['principle_id', 'version', 'organisation_id'],
  ),
  /** Amendment links and retirements (since 009_principle_lifecycle; absent in older files). */
  principle_lifecycle: table(
    { workshop_id: id, principle_id: id, amends: id.nullable(), retired_at: time.nullable(), retired_by: id.nullable(), retire_reason: text.nullable() },
    { workshop_id: 'workshop', principle_id: 'principle', amends: 'principle', retired_by: 'member' },
    ['principle_id'],
  ),
  stances: table(
    { workshop_id: id, principle_id: id, version: int, organisation_id: id, member_id: id, stance: z.enum(['endorse', 'object', 'abstain']), reason: text.nullable(), at: time },
    { workshop_id: 'workshop', principle_id: 'principle', organisation_id: 'organisation', member_id: 'member' },
  ),
  /** Since 012_representation; derived for older files like the migration's backfill (see backup-representation). */
  representatives: table(
    { workshop_id: id, member_id: id, organisation_id: id, named_by: id.nullable(), confirmation: text.nullable(), invited_by: id.nullable(), at: time },
    { workshop_id: 'workshop', member_id: 'member', organisation_id: 'organisation', named_by: 'member', invited_by: 'member' },
    ['member_id'],
  ),
  /** Since 012_representation: an organisation's stance on a version, confirmed by its line or leadership. */
  // Since backup version 2 (issue #16): images on boards, their bytes checked again on import.
  images: table(
    {
      id, workshop_id: id, mime: z.enum(['image/png', 'image/jpeg', 'image/webp']), size: int.min(1), width: int.min(1), height: int.min(1), bytes,
      created_by: id, created_at: time,
    },
    { id: 'own', workshop_id: 'workshop', created_by: 'member' },
  ),
  principle_anchors: table(
    {
      workshop_id: id, principle_id: id, version: int, organisation_id: id, member_id: id, confirmed_by: text, role: text, date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      reference: text.nullable(), stance_at: time, at: time,
    },
    { workshop_id: 'workshop', principle_id: 'principle', organisation_id: 'organisation', member_id: 'member' },
    ['principle_id', 'version', 'organisation_id'],
  ),
};

/** Record kinds whose ids a file defines in its own rows (and which get new ids on import). */
export const RECORD_KIND_OF: Readonly<Record<string, RefKind>> = {
  organisations: 'organisation',
  boards: 'board',
  members: 'member',
  milestones: 'milestone',
  questions: 'question',
  vote_rounds: 'round',
  images: 'image',
};
