import { AppError, ErrorCode } from '../../../shared/errors.js';
import { BACKUP_TABLES, carried, fromCell, toCell, type BackupRows } from '../backup-tables.js';
import type { AuditEntry, BackupRepo } from '../types.js';
import type { Runner } from './sqlite-store.js';
import { statement } from './statements.js';

const invalid = (why: string) => new AppError(ErrorCode.backupInvalid, 400, `The backup does not fit this server: ${why}.`);

export class SqliteBackupRepo implements BackupRepo {
  constructor(private readonly run: Runner) {}

  dump(workshopId: string): Promise<BackupRows> {
    return this.run((db) => {
      const out: BackupRows = {};
      for (const t of BACKUP_TABLES) {
        const rows = db.prepare(`SELECT * FROM ${t.table} WHERE ${t.where.replace('$1', '?')}${t.assigned ? ` ORDER BY ${t.assigned}` : ''}`).all(workshopId) as Record<string, unknown>[];
        out[t.table] = rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => carried(t, k)).map(([k, v]) => [k, toCell(v)])));
      }
      return out;
    });
  }

  restore(rows: BackupRows): Promise<void> {
    return this.run((db) => {
      for (const key of Object.keys(rows)) if (!BACKUP_TABLES.some((t) => t.table === key)) throw invalid(`unknown table ${JSON.stringify(key.slice(0, 40))}`);
      db.transaction(() => {
        for (const t of BACKUP_TABLES) {
          const list = rows[t.table] ?? [];
          if (!list.length) continue;
          const known = new Set((db.pragma(`table_info(${t.table})`) as { name: string }[]).map((c) => c.name));
          for (const row of list) {
            const cols = Object.keys(row);
            const bad = cols.find((c) => !known.has(c) || !carried(t, c));
            if (bad !== undefined) throw invalid(`unknown column ${JSON.stringify(bad.slice(0, 40))} in ${t.table}`);
            db.prepare(`INSERT INTO ${t.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => fromCell(row[c]!)));
          }
        }
      })();
    });
  }

  archiveAudit(workshopId: string, entries: AuditEntry[]): Promise<void> {
    return this.run((db) => {
      const insert = statement(db, 'INSERT INTO audit_archive (workshop_id, position, entry) VALUES (?, ?, ?)');
      db.transaction(() => entries.forEach((e, i) => insert.run(workshopId, i, JSON.stringify(e))))();
    });
  }

  archivedAudit(workshopId: string): Promise<AuditEntry[]> {
    return this.run((db) =>
      (statement(db, 'SELECT entry FROM audit_archive WHERE workshop_id = ? ORDER BY position').all(workshopId) as { entry: string }[]).map((r) => JSON.parse(r.entry) as AuditEntry),
    );
  }

  tablesWithWorkshop(): Promise<string[]> {
    return this.run((db) =>
      (db.prepare("SELECT m.name AS name FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table' AND c.name = 'workshop_id'").all() as { name: string }[]).map((r) => r.name),
    );
  }
}
