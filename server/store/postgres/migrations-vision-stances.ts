/**
 * PostgreSQL migration 017 (issue #17): organisations endorse the vision as a whole by taking a stance
 * on a milestone. One row per organisation and milestone (a newer stance replaces the older; the
 * audit log keeps each one). Spread at the end of the list in ./migrations.ts.
 */
import type { Migration } from './migrations.js';

export const postgresVisionStanceMigrations: Migration[] = [
  {
    // No foreign key to organisations, like principle stances: a stance is a record of what was
    // said, and the export leaves out organisations that are gone. Milestones are only ever
    // deleted with their workshop.
    name: '017_vision_stances',
    sql: `
      CREATE TABLE vision_stances (
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        milestone_id TEXT NOT NULL REFERENCES milestones(id) ON DELETE CASCADE,
        organisation_id TEXT NOT NULL,
        member_id TEXT NOT NULL,
        stance TEXT NOT NULL,
        reason TEXT,
        at TEXT NOT NULL,
        PRIMARY KEY (milestone_id, organisation_id)
      );
      CREATE INDEX vision_stances_workshop ON vision_stances(workshop_id);
    `,
  },
];
