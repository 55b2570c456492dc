/** PostgreSQL: images on boards (issue #16), bytes in a BYTEA column. */
import type { ImageRecord, ImageRepo } from '../types.js';
import type { Runner } from './postgres-runner.js';

const COLUMNS = `id, workshop_id AS "workshopId", mime, size, width, height, bytes, created_by AS "createdBy", created_at AS "createdAt"`;

export class PostgresImageRepo implements ImageRepo {
  constructor(private readonly run: Runner) {}

  async add(i: ImageRecord): Promise<void> {
    await this.run.query('INSERT INTO images (id, workshop_id, mime, size, width, height, bytes, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
      i.id, i.workshopId, i.mime, i.size, i.width, i.height, Buffer.from(i.bytes), i.createdBy, i.createdAt,
    ]);
  }

  async get(workshopId: string, id: string): Promise<ImageRecord | null> {
    const r = await this.run.query<Omit<ImageRecord, 'bytes'> & { bytes: Buffer }>(`SELECT ${COLUMNS} FROM images WHERE id = $1 AND workshop_id = $2`, [id, workshopId]);
    const row = r.rows[0];
    return row ? { ...row, bytes: new Uint8Array(row.bytes) } : null;
  }

  async usage(workshopId: string): Promise<number> {
    const r = await this.run.query<{ n: string }>('SELECT COALESCE(SUM(size), 0) AS n FROM images WHERE workshop_id = $1', [workshopId]);
    return Number(r.rows[0]?.n ?? 0);
  }
}
