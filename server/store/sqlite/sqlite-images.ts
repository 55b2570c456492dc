/** SQLite: images on boards (issue #16), bytes in a BLOB column. */
import type { ImageMime, ImageRecord, ImageRepo } from '../types.js';
import type { Runner } from './sqlite-store.js';
import { statement } from './statements.js';

interface ImageRow {
  id: string;
  workshop_id: string;
  mime: ImageMime;
  size: number;
  width: number;
  height: number;
  bytes: Buffer;
  created_by: string;
  created_at: string;
}

export class SqliteImageRepo implements ImageRepo {
  constructor(private readonly run: Runner) {}

  add(i: ImageRecord): Promise<void> {
    return this.run((db) => {
      statement(db, 'INSERT INTO images (id, workshop_id, mime, size, width, height, bytes, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        i.id, i.workshopId, i.mime, i.size, i.width, i.height, Buffer.from(i.bytes), i.createdBy, i.createdAt,
      );
    });
  }

  get(workshopId: string, id: string): Promise<ImageRecord | null> {
    return this.run((db) => {
      const r = statement(db, 'SELECT * FROM images WHERE id = ? AND workshop_id = ?').get(id, workshopId) as ImageRow | undefined;
      return r
        ? { id: r.id, workshopId: r.workshop_id, mime: r.mime, size: r.size, width: r.width, height: r.height, bytes: new Uint8Array(r.bytes), createdBy: r.created_by, createdAt: r.created_at }
        : null;
    });
  }

  usage(workshopId: string): Promise<number> {
    return this.run((db) => (statement(db, 'SELECT COALESCE(SUM(size), 0) AS n FROM images WHERE workshop_id = ?').get(workshopId) as { n: number }).n);
  }
}
