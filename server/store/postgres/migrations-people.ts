/**
 * PostgreSQL migrations 011–013 (issue #14, people, not links): credentials, representation, persons.
 * Spread into the list in ./migrations.ts, in this order.
 */
import type { Migration } from './migrations.js';

export const postgresPeopleMigrations: Migration[] = [
  {
    // People, not links (issue #14): a member holds several credentials (one per device, plus a
    // renewable re-entry secret), each stored hashed and expiring when unused; members can be
    // removed (their content stays, attributed), renamed, merged into another record of the same
    // person (an alias: nothing recorded is rewritten), and remember when they last visited.
    // members.token_hash stays as a column (SQLite cannot drop a UNIQUE column) but holds no secret.
    name: '011_credentials',
    sql: `
      CREATE TABLE credentials (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        last_used_at TEXT NOT NULL,
        revoked_at TEXT
      );
      CREATE INDEX credentials_member ON credentials(workshop_id, member_id);
      INSERT INTO credentials (id, workshop_id, member_id, kind, token_hash, created_at, last_used_at)
        SELECT 'm-' || id, workshop_id, id, 'session', token_hash, created_at, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') FROM members;
      UPDATE members SET token_hash = 'none:' || id;
      ALTER TABLE members ADD COLUMN removed_at TEXT;
      ALTER TABLE members ADD COLUMN last_visit_at TEXT;
      ALTER TABLE members ADD COLUMN merged_into TEXT;
      ALTER TABLE members ADD COLUMN invited_by TEXT;
    `,
  },
  {
    // Who may commit an organisation (issue #14): its representatives (only they take stances for
    // it) and the anchors of its stances (its line or leadership confirmed them). Backfill: per
    // organisation of every workshop, the earliest non-observer member (by created_at, then id)
    // becomes its representative, named by nobody; who invited them comes from their
    // `member.joined` audit entry. No anchors exist before this migration.
    name: '012_representation',
    sql: `
      CREATE TABLE representatives (
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        organisation_id TEXT NOT NULL,
        named_by TEXT,
        confirmation TEXT,
        invited_by TEXT,
        at TEXT NOT NULL,
        PRIMARY KEY (workshop_id, member_id)
      );
      CREATE TABLE principle_anchors (
        workshop_id TEXT NOT NULL,
        principle_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        organisation_id TEXT NOT NULL,
        member_id TEXT NOT NULL,
        confirmed_by TEXT NOT NULL,
        role TEXT NOT NULL,
        date TEXT NOT NULL,
        reference TEXT,
        stance_at TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (workshop_id, principle_id, version, organisation_id),
        FOREIGN KEY (workshop_id, principle_id) REFERENCES principles(workshop_id, id) ON DELETE CASCADE
      );
      INSERT INTO representatives (workshop_id, member_id, organisation_id, named_by, confirmation, invited_by, at)
        SELECT m.workshop_id, m.id, m.organisation_id, NULL, NULL,
          (SELECT i.created_by FROM invites i WHERE i.workshop_id = m.workshop_id AND i.id = (
            SELECT a.data::jsonb->>'inviteId' FROM audit a WHERE a.workshop_id = m.workshop_id AND a.type = 'member.joined' AND a.actor_id = m.id ORDER BY a.seq LIMIT 1)),
          m.created_at
        FROM members m
        WHERE m.role <> 'observer' AND m.organisation_id IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM members e WHERE e.workshop_id = m.workshop_id AND e.organisation_id = m.organisation_id AND e.role <> 'observer'
            AND (e.created_at < m.created_at OR (e.created_at = m.created_at AND e.id COLLATE "C" < m.id COLLATE "C")));
    `,
  },
  {
    // Sign-in (issue #14): a person is (issuer, subject) at an OpenID provider, with sessions of
    // their own (stored hashed). Persons are not workshop data and never travel in backups, nor does
    // members.person_id; an organisation's number (matched against the provider's claim) does.
    name: '013_persons',
    sql: `
      CREATE TABLE persons (
        id TEXT PRIMARY KEY,
        issuer TEXT NOT NULL,
        subject TEXT NOT NULL,
        display_name TEXT NOT NULL,
        org_number TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (issuer, subject)
      );
      CREATE TABLE person_sessions (
        token_hash TEXT PRIMARY KEY,
        person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        last_used_at TEXT NOT NULL
      );
      CREATE INDEX person_sessions_person ON person_sessions(person_id);
      ALTER TABLE members ADD COLUMN person_id TEXT REFERENCES persons(id) ON DELETE SET NULL;
      CREATE INDEX members_person ON members(workshop_id, person_id);
      ALTER TABLE organisations ADD COLUMN org_number TEXT;
    `,
  },
];
