/** SQLite migrations, applied in order; each one's index+1 is stored in PRAGMA user_version. */
export interface Migration {
  name: string;
  sql: string;
}

export const sqliteMigrations: Migration[] = [
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
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        room TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE INDEX doc_updates_room ON doc_updates(room, seq);
      CREATE TABLE doc_snapshots (
        room TEXT PRIMARY KEY,
        data BLOB NOT NULL,
        upto_seq INTEGER NOT NULL
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
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        member_id TEXT NOT NULL,
        ranges TEXT NOT NULL
      );
      CREATE INDEX vision_deletions_workshop ON vision_deletions(workshop_id, seq);
      CREATE TABLE vision_seen (
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        member_id TEXT NOT NULL,
        snapshot BLOB NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (workshop_id, member_id)
      );
      CREATE TABLE milestones (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        snapshot BLOB NOT NULL
      );
      CREATE INDEX milestones_workshop ON milestones(workshop_id, created_at);
    `,
  },
];
