/**
 * SQLite migration 015 (issue #16): free-text questions and brainwriting. Spread at the end of the
 * list in ./migrations.ts.
 */
import type { Migration } from './migrations.js';

export const sqliteBrainwritingMigrations: Migration[] = [
  {
    // A text question asks its prompt. A brainwriting round keeps each person's notes private
    // (brainwriting_notes, visible only to the author) until the reveal writes them onto the
    // board and deletes them here: an anonymous round's authors are then recorded nowhere.
    name: '015_brainwriting',
    sql: `
      ALTER TABLE questions ADD COLUMN prompt TEXT;
      CREATE TABLE brainwriting_rounds (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        board_id TEXT NOT NULL,
        prompt TEXT,
        anonymous INTEGER NOT NULL,
        status TEXT NOT NULL,
        opened_by TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        revealed_at TEXT,
        frame_id TEXT,
        revealed_notes INTEGER,
        revealed_writers INTEGER
      );
      CREATE INDEX brainwriting_rounds_workshop ON brainwriting_rounds(workshop_id);
      CREATE TABLE brainwriting_notes (
        id TEXT PRIMARY KEY,
        round_id TEXT NOT NULL REFERENCES brainwriting_rounds(id) ON DELETE CASCADE,
        member_id TEXT NOT NULL,
        organisation_id TEXT,
        text TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX brainwriting_notes_round ON brainwriting_notes(round_id, member_id);
    `,
  },
];
