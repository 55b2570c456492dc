/**
 * SQLite migration 016 (issue #16): images on boards, stored in the database with the workshop
 * (so a backup and a deletion take them along). Spread at the end of the list in ./migrations.ts.
 */
import type { Migration } from './migrations.js';

export const sqliteImageMigrations: Migration[] = [
  {
    // PNG, JPEG or WebP only, checked by their bytes before they are stored; `size` counts
    // against the workshop's quota (IMAGE_QUOTA_BYTES).
    name: '016_images',
    sql: `
      CREATE TABLE images (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        bytes BLOB NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX images_workshop ON images(workshop_id);
    `,
  },
];
