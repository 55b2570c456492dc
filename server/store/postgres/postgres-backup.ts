import { AppError, ErrorCode } from '../../../shared/errors.js';
import { BACKUP_TABLES, carried, fromCell, toCell, type BackupRows } from '../backup-tables.js';
import type { AuditEntry, BackupRepo } from '../types.js';
import type { Runner } from './postgres-runner.js';

const invalid = (why: string) => new AppError(ErrorCode.backupInvalid, 400, `The backup does not fit this server: ${why}.`);

export class PostgresBackupRepo implements BackupRepo {
  constructor(private readonly run: Runner) {}

  async dump(workshopId: string): Promise<BackupRows> {
    const out: BackupRows = {};
    for (const t of BACKUP_TABLES) {
      const r = await this.run.query(`SELECT * FROM ${t.table} WHERE ${t.where}${t.assigned ? ` ORDER BY ${t.assigned}` : ''}`, [workshopId]);
      out[t.table] = r.rows.map((row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([k]) => carried(t, k)).map(([k, v]) => [k, toCell(v)])));
    }
    return out;
  }

  async restore(rows: BackupRows): Promise<void> {
    for (const key of Object.keys(rows)) if (!BACKUP_TABLES.some((t) => t.table === key)) throw invalid(`unknown table ${JSON.stringify(key.slice(0, 40))}`);
    await this.run.atomic(async (query) => {
      for (const t of BACKUP_TABLES) {
        const list = rows[t.table] ?? [];
        if (!list.length) continue;
        const cols = await query<{ column_name: string }>('SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1', [t.table]);
        const known = new Set(cols.rows.map((c) => c.column_name));
        for (const row of list) {
          const names = Object.keys(row);
          const bad = names.find((c) => !known.has(c) || !carried(t, c));
          if (bad !== undefined) throw invalid(`unknown column ${JSON.stringify(bad.slice(0, 40))} in ${t.table}`);
          await query(`INSERT INTO ${t.table} (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`, names.map((c) => fromCell(row[c]!)));
        }
      }
    });
  }

  async archiveAudit(workshopId: string, entries: AuditEntry[]): Promise<void> {
    await this.run.atomic(async (query) => {
      for (const [i, e] of entries.entries()) await query('INSERT INTO audit_archive (workshop_id, position, entry) VALUES ($1, $2, $3)', [workshopId, i, JSON.stringify(e)]);
    });
  }

  async archivedAudit(workshopId: string): Promise<AuditEntry[]> {
    const r = await this.run.query<{ entry: string }>('SELECT entry FROM audit_archive WHERE workshop_id = $1 ORDER BY position', [workshopId]);
    return r.rows.map((row) => JSON.parse(row.entry) as AuditEntry);
  }

  async tablesWithWorkshop(): Promise<string[]> {
    const r = await this.run.query<{ table_name: string }>("SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'workshop_id'");
    return r.rows.map((row) => row.table_name);
  }
}
