/**
 * PostgreSQL migrations, applied in order; migration i is version i+1 in `schema_migrations`.
 * Never edit or reorder an applied one: add a new one. Timestamps stay ISO strings (TEXT) so
 * records round-trip exactly as in SQLite. Room names are compared byte-wise (COLLATE "C"), so
 * prefix deletes are exact and can use the (room, seq) index whatever the cluster's locale.
 */
import { postgresBrainwritingMigrations } from './migrations-brainwriting.js';
import { postgresImageMigrations } from './migrations-images.js';
import { postgresVisionStanceMigrations } from './migrations-vision-stances.js';
import { postgresPeopleMigrations } from './migrations-people.js';

export interface Migration {
  name: string;
  sql: string;
}

export const postgresMigrations: Migration[] = [
  {
    name: '001_initial',
    sql: `
      CREATE TABLE workshops (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE organisations (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        position INTEGER NOT NULL
      );
      CREATE INDEX organisations_workshop ON organisations(workshop_id);
      CREATE TABLE boards (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX boards_workshop ON boards(workshop_id);
      CREATE TABLE members (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL,
        organisation_id TEXT REFERENCES organisations(id) ON DELETE SET NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      );
      CREATE INDEX members_workshop ON members(workshop_id);
      CREATE TABLE invites (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        organisation_id TEXT REFERENCES organisations(id) ON DELETE CASCADE,
        token_hash TEXT NOT NULL UNIQUE,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT,
        max_uses INTEGER,
        uses INTEGER NOT NULL DEFAULT 0,
        revoked_at TEXT
      );
      CREATE INDEX invites_workshop ON invites(workshop_id);
      CREATE TABLE audit (
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        actor_id TEXT,
        type TEXT NOT NULL,
        data TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (workshop_id, seq)
      );
      CREATE TABLE doc_updates (
        seq BIGSERIAL PRIMARY KEY,
        room TEXT COLLATE "C" NOT NULL,
        data BYTEA NOT NULL
      );
      CREATE INDEX doc_updates_room ON doc_updates(room, seq);
      CREATE TABLE doc_snapshots (
        room TEXT COLLATE "C" PRIMARY KEY,
        data BYTEA NOT NULL,
        upto_seq BIGINT NOT NULL
      );
    `,
  },
  {
    name: '002_language_and_colours',
    sql: `
      ALTER TABLE workshops ADD COLUMN language TEXT NOT NULL DEFAULT 'nn';
      ALTER TABLE organisations ADD COLUMN color TEXT;
    `,
  },
  {
    name: '003_vision',
    sql: `
      CREATE TABLE vision_clients (
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        client_id BIGINT NOT NULL,
        member_id TEXT NOT NULL,
        PRIMARY KEY (workshop_id, client_id)
      );
      CREATE TABLE vision_deletions (
        seq BIGSERIAL PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        member_id TEXT NOT NULL,
        ranges TEXT NOT NULL
      );
      CREATE INDEX vision_deletions_workshop ON vision_deletions(workshop_id, seq);
      CREATE TABLE vision_seen (
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        member_id TEXT NOT NULL,
        snapshot BYTEA NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (workshop_id, member_id)
      );
      CREATE TABLE milestones (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        snapshot BYTEA NOT NULL
      );
      CREATE INDEX milestones_workshop ON milestones(workshop_id, created_at);
    `,
  },
  {
    name: '004_governance',
    sql: `
      CREATE TABLE facilitation (
        workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
        phase TEXT,
        agenda TEXT NOT NULL DEFAULT '[]',
        timer_started_at BIGINT,
        timer_duration_ms BIGINT NOT NULL DEFAULT 0,
        timer_paused_remaining_ms BIGINT,
        seq BIGINT NOT NULL DEFAULT 0
      );
      CREATE TABLE board_locks (
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        board_id TEXT NOT NULL,
        locked_by TEXT NOT NULL,
        locked_at TEXT NOT NULL,
        PRIMARY KEY (workshop_id, board_id)
      );
      CREATE TABLE raised_hands (
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        member_id TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (workshop_id, member_id)
      );
      CREATE TABLE questions (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        axis TEXT,
        status TEXT NOT NULL,
        opened_by TEXT NOT NULL,
        opened_at TEXT NOT NULL
      );
      CREATE INDEX questions_workshop ON questions(workshop_id);
      CREATE TABLE answers (
        question_id TEXT NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
        member_id TEXT NOT NULL,
        organisation_id TEXT NOT NULL,
        value TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (question_id, member_id)
      );
      CREATE TABLE vote_rounds (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        board_id TEXT NOT NULL,
        votes_per_person INTEGER NOT NULL,
        element_ids TEXT,
        status TEXT NOT NULL,
        opened_by TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        closed_at TEXT
      );
      CREATE INDEX vote_rounds_workshop ON vote_rounds(workshop_id);
      CREATE TABLE votes (
        id BIGSERIAL PRIMARY KEY,
        round_id TEXT NOT NULL REFERENCES vote_rounds(id) ON DELETE CASCADE,
        member_id TEXT NOT NULL,
        element_id TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX votes_round_member ON votes(round_id, member_id);
      CREATE TABLE principles (
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        text TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        rule TEXT NOT NULL,
        proposed_at TEXT NOT NULL,
        proposed_by TEXT NOT NULL,
        version INTEGER NOT NULL,
        closed BOOLEAN NOT NULL DEFAULT false,
        PRIMARY KEY (workshop_id, id)
      );
      CREATE TABLE stances (
        seq BIGSERIAL PRIMARY KEY,
        workshop_id TEXT NOT NULL,
        principle_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        organisation_id TEXT NOT NULL,
        member_id TEXT NOT NULL,
        stance TEXT NOT NULL,
        reason TEXT,
        at TEXT NOT NULL,
        FOREIGN KEY (workshop_id, principle_id) REFERENCES principles(workshop_id, id) ON DELETE CASCADE
      );
      CREATE INDEX stances_workshop ON stances(workshop_id, seq);
      ALTER TABLE workshops ADD COLUMN decision_rule TEXT NOT NULL DEFAULT 'consensus';
    `,
  },
  {
    name: '005_audit_archive',
    sql: `
      CREATE TABLE audit_archive (
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        entry TEXT NOT NULL,
        PRIMARY KEY (workshop_id, position)
      );
    `,
  },
  {
    name: '006_vote_tally',
    // An imported closed round carries its tally, not its votes (who voted for what stays behind).
    sql: `ALTER TABLE vote_rounds ADD COLUMN tally TEXT;`,
  },
  {
    // The audit chain's signing key: one row, made on first start and shared by every instance.
    name: '007_audit_signing',
    sql: `
      CREATE TABLE audit_keys (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        public_key TEXT NOT NULL,
        private_key TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      ALTER TABLE audit ADD COLUMN signature TEXT;
    `,
  },
  {
    // Decisions are recorded, not recomputed (issue #13). A closed principle keeps its outcome and
    // when it closed; every proposal keeps the organisations it bound (those with a participant or
    // facilitator when it was proposed), per version like its stances.
    // Backfill of older databases, documented in docs/api.md ("Decisions are recorded"):
    // - outcome and closed_at of a closed principle come from its newest `principle.closed` audit
    //   entry; without one the outcome stays NULL and is derived once from the frozen inputs below;
    // - a closed principle binds the organisations that took a stance on its closed version (an
    //   organisation that had not answered when it closed can join after the fact);
    // - an open principle binds the organisations with a participant or facilitator now, which is
    //   what the status was computed against until this migration.
    name: '008_decision_binding',
    sql: `
      ALTER TABLE principles ADD COLUMN outcome TEXT;
      ALTER TABLE principles ADD COLUMN closed_at TEXT;
      CREATE TABLE principle_bindings (
        workshop_id TEXT NOT NULL,
        principle_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        organisation_id TEXT NOT NULL,
        PRIMARY KEY (workshop_id, principle_id, version, organisation_id),
        FOREIGN KEY (workshop_id, principle_id) REFERENCES principles(workshop_id, id) ON DELETE CASCADE
      );
      UPDATE principles p SET outcome = c.outcome, closed_at = c.at
        FROM (SELECT DISTINCT ON (workshop_id, data::jsonb->>'principleId') workshop_id, data::jsonb->>'principleId' AS principle_id, data::jsonb->>'outcome' AS outcome, at
              FROM audit WHERE type = 'principle.closed' ORDER BY workshop_id, data::jsonb->>'principleId', seq DESC) c
        WHERE p.closed AND c.workshop_id = p.workshop_id AND c.principle_id = p.id;
      UPDATE principles SET outcome = NULL WHERE outcome NOT IN ('agreed', 'rejected');
      INSERT INTO principle_bindings (workshop_id, principle_id, version, organisation_id)
        SELECT DISTINCT s.workshop_id, s.principle_id, s.version, s.organisation_id FROM stances s
        JOIN principles p ON p.workshop_id = s.workshop_id AND p.id = s.principle_id AND p.version = s.version
        WHERE p.closed = true;
      INSERT INTO principle_bindings (workshop_id, principle_id, version, organisation_id)
        SELECT DISTINCT p.workshop_id, p.id, p.version, m.organisation_id FROM principles p
        JOIN members m ON m.workshop_id = p.workshop_id
        WHERE p.closed = false AND m.role <> 'observer' AND m.organisation_id IS NOT NULL;
    `,
  },
  {
    // Agreements that hold (issue #13): which adopted principle a draft amends (the server's
    // record, not a document field anyone could write) and a principle's retirement with its
    // reason. No backfill: older principles amend nothing and are not retired.
    name: '009_principle_lifecycle',
    sql: `
      CREATE TABLE principle_lifecycle (
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        principle_id TEXT NOT NULL,
        amends TEXT,
        retired_at TEXT,
        retired_by TEXT,
        retire_reason TEXT,
        PRIMARY KEY (workshop_id, principle_id)
      );
    `,
  },
  {
    // Ownership inside shared documents (issue #13): who last changed each board element and
    // charter entry, recorded by the server from the authenticated connection (never from the
    // document), and the workshop setting that lets only an element's organisation (and the
    // facilitators) change it.
    name: '010_last_edits',
    sql: `
      ALTER TABLE workshops ADD COLUMN protect_organisation_content INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE last_edits (
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        room TEXT NOT NULL,
        key TEXT NOT NULL,
        member_id TEXT NOT NULL,
        organisation_id TEXT,
        at TEXT NOT NULL,
        PRIMARY KEY (workshop_id, room, key)
      );
    `,
  },
  // Issue #14 (people, not links): ./migrations-people.ts
  ...postgresPeopleMigrations,
  {
    // Several boards per workshop (issue #16): their order, set by facilitators. Existing boards keep
    // the order they were made in (all 0; ties fall back to creation time).
    name: '014_board_order',
    sql: `ALTER TABLE boards ADD COLUMN position INTEGER NOT NULL DEFAULT 0;`,
  },
  // Issue #16 (free-text questions, brainwriting): ./migrations-brainwriting.ts
  ...postgresBrainwritingMigrations,
  // Issue #16 (images on boards): ./migrations-images.ts
  ...postgresImageMigrations,
  // Issue #17 (organisations endorse the vision as a whole): ./migrations-vision-stances.ts
  ...postgresVisionStanceMigrations,
];
